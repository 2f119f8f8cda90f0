"""Series stage 2: the `PairFacts` of consecutive pairs -> one `Series`.

Chains are followed through shared spans: the new side of pair i and the old side of pair i+1
are the same report, so a figure (or plan item) has one identity (year, start, end) in both.
Cost is linear in the number of figures, plan items and sections over all years.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

from .facts import DocInfo, FigureFact, PairFacts, PlanFact, PlanItemFact, SectionFact
from .model import (
    FigureTrend,
    Lineage,
    LineageCell,
    Outcome,
    PairLink,
    Series,
    StructureCell,
    StructureRow,
    TargetCell,
    TargetRow,
    TrendPoint,
    YearInfo,
)

__all__ = ["FLAG_YEARS", "build_series"]

# An inspector's list: a commitment written into this many plans in a row without any review
# reporting it done (issue #15 asks for "repeated for 3+ years without a reported outcome").
FLAG_YEARS = 3

_Key = tuple[int, int, int]  # (year position, start, end)


def build_series(facts: Sequence[PairFacts], labels: Sequence[str], *, hrefs: Sequence[str | None] = (),
                 warnings: Sequence[str] = ()) -> Series:
    """Chain the facts of pairs (0,1), (1,2), … into a series of len(facts) + 1 years.

    `labels` names the years; `hrefs[i]` is the pairwise page of pair i, if any.
    """
    if not facts:
        raise ValueError("a series needs at least one pair")
    if len(labels) != len(facts) + 1:
        raise ValueError(f"{len(labels)} labels for {len(facts) + 1} years")
    docs = [f.old for f in facts] + [facts[-1].new]
    years = tuple(YearInfo(label, doc) for label, doc in zip(labels, docs))
    links = list(hrefs) + [None] * (len(facts) - len(hrefs))
    pairs = tuple(PairLink(i, i + 1, links[i], f.counts) for i, f in enumerate(facts))
    trends, chain_of = _trends(facts)
    return Series(
        issuer=_issuer(docs),
        language=Counter(d.language for d in docs).most_common(1)[0][0],
        years=years,
        pairs=pairs,
        trends=trends,
        lineage=_lineage(facts),
        targets=_targets(facts, chain_of),
        structure=_structure(facts),
        warnings=tuple(warnings),
    )


def _issuer(docs: Sequence[DocInfo]) -> str | None:
    names = [d.issuer for d in docs if d.issuer]
    if not names:
        return None
    counts = Counter(names)
    best = max(counts.values())
    return next(n for n in reversed(names) if counts[n] == best)  # ties: the latest name


# ------------------------------------------------------------------ figure trends


def _point(f: FigureFact) -> TrendPoint:
    return TrendPoint(f.text, f.label, f.value, f.unit, f.qualifier, f.period, f.period_kind, f.base_value)


def _trends(facts: Sequence[PairFacts]) -> tuple[tuple[FigureTrend, ...], dict[_Key, int]]:
    n = len(facts) + 1
    following: dict[_Key, tuple[_Key, FigureFact]] = {}
    has_before: set[_Key] = set()
    firsts: list[tuple[_Key, FigureFact, str]] = []
    for i, f in enumerate(facts):
        for link in f.figures:
            old_key = (i, link.old.start, link.old.end)
            new_key = (i + 1, link.new.start, link.new.end)
            following[old_key] = (new_key, link.new)
            has_before.add(new_key)
            firsts.append((old_key, link.old, link.new.base_unit))
    chains: list[tuple[list[tuple[_Key, FigureFact]], str]] = []
    for key, fig, base_unit in firsts:
        if key in has_before:
            continue
        chain = [(key, fig)]
        while chain[-1][0] in following:
            chain.append(following[chain[-1][0]])
        chains.append((chain, base_unit))
    # longest first, then the earliest start, then position in the first report
    chains.sort(key=lambda c: (-len(c[0]), c[0][0][0][0], c[0][0][0][1]))
    trends: list[FigureTrend] = []
    chain_of: dict[_Key, int] = {}
    for index, (chain, base_unit) in enumerate(chains):
        points: list[TrendPoint | None] = [None] * n
        for key, fig in chain:
            points[key[0]] = _point(fig)
            chain_of[key] = index
        trends.append(FigureTrend(label=chain[-1][1].label, base_unit=base_unit, points=tuple(points),
                                  first=chain[0][0][0], last=chain[-1][0][0]))
    return tuple(trends), chain_of


# ------------------------------------------------------------------ commitment lineage


def _restating_item(span: tuple[int, int], starts: Sequence[int], candidates: Sequence[PlanItemFact]
                    ) -> PlanItemFact | None:
    """The plan item (sorted by start, not overlapping) that overlaps `span` most; None if none does."""
    best: PlanItemFact | None = None
    best_overlap = 0
    # items starting before the span's end; walk back while they can still reach into it
    k = bisect_left(starts, span[1]) - 1
    while k >= 0:
        y = candidates[k]
        if y.end <= span[0]:
            break  # plan items do not overlap: every earlier one ends before the span too
        overlap = min(y.end, span[1]) - max(y.start, span[0])
        if overlap >= best_overlap:
            best, best_overlap = y, overlap  # ties: the earlier item
        k -= 1
    return best


def _successors(facts: Sequence[PairFacts], items: dict[_Key, PlanItemFact]) -> dict[_Key, _Key]:
    """Item of year i -> the item of year i+1's plan that restates it (each has one predecessor)."""
    by_year: dict[int, list[PlanItemFact]] = {}
    for (year, _, _), item in sorted(items.items()):
        by_year.setdefault(year, []).append(item)
    out: dict[_Key, _Key] = {}
    for i, f in enumerate(facts):
        candidates = by_year.get(i + 1, [])
        starts = [y.start for y in candidates]
        wanted: list[tuple[float, int, PlanFact, PlanItemFact]] = []
        for p in f.plan:
            if p.restated is None:
                continue
            best = _restating_item(p.restated, starts, candidates)
            if best is not None and best.kind == p.item.kind:
                wanted.append((p.restated_score, p.item.start, p, best))
        taken: set[int] = set()
        for _, _, p, y in sorted(wanted, key=lambda w: (-w[0], w[1])):
            if y.start not in taken:
                taken.add(y.start)
                out[(i, p.item.start, p.item.end)] = (i + 1, y.start, y.end)
    return out


def _lineage(facts: Sequence[PairFacts]) -> tuple[Lineage, ...]:
    n = len(facts) + 1
    items: dict[_Key, PlanItemFact] = {}
    checks: dict[_Key, PlanFact] = {}
    for i, f in enumerate(facts):
        for p in f.plan:
            items[(i, p.item.start, p.item.end)] = p.item
            checks[(i, p.item.start, p.item.end)] = p
    for i, f in enumerate(facts):  # the last plan is checked by no pair; earlier ones are the same items
        for y in f.new_plan:
            items.setdefault((i + 1, y.start, y.end), y)
    succ = _successors(facts, items)
    has_before = set(succ.values())
    rows: list[tuple[tuple[int, int, int, int], Lineage]] = []
    for key in sorted(items):
        item = items[key]
        if item.kind != "commitment" or key in has_before:
            continue
        cells: list[LineageCell | None] = [None] * n
        stated: list[int] = []
        done: int | None = None
        reviewed = False
        cur: _Key | None = key
        while cur is not None:
            year = cur[0]
            stated.append(year)
            prior = cells[year]
            cells[year] = LineageCell(True, prior.review if prior else None, items[cur].text)
            check = checks.get(cur)
            nxt = succ.get(cur)
            if check is not None:
                reviewed = True
                if check.status == "addressed" and done is None:
                    done = year + 1
                cells[year + 1] = LineageCell(False, check.status, "")
            cur = nxt
        outcome = Outcome.DONE if done is not None else (Outcome.NEVER if reviewed else Outcome.PENDING)
        flagged = len(stated) >= FLAG_YEARS and done is None
        empty = LineageCell(False, None, "")
        row = Lineage(text=item.text, first=key[0], stated=tuple(stated), done=done, outcome=outcome,
                      flagged=flagged, cells=tuple(c or empty for c in cells))
        rows.append(((0 if flagged else 1, -len(stated), key[0], key[1]), row))
    rows.sort(key=lambda r: r[0])
    return tuple(r for _, r in rows)


# ------------------------------------------------------------------ targets


def _targets(facts: Sequence[PairFacts], chain_of: dict[_Key, int]) -> tuple[TargetRow, ...]:
    n = len(facts) + 1
    rows: dict[tuple[str, object], list[TargetCell | None]] = {}
    names: dict[tuple[str, object], str] = {}
    first_seen: dict[tuple[str, object], tuple[int, int]] = {}
    for i, f in enumerate(facts):
        for p in f.plan:
            if p.item.kind != "target" or p.target is None:
                continue
            fig = p.target
            chain = chain_of.get((i, fig.start, fig.end))
            # one row per measure: the figure trend it belongs to, else its label as written
            row_key: tuple[str, object] = ("chain", chain) if chain is not None else ("label", fig.label)
            cells = rows.setdefault(row_key, [None] * n)
            if cells[i] is not None:
                continue  # the first statement of the measure in that plan
            cells[i] = TargetCell(target=fig.text, actual=p.actual.text if p.actual else None, status=p.status,
                                  reason=p.reason)
            names[row_key] = fig.label
            first_seen.setdefault(row_key, (i, fig.start))
    order = sorted(rows, key=lambda k: (-sum(c is not None for c in rows[k]), first_seen[k]))
    return tuple(TargetRow(names[k], tuple(rows[k])) for k in order)


# ------------------------------------------------------------------ structure


def _structure(facts: Sequence[PairFacts]) -> tuple[StructureRow, ...]:
    n = len(facts) + 1
    sections: list[tuple[SectionFact, ...]] = [f.old_sections for f in facts] + [facts[-1].new_sections]
    by_key = {(i, s.id): s for i, secs in enumerate(sections) for s in secs}
    succ: dict[tuple[int, str], tuple[tuple[int, str], str]] = {}
    has_before: set[tuple[int, str]] = set()
    for i, f in enumerate(facts):
        for link in f.section_links:
            if link.old_id is None or link.new_id is None:
                continue
            a, b = (i, link.old_id), (i + 1, link.new_id)
            if a not in by_key or b not in by_key or a in succ or b in has_before:
                continue  # split/merged: the first link of each side carries the row
            succ[a] = (b, link.status)
            has_before.add(b)
    rows: list[StructureRow] = []
    for i, secs in enumerate(sections):
        for s in secs:
            key = (i, s.id)
            if key in has_before or not s.heading:
                continue
            cells: list[StructureCell | None] = [None] * n
            cells[i] = StructureCell(s.heading, "first")
            cur = key
            while cur in succ:
                cur, status = succ[cur]
                cells[cur[0]] = StructureCell(by_key[cur].heading, status)
            rows.append(StructureRow(s.level, tuple(cells)))
    return tuple(rows)
