"""Print one digest line per consecutive corpus pair: `<series>/<old>-<new> <sha256 of html+json+md>`.

Run as a script by tests/test_determinism.py, once per PYTHONHASHSEED, so that every process starts
with its own hash seed (the seed is fixed when the interpreter starts). Also usable by hand:
`python tests/corpus_digests.py [SERIES …]`.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def consecutive_pairs(series: Path) -> list[tuple[Path, Path]]:
    """Consecutive files of one series by the year in their name (2021a, 2021b kept in name order)."""
    files = sorted((p for p in series.glob("*.txt") if re.match(r"\d{4}", p.name)), key=lambda p: p.name)
    return list(zip(files, files[1:]))


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from compare import CompareError, compare_files, render

    names = argv or sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
    for name in names:
        for old, new in consecutive_pairs(CORPUS / name):
            digest = hashlib.sha256()
            try:
                comparison = compare_files(old, new)
                for fmt in ("html", "json", "md"):
                    digest.update(render(comparison, fmt).encode("utf-8"))
            except CompareError as exc:
                digest.update(f"error: {exc}".encode("utf-8"))
            print(f"{name}/{old.stem}-{new.stem} {digest.hexdigest()}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
