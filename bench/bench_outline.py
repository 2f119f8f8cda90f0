"""Benchmark (not a test): `yoy outline --format json` time per corpus file (issue 13: ≤ 0.3 s each).

Run: python bench/bench_outline.py [--repeat N] [--collapsed]
Reads every file of ../shared/corpus (and the seed), runs the outline command in-process (read,
parse, render JSON; no interpreter start-up) and prints the best of N runs per file, the slowest
file and the files over the target. `--collapsed` also times each Chinese file with all its line
breaks removed (the one-line shape of a page copied from the web).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from compare.cli import main as yoy

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TARGET_SECONDS = 0.3


def _best(path: Path, repeat: int) -> tuple[float, int]:
    runner = CliRunner()
    best = float("inf")
    code = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = runner.invoke(yoy, ["outline", str(path), "--format", "json"])
        best = min(best, time.perf_counter() - t0)
        code = result.exit_code
    return best, code


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--collapsed", action="store_true")
    args = parser.parse_args()
    corpus = SHARED / "corpus"
    if not corpus.exists():
        print(f"{corpus} is absent; nothing to measure")
        return 0
    files = sorted(corpus.glob("*/*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    rows: list[tuple[str, int, float, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            rel = f"{path.parent.name}/{path.name}"
            seconds, code = _best(path, args.repeat)
            rows.append((rel, path.stat().st_size, seconds, code))
            text = path.read_text(encoding="utf-8", errors="replace")
            if args.collapsed and not path.parent.name.startswith(("sg-", "berkshire")):
                one = Path(tmp) / path.name
                one.write_text(text.replace("\n", ""), encoding="utf-8")
                seconds, code = _best(one, args.repeat)
                rows.append((rel + " (one line)", len(text.encode()), seconds, code))
    for rel, size, seconds, code in rows:
        flag = "  OVER" if seconds > TARGET_SECONDS else ""
        print(f"{rel:<50} {size:>9,} B  {seconds:6.3f} s  exit {code}{flag}")
    worst = max(rows, key=lambda r: r[2])
    over = [r for r in rows if r[2] > TARGET_SECONDS]
    print(f"\n{len(rows)} runs; slowest {worst[0]} {worst[2]:.3f} s; {len(over)} over {TARGET_SECONDS} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
