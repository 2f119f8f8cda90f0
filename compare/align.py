"""Stage 3, align: `Report` x `Report` -> section pairs over the whole outline tree.

How sections are paired, level by level from the top:
1. Siblings under paired parents are scored against each other: year-normalised heading ratio,
   idf-weighted character n-gram cosine of their content (descendants included), and role
   (see `similarity`). Every pair of one step is scored (sparse vectors made once per step);
   a long list of siblings scores only blocked candidates (`similarity.blocked_pairs`).
2. Candidates (above the cutoff, or the clear best of their row and column) are taken greedily
   by score; ties are broken by position (closeness of relative positions), never by first
   match, because official reports repeat stock headings.
3. Pairs outside the heaviest order-preserving chain (each pair weighs 1 + score/2, so the
   fewest sections are called moved) are `moved`; the others are `matched` when the headings
   are the same after normalisation and `renamed` when they are not.
4. A section left over whose paired neighbour on the other side takes it in (the partner plus it
   resemble that neighbour clearly better than the partner alone) makes a `split` (one old,
   several new) or a `merged` (several old, one new); both are weighed together, largest gain
   first, so that swapping old and new mirrors the result.
5. Children of each pair (of all parts of a split or merge) are aligned the same way.
6. Sections still unpaired anywhere in the tree are paired across parents when their content is
   clearly the same (`moved`, matched_by "content:cross-parent"); the rest are `added` or
   `removed`.

The rule for the result: every section of each report is in exactly one pair, except that the
old section of a split is in one pair per new part, and the new section of a merge in one pair
per old part. Pairs come in new-document order; a removed section comes right after the pair
of the old section before it (or first, if it is the first). Cost: each step scores siblings
against siblings (a few microseconds per pair, at most DENSE_PAIR_LIMIT pairs; candidates only
beyond), so the work is linear in the text plus the pairs scored.
"""

from __future__ import annotations

import bisect
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .model import PairStatus, Report, Role, Section, SectionPair, Span
from .text.similarity import (
    CONTENT_ONLY_CUTOFF,
    CONTENT_WEIGHT,
    CROSS_PARENT_CUTOFF,
    DENSE_PAIR_LIMIT,
    HEADING_RELATED,
    HEADING_SAME,
    HEADING_WEIGHT,
    MUTUAL_BEST_FLOOR,
    MUTUAL_BEST_MARGIN,
    ROLE_BONUS,
    ROLE_PENALTY,
    SECTION_PAIR_CUTOFF,
    SPLIT_GAIN,
    SparseVector,
    blocked_pairs,
    blocking_features,
    heading_similarity,
    normalise_heading,
    sparse_combined_cosine,
    sparse_content_vectors,
    sparse_dot,
    sparse_dots,
    sparse_dots_at_least,
)

__all__ = ["align_sections", "heaviest_in_order", "heading_range"]

_KNOWN_ROLES = frozenset({Role.REVIEW, Role.PROBLEMS, Role.PLAN, Role.TARGETS, Role.DUTY, Role.GOVERNMENT,
                          Role.APPENDIX})


def _appendix_entries(side: _Side, sections: Sequence[Section]) -> list[bool]:
    """Which sections are entries inside an appendix (a glossary's terms, an attachment's items)."""
    report = side.report
    return [s.parent is not None and report.effective_role(s.parent) is Role.APPENDIX for s in sections]


def _entries_alike(old_heading: str, new_heading: str, hh: float, cc: float, heading_only: bool) -> bool:
    """Whether two appendix entries can be one entry: the same term defined anew (「龙腾计划：…」
    twice), related headings or content, or, when they have a body, a pair score that is a
    candidate's. Two terms of a glossary that only sit at the same place are not."""
    if _term(old_heading) == _term(new_heading):
        return True
    if hh >= HEADING_RELATED or cc >= CONTENT_ONLY_CUTOFF:
        return True
    return not heading_only and HEADING_WEIGHT * hh + CONTENT_WEIGHT * cc >= SECTION_PAIR_CUTOFF


def _term(heading: str) -> str:
    """The term a glossary entry defines: its heading up to the first colon."""
    return heading.replace(":", "：").split("：", 1)[0].strip()


def _appendix(side: _Side, sections: Sequence[Section]) -> list[bool]:
    """Which sections are appendices: an appendix (glossary, attachment list, table) pairs only
    with an appendix, whatever their words share."""
    return [side.report.effective_role(s.id) is Role.APPENDIX for s in sections]


def _heading_ratio(a: str, b: str) -> float:
    """`heading_similarity` of two headings already normalised."""
    return 1.0 if not a and not b else (0.0 if not a or not b else fuzz.ratio(a, b) / 100.0)


def heaviest_in_order(pairs: Sequence[tuple[int, int, float]]) -> set[int]:
    """Indices of the pairs `(old, new, weight)` forming the heaviest chain increasing in both.

    O(k log k) with a Fenwick tree over new positions; ties go to the earlier pair.
    """
    if not pairs:
        return set()
    order = sorted(range(len(pairs)), key=lambda k: (pairs[k][0], pairs[k][1]))
    news = sorted({p[1] for p in pairs})
    size = len(news)
    tree_w = [0.0] * (size + 1)
    tree_k = [-1] * (size + 1)
    best_w = [0.0] * len(pairs)
    prev = [-1] * len(pairs)

    def query(pos: int) -> tuple[float, int]:  # best chain ending at new rank <= pos
        w, k = 0.0, -1
        while pos > 0:
            if tree_w[pos] > w:
                w, k = tree_w[pos], tree_k[pos]
            pos -= pos & -pos
        return w, k

    def update(pos: int, w: float, k: int) -> None:
        while pos <= size:
            if w > tree_w[pos]:
                tree_w[pos], tree_k[pos] = w, k
            pos += pos & -pos

    # pairs with the same old index must not chain: process each old index as one batch
    start = 0
    while start < len(order):
        stop = start
        while stop < len(order) and pairs[order[stop]][0] == pairs[order[start]][0]:
            stop += 1
        results = []
        for k in order[start:stop]:
            rank = bisect.bisect_left(news, pairs[k][1])  # strictly smaller new positions
            w, p = query(rank)
            best_w[k] = w + pairs[k][2]
            prev[k] = p
            results.append((rank + 1, best_w[k], k))
        for rank1, w, k in results:
            update(rank1, w, k)
        start = stop
    end = max(range(len(pairs)), key=lambda k: (best_w[k], -pairs[k][0], -pairs[k][1]))
    chain: set[int] = set()
    while end >= 0:
        chain.add(end)
        end = prev[end]
    return chain


def heading_range(report: Report, section: Section) -> Span:
    """From the section's first character to the end of its heading, with the punctuation
    that closes an inline heading (`（一）加强执法。` keeps the `。`)."""
    text = report.source.text
    end = max(section.heading_span.end, section.span.start)
    if section.heading_span.end > section.heading_span.start:
        while end < section.span.end and text[end] in "。：:．.，,；;、":
            end += 1
    return Span(section.span.start, min(end, section.span.end))


@dataclass(slots=True)
class _Side:
    report: Report
    children: dict[str | None, list[Section]] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, report: Report) -> _Side:
        side = cls(report)
        for k, s in enumerate(report.sections):
            side.children.setdefault(s.parent if s.parent in report.by_id else None, []).append(s)
            side.position[s.id] = k
        return side

    def content(self, s: Section) -> str:
        rng = heading_range(self.report, s)
        return self.report.source.text[rng.end : s.span.end]


@dataclass(slots=True)
class _Decision:
    old: list[Section]
    new: list[Section]
    status: PairStatus
    score: float
    matched_by: str


@dataclass(slots=True)
class _Cells:
    """Scored sibling pairs: (score, heading ratio, content cosine) per (old index, new index).

    Only the cells the rules can use are kept: candidates (`ok`) and pairs whose content reaches
    CONTENT_ONLY_CUTOFF (split and merge). `combined(single_is_old, k, first, second)` is the cosine
    of section k of one side with the sum of sections `first` and `second` of the other.
    """

    cells: dict[tuple[int, int], tuple[float, float, float]]
    ok: list[tuple[int, int]]
    combined: Callable[[bool, int, int, int], float]


def _role_term(ro: Role, rn: Role) -> float:
    if ro == Role.PREAMBLE or rn == Role.PREAMBLE:
        return ROLE_BONUS if ro == rn else -ROLE_PENALTY
    if ro in _KNOWN_ROLES and rn in _KNOWN_ROLES:
        return ROLE_BONUS if ro == rn else -ROLE_PENALTY
    return 0.0


def _score_cells(old: _Side, new: _Side, olds: Sequence[Section], news: Sequence[Section]) -> _Cells:
    """Every sibling pair for short lists; blocked candidates (text.similarity) for long ones."""
    otexts = [old.content(s) for s in olds]
    ntexts = [new.content(s) for s in news]
    wo, wn = sparse_content_vectors(otexts, ntexts)
    o_heads = [normalise_heading(s.heading) for s in olds]
    n_heads = [normalise_heading(s.heading) for s in news]
    o_roles = [old.report.effective_role(o.id) for o in olds]
    n_roles = [new.report.effective_role(n.id) for n in news]
    o_empty = [not t.strip() for t in otexts]
    n_empty = [not t.strip() for t in ntexts]
    o_entry = _appendix_entries(old, olds)
    n_entry = _appendix_entries(new, news)

    def cell(i: int, j: int, dot: float) -> tuple[float, float, float]:
        """(score, heading ratio, content cosine) of one pair given the dot product of its
        vectors; an appendix against a section that is not one scores 0, and so do two entries
        of appendices that name other things in other words (青苗计划 / 城市更新单元: two terms of
        a glossary, not one renamed)."""
        if (o_roles[i] is Role.APPENDIX) != (n_roles[j] is Role.APPENDIX):
            return 0.0, 0.0, 0.0
        hh = _heading_ratio(o_heads[i], n_heads[j])
        cc = min(1.0, max(0.0, dot))
        if o_entry[i] and n_entry[j] and not _entries_alike(olds[i].heading, news[j].heading, hh, cc,
                                                             o_empty[i] and n_empty[j]):
            return 0.0, hh, cc
        role = _role_term(o_roles[i], n_roles[j])
        # heading-only sections on both sides: the heading is all there is to compare
        ss = hh + role if o_empty[i] and n_empty[j] else HEADING_WEIGHT * hh + CONTENT_WEIGHT * cc + role
        return min(1.0, max(0.0, ss)), hh, cc

    if len(olds) * len(news) <= DENSE_PAIR_LIMIT:
        cells, ok = _every_cell(sparse_dots(wo, wn), cell)
    else:
        cells, ok = _blocked_cells(olds, news, wo, wn, o_roles, n_roles, cell)

    def combined(single_is_old: bool, k: int, first: int, second: int) -> float:
        if single_is_old:
            return sparse_combined_cosine(wo[k], wn[first], wn[second])
        return sparse_combined_cosine(wn[k], wo[first], wo[second])

    return _Cells(cells, ok, combined)


_Cell = tuple[float, float, float]


def _candidate(ss: float, hh: float, cc: float) -> bool:
    return ss >= SECTION_PAIR_CUTOFF and (hh >= HEADING_RELATED or cc >= CONTENT_ONLY_CUTOFF)


def _every_cell(dots: list[list[float]], cell: Callable[[int, int, float], _Cell]
                ) -> tuple[dict[tuple[int, int], _Cell], list[tuple[int, int]]]:
    """Short lists: every pair scored; kept are the candidates and the content-alike pairs."""
    grid = [[cell(i, j, dot) for j, dot in enumerate(row)] for i, row in enumerate(dots)]
    best = _mutual_best([[c[0] for c in row] for row in grid])
    cells: dict[tuple[int, int], _Cell] = {}
    ok: list[tuple[int, int]] = []
    for i, row in enumerate(grid):
        for j, c in enumerate(row):
            if _candidate(*c) or (i, j) in best:
                ok.append((i, j))
            elif c[2] < CONTENT_ONLY_CUTOFF:
                continue
            cells[(i, j)] = c
    return cells, ok


def _blocked_cells(olds: Sequence[Section], news: Sequence[Section], wo: Sequence[SparseVector],
                   wn: Sequence[SparseVector], o_roles: Sequence[Role], n_roles: Sequence[Role],
                   cell: Callable[[int, int, float], _Cell]) -> tuple[dict[tuple[int, int], _Cell], list[tuple[int, int]]]:
    """Long sibling lists: score only blocked candidates (no N × N work)."""
    candidates = blocked_pairs([blocking_features(s.heading, v.keys()) for s, v in zip(olds, wo, strict=True)],
                               [blocking_features(s.heading, v.keys()) for s, v in zip(news, wn, strict=True)])
    cells: dict[tuple[int, int], _Cell] = {}
    for i, j in sorted(candidates):
        if (o_roles[i] is Role.APPENDIX) != (n_roles[j] is Role.APPENDIX):
            continue  # an appendix pairs only with an appendix
        cells[(i, j)] = cell(i, j, sparse_dot(wo[i], wn[j]))
    ok = [ij for ij, c in cells.items() if _candidate(*c)]
    ok_set = set(ok)
    ok.extend(ij for ij in sorted(_sparse_mutual_best(cells)) if ij not in ok_set)
    return cells, ok


def _sparse_mutual_best(cells: dict[tuple[int, int], tuple[float, float, float]]) -> set[tuple[int, int]]:
    """`_mutual_best` over the scored cells only (an unscored pair shares no rare feature)."""
    rows: dict[int, list[tuple[float, int]]] = {}
    cols: dict[int, list[tuple[float, int]]] = {}
    for (i, j), (ss, _, _) in cells.items():
        rows.setdefault(i, []).append((ss, j))
        cols.setdefault(j, []).append((ss, i))
    out: set[tuple[int, int]] = set()
    for i, row in rows.items():
        s, j = max(row, key=lambda t: (t[0], -t[1]))  # the first column on ties, as _mutual_best
        if s < MUTUAL_BEST_FLOOR:
            continue
        if any(s < o + MUTUAL_BEST_MARGIN for o, jj in row if jj != j):
            continue
        if any(s < o + MUTUAL_BEST_MARGIN for o, ii in cols[j] if ii != i):
            continue
        out.add((i, j))
    return out


def _mutual_best(score: Sequence[Sequence[float]]) -> set[tuple[int, int]]:
    """Cells that are the clear best of their row (the first column on ties) and of their column."""
    out: set[tuple[int, int]] = set()
    if not score or not score[0]:
        return out
    columns = list(zip(*score))
    for i, row in enumerate(score):
        s = max(row)
        j = row.index(s)
        if s < MUTUAL_BEST_FLOOR:
            continue
        if any(s < o + MUTUAL_BEST_MARGIN for jj, o in enumerate(row) if jj != j):
            continue
        if any(s < o + MUTUAL_BEST_MARGIN for ii, o in enumerate(columns[j]) if ii != i):
            continue
        out.add((i, j))
    return out


def _describe(h: float, c: float, via: str = "") -> str:
    base = f"heading={h:.2f};content={c:.2f}"
    return f"{via};{base}" if via else base


def _align_siblings(  # noqa: C901 - one pass of ordered rules; splitting it is left to the structure work (issue 12)
    old: _Side, new: _Side, olds: Sequence[Section], news: Sequence[Section]
) -> tuple[list[_Decision], list[Section], list[Section]]:
    """Pair siblings; returns decisions and the sections left unpaired on each side."""
    if not olds or not news:
        return [], list(olds), list(news)
    scored = _score_cells(old, new, olds, news)
    cells = scored.cells
    n_old, n_new = len(olds), len(news)
    ranked = sorted(
        ((cells[(i, j)][0], i, j) for i, j in scored.ok),
        key=lambda t: (-round(t[0], 9), abs(t[1] / n_old - t[2] / n_new), t[1] + t[2], t[1]),
    )
    o_used: dict[int, int] = {}
    n_used: dict[int, int] = {}
    for _score, i, j in ranked:
        if i in o_used or j in n_used:
            continue
        o_used[i] = j
        n_used[j] = i
    one_to_one = sorted(o_used.items())
    # mirror-image ties (two sections swapped) go by content size, never by side
    size_o = [len(old.content(s)) + len(s.heading) for s in olds]
    size_n = [len(new.content(s)) + len(s.heading) for s in news]
    # as for sentences: keep the most sections in place (weight 1 + score/2), so the fewest are moved
    chain = heaviest_in_order([(i, j, 1.0 + cells[(i, j)][0] / 2 + (size_o[i] + size_n[j]) * 1e-9)
                               for i, j in one_to_one])
    decisions: dict[int, _Decision] = {}
    for k, (i, j) in enumerate(one_to_one):
        ss, hh, cc = cells[(i, j)]
        if k not in chain:
            status, via = PairStatus.MOVED, "order"
        elif hh >= HEADING_SAME:
            status, via = PairStatus.MATCHED, ""
        else:
            status, via = PairStatus.RENAMED, ""
        decisions[i] = _Decision([olds[i]], [news[j]], status, ss, _describe(hh, cc, via))

    # Split (an unpaired new section that, with the paired partner, stands for one old section)
    # and merged (the mirror image) are weighed together, the largest gain first, so that
    # swapping old and new gives the mirrored decisions; equal gains go by the leftover
    # section's own text, never by side. Only cells whose content reaches the cutoff can take
    # part: they are looked up per section (in the order the pairs were taken), never old × new.
    o_rank = {i: r for r, i in enumerate(o_used)}
    n_rank = {j: r for r, j in enumerate(n_used)}
    near_new: dict[int, list[int]] = {}
    near_old: dict[int, list[int]] = {}
    for (i, j), (_, _, cc) in cells.items():
        if cc >= CONTENT_ONLY_CUTOFF:
            near_new.setdefault(j, []).append(i)
            near_old.setdefault(i, []).append(j)
    moves: list[tuple[float, int, int, str, int, int]] = []
    for j in (j for j in range(n_new) if j not in n_used):
        for i in sorted((i for i in near_new.get(j, ()) if i in o_rank), key=o_rank.__getitem__):
            j2 = o_used[i]
            gain = scored.combined(True, i, j2, j) - cells[(i, j2)][2]
            if gain >= SPLIT_GAIN:
                text = new.content(news[j])
                moves.append((gain, len(text), zlib.crc32(text.encode()), "split", i, j))
    for i in (i for i in range(n_old) if i not in o_used):
        for j in sorted((j for j in near_old.get(i, ()) if j in n_rank), key=n_rank.__getitem__):
            i2 = n_used[j]
            gain = scored.combined(False, j, i2, i) - cells[(i2, j)][2]
            if gain >= SPLIT_GAIN:
                text = old.content(olds[i])
                moves.append((gain, len(text), zlib.crc32(text.encode()), "merged", i, j))
    moves.sort(key=lambda m: (-round(m[0], 9), -m[1], m[2], m[3]))
    for gain, _, _, kind, i, j in moves:
        if kind == "split":
            host = decisions[i]
            if j in n_used or host.status == PairStatus.MERGED:
                continue
            host.new.append(news[j])
            host.status = PairStatus.SPLIT
            n_used[j] = i
        else:
            host = decisions[n_used[j]]
            if i in o_used or host.status == PairStatus.SPLIT:
                continue
            host.old.append(olds[i])
            host.status = PairStatus.MERGED
            o_used[i] = j
        _, hh, cc = cells[(i, j)]
        host.matched_by = _describe(hh, cc, f"{kind}:gain={gain:.2f}")
    rest_old = [olds[i] for i in range(n_old) if i not in o_used]
    rest_new = [news[j] for j in range(n_new) if j not in n_used]
    return list(decisions.values()), rest_old, rest_new


def _walk(old: _Side, new: _Side, olds: Sequence[Section], news: Sequence[Section],
          out: list[_Decision], left_old: list[Section], left_new: list[Section]) -> None:
    decisions, rest_old, rest_new = _align_siblings(old, new, olds, news)
    left_old.extend(rest_old)
    left_new.extend(rest_new)
    for d in decisions:
        out.append(d)
        kids_old = [k for o in sorted(d.old, key=lambda s: old.position[s.id]) for k in old.children.get(o.id, [])]
        kids_new = [k for n in sorted(d.new, key=lambda s: new.position[s.id]) for k in new.children.get(n.id, [])]
        _walk(old, new, kids_old, kids_new, out, left_old, left_new)


def _cross_parent(old: _Side, new: _Side, left_old: list[Section], left_new: list[Section],
                  out: list[_Decision]) -> None:
    """Pair leftovers anywhere in the tree whose content is clearly the same."""
    olds = [s for s in left_old if old.content(s).strip()]
    news = [s for s in left_new if new.content(s).strip()]
    if not olds or not news:
        return
    found = _cross_parent_cells(old, new, olds, news)
    n_o, n_n = max(len(old.report.sections), 1), max(len(new.report.sections), 1)

    def key(t: tuple[float, int, int]) -> tuple[float, float, int, float, float]:
        # content, then heading, level and relative position; every term reads the same
        # whichever side is old
        _, i, j = t
        ro, rn = old.position[olds[i].id] / n_o, new.position[news[j].id] / n_n
        return (-round(t[0], 9), -round(found[(i, j)][0], 9), abs(olds[i].level - news[j].level),
                round(abs(ro - rn), 9), round(ro + rn, 9))

    ranked = sorted(((cc, i, j) for (i, j), (_, cc) in found.items()), key=key)
    used_o: set[int] = set()
    used_n: set[int] = set()
    paired: list[_Decision] = []
    for s, i, j in ranked:
        if i in used_o or j in used_n:
            continue
        used_o.add(i)
        used_n.add(j)
        hh = found[(i, j)][0]
        score = min(1.0, HEADING_WEIGHT * hh + CONTENT_WEIGHT * s)
        paired.append(_Decision([olds[i]], [news[j]], PairStatus.MOVED, score,
                                _describe(hh, s, "content:cross-parent")))
    # ids in sets, lists rebuilt once: with thousands of leftovers, list.remove per pair is quadratic
    taken_old = {d.old[0].id for d in paired}
    taken_new = {d.new[0].id for d in paired}
    free_old = {s.id for s in left_old} - taken_old
    free_new = {s.id for s in left_new} - taken_new
    for d in paired:
        out.append(d)
        kids_old = [k for k in old.children.get(d.old[0].id, []) if k.id in free_old]
        kids_new = [k for k in new.children.get(d.new[0].id, []) if k.id in free_new]
        free_old.difference_update(k.id for k in kids_old)
        free_new.difference_update(k.id for k in kids_new)
        rest_old: list[Section] = []
        rest_new: list[Section] = []
        _walk(old, new, kids_old, kids_new, out, rest_old, rest_new)
        left_old.extend(rest_old)
        left_new.extend(rest_new)
        free_old.update(k.id for k in rest_old)
        free_new.update(k.id for k in rest_new)
    # a child left unpaired again by its walk is in the list twice (its place and the walk's rest)
    left_old[:] = _kept_once(left_old, free_old)
    left_new[:] = _kept_once(left_new, free_new)


def _kept_once(sections: Sequence[Section], keep: set[str]) -> list[Section]:
    """`sections` whose id is in `keep`, each once, in order."""
    out: list[Section] = []
    seen: set[str] = set()
    for s in sections:
        if s.id in keep and s.id not in seen:
            seen.add(s.id)
            out.append(s)
    return out


def _cross_parent_cells(old: _Side, new: _Side, olds: Sequence[Section],
                        news: Sequence[Section]) -> dict[tuple[int, int], tuple[float, float]]:
    """(heading ratio, content cosine) of the leftover pairs whose content reaches
    CROSS_PARENT_CUTOFF: every pair for few leftovers, blocked candidates for many."""
    so, sn = sparse_content_vectors([old.content(s) for s in olds], [new.content(s) for s in news])
    dots: dict[tuple[int, int], float]
    if len(olds) * len(news) <= DENSE_PAIR_LIMIT:
        dots = sparse_dots_at_least(so, sn, CROSS_PARENT_CUTOFF)
    else:
        candidates = sorted(blocked_pairs(
            [blocking_features(s.heading, v.keys()) for s, v in zip(olds, so, strict=True)],
            [blocking_features(s.heading, v.keys()) for s, v in zip(news, sn, strict=True)]))
        dots = {(i, j): sparse_dot(so[i], sn[j]) for i, j in candidates}
    o_app = _appendix(old, olds)
    n_app = _appendix(new, news)
    found: dict[tuple[int, int], tuple[float, float]] = {}
    for (i, j), dot in dots.items():  # row-major order
        if o_app[i] != n_app[j]:
            continue  # an appendix pairs only with an appendix
        cc = min(1.0, max(0.0, dot))
        if cc >= CROSS_PARENT_CUTOFF:
            found[(i, j)] = (heading_similarity(olds[i].heading, news[j].heading), cc)
    return found


def align_sections(old: Report, new: Report) -> tuple[SectionPair, ...]:
    """Pair the sections of `old` and `new` over the whole tree (see the module docstring)."""
    o, n = _Side.of(old), _Side.of(new)
    decisions: list[_Decision] = []
    left_old: list[Section] = []
    left_new: list[Section] = []
    _walk(o, n, o.children.get(None, []), n.children.get(None, []), decisions, left_old, left_new)
    # descendants of unpaired sections were never visited: they are leftovers too
    seen_old = {s.id for d in decisions for s in d.old} | {s.id for s in left_old}
    seen_new = {s.id for d in decisions for s in d.new} | {s.id for s in left_new}
    left_old.extend(s for s in old.sections if s.id not in seen_old)
    left_new.extend(s for s in new.sections if s.id not in seen_new)
    _cross_parent(o, n, left_old, left_new, decisions)
    return _order(o, n, decisions, left_old, left_new)


def _order(old: _Side, new: _Side, decisions: Sequence[_Decision], left_old: Sequence[Section],
           left_new: Sequence[Section]) -> tuple[SectionPair, ...]:
    by_new: dict[str, list[SectionPair]] = {}
    for d in decisions:
        for nsec in d.new:
            for osec in d.old if len(d.new) == 1 else d.old[:1]:
                pair = SectionPair(osec.id, nsec.id, d.status, d.score, d.matched_by)
                by_new.setdefault(nsec.id, []).append(pair)
    for nsec in left_new:
        by_new[nsec.id] = [SectionPair(None, nsec.id, PairStatus.ADDED, 0.0, "unmatched")]
    ordered: list[SectionPair] = []
    for nsec in new.report.sections:
        ordered.extend(sorted(by_new.get(nsec.id, []), key=lambda p: old.position[p.old_id] if p.old_id else -1))
    removed = sorted(left_old, key=lambda s: old.position[s.id])
    if not removed:
        return tuple(ordered)
    # Each removed section goes right after its predecessor in the old report (its last pair);
    # the first one after any removed sections already at the start. A linked list over the
    # pairs keeps each insertion O(1): list.insert after a scan was quadratic in the sections.
    removed_ids = {s.id for s in removed}
    nodes = list(ordered)
    nxt = [*range(1, len(nodes)), -1] if nodes else []
    head = 0 if nodes else -1
    last: dict[str, int] = {p.old_id: k for k, p in enumerate(nodes) if p.old_id is not None}
    for s in removed:
        pos = old.position[s.id]
        pred = old.report.sections[pos - 1].id if pos > 0 else None
        k = len(nodes)
        nodes.append(SectionPair(s.id, None, PairStatus.REMOVED, 0.0, "unmatched"))
        nxt.append(-1)
        if pred is None:
            prev, cur = -1, head
            while cur != -1 and nodes[cur].old_id in removed_ids and nodes[cur].new_id is None:
                prev, cur = cur, nxt[cur]
        else:
            prev = last.get(pred, -1)
        if prev == -1:
            nxt[k], head = head, k
        else:
            nxt[k], nxt[prev] = nxt[prev], k
        last[s.id] = k
    ordered = []
    cur = head
    while cur != -1:
        ordered.append(nodes[cur])
        cur = nxt[cur]
    return tuple(ordered)
