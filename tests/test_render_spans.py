"""The page's span look-ups by bisection find what a scan of every span finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compare.model import Span
from compare.render.blocks import Mark, Marks
from compare.render.highlights import _Passages

SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda t: Span(t[0], t[0] + t[1])),
                 max_size=25)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@given(SPANS, SPANS)
def test_marks_overlapping_a_span_are_those_sharing_a_character(marked: list[Span], asked: list[Span]) -> None:
    marks = Marks(Mark(s, f"m{i}", "x") for i, s in enumerate(marked))
    for span in asked:
        assert marks.overlapping(span) == [m for m in marks.marks if _overlaps(m.span, span)]


@given(SPANS, SPANS)
def test_a_span_overlaps_a_done_passage_as_a_scan_finds(done: list[Span], asked: list[Span]) -> None:
    passages = _Passages(done)
    for span in asked:
        assert passages.overlap(span) == any(_overlaps(span, s) for s in done)
