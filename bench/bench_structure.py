"""Benchmark (not a test): `parse_report` time against text length.

Run: python bench/bench_structure.py   (reads ../shared/corpus and ../shared/seeds; prints seconds
per size). Parsing should grow about linearly, and a 1 MB report should parse in well under a second.
Four shapes: the State Council reports one after another (wiki line breaks, many headings), the
seed repeated (damaged markers), the seed with its line breaks collapsed into runs of spaces, and
the State Council reports on one line without any break or indent.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from compare.ingest import source_from_string
from compare.structure.parse import parse_report, uncovered

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _time(text: str) -> tuple[float, int]:
    src = source_from_string(text)
    t0 = time.perf_counter()
    report = parse_report(src)
    elapsed = time.perf_counter() - t0
    assert not uncovered(report)
    return elapsed, len(report.sections)


def main() -> int:
    corpus = SHARED / "corpus" / "cn-state-council-gwr"
    seed = SHARED / "seeds" / "000_7f564c0039794e89.txt"
    if not corpus.exists() or not seed.exists():
        print(f"{SHARED} is absent; nothing to measure")
        return 0
    gwr = "\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt")))
    seed_text = seed.read_text(encoding="utf-8")
    collapsed = "  ".join(line for line in seed_text.split("\n") if line.strip())
    # every line break removed, indents too (a page copied as one line; issue 13)
    one_line = "".join(line.strip() for line in gwr.split("\n"))
    for name, base in (("gwr", gwr), ("seed", seed_text), ("collapsed", collapsed), ("one_line", one_line)):
        for target in (250_000, 500_000, 1_000_000, 2_000_000):
            text = base * max(1, target // len(base))
            seconds, n = _time(text)
            print(f"{name:<10} {len(text):>9,} chars  {seconds:6.3f} s  {n:>6} sections")
    return 0


if __name__ == "__main__":
    sys.exit(main())
