"""Stage 7, render: the 「要点 / Highlights」 block — the few findings a reader wants first.

Reads the comparison only (no new facts): each item is one line of the reports' own text with a
link to its place on the page. Ranking, documented in README ("Highlights"):

1. sections added and removed, outer parts before sub-sections, in document order (appendix entries —
   a glossary term added or gone — are left to the outline);
2. targets of the old plan not met (all of them, in plan order);
3. new commitments in the new report's plan part (or anywhere, when it has none): sentences that
   state a figure first, then in document order — reports put their priorities first;
4. commitments of the old plan that were dropped and that follow-through did not find done
   (addressed, partly or met), ranked the same way (the whole old report when it has no plan part);
5. the largest moves among the figure pairs `figures.rules.headline_refusal` lets through (the
   pairing rules, plus: one year or a level on both sides, consecutive years when both are known, a
   label that names a measure, at most ×10 apart), by relative change.

Each group shows at most `PER_GROUP[...]` items and says how many more there are.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate
from typing import Any

from ..model import ChangeKind, Comparison, Figure, FigurePair, PairStatus, PlanStatus, Section, Span
from .summary import in_appendix

__all__ = ["Highlight", "highlight_groups", "PER_GROUP", "GROUP_ORDER"]

# How many items each group shows: together at most ~15 lines, one desktop screen under the header.
PER_GROUP: dict[str, int] = {"sections": 3, "not_met": 3, "new_commitment": 4, "dropped": 3, "figures": 4}
GROUP_ORDER: tuple[str, ...] = ("new_commitment", "dropped", "figures", "not_met", "sections")
_DONE = (PlanStatus.ADDRESSED, PlanStatus.PARTLY, PlanStatus.MET)


@dataclass(frozen=True, slots=True)
class Highlight:
    """One line: `text` from a report, `href` to its place, `note` (a figure change, a status)."""

    text: str
    href: str
    note: str = ""
    tag: str = ""  # a short qualifier shown before the text (section status)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _FigureStarts:
    """Where the figures stage found figures in one report (years, dates and ordinals are not figures)."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.starts = sorted(s.start for s in spans)

    def any_in(self, span: Span) -> bool:
        i = bisect.bisect_left(self.starts, span.start)
        return i < len(self.starts) and self.starts[i] < span.end

    def within(self, span: Span) -> list[int]:
        """The starts of the figures inside `span`."""
        return self.starts[bisect.bisect_left(self.starts, span.start):bisect.bisect_left(self.starts, span.end)]


def _rank_sentences(found: list[tuple[Span, str, str]], figures: _FigureStarts) -> list[tuple[Span, str, str]]:
    """(span, text, href): a sentence stating a figure first, then document order."""
    return sorted(found, key=lambda t: (not figures.any_in(t[0]), t[0].start, t[2]))


class _Passages:
    """Passages of one report (the items follow-through found done), to ask whether a span
    overlaps any of them in O(log n) rather than against each in turn."""

    def __init__(self, spans: Sequence[Span]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self.starts = [a for a, _ in ordered]
        self.ends = [b for _, b in ordered]
        self.reach = list(accumulate(self.ends, max))  # the furthest end among the first i+1

    def overlap(self, span: Span) -> bool:
        """True when some passage shares a character with `span`."""
        lo = bisect.bisect_right(self.reach, span.start)  # the ones before end at or before it
        hi = bisect.bisect_left(self.starts, span.end)  # these start before it ends
        return any(self.ends[i] > span.start for i in range(lo, hi))


def _heading_span(section: Section) -> Span | None:
    return section.heading_span if len(section.heading_span) > 0 else None


def _within(span: Span | None, outer: Span | None) -> bool:
    return span is not None and outer is not None and outer.start <= span.start and span.end <= outer.end


def highlight_groups(c: Comparison, *, in_old_plan: Callable[[str], bool], in_new_plan: Callable[[str], bool],
                     figure_text: Callable[[FigurePair], str], figure_href: Callable[[int], str],
                     section_heading: Callable[[int], str], target_text: Callable[[int], str],
                     ) -> dict[str, tuple[list[Highlight], int]]:
    """Each group's shown items and the number left out, keyed by GROUP_ORDER names.

    The callables come from the view model, so wording and links stay in one place:
    `in_old_plan(section_id)`, `figure_text(pair)`, `figure_href(i)`, `section_heading(pair_index)`,
    `target_text(plan_index)`.
    """
    out: dict[str, tuple[list[Highlight], int]] = {}

    # 1. sections added / removed: outer parts first
    secs = []
    for i, pair in enumerate(c.section_pairs):
        if pair.status in (PairStatus.ADDED, PairStatus.REMOVED):
            if in_appendix(c, pair):
                continue  # a glossary entry added or gone is no news; the outline lists them, folded
            sid = pair.new_id or pair.old_id
            rep = c.new if pair.new_id else c.old
            sec = rep.by_id.get(sid) if sid else None
            level = sec.level if sec is not None else 9
            secs.append((level, i, pair.status.value))
    secs.sort()
    out["sections"] = _cap("sections", [Highlight(section_heading(i), f"#p{i}", tag=status) for _, i, status in secs])

    # 2. targets not met
    missed = [Highlight(target_text(i), f"#plan-{i}") for i, pc in enumerate(c.plan_checks)
              if pc.status is PlanStatus.NOT_MET]
    out["not_met"] = _cap("not_met", missed)

    # 3 and 4. new commitments in the plan; dropped commitments not found done
    done_items = _Passages([pc.item.span for pc in c.plan_checks if pc.status in _DONE])
    new_plan: list[tuple[Span, str, str]] = []
    new_any: list[tuple[Span, str, str]] = []
    dropped: list[tuple[Span, str, str]] = []
    dropped_any: list[tuple[Span, str, str]] = []
    for d in c.diffs:
        pair = c.section_pairs[d.pair_index]
        # a section's own heading line is not a commitment a reader looks for (the sections group
        # lists new and removed sections)
        old_head = _heading_span(c.old.section(pair.old_id)) if pair.old_id else None
        new_head = _heading_span(c.new.section(pair.new_id)) if pair.new_id else None
        for k, r in enumerate(d.rows):
            if r.kind is not ChangeKind.NEW_COMMITMENT and r.kind is not ChangeKind.DROPPED:
                continue  # the two kinds these groups list
            if _within(r.new, new_head) or _within(r.old, old_head):
                continue
            href = f"#r{d.pair_index}-{k}"
            if r.kind is ChangeKind.NEW_COMMITMENT and r.new is not None:
                found = (r.new, _one_line(c.new.text_of(r.new)), href)
                new_any.append(found)
                if pair.new_id and in_new_plan(pair.new_id):
                    new_plan.append(found)
            elif r.kind is ChangeKind.DROPPED and r.old is not None:
                span = r.old
                if done_items.overlap(span):
                    continue
                found = (span, _one_line(c.old.text_of(span)), href)
                dropped_any.append(found)
                if pair.old_id and in_old_plan(pair.old_id):
                    dropped.append(found)
    new_figs = _FigureStarts([f.span for f in c.new_figures] or [fp.new.span for fp in c.figure_pairs if fp.new])
    old_figs = _FigureStarts([f.span for f in c.old_figures] or [fp.old.span for fp in c.figure_pairs if fp.old])
    # a new sentence whose every figure continues one of last year's (「规上工业企业增加值增长6.5%左右」 after
    # 「…增长4.5%」, written as a list of its own) sets a target again with another value: the figures
    # group shows that move, and it is no new commitment
    continued = {fp.new.span.start for fp in c.figure_pairs if fp.old is not None and fp.new is not None}
    fresh = [f for f in (new_plan or new_any)
             if not (starts := new_figs.within(f[0])) or not all(s in continued for s in starts)]
    out["new_commitment"] = _cap("new_commitment", [Highlight(t, h) for _, t, h in _rank_sentences(fresh, new_figs)])
    # which the group shows: new commitments of the plan part, or (no plan part) of the whole report
    out["new_commitment_scope"] = ([], 1 if new_plan else 0)
    out["dropped"] = _cap("dropped", [Highlight(t, h) for _, t, h in _rank_sentences(dropped or dropped_any, old_figs)])
    out["dropped_scope"] = ([], 1 if dropped else 0)

    # 5. figures: pairs the figure rules allow as headlines, largest relative move first
    moves: list[tuple[Decimal, int]] = []
    for i, fp in enumerate(c.figure_pairs):
        if fp.old is None or fp.new is None or not fp.delta or not fp.headline:
            continue  # `headline`: figures.rules.headline_refusal, applied by the pipeline
        size = abs(fp.pct_change) if fp.pct_change is not None else abs(fp.pp_change or Decimal(0))
        moves.append((size, i))
    moves.sort(key=lambda t: (-t[0], t[1]))
    out["figures"] = _cap("figures", [Highlight(_one_line(fp_label(c.figure_pairs[i])), figure_href(i),
                                                note=figure_text(c.figure_pairs[i])) for _, i in moves])
    return out


def fp_label(fp: FigurePair) -> str:
    label = (fp.new.label if fp.new and fp.new.label else fp.old.label if fp.old else "") or ""
    return neutral_label(label) if opposite_changes(fp) else label


def opposite_changes(fp: FigurePair) -> bool:
    """Whether the pair is a rise one year and a fall the other (增长1.1% → 下降7.6%): its values are
    shown signed (1.1% → -7.6%) under a label that names neither direction."""
    return fp.old is not None and fp.new is not None and opposite_figures(fp.old, fp.new)


def opposite_figures(a: Figure, b: Figure) -> bool:
    """Whether one of two changes is a rise and the other a fall."""
    return a.change and b.change and a.down != b.down


_CHANGE_VERB_END = ("增长", "下降", "增加", "减少", "提高", "降低", "上升", "上涨", "回落", "提升", "下滑")


def neutral_label(label: str) -> str:
    """The label without the verb of change it ends with (地区生产总值下降 -> 地区生产总值)."""
    for verb in _CHANGE_VERB_END:
        if label.endswith(verb) and len(label) > len(verb):
            return label[: -len(verb)]
    return label


def _cap(group: str, items: Sequence[Highlight]) -> tuple[list[Highlight], int]:
    n = PER_GROUP[group]
    return list(items[:n]), max(0, len(items) - n)


def as_dicts(items: Sequence[Highlight]) -> list[dict[str, Any]]:
    return [{"text": h.text, "href": h.href, "note": h.note, "tag": h.tag} for h in items]
