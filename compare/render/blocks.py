"""Stage 7, render: the reading view of one section pair — sentence rows grouped into paragraphs.

Takes the `SentenceRow`s of one `SectionDiff` and returns plain dicts for the templates (no HTML):

- consecutive rows inside one paragraph become one *block*, drawn as one paragraph with the
  changes marked inside it (the sentence grid is rebuilt from the same markup by report.js);
- a run of sentences that exist on one side only is one *run* with one badge;
- a sentence that moved is drawn where it now stands, with a link back to a small "moved away"
  marker where it stood, and that marker links forward to it;
- the *pieces* of a row are its segments in reading order (equal, delete, insert), cut where a
  mark (a changed figure, a plan item, an evidence passage) begins or ends, so links can land on
  the exact words.

Cost: paragraphs and marks are found by bisection, so grouping is O(n log n) in rows.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from ..model import ChangeKind, Op, Report, SentenceRow, Span

__all__ = ["Mark", "Marks", "merged_pieces", "side_pieces", "group_blocks", "RUN_ORDER"]

# Which kind names a run of one-sided sentences first: a commitment is what a reader looks for.
RUN_ORDER: tuple[str, ...] = (ChangeKind.NEW_COMMITMENT.value, ChangeKind.DROPPED.value,
                              ChangeKind.ADDED.value, ChangeKind.REMOVED.value)


@dataclass(frozen=True, slots=True)
class Mark:
    """A passage to make addressable: `span` in one side's text, `id` for links, `cls` for looks."""

    span: Span
    id: str
    cls: str


class Marks:
    """The marks of one side; each id is placed once, on the first piece it covers."""

    def __init__(self, marks: Iterable[Mark]) -> None:
        self.marks = sorted(marks, key=lambda m: (m.span.start, m.span.end, m.id))
        self.starts = [m.span.start for m in self.marks]
        self.ends = [m.span.end for m in self.marks]
        # the furthest any of the first i+1 marks reaches: before the first index reaching past an
        # offset, no mark can touch it (an evidence paragraph does not widen every search)
        self.reach = list(accumulate(self.ends, max))
        self.placed: set[str] = set()

    def overlapping(self, span: Span) -> list[Mark]:
        """The marks that share at least one character with `span`, in order."""
        start = span.start
        lo = bisect.bisect_right(self.reach, start)
        hi = bisect.bisect_left(self.starts, span.end)  # these start before the span ends
        ends = self.ends
        return [self.marks[i] for i in range(lo, hi) if ends[i] > start]


_NO_MARKS = Marks(())
_EQUAL, _INSERT, _DELETE = Op.EQUAL.value, Op.INSERT.value, Op.DELETE.value
_MOVED = ChangeKind.MOVED


def _cut(op: str, text: str, start: int, hits: Sequence[Mark], marks: Marks,
         other: tuple[int, Sequence[Mark], Marks] | None = None) -> list[dict[str, Any]]:
    """Cut `text` (at offset `start` of its side) where marks begin or end.

    `other` gives, for equal text, the offset and marks of the other side, so an unchanged
    sentence carries both a plan item's mark (old side) and an evidence mark (new side).
    """
    if not hits and not (other and other[1]):
        # no mark touches the text (most sentences): one piece, nothing placed
        return [{"op": op, "text": text, "anchors": [], "cls": ""}] if text else []
    n = len(text)
    if not n:
        return []
    # each side's marks that share a character with `text`, with their ends relative to it (a
    # side without any left out), and the offsets where a mark begins or ends inside the text
    sides: list[tuple[list[tuple[int, int, Mark]], set[str]]] = []
    cuts = {0, n}
    for base, side_hits, side_marks in ((start, hits, marks), other) if other else ((start, hits, marks),):
        ms = []
        for m in side_hits:
            a, b = m.span.start - base, m.span.end - base
            if a < n and b > 0:
                ms.append((a, b, m))
                if a > 0:
                    cuts.add(a)
                if b < n:
                    cuts.add(b)
        if ms:
            sides.append((ms, side_marks.placed))
    if not sides:
        return [{"op": op, "text": text, "anchors": [], "cls": ""}]
    if len(cuts) == 2:
        # no mark begins or ends inside the text, so each covers all of it (a sentence inside an
        # evidence paragraph, most cuts): one piece, as the loop below would make it
        anchors: list[str] = []
        classes: list[str] = []
        for ms, placed in sides:
            new_anchors = [m.id for _, _, m in ms if m.id not in placed]
            placed.update(new_anchors)
            anchors += new_anchors
            classes += [m.cls for _, _, m in ms]
            classes += ["m-" + m.id for _, _, m in ms]
        return [{"op": op, "text": text, "anchors": anchors, "cls": " ".join(dict.fromkeys(classes))}]
    points = sorted(cuts)
    out: list[dict[str, Any]] = []
    for a, b in zip(points, points[1:]):
        anchors = []
        classes = []
        for ms, placed in sides:
            covering = [m for ma, mb, m in ms if ma < b and mb > a]
            if covering:
                new_anchors = [m.id for m in covering if m.id not in placed]
                placed.update(new_anchors)
                anchors += new_anchors
                classes += [m.cls for m in covering]
                classes += ["m-" + m.id for m in covering]
        out.append({"op": op, "text": text[a:b], "anchors": anchors,
                    "cls": " ".join(dict.fromkeys(classes)) if classes else ""})
    return out


def _segments(row: SentenceRow, old_text: str, new_text: str) -> list[tuple[str, str]]:
    """The row's segments in reading order, or whole-side runs when they do not rebuild both sides."""
    if row.segments:
        # `_value_`: the member's value without Enum's `value` property (a Python call per segment)
        segs = [(s.op._value_, s.text) for s in row.segments if s.text]
        if ("".join([t for op, t in segs if op != _INSERT]) == old_text
                and "".join([t for op, t in segs if op != _DELETE]) == new_text):
            return segs
    if row.kind is None and old_text == new_text:
        return [(_EQUAL, new_text)] if new_text else []
    out = []
    if old_text:
        out.append((_DELETE, old_text))
    if new_text:
        out.append((_INSERT, new_text))
    return out


def merged_pieces(row: SentenceRow, old: Report, new: Report, old_marks: Marks, new_marks: Marks,
                  ) -> list[dict[str, Any]]:
    """The row as one run of text in reading order: unchanged words once, deletions, insertions."""
    # a side counts when its span holds text (an empty span is a side without text)
    ro, rn = row.old, row.new
    if ro is not None and ro.end > ro.start:
        o, old_text = ro.start, old.source.text[ro.start:ro.end]
    else:
        ro, o, old_text = None, 0, ""
    if rn is not None and rn.end > rn.start:
        n, new_text = rn.start, new.source.text[rn.start:rn.end]
    else:
        rn, n, new_text = None, 0, ""
    if row.kind is _MOVED and ro is not None and rn is not None and old_text == new_text:
        # the same words elsewhere: nothing inside the sentence changed, so nothing is struck
        return _cut(_EQUAL, new_text, n, new_marks.overlapping(rn), new_marks, (o, old_marks.overlapping(ro), old_marks))
    o_hits = old_marks.overlapping(ro) if ro is not None and old_marks.marks else []
    n_hits = new_marks.overlapping(rn) if rn is not None and new_marks.marks else []
    if not o_hits and not n_hits:
        # no mark on either side (most rows): one piece per segment, as `_cut` gives it
        return [{"op": op, "text": text, "anchors": [], "cls": ""}
                for op, text in _segments(row, old_text, new_text) if text]
    out: list[dict[str, Any]] = []
    for op, text in _segments(row, old_text, new_text):
        if op == _EQUAL:
            out += _cut(op, text, n, n_hits, new_marks, (o, o_hits, old_marks))
            o += len(text)
            n += len(text)
        elif op == _DELETE:
            out += _cut(op, text, o, o_hits, old_marks)
            o += len(text)
        else:
            out += _cut(op, text, n, n_hits, new_marks)
            n += len(text)
    return out


def side_pieces(row: SentenceRow, report: Report, keep: Op) -> list[dict[str, str]]:
    """One side of the row as (op, text) pieces, for views that show the sides apart (Markdown)."""
    span = row.old if keep is Op.DELETE else row.new
    if span is None:
        return []
    text = report.text_of(span)
    if row.segments:
        segs = [{"op": s.op._value_, "text": s.text} for s in row.segments
                if (s.op is Op.EQUAL or s.op is keep) and s.text]
        if "".join([s["text"] for s in segs]) == text:
            return segs
    return [{"op": _EQUAL if row.kind is None else keep._value_, "text": text}] if text else []


# --------------------------------------------------------------------------- paragraphs


class _Paragraphs:
    """Which paragraph of a report holds an offset (index into report.paragraphs, -1 for none)."""

    def __init__(self, report: Report) -> None:
        self.starts = [p.span.start for p in report.paragraphs]
        self.ends = [p.span.end for p in report.paragraphs]

    def at(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.ends[i] else -1


@dataclass(frozen=True, slots=True)
class _Where:
    old_para: _Paragraphs
    new_para: _Paragraphs


def paragraph_index(old: Report, new: Report) -> _Where:
    """Build once per comparison; pass to `group_blocks` for each section pair."""
    return _Where(_Paragraphs(old), _Paragraphs(new))


def group_blocks(rows: Sequence[SentenceRow], where: _Where) -> list[list[int]]:
    """Indexes of `rows` per block: a new block starts where a row leaves the current paragraph
    of either side. A moved row keeps to its new place; its old paragraph does not split blocks."""
    blocks: list[list[int]] = []
    cur_old = cur_new = -2
    for k, r in enumerate(rows):
        po = where.old_para.at(r.old.start) if r.old is not None and r.kind is not ChangeKind.MOVED else -2
        pn = where.new_para.at(r.new.start) if r.new is not None else -2
        split = (pn != -2 and cur_new != -2 and pn != cur_new) or (po != -2 and cur_old != -2 and po != cur_old)
        if not blocks or split:
            blocks.append([])
            if split:
                # the other side starts afresh too: a new block is a new paragraph on both sides
                cur_old = cur_new = -2
        blocks[-1].append(k)
        if pn != -2:
            cur_new = pn
        if po != -2:
            cur_old = po
    return blocks


def moved_away_slots(rows: Sequence[SentenceRow]) -> dict[int, list[int]]:
    """For each moved row, the row after which its old place is (-1: before the first row).

    Rows are in the new text's order; the old place is after the last row (not itself moved)
    whose old sentence starts before the moved sentence's old start.
    """
    moved = ChangeKind.MOVED
    if not any(r.kind is moved for r in rows):
        return {}  # most sections: nothing moved, nothing to sort
    anchored = sorted((r.old.start, k) for k, r in enumerate(rows)
                      if r.old is not None and r.kind is not moved)
    starts = [s for s, _ in anchored]
    out: dict[int, list[int]] = {}
    for k, r in enumerate(rows):
        if r.kind is ChangeKind.MOVED and r.old is not None:
            i = bisect.bisect_left(starts, r.old.start) - 1
            out.setdefault(anchored[i][1] if i >= 0 else -1, []).append(k)
    return out


def runs_of(block: Sequence[int], rows: Sequence[SentenceRow], badged: Callable[[SentenceRow], bool],
            ) -> list[tuple[str, list[int]]]:
    """The block's rows as items: ("row", [k]) for a sentence on both sides, ("old"/"new", [k, ...])
    for a run of consecutive badged sentences on one side only (one badge for the run)."""
    items: list[tuple[str, list[int]]] = []
    for k in block:
        r = rows[k]
        side = "new" if r.old is None else "old" if r.new is None else "row"
        if side != "row" and r.kind is not None and badged(r) and items and items[-1][0] == side:
            items[-1][1].append(k)
        else:
            items.append((side if r.kind is not None and badged(r) else "row", [k]))
    return items
