"""Benchmark (not a test): follow-through time against report length.

Run: python bench/bench_followthrough.py   (reads ../shared/corpus; prints seconds per size)
Both reports are repeated 1, 2, 4 and 8 times. Items grow with the old report and the candidate
sentences of each item with the new one, so the time grows about with the square of the
repetition here (every repeated item finds its repeated twins); on real pairs, where an item
shares its rare bigrams with a handful of sentences, it stays near linear.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from compare.figures.extract import extract_figures
from compare.followthrough.evidence import check_followthrough
from compare.ingest import source_from_string
from compare.structure.parse import parse_report

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "cn-state-council-gwr"


def main() -> int:
    if not CORPUS.exists():
        print(f"{CORPUS} is absent; nothing to measure")
        return 0
    pairs = [(CORPUS / f"{y}.txt", CORPUS / f"{y + 1}.txt") for y in range(2013, 2019)]
    t0 = time.perf_counter()
    total = 0
    for old_path, new_path in pairs:
        old = parse_report(source_from_string(old_path.read_text(encoding="utf-8"), old_path.name))
        new = parse_report(source_from_string(new_path.read_text(encoding="utf-8"), new_path.name))
        total += len(check_followthrough(old, new, old_figures=extract_figures(old),
                                         new_figures=extract_figures(new)))
    print(f"6 real pairs 2013→2019: {total} items in {time.perf_counter() - t0:.2f} s (parsing included)")
    old_text = (CORPUS / "2018.txt").read_text(encoding="utf-8")
    new_text = (CORPUS / "2019.txt").read_text(encoding="utf-8")
    for times in (1, 2, 4):
        old = parse_report(source_from_string(old_text * times, "old"))
        new = parse_report(source_from_string(new_text * times, "new"))
        old_figs, new_figs = extract_figures(old), extract_figures(new)
        t0 = time.perf_counter()
        checks = check_followthrough(old, new, old_figures=old_figs, new_figures=new_figs)
        print(f"x{times}: {len(old_text) * times:>8} chars, {len(checks):>5} items, "
              f"{time.perf_counter() - t0:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
