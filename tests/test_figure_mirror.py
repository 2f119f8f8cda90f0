"""Figure pairs do not depend on argument order (issue 16, item 5): every consecutive corpus pair.

bug: on 10 of 101 corpus pairs, `yoy compare A B` paired figures that `yoy compare B A` did not
(or paired them differently), so a reader saw different figure changes depending on which file
came first (the fiscal-year rule read the argument order as time order; the label rule aligned
words in one direction only). The pairs of A→B must be exactly the pairs of B→A with old and new swapped. Only the
stages figure pairing depends on run here (parse, align, extract, match), each report read once.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_digests import consecutive_pairs

from compare import CompareError
from compare.align import align_sections
from compare.figures.extract import extract_figures
from compare.figures.match import match_figures
from compare.figures.rules import in_time_order
from compare.ingest import read_source
from compare.model import Figure, Report
from compare.structure.parse import parse_report

from conftest import CORPUS, need_shared

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

Pairs = set[tuple[tuple[int, int], tuple[int, int]]]


def _pairs(old: Report, new: Report, old_figs: tuple[Figure, ...], new_figs: tuple[Figure, ...]) -> Pairs:
    matched = match_figures(old_figs, new_figs, section_pairs=align_sections(old, new),
                            old_is_earlier=in_time_order(old.metadata, new.metadata))
    return {((p.old.span.start, p.old.span.end), (p.new.span.start, p.new.span.end))
            for p in matched if p.old is not None and p.new is not None}


def test_figure_pairs_mirror_when_old_and_new_are_swapped() -> None:
    need_shared(CORPUS)
    pairs = [p for series in sorted(CORPUS.iterdir()) if series.is_dir() for p in consecutive_pairs(series)]
    assert len(pairs) >= 90
    parsed: dict[Path, tuple[Report, tuple[Figure, ...]] | None] = {}
    for path in sorted({p for pair in pairs for p in pair}):
        try:
            report = parse_report(read_source(str(path)))
        except CompareError:
            parsed[path] = None  # a refused input (the page-chrome-only file) is refused both ways
            continue
        parsed[path] = (report, extract_figures(report))
    broken = []
    for a, b in pairs:
        ra, rb = parsed[a], parsed[b]
        if ra is None or rb is None:
            continue
        there = _pairs(ra[0], rb[0], ra[1], rb[1])
        back = {(n, o) for o, n in _pairs(rb[0], ra[0], rb[1], ra[1])}
        if there != back:
            broken.append(f"{a.parent.name} {a.stem}↔{b.stem}: {len(there - back)} only forward, "
                          f"{len(back - there)} only backward")
    assert broken == []
