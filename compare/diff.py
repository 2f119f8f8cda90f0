"""Stage 4, diff: section pairs -> `SectionDiff` rows with intraline segments and change kinds.

Foundation version: paragraphs are the unit, `difflib.SequenceMatcher(autojunk=False)` over them.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from .model import (
    ChangeKind, Op, PairStatus, Paragraph, Report, SectionDiff, SectionPair, Segment, SentenceRow, Span,
)

__all__ = ["diff_sections"]


def _paragraphs_in(report: Report, section_id: str | None) -> list[Paragraph]:
    if section_id is None:
        return []
    span = report.section(section_id).span
    return [p for p in report.paragraphs if span.start <= p.span.start < span.end]


def diff_sections(old: Report, new: Report, pairs: Sequence[SectionPair]) -> tuple[SectionDiff, ...]:
    """Diff the paragraphs of each section pair."""
    diffs: list[SectionDiff] = []
    for index, pair in enumerate(pairs):
        old_ps = _paragraphs_in(old, pair.old_id)
        new_ps = _paragraphs_in(new, pair.new_id)
        old_txt = [old.text_of(p.span) for p in old_ps]
        new_txt = [new.text_of(p.span) for p in new_ps]
        rows: list[SentenceRow] = []
        # autojunk off: stock paragraphs repeat and would otherwise be ignored
        sm = difflib.SequenceMatcher(None, old_txt, new_txt, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                for o, n in zip(old_ps[i1:i2], new_ps[j1:j2]):
                    rows.append(SentenceRow(o.span, n.span, None))
                continue
            common = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            for k in range(common):
                o, n = old_ps[i1 + k], new_ps[j1 + k]
                segs = _segments(old.text_of(o.span), new.text_of(n.span))
                rows.append(SentenceRow(o.span, n.span, ChangeKind.REWORDED, segs,
                                        _ratio(old.text_of(o.span), new.text_of(n.span))))
            for o in old_ps[i1 + common : i2]:
                rows.append(SentenceRow(o.span, None, ChangeKind.REMOVED, score=0.0))
            for n in new_ps[j1 + common : j2]:
                rows.append(SentenceRow(None, n.span, ChangeKind.ADDED, score=0.0))
        changed = sum(1 for r in rows if r.kind is not None)
        score = changed / len(rows) if rows else 0.0
        if pair.status in (PairStatus.ADDED, PairStatus.REMOVED):
            score = 1.0
        diffs.append(SectionDiff(index, tuple(rows), score))
    return tuple(diffs)


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _segments(a: str, b: str) -> tuple[Segment, ...]:
    segs: list[Segment] = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            segs.append(Segment(Op.EQUAL, a[i1:i2]))
            continue
        if i2 > i1:
            segs.append(Segment(Op.DELETE, a[i1:i2]))
        if j2 > j1:
            segs.append(Segment(Op.INSERT, b[j1:j2]))
    return tuple(segs)
