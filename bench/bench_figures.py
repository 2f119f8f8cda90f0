"""Benchmark (not a test): figure extraction and matching time against text length.

Run: python bench/bench_figures.py   (reads ../shared/corpus; prints seconds per size)
Extraction should grow about linearly: doubling the text about doubles the time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from compare.figures.extract import extract_figures_from_text
from compare.figures.match import match_figures

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "cn-state-council-gwr"


def main() -> int:
    if not CORPUS.exists():
        print(f"{CORPUS} is absent; nothing to measure")
        return 0
    base = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    for times in (1, 2, 4, 8):
        text = base * times
        t0 = time.perf_counter()
        figs = extract_figures_from_text(text)
        t1 = time.perf_counter()
        half = len(figs) // 2
        pairs = match_figures(figs[:half], figs[half:])
        t2 = time.perf_counter()
        print(f"{len(text):>9} chars  {len(figs):>6} figures  extract {t1 - t0:6.2f}s  "
              f"match {t2 - t1:6.2f}s  ({sum(1 for p in pairs if p.old and p.new)} pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
