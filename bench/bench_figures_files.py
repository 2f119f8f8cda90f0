"""Benchmark (not a test): `yoy figures` time on every corpus file, and the full compare of every
consecutive corpus pair (issue 19: ≤ 0.3 s per file, ≤ 1 s per pair).

Run: python bench/bench_figures_files.py   (reads ../shared/corpus; prints the slowest and a summary)
Times are in-process (read, parse, extract, render the JSON list; the compare: the whole pipeline),
without the interpreter's start-up.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from compare import compare_files
from compare.figures.extract import extract_figures
from compare.ingest import read_source
from compare.render.figure_list import render_figures
from compare.structure.parse import parse_report

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
FILE_BUDGET = 0.3  # seconds, issue 19
PAIR_BUDGET = 1.0


def _files() -> list[list[Path]]:
    return [sorted(f for f in d.glob("*.txt") if "pagechrome" not in f.name)
            for d in sorted(CORPUS.iterdir()) if d.is_dir()]


def main() -> int:
    if not CORPUS.exists():
        print(f"{CORPUS} is absent; nothing to measure")
        return 0
    series = _files()
    file_times: list[tuple[float, str]] = []
    for files in series:
        for f in files:
            t0 = time.perf_counter()
            report = parse_report(read_source(str(f)))
            render_figures(report, extract_figures(report), "json")
            file_times.append((time.perf_counter() - t0, f"{f.parent.name}/{f.name}"))
    pair_times: list[tuple[float, str]] = []
    for files in series:
        for old, new in zip(files, files[1:]):
            t0 = time.perf_counter()
            compare_files(str(old), str(new))
            pair_times.append((time.perf_counter() - t0, f"{old.parent.name}/{old.stem}->{new.stem}"))
    for name, times, budget in (("yoy figures", file_times, FILE_BUDGET), ("compare", pair_times, PAIR_BUDGET)):
        times.sort(reverse=True)
        over = [t for t in times if t[0] > budget]
        print(f"{name}: {len(times)} runs, max {times[0][0]:.3f}s ({times[0][1]}), "
              f"median {times[len(times) // 2][0]:.3f}s, {len(over)} over {budget}s")
        for t, label in times[:5]:
            print(f"   {t:.3f}s  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
