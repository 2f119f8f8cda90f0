"""Stage 4, diff: section pairs -> one `SectionDiff` per pair (sentence rows, segments, kinds).

Inside a section pair only the section's own text is compared (text under a child section belongs
to the child's pair). Sentences (`text.sentences.split_sentences`) are aligned in four steps:
1. unchanged sentences (equal after collapsing whitespace) are paired, the k-th occurrence
   of a sentence in old with its k-th occurrence in new (stock sentences repeat);
2. the rest get candidates from a shingle index and a rapidfuzz ratio (`similarity`);
3. candidates are taken greedily by score (ties by position); pairs outside the heaviest
   order-preserving chain (unchanged pairs weigh most) are `moved` if alike enough, else left
   unmatched;
4. an intraline diff (`SequenceMatcher(autojunk=False)`: autojunk would ignore frequent CJK
   characters) runs only inside matched sentence pairs, on tokens (`tokens`): Chinese by
   characters, English by words, a number with its unit as one token. A character diff over a
   whole report grows super-quadratically; this keeps the whole stage about linear.

Kinds: `changed_figure` when the only real difference (ignoring spaces and punctuation) is in
number tokens; `reworded` for other differences in a matched pair (never a new commitment);
`moved` for a pair out of order; unmatched new sentences are `new_commitment` when they commit to
or state an action (in a plan or target part; elsewhere with a word about the future, or opening
with an action verb — see `is_commitment`) and `added` otherwise; unmatched old sentences are
`dropped` by the same rule and `removed` otherwise. The rules are symmetric, so
swapping old and new swaps added ↔ removed and new_commitment ↔ dropped.

Headings: the heading of a paired section (matched, renamed, moved, split, merged) is covered by
the pair, which carries both headings; the heading of an added or removed section is the first row
of its diff, so an added plan item that is only a heading is still a new commitment. Split and
merged pairs are diffed as one group; each row goes to the pair of the sections it came from.
`unaccounted()` checks that every character of both inputs is in a row, a heading, or stripped.
"""

from __future__ import annotations

import difflib
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from .align import heading_range, heaviest_in_order
from .model import (
    ChangeKind,
    Comparison,
    Op,
    PairStatus,
    Report,
    Role,
    Section,
    SectionDiff,
    SectionPair,
    Segment,
    SentenceRow,
    Span,
)
from .text.cues import future_cue, opening_action
from .text.sentences import split_sentences, subtract_spans
from .text.similarity import MOVED_SENTENCE_CUTOFF, SENTENCE_MATCH_CUTOFF, sentence_candidates, sentence_key
from .text.tokens import is_number_token, is_year_token, tokenize

__all__ = [
    "diff_sections",
    "own_ranges",
    "intraline_segments",
    "is_commitment",
    "change_counts",
    "unaccounted",
]

# Parts whose sentences never count as commitments: a glossary entry or a statistic explains, it
# does not promise.
_NO_COMMITMENTS = frozenset({Role.APPENDIX, Role.STATISTICS})
_PUNCT_OR_SPACE = re.compile(r"[\s\W_]+")


def is_commitment(text: str, plan_role: Role | None, *, explains_only: bool = False) -> tuple[bool, str]:
    """Whether a sentence commits to (or states) an action, and why (for `SentenceRow.reason`).

    Everything in a plan or target part counts; nothing in a part that `explains_only` (an
    appendix's glossary entry, a communiqué's statistics: they commit to nothing); elsewhere a
    word about the future or an opening action verb. The same rule serves added sentences (new_commitment) and removed ones
    (dropped), so swapping old and new swaps the two kinds.
    """
    if explains_only:
        return False, ""
    if plan_role is not None:
        return True, f"in a {plan_role.value} part"
    cue = future_cue(text)
    if cue:
        return True, f"future marker '{cue}'"
    cue = opening_action(text)
    if cue:
        return True, f"opens with an action '{cue}'"
    return False, ""


# --- own text of sections -----------------------------------------------------------------------

def own_ranges(report: Report) -> dict[str, list[Span]]:
    """For each section: its span minus its heading, its children's spans and stripped text."""
    children: dict[str, list[Span]] = {}
    for s in report.sections:
        if s.parent:
            children.setdefault(s.parent, []).append(s.span)
    stripped = [x.span for x in report.stripped]
    out: dict[str, list[Span]] = {}
    for s in report.sections:
        body = Span(heading_range(report, s).end, s.span.end)
        out[s.id] = subtract_spans([body], sorted(children.get(s.id, []) + stripped))
    return out


@dataclass(frozen=True, slots=True)
class _Sentence:
    span: Span
    section_id: str
    key: str


def _sentences(report: Report, ids: Sequence[str], ranges: dict[str, list[Span]]) -> list[_Sentence]:
    text = report.source.text
    out: list[_Sentence] = []
    for sid in ids:
        for sp in split_sentences(text, ranges[sid]):
            out.append(_Sentence(sp, sid, sentence_key(text[sp.start : sp.end])))
    return out


# --- intraline diff -----------------------------------------------------------------------------

# Above this many token-pair cells (old × new tokens, after the common prefix and suffix are
# taken off) a matched "sentence" is a table or a run-on block; SequenceMatcher is quadratic
# there, so such a pair is diffed line by line first. 40,000 cells is a 200-token sentence
# against another, far above any real sentence of the corpus and fixtures.
INTRALINE_MAX_CELLS = 40_000


def _tokens(text: str) -> list[str]:
    """Tokens with trailing whitespace attached, so spaces (the commonest English token) never
    start a match of their own: `SequenceMatcher` stays fast on English."""
    out: list[str] = []
    for a, b in tokenize(text):
        t = text[a:b]
        if t.isspace() and out:
            out[-1] += t
        else:
            out.append(t)
    return out


def _key(token: str) -> str:
    stripped = token.rstrip()
    return stripped + " " if len(stripped) < len(token) else token


def intraline_segments(old: str, new: str) -> tuple[tuple[Segment, ...], set[str]]:  # noqa: C901 - one pass of ordered rules; splitting it is left to the findings work (issue 12)
    """Segments that rebuild both texts, and the classes of changed tokens ("number", "year",
    "word"; spaces and punctuation do not count as real changes)."""
    ot, nt = _tokens(old), _tokens(new)
    okeys, nkeys = [_key(t) for t in ot], [_key(t) for t in nt]
    runs: list[tuple[Op, str]] = []
    changed: set[str] = set()

    def emit(op: Op, text: str) -> None:
        if not text:
            return
        if runs and runs[-1][0] == op:
            runs[-1] = (op, runs[-1][1] + text)
        else:
            runs.append((op, text))

    def note(tokens: list[str]) -> None:
        for t in tokens:
            t = t.strip()
            if t and not _PUNCT_OR_SPACE.fullmatch(t):
                changed.add("year" if is_year_token(t) else "number" if is_number_token(t) else "word")

    def equal(o: list[str], n: list[str]) -> None:
        for a, b in zip(o, n):
            if a == b:
                emit(Op.EQUAL, a)
            else:  # same token, whitespace after it differs
                core = a.rstrip()
                emit(Op.EQUAL, core)
                emit(Op.DELETE, a[len(core):])
                emit(Op.INSERT, b[len(core):])

    def diff(i1: int, i2: int, j1: int, j2: int) -> None:
        # the common prefix and suffix cost nothing; only the middle is matched
        while i1 < i2 and j1 < j2 and okeys[i1] == nkeys[j1]:
            equal([ot[i1]], [nt[j1]])
            i1 += 1
            j1 += 1
        tail = 0
        while i2 - tail > i1 and j2 - tail > j1 and okeys[i2 - tail - 1] == nkeys[j2 - tail - 1]:
            tail += 1
        if (i2 - tail - i1) * (j2 - tail - j1) > INTRALINE_MAX_CELLS:
            lines_o = _line_groups(ot, i1, i2 - tail)
            lines_n = _line_groups(nt, j1, j2 - tail)
            if len(lines_o) > 1 or len(lines_n) > 1:
                sm = difflib.SequenceMatcher(None, [_join_keys(okeys, a, b) for a, b in lines_o],
                                             [_join_keys(nkeys, a, b) for a, b in lines_n], autojunk=False)
                for tag, a1, a2, b1, b2 in sm.get_opcodes():
                    o1 = lines_o[a1][0] if a1 < len(lines_o) else i2 - tail
                    o2 = lines_o[a2 - 1][1] if a2 > a1 else o1
                    n1 = lines_n[b1][0] if b1 < len(lines_n) else j2 - tail
                    n2 = lines_n[b2 - 1][1] if b2 > b1 else n1
                    if tag == "equal":
                        equal(ot[o1:o2], nt[n1:n2])
                    else:
                        note(ot[o1:o2] + nt[n1:n2])
                        emit(Op.DELETE, "".join(ot[o1:o2]))
                        emit(Op.INSERT, "".join(nt[n1:n2]))
            else:
                note(ot[i1 : i2 - tail] + nt[j1 : j2 - tail])
                emit(Op.DELETE, "".join(ot[i1 : i2 - tail]))
                emit(Op.INSERT, "".join(nt[j1 : j2 - tail]))
        else:
            sm = difflib.SequenceMatcher(None, okeys[i1 : i2 - tail], nkeys[j1 : j2 - tail], autojunk=False)
            for tag, a1, a2, b1, b2 in sm.get_opcodes():
                if tag == "equal":
                    equal(ot[i1 + a1 : i1 + a2], nt[j1 + b1 : j1 + b2])
                    continue
                note(ot[i1 + a1 : i1 + a2] + nt[j1 + b1 : j1 + b2])
                emit(Op.DELETE, "".join(ot[i1 + a1 : i1 + a2]))
                emit(Op.INSERT, "".join(nt[j1 + b1 : j1 + b2]))
        equal(ot[i2 - tail : i2], nt[j2 - tail : j2])

    diff(0, len(ot), 0, len(nt))
    return tuple(Segment(op, t) for op, t in runs), changed


def _line_groups(tokens: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges [a, b) of the lines in tokens[start:end] (a line ends with a token holding \n)."""
    out: list[tuple[int, int]] = []
    a = start
    for k in range(start, end):
        if "\n" in tokens[k]:
            out.append((a, k + 1))
            a = k + 1
    if a < end:
        out.append((a, end))
    return out


def _join_keys(keys: list[str], a: int, b: int) -> str:
    return "".join(keys[a:b]).strip()


def _classify_pair(old: str, new: str, moved: bool, score: float) -> tuple[ChangeKind | None, tuple[Segment, ...], str]:
    if sentence_key(old) == sentence_key(new):
        if moved:
            return ChangeKind.MOVED, (), f"same sentence out of order (similarity {score:.2f})"
        return None, (), ""
    segments, changed = intraline_segments(old, new)
    if changed and changed <= {"number", "year"} and "number" in changed:
        what = "changed figure"
        kind = ChangeKind.CHANGED_FIGURE
    elif changed == {"year"}:
        what, kind = "only the years differ", ChangeKind.REWORDED
    elif not changed:
        what, kind = "spacing or punctuation only", ChangeKind.REWORDED
    else:
        what, kind = "other words", ChangeKind.REWORDED
    if moved:
        return ChangeKind.MOVED, segments, f"out of order, {what} (similarity {score:.2f})"
    return kind, segments, f"{what} (similarity {score:.2f})"


# --- sentence alignment -------------------------------------------------------------------------

def _align_sentences(olds: Sequence[_Sentence], news: Sequence[_Sentence]) -> tuple[list[tuple[int, int, float, bool]], set[int], set[int]]:
    """Matched (old index, new index, score, moved) plus unmatched old / new indices."""
    # unchanged sentences: equal keys, the k-th occurrence in old with the k-th in new (the
    # same whichever side is old; SequenceMatcher's longest-block choice is not)
    positions: dict[str, list[int]] = {}
    for j, sent in enumerate(news):
        positions.setdefault(sent.key, []).append(j)
    seen: dict[str, int] = {}
    matched: dict[int, tuple[int, float]] = {}
    for i, sent in enumerate(olds):
        k = seen.get(sent.key, 0)
        js = positions.get(sent.key)
        if js is not None and k < len(js):
            matched[i] = (js[k], 1.0)
            seen[sent.key] = k + 1
    n_taken = {j for j, _ in matched.values()}
    rest_o = [i for i in range(len(olds)) if i not in matched]
    rest_n = [j for j in range(len(news)) if j not in n_taken]
    if rest_o and rest_n:
        cands = sentence_candidates(
            [olds[i].key for i in rest_o], [news[j].key for j in rest_n], cutoff=SENTENCE_MATCH_CUTOFF
        )
        no, nn = max(len(olds), 1), max(len(news), 1)
        cands.sort(key=lambda t: (-t[0], abs(rest_o[t[1]] / no - rest_n[t[2]] / nn), t[1] + t[2], t[1]))
        for score, a, b in cands:
            i, j = rest_o[a], rest_n[b]
            if i in matched or j in n_taken:
                continue
            matched[i] = (j, score)
            n_taken.add(j)
    items = sorted((i, j, s) for i, (j, s) in matched.items())
    # Each pair weighs 1 + score/2: the chain keeps as many sentences in place as it can (the
    # fewest are called moved), and among equal counts the more alike ones; an unchanged
    # sentence (1.5) still outweighs one changed pair (at most 1.45). Mirror-image ties (two
    # sentences swapped) are broken by content, never by side, so that swapping old and new
    # moves the same sentence: the longer one stays in place.
    chain = heaviest_in_order([(i, j, 1.0 + s / 2 + _tie(olds[i].key) + _tie(news[j].key)) for i, j, s in items])
    out: list[tuple[int, int, float, bool]] = []
    un_o: set[int] = set(range(len(olds)))
    un_n: set[int] = set(range(len(news)))
    for k, (i, j, s) in enumerate(items):
        moved = k not in chain
        if moved and s < MOVED_SENTENCE_CUTOFF:
            continue  # too unlike to call it the same sentence moved: removal plus addition
        out.append((i, j, s, moved))
        un_o.discard(i)
        un_n.discard(j)
    return out, un_o, un_n


def _tie(key: str) -> float:
    """A weight far below any score difference, from the text alone (length, then checksum)."""
    return len(key) * 1e-7 + (zlib.crc32(key.encode()) % 997) * 1e-12


# --- the stage ----------------------------------------------------------------------------------

def _groups(pairs: Sequence[SectionPair]) -> list[list[int]]:
    """Pair indices grouped so that pairs sharing a section (split, merged) are diffed together."""
    parent = list(range(len(pairs)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_old: dict[str, int] = {}
    first_new: dict[str, int] = {}
    for k, p in enumerate(pairs):
        for key, seen in ((p.old_id, first_old), (p.new_id, first_new)):
            if key is None:
                continue
            if key in seen:
                parent[find(k)] = find(seen[key])
            else:
                seen[key] = k
    groups: dict[int, list[int]] = {}
    for k in range(len(pairs)):
        groups.setdefault(find(k), []).append(k)
    return sorted(groups.values(), key=lambda g: g[0])


def _one_sided(report: Report, section: Section, ranges: dict[str, list[Span]], plan_role: Role | None,
               added: bool) -> list[SentenceRow]:
    text = report.source.text
    spans: list[Span] = []
    if section.heading_span.end > section.heading_span.start:
        spans.append(section.heading_span)
    spans.extend(split_sentences(text, ranges[section.id]))
    rows: list[SentenceRow] = []
    for sp in spans:
        commit, why = is_commitment(text[sp.start : sp.end], plan_role,
                                    explains_only=report.effective_role(section.id) in _NO_COMMITMENTS)
        if added:
            kind = ChangeKind.NEW_COMMITMENT if commit else ChangeKind.ADDED
            rows.append(SentenceRow(None, sp, kind, score=0.0, reason=why or "section added"))
        else:
            kind = ChangeKind.DROPPED if commit else ChangeKind.REMOVED
            rows.append(SentenceRow(sp, None, kind, score=0.0, reason=why or "section removed"))
    return rows


def _change_score(rows: Sequence[SentenceRow]) -> float:
    """Share of the pair's sentence characters that changed, weighted by how much (0 = same)."""
    total = 0.0
    changed = 0.0
    for r in rows:
        size = max(len(r.old) if r.old else 0, len(r.new) if r.new else 0)
        total += size
        if r.kind is None:
            continue
        if r.kind in (ChangeKind.REWORDED, ChangeKind.CHANGED_FIGURE):
            changed += size * (1.0 - r.score)
        elif r.kind == ChangeKind.MOVED:
            changed += size * max(0.25, 1.0 - r.score)
        else:
            changed += size
    return min(1.0, changed / total) if total else 0.0


def diff_sections(old: Report, new: Report, pairs: Sequence[SectionPair]) -> tuple[SectionDiff, ...]:
    """One `SectionDiff` per pair, in pair order (see the module docstring for the rules)."""
    o_ranges, n_ranges = own_ranges(old), own_ranges(new)
    o_text, n_text = old.source.text, new.source.text
    rows_of: dict[int, list[SentenceRow]] = {k: [] for k in range(len(pairs))}
    for group in _groups(pairs):
        first = pairs[group[0]]
        if len(group) == 1 and first.status == PairStatus.ADDED and first.new_id:
            rows_of[group[0]] = _one_sided(new, new.section(first.new_id), n_ranges, new.plan_role(first.new_id), True)
            continue
        if len(group) == 1 and first.status == PairStatus.REMOVED and first.old_id:
            rows_of[group[0]] = _one_sided(old, old.section(first.old_id), o_ranges, old.plan_role(first.old_id), False)
            continue
        old_ids = sorted({sid for k in group if (sid := pairs[k].old_id)}, key=lambda s: _pos(old, s))
        new_ids = sorted({nid for k in group if (nid := pairs[k].new_id)}, key=lambda s: _pos(new, s))
        olds = _sentences(old, old_ids, o_ranges)
        news = _sentences(new, new_ids, n_ranges)
        pair_of = {(pairs[k].old_id, pairs[k].new_id): k for k in group}
        by_old = {pairs[k].old_id: k for k in reversed(group)}
        by_new = {pairs[k].new_id: k for k in reversed(group)}
        matched, un_o, un_n = _align_sentences(olds, news)
        # rows in reading order: walk the new sentences; old-only rows go before the next
        # in-order match that comes after them in the old text
        match_of_new = {j: (i, s, mv) for i, j, s, mv in matched}
        old_done: set[int] = set()
        moved_old = {i for i, _, _, mv in matched if mv}
        ordered: list[tuple[int, SentenceRow]] = []

        cursor = [0]

        def flush_old(upto: int) -> None:
            while cursor[0] < min(upto, len(olds)):
                i = cursor[0]
                cursor[0] += 1
                if i in old_done or i in moved_old or i not in un_o:
                    continue
                old_done.add(i)
                s = olds[i]
                commit, why = is_commitment(o_text[s.span.start : s.span.end], old.plan_role(s.section_id),
                                            explains_only=old.effective_role(s.section_id) in _NO_COMMITMENTS)
                kind = ChangeKind.DROPPED if commit else ChangeKind.REMOVED
                ordered.append((by_old[s.section_id],
                                SentenceRow(s.span, None, kind, score=0.0, reason=why or "no counterpart")))

        for j, ns in enumerate(news):
            if j in match_of_new:
                i, score, moved = match_of_new[j]
                if not moved:
                    flush_old(i)
                os_ = olds[i]
                kind, segs, why = _classify_pair(o_text[os_.span.start : os_.span.end],
                                                 n_text[ns.span.start : ns.span.end], moved, score)
                k = pair_of.get((os_.section_id, ns.section_id), by_new[ns.section_id])
                ordered.append((k, SentenceRow(os_.span, ns.span, kind, segs, score, why)))
            else:
                commit, why = is_commitment(n_text[ns.span.start : ns.span.end], new.plan_role(ns.section_id),
                                            explains_only=new.effective_role(ns.section_id) in _NO_COMMITMENTS)
                kind = ChangeKind.NEW_COMMITMENT if commit else ChangeKind.ADDED
                ordered.append((by_new[ns.section_id],
                                SentenceRow(None, ns.span, kind, score=0.0, reason=why or "no counterpart")))
        flush_old(len(olds))
        for k, row in ordered:
            rows_of[k].append(row)
    diffs: list[SectionDiff] = []
    for k, pair in enumerate(pairs):
        rows = tuple(rows_of[k])
        if pair.status in (PairStatus.ADDED, PairStatus.REMOVED):
            score = 1.0
        elif rows:
            score = _change_score(rows)
        else:
            score = 0.0 if pair.status == PairStatus.MATCHED else round(1.0 - pair.score, 4)
        diffs.append(SectionDiff(k, rows, score))
    return tuple(diffs)


def _pos(report: Report, section_id: str) -> int:
    return report.by_id[section_id].span.start


def change_counts(diffs: Sequence[SectionDiff]) -> dict[str, int]:
    """How many rows of each change kind the document has (every kind, zero included)."""
    counts = {k.value: 0 for k in ChangeKind}
    for d in diffs:
        for r in d.rows:
            if r.kind is not None:
                counts[r.kind.value] += 1
    return counts


# --- accounting ---------------------------------------------------------------------------------

def unaccounted(
    comparison_or_parts: Comparison | tuple[Report, Report, Sequence[SectionPair], Sequence[SectionDiff]],
) -> tuple[tuple[str, Span], ...]:
    """Ranges of non-whitespace characters that are in no row, no paired heading and not stripped.

    The project's accounting rule: every character of both inputs is matched, inserted,
    deleted or stripped. Whitespace between sentences is layout and is not counted. An empty
    result means the rule holds. Each result is ("old" | "new", span).
    """
    pairs: Sequence[SectionPair]
    diffs: Sequence[SectionDiff]
    if isinstance(comparison_or_parts, Comparison):
        c = comparison_or_parts
        old, new, pairs, diffs = c.old, c.new, c.section_pairs, c.diffs
    else:
        old, new, pairs, diffs = comparison_or_parts
    out: list[tuple[str, Span]] = []
    for side, report in (("old", old), ("new", new)):
        text = report.source.text
        mark = bytearray(len(text))
        covered: list[Span] = [x.span for x in report.stripped]
        ids = {p.old_id if side == "old" else p.new_id for p in pairs}
        for s in report.sections:
            if s.id in ids:
                covered.append(heading_range(report, s))
        for d in diffs:
            for r in d.rows:
                sp = r.old if side == "old" else r.new
                if sp is not None:
                    covered.append(sp)
        for sp in covered:
            mark[sp.start : sp.end] = b"\x01" * (sp.end - sp.start)
        k = 0
        n = len(text)
        while k < n:
            if mark[k] or text[k].isspace():
                k += 1
                continue
            start = k
            while k < n and (not mark[k]) and not text[k].isspace():
                k += 1
            if out and out[-1][0] == side and text[out[-1][1].end : start].isspace():
                out[-1] = (side, Span(out[-1][1].start, k))
            else:
                out.append((side, Span(start, k)))
    return tuple(out)
