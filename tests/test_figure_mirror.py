"""Figure pairs do not depend on argument order (issue 16, item 5): every consecutive corpus pair.

bug: on 5 of 43 corpus pairs, `yoy compare A B` paired figures that `yoy compare B A` did not (or
paired them differently), so a reader saw different figure changes depending on which file came
first. The pairs of A→B must be exactly the pairs of B→A with old and new swapped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compare import CompareError, Comparison, compare_files
from conftest import CORPUS, need_shared
from corpus_digests import consecutive_pairs

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def _pairs(c: Comparison) -> set[tuple[tuple[int, int], tuple[int, int]]]:
    return {((p.old.span.start, p.old.span.end), (p.new.span.start, p.new.span.end))
            for p in c.figure_pairs if p.old is not None and p.new is not None}


def _mirror_breaks(a: Path, b: Path) -> str | None:
    try:
        forward, backward = compare_files(str(a), str(b)), compare_files(str(b), str(a))
    except CompareError:
        return None  # a refused input (the page-chrome-only file) is refused both ways
    there = _pairs(forward)
    back = {(n, o) for o, n in _pairs(backward)}
    if there == back:
        return None
    return f"{a.parent.name} {a.stem}↔{b.stem}: {len(there - back)} only forward, {len(back - there)} only backward"


def test_figure_pairs_mirror_when_old_and_new_are_swapped() -> None:
    need_shared(CORPUS)
    pairs = [p for series in sorted(CORPUS.iterdir()) if series.is_dir() for p in consecutive_pairs(series)]
    assert len(pairs) >= 90
    broken = [m for a, b in pairs if (m := _mirror_breaks(a, b)) is not None]
    assert broken == []
