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
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .align import heading_range, heaviest_in_order
from .lazy import lazy_pattern
from .model import (
    ChangeKind,
    Comparison,
    Figure,
    Op,
    PairStatus,
    PlanCheck,
    PlanStatus,
    ReasonCode,
    Report,
    Role,
    Section,
    SectionDiff,
    SectionPair,
    Segment,
    SentenceRow,
    Span,
)
from .text.cjk import cjk_only, count_cjk
from .text.cues import commits_to_future, names_task
from .text.sentences import split_sentences, subtract_spans
from .text.similarity import (
    MOVED_SENTENCE_CUTOFF,
    NEAR_VERBATIM_SHARE,
    SENTENCE_MATCH_CUTOFF,
    label_similarity,
    masked_key,
    occurrences,
    sentence_candidates,
    sentence_candidates_of,
    sentence_key,
    sentence_similarity,
)
from .text.tokens import is_number_token, is_year_token, number_spans, token_texts

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
_PUNCT_OR_SPACE = lazy_pattern(r"[\s\W_]+")


def is_commitment(text: str, plan_role: Role | None, *, states_figure: bool = False,
                  explains_only: bool = False) -> tuple[bool, str]:
    """Whether a sentence commits to an action, and why (for `SentenceRow.reason`).

    Nothing in a part that `explains_only` commits (an appendix's glossary entry, a communiqué's
    statistics). A sentence of a plan, targets or government part commits when it names a task or
    a target (an action on an object, or a figure to reach: `states_figure`), not when it only
    frames the plan (guiding ideology, slogan, preamble: `text.cues.names_task`). Anywhere else (a
    review states outcomes; preambles, other parts, letters) only a word about the future followed
    by an action on a concrete object commits: a past achievement that opens with a verb ("推行…",
    "We began buying…") does not, nor meeting logistics or speech navigation
    (`text.cues.commits_to_future`).
    """
    if explains_only:
        return False, ""
    if plan_role is not None:
        language = "zh" if count_cjk(text) else "en"
        if names_task(text, language, states_figure=states_figure):
            return True, f"in a {plan_role.value} part"
        return False, ""
    cue = commits_to_future(text)
    if cue:
        return True, f"future marker '{cue}'"
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


# Not frozen: a frozen dataclass sets each field through object.__setattr__, three times the cost
# of building one, and the diff builds one per sentence (and a _OneSided per one-sided row);
# nothing changes them after they are built.
@dataclass(slots=True)
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
    for t in token_texts(text):
        if t.isspace() and out:
            out[-1] += t
        else:
            out.append(t)
    return out


@lru_cache(maxsize=1 << 14)
def _key(token: str) -> str:
    """The token as `SequenceMatcher` compares it: trailing whitespace counts as one space
    (cached: tokens, CJK characters above all, repeat across the sentences of a report)."""
    stripped = token.rstrip()
    return stripped + " " if len(stripped) < len(token) else token


@lru_cache(maxsize=1 << 14)
def _change_class(token: str) -> str | None:
    """What a changed token changes: "year", "number", "word", or None for spaces and punctuation
    (cached, like `_key`)."""
    t = token.strip()
    if not t or _PUNCT_OR_SPACE.fullmatch(t):
        return None
    return "year" if is_year_token(t) else "number" if is_number_token(t) else "word"


def intraline_segments(old: str, new: str) -> tuple[tuple[Segment, ...], set[str]]:  # noqa: C901 - one pass of ordered rules; splitting it is left to the findings work (issue 12)
    """Segments that rebuild both texts, and the classes of changed tokens ("number", "year",
    "word"; spaces and punctuation do not count as real changes)."""
    ot, nt = _tokens(old), _tokens(new)
    okeys, nkeys = list(map(_key, ot)), list(map(_key, nt))
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
        changed.update(filter(None, map(_change_class, tokens)))

    def equal(o: list[str], n: list[str]) -> None:
        if o == n:  # the usual case: one run, as token by token would give
            emit(Op.EQUAL, "".join(o))
            return
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
        head = 0
        while i1 + head < i2 and j1 + head < j2 and okeys[i1 + head] == nkeys[j1 + head]:
            head += 1
        equal(ot[i1 : i1 + head], nt[j1 : j1 + head])
        i1 += head
        j1 += head
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


# A one-character Chinese numeral (四个全面, 五位一体, 两个维护, 二中全会) names a slogan or a
# session, not a figure a reader compares.
_SMALL_CJK_NUMERAL = lazy_pattern(r"^[一二两三四五六七八九][^\d一二两三四五六七八九十百千万亿]*$")


def _has_number(segments: Sequence[Segment], op: Op) -> bool:
    """Whether a run of `op` holds a figure (a number token, not a year nor a small CJK numeral)."""
    for seg in segments:
        if seg.op == op:
            for token in token_texts(seg.text):
                t = token.strip()
                if t and is_number_token(t) and not is_year_token(t) and not _SMALL_CJK_NUMERAL.match(t):
                    return True
    return False


def _classify_same(moved: bool, score: float) -> tuple[ChangeKind | None, tuple[Segment, ...], str]:
    """The kind of a pair of sentences with one key (the same text but for whitespace)."""
    if moved:
        return ChangeKind.MOVED, (), f"same sentence out of order (similarity {score:.2f})"
    return None, (), ""


def _classify_pair(old: str, new: str, moved: bool, score: float) -> tuple[ChangeKind | None, tuple[Segment, ...], str]:
    if sentence_key(old) == sentence_key(new):
        return _classify_same(moved, score)
    segments, changed = intraline_segments(old, new)
    if "number" in changed and _has_number(segments, Op.DELETE) and _has_number(segments, Op.INSERT):
        # a figure of the sentence has another value: that is what a reader looks for, whether or
        # not other words changed too (「中央预算内投资安排5376亿元」 → 「今年…5776亿元」)
        what = "changed figure" if "word" not in changed else "changed figure and other words"
        return ChangeKind.CHANGED_FIGURE, segments, (
            f"{'out of order, ' if moved else ''}{what} (similarity {score:.2f})")
    if changed and changed <= {"number", "year"} and "number" in changed:
        what, kind = "figure added or removed", ChangeKind.REWORDED
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

def _align_sentences(olds: Sequence[_Sentence], news: Sequence[_Sentence]
                     ) -> tuple[list[tuple[int, int, float, bool]], set[int], set[int], list[tuple[int, int, float]]]:
    """Matched (old index, new index, score, moved), unmatched old / new indices, and the
    candidate pairs left unmatched (old index, new index, score: alike, but out of order)."""
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
    near: list[tuple[int, int, float]] = []
    if rest_o and rest_n:
        cands = sentence_candidates(
            [olds[i].key for i in rest_o], [news[j].key for j in rest_n], cutoff=SENTENCE_MATCH_CUTOFF
        )
        no, nn = max(len(olds), 1), max(len(news), 1)
        cands.sort(key=lambda t: (-t[0], abs(rest_o[t[1]] / no - rest_n[t[2]] / nn), t[1] + t[2], t[1]))
        for score, a, b in cands:
            i, j = rest_o[a], rest_n[b]
            near.append((i, j, score))
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
    return out, un_o, un_n, [(i, j, sc) for i, j, sc in near if i in un_o and j in un_n]


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


def _one_sided(report: Report, section: Section, ranges: dict[str, list[Span]], added: bool) -> list[SentenceRow]:
    """The rows of an added or removed section, with placeholder kinds (`_judge_one_sided` decides)."""
    text = report.source.text
    spans: list[Span] = []
    if section.heading_span.end > section.heading_span.start:
        spans.append(section.heading_span)
    spans.extend(split_sentences(text, ranges[section.id]))
    if added:
        return [SentenceRow(None, sp, ChangeKind.ADDED, score=0.0, reason="section added") for sp in spans]
    return [SentenceRow(sp, None, ChangeKind.REMOVED, score=0.0, reason="section removed") for sp in spans]


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


def diff_sections(old: Report, new: Report, pairs: Sequence[SectionPair], *,
                  old_figures: Sequence[Figure] = (), new_figures: Sequence[Figure] = (),
                  plan_checks: Sequence[PlanCheck] | None = None) -> tuple[SectionDiff, ...]:
    """One `SectionDiff` per pair, in pair order (see the module docstring for the rules).

    `old_figures` / `new_figures` let one-sided sentences of one measure pair up; `plan_checks`
    (the follow-through of the old plan) decides which old-only sentences are `dropped` and which
    `completed`. Without them the stage judges one-sided sentences by their words alone.
    """
    o_ranges, n_ranges = own_ranges(old), own_ranges(new)
    o_text, n_text = old.source.text, new.source.text
    rows_of: dict[int, list[SentenceRow]] = {k: [] for k in range(len(pairs))}
    leftover: list[tuple[Span, Span, float]] = []  # alike sentence pairs the first pass left apart
    for group in _groups(pairs):
        first = pairs[group[0]]
        if len(group) == 1 and first.status == PairStatus.ADDED and first.new_id:
            rows_of[group[0]] = _one_sided(new, new.section(first.new_id), n_ranges, True)
            continue
        if len(group) == 1 and first.status == PairStatus.REMOVED and first.old_id:
            rows_of[group[0]] = _one_sided(old, old.section(first.old_id), o_ranges, False)
            continue
        old_ids = sorted({sid for k in group if (sid := pairs[k].old_id)}, key=lambda s: _pos(old, s))
        new_ids = sorted({nid for k in group if (nid := pairs[k].new_id)}, key=lambda s: _pos(new, s))
        olds = _sentences(old, old_ids, o_ranges)
        news = _sentences(new, new_ids, n_ranges)
        pair_of = {(pairs[k].old_id, pairs[k].new_id): k for k in group}
        by_old = {pairs[k].old_id: k for k in reversed(group)}
        by_new = {pairs[k].new_id: k for k in reversed(group)}
        matched, un_o, un_n, near = _align_sentences(olds, news)
        leftover.extend((olds[i].span, news[j].span, sc) for i, j, sc in near)
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
                # a placeholder kind: `_judge_one_sided` decides every one-sided row
                ordered.append((by_old[s.section_id],
                                SentenceRow(s.span, None, ChangeKind.REMOVED, score=0.0, reason="no counterpart")))

        for j, ns in enumerate(news):
            if j in match_of_new:
                i, score, moved = match_of_new[j]
                if not moved:
                    flush_old(i)
                os_ = olds[i]
                if os_.key == ns.key:  # the keys are at hand: most matched sentences are unchanged
                    kind, segs, why = _classify_same(moved, score)
                else:
                    kind, segs, why = _classify_pair(o_text[os_.span.start : os_.span.end],
                                                     n_text[ns.span.start : ns.span.end], moved, score)
                k = pair_of.get((os_.section_id, ns.section_id), by_new[ns.section_id])
                ordered.append((k, SentenceRow(os_.span, ns.span, kind, segs, score, why)))
            else:
                ordered.append((by_new[ns.section_id],
                                SentenceRow(None, ns.span, ChangeKind.ADDED, score=0.0, reason="no counterpart")))
        flush_old(len(olds))
        for k, row in ordered:
            rows_of[k].append(row)
    group_of = {k: g for g, group in enumerate(_groups(pairs)) for k in group}
    one_sided_groups = {group_of[k] for k, p in enumerate(pairs) if p.status in (PairStatus.ADDED, PairStatus.REMOVED)}
    rows_of = _pair_one_sided(old, new, rows_of, group_of, old_figures, new_figures,
                              leftover=leftover, apart=one_sided_groups)
    rows_of = _judge_one_sided(old, new, rows_of, plan_checks, old_figures, new_figures)
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


# --- one changed sentence is one change ---------------------------------------------------------

# Masked similarity (numbers replaced by one placeholder) at or above which two one-sided
# sentences of one section group are one sentence rewritten. The first pass (SENTENCE_MATCH_CUTOFF
# on the raw text, MOVED_SENTENCE_CUTOFF out of order) leaves 「科技进步贡献率由52.2%提高到57.5%」 and
# 「科技进步贡献率提高到58.5%」 apart; masked they score 0.92. On cn-state-council-gwr 2018→2019 the
# masked pairs at 0.6 and above restate one measure; below it they mostly share a topic. Across
# section groups a pair needs MOVED_SENTENCE_CUTOFF.
MASKED_MATCH_CUTOFF = 0.6
# Two sentences stating a figure of one measure: label similarity (the one label scorer) at or
# above this, in the same base unit, with another value. 「安排地方专项债券」 ~ 「安排地方政府专项债券」
# is 0.75; 「公路水运投资」 ~ 「铁路投资」 0.5.
FIGURE_LABEL_CUTOFF = 0.7
# A shared subject: the same run of this many CJK characters at the head (first clause) of both
# sentences, in no other one-sided sentence of the group (发展全域旅游 / 创建全域旅游示范区)...
SUBJECT_CHARS = 4
# ...and used at most this often in each report: 「保障体系」 or 「体制改革」 recur under many subjects
# (海外利益安全保障体系 / 多层次养老保障体系), 「全域旅游」 does not.
_SUBJECT_MAX_USES = 2
# A figure label shorter than this (CJK characters, or words) is too vague to pair sentences across
# sections; posting lists of label bigrams are capped so that pairing stays linear.
_MIN_CROSS_LABEL_CHARS = 4
_MAX_LABEL_POSTINGS = 64
_ROUTES = ("same measure", "same words once numbers are masked", "same subject")


@dataclass(slots=True)
class _OneSided:  # not frozen, like _Sentence
    pair_index: int
    position: int  # index in rows_of[pair_index]
    span: Span
    group: int
    text: str


_NUMERAL_CHAR = lazy_pattern(r"[0-9０-９一二两三四五六七八九十百千万亿]")


@lru_cache(maxsize=1 << 14)
def _masked(text: str) -> tuple[str, bool]:
    """The sentence key with numbers masked (no number search in a sentence without a numeral),
    and whether a number was masked: exactly when the masked key differs from the plain one (a
    number's text is never a lone "#"), known without building the plain key again."""
    spans = number_spans(text) if _NUMERAL_CHAR.search(text) else []
    return (masked_key(text, spans), True) if spans else (sentence_key(text), False)


def _figures_in(figures: Sequence[Figure], starts: Sequence[int], span: Span) -> list[Figure]:
    lo = bisect_left(starts, span.start)
    hi = bisect_left(starts, span.end)
    return [f for f in figures[lo:hi] if f.span.end <= span.end and f.unit]


def _same_measure(a: Figure, b: Figure) -> float:
    """Label similarity of two figures of one base unit with different values, else 0."""
    if (a.base_unit or a.unit) != (b.base_unit or b.unit):
        return 0.0
    av = a.base_value if a.base_value is not None else a.value
    bv = b.base_value if b.base_value is not None else b.value
    return 0.0 if av == bv else label_similarity(a.label, b.label)


_CLAUSE_END = lazy_pattern(r"[，,；;：:。！？]")


@lru_cache(maxsize=1 << 12)
def _label_grams(label: str) -> frozenset[str]:
    """The bigrams (words of three or more letters) of a figure label (cached: every figure of a
    one-sided sentence is indexed or looked up by them, and labels repeat)."""
    run = cjk_only(label)
    if run:
        return frozenset({run[p : p + 2] for p in range(len(run) - 1)} or {run})
    return frozenset({w.lower() for w in re.findall(r"[A-Za-z]{3,}", label)})


@lru_cache(maxsize=1 << 12)
def _label_size(label: str) -> int:
    return count_cjk(label) or len(re.findall(r"[A-Za-z]+", label))


def _head(text: str) -> str:
    """The first clause's CJK characters: where a Chinese sentence names its subject."""
    m = _CLAUSE_END.search(text)
    return cjk_only(text[: m.start()] if m else text)


def _one_sided_rows(old: Report, new: Report, rows_of: dict[int, list[SentenceRow]],
                    group_of: dict[int, int]) -> tuple[list[_OneSided], list[_OneSided]]:
    olds: list[_OneSided] = []
    news: list[_OneSided] = []
    for k in sorted(rows_of):
        for pos, r in enumerate(rows_of[k]):
            if r.kind is None or (r.old is not None and r.new is not None):
                continue
            if r.old is not None:
                olds.append(_OneSided(k, pos, r.old, group_of[k], old.text_of(r.old)))
            elif r.new is not None:
                news.append(_OneSided(k, pos, r.new, group_of[k], new.text_of(r.new)))
    return olds, news


def _measure_candidates(olds: Sequence[_OneSided], news: Sequence[_OneSided], old_figures: Sequence[Figure],
                        new_figures: Sequence[Figure]) -> list[tuple[int, int, float]]:
    """(old, new, score) of one-sided sentences stating one measure with another value: within a
    group any such pair; across groups only a measure found in exactly one sentence of each side
    (the section aligner may have left the two parts apart: 专项债券 moved to another part).

    New figures are indexed by label bigram (posting lists capped), so each old figure is scored
    against a bounded number of new ones."""
    of = sorted(old_figures, key=lambda f: f.span.start)
    nf = sorted(new_figures, key=lambda f: f.span.start)
    o_starts, n_starts = [f.span.start for f in of], [f.span.start for f in nf]
    o_figs = [_figures_in(of, o_starts, o.span) for o in olds]
    n_figs = [_figures_in(nf, n_starts, n.span) for n in news]
    # each posting holds the figure's base unit: a figure of another unit is passed over before
    # `_same_measure` (which scores it 0) is called
    postings: dict[str, list[tuple[int, Figure, str]]] = {}
    for j, figs in enumerate(n_figs):
        for g in figs:
            unit = g.base_unit or g.unit
            for gram in _label_grams(g.label):
                postings.setdefault(gram, []).append((j, g, unit))
    best: dict[tuple[int, int], float] = {}
    for i, figs in enumerate(o_figs):
        for f in figs:
            if _label_size(f.label) < 2:
                continue
            f_unit = f.base_unit or f.unit
            seen: set[int] = set()
            for gram in sorted(_label_grams(f.label)):
                for j, g, unit in postings.get(gram, [])[:_MAX_LABEL_POSTINGS]:
                    if unit != f_unit or id(g) in seen:
                        continue
                    seen.add(id(g))
                    score = _same_measure(f, g)
                    if score >= FIGURE_LABEL_CUTOFF and score > best.get((i, j), 0.0):
                        best[(i, j)] = score
    per_old: dict[int, int] = {}
    per_new: dict[int, int] = {}
    for i, j in best:
        per_old[i] = per_old.get(i, 0) + 1
        per_new[j] = per_new.get(j, 0) + 1
    return [(i, j, score) for (i, j), score in sorted(best.items())
            if olds[i].group == news[j].group or (
                per_old[i] == 1 and per_new[j] == 1
                and any(_label_size(f.label) >= _MIN_CROSS_LABEL_CHARS for f in o_figs[i]))]


def _pair_one_sided(old: Report, new: Report, rows_of: dict[int, list[SentenceRow]],
                    group_of: dict[int, int], old_figures: Sequence[Figure],
                    new_figures: Sequence[Figure], *, leftover: Sequence[tuple[Span, Span, float]] = (),
                    apart: frozenset[int] | set[int] = frozenset()) -> dict[int, list[SentenceRow]]:
    """Pair the old-only and new-only sentences that are one sentence rewritten (issue 17: one
    changed sentence is one change): the same measure (a figure label), the same words once
    numbers are masked, or the same subject, within a section group; across groups only the same
    measure (unique on both sides) or a near-verbatim restatement. A paired row takes the new
    sentence's place and the old-only row goes, so a run of one-sided rows stays one block.

    `leftover`: the first pass's alike pairs it left apart (reused, not recomputed); `apart`:
    the groups of added and removed sections, whose sentences may pair across groups.

    Cost: candidates come from label and shingle indexes (`sentence_candidates`), never all
    old × new sentences; masked texts are scored again only for sentences holding a number, and
    across groups only for sentences of added or removed sections.
    """
    olds, news = _one_sided_rows(old, new, rows_of, group_of)
    if not olds or not news:
        return rows_of
    cands: dict[tuple[int, int], tuple[int, float]] = {}

    def offer(i: int, j: int, rank: int, score: float) -> None:
        best = cands.get((i, j))
        if best is None or (rank, -score) < (best[0], -best[1]):
            cands[(i, j)] = (rank, score)

    for i, j, score in _measure_candidates(olds, news, old_figures, new_figures):
        offer(i, j, 0, score)
    o_masks, n_masks = [_masked(o.text) for o in olds], [_masked(n.text) for n in news]
    o_index = {o.span: i for i, o in enumerate(olds)}
    n_index = {n.span: j for j, n in enumerate(news)}
    for o_span, n_span, score in leftover:
        if o_span in o_index and n_span in n_index:
            offer(o_index[o_span], n_index[n_span], 1, score)
    for i, j, score in _masked_candidates(olds, news, o_masks, n_masks, apart):
        offer(i, j, 1, score)
    for i, j in _subject_candidates(old, new, olds, news):
        offer(i, j, 2, 0.5)
    return _apply_pairs(olds, news, cands, rows_of)


def _masked_candidates(olds: Sequence[_OneSided], news: Sequence[_OneSided], o_masks: Sequence[tuple[str, bool]],
                       n_masks: Sequence[tuple[str, bool]], apart: frozenset[int] | set[int]
                       ) -> list[tuple[int, int, float]]:
    """(old, new, score) of one-sided sentences alike once numbers are masked, for the sentences
    this can change: within a group, those holding a number (the others' alike pairs are the
    first pass's leftovers), candidates taken from their own group only; across groups, near-
    verbatim only, a sentence of an added or removed section against the whole other side.

    Which pairs are proposed depends on nothing but the two sides, each side's sentences by one
    rule, so swapping old and new mirrors the result; no pair the rules would discard is scored."""
    out: list[tuple[int, int, float]] = []
    o_masked, n_masked = [m for m, _ in o_masks], [m for m, _ in n_masks]
    xs = [i for i, o in enumerate(olds) if o.group not in apart and o_masks[i][1]]
    ys = [j for j, n in enumerate(news) if n.group not in apart and n_masks[j][1]]
    if xs and ys:
        for score, a, b in sentence_candidates([o_masked[i] for i in xs], [n_masked[j] for j in ys],
                                               cutoff=MASKED_MATCH_CUTOFF,
                                               groups=([olds[i].group for i in xs], [news[j].group for j in ys])):
            out.append((xs[a], ys[b], score))
    across: dict[tuple[int, int], float] = {}  # a pair of two such sentences is found from both sides
    o_apart = [i for i, o in enumerate(olds) if o.group in apart]
    if o_apart:
        def o_cutoff(a: int, j: int) -> float | None:
            return MOVED_SENTENCE_CUTOFF if olds[o_apart[a]].group != news[j].group else None

        for score, a, j in sentence_candidates_of([o_masked[i] for i in o_apart], n_masked,
                                                  cutoff=MOVED_SENTENCE_CUTOFF, cutoff_of=o_cutoff,
                                                  min_share=NEAR_VERBATIM_SHARE):
            across[(o_apart[a], j)] = score
    n_apart = [j for j, n in enumerate(news) if n.group in apart]
    if n_apart:
        def n_cutoff(b: int, i: int) -> float | None:
            return MOVED_SENTENCE_CUTOFF if olds[i].group != news[n_apart[b]].group else None

        for score, b, i in sentence_candidates_of([n_masked[j] for j in n_apart], o_masked,
                                                  cutoff=MOVED_SENTENCE_CUTOFF, cutoff_of=n_cutoff,
                                                  min_share=NEAR_VERBATIM_SHARE):
            across[(i, n_apart[b])] = score
    out.extend((i, j, score) for (i, j), score in sorted(across.items()))
    return out


def _subject_candidates(old: Report, new: Report, olds: Sequence[_OneSided], news: Sequence[_OneSided]
                        ) -> list[tuple[int, int]]:
    """(old, new) within a group sharing a subject: a run of SUBJECT_CHARS CJK characters at the
    head of both, in no other one-sided sentence of the group, and rare in both reports."""
    by_group_o: dict[int, list[int]] = {}
    by_group_n: dict[int, list[int]] = {}
    for i, o in enumerate(olds):
        by_group_o.setdefault(o.group, []).append(i)
    for j, n in enumerate(news):
        by_group_n.setdefault(n.group, []).append(j)
    pairs: list[tuple[int, int, str]] = []
    for g, ois in by_group_o.items():
        nis = by_group_n.get(g)
        if not nis:
            continue
        only_n = _subject_grams(nis, news)
        for gram, x in _subject_grams(ois, olds).items():
            y = only_n.get(gram)
            if y is not None:
                pairs.append((x, y, gram))
    o_text, n_text = old.source.text, new.source.text
    rare: dict[str, bool] = {}  # a gram is looked up in the reports once, whichever pairs share it
    found: dict[tuple[int, int], None] = {}
    for i, j, gram in pairs:
        if (i, j) in found:  # one rare shared subject is enough
            continue
        if gram not in rare:
            rare[gram] = (occurrences(o_text, gram, at_most=_SUBJECT_MAX_USES) <= _SUBJECT_MAX_USES
                          and occurrences(n_text, gram, at_most=_SUBJECT_MAX_USES) <= _SUBJECT_MAX_USES)
        if rare[gram]:
            found[(i, j)] = None
    return sorted(found)  # in the same order whatever the hash seed (the runs are read from sets)


def _apply_pairs(olds: Sequence[_OneSided], news: Sequence[_OneSided], cands: dict[tuple[int, int], tuple[int, float]],
                 rows_of: dict[int, list[SentenceRow]]) -> dict[int, list[SentenceRow]]:
    """Take candidates greedily (route, then score, then position) and rewrite the rows."""
    ranked = sorted((rank, -score, olds[i].span.start, news[j].span.start, i, j)
                    for (i, j), (rank, score) in cands.items())
    used_o: set[int] = set()
    used_n: set[int] = set()
    out = {k: list(rows) for k, rows in rows_of.items()}
    drop: dict[int, set[int]] = {}  # pair index -> positions of the old-only rows that went
    for rank, _, _, _, i, j in ranked:
        if i in used_o or j in used_n:
            continue
        used_o.add(i)
        used_n.add(j)
        o, n = olds[i], news[j]
        score = sentence_similarity(o.text, n.text)
        kind, segs, why = _classify_pair(o.text, n.text, False, score)
        if kind is None:
            kind, why = ChangeKind.MOVED, f"same sentence in another place (similarity {score:.2f})"
        where = "" if o.group == n.group else "; from another part"
        out[n.pair_index][n.position] = SentenceRow(o.span, n.span, kind, segs, round(score, 4),
                                                   f"{why}; paired by {_ROUTES[rank]}{where}")
        drop.setdefault(o.pair_index, set()).add(o.position)
    return {k: [r for p, r in enumerate(rows) if p not in drop[k]] if k in drop else rows for k, rows in out.items()}


def _subject_grams(idx: Sequence[int], pool: Sequence[_OneSided]) -> dict[str, int]:
    """The SUBJECT_CHARS-character runs at the head of exactly one of the sentences `idx` of
    `pool`, each with that sentence."""
    owner: dict[str, int] = {}
    shared: set[str] = set()
    for x in idx:
        head = _head(pool[x].text)
        for gram in {head[p : p + SUBJECT_CHARS] for p in range(len(head) - SUBJECT_CHARS + 1)}:
            if gram in owner:
                shared.add(gram)
            else:
                owner[gram] = x
    return {gram: x for gram, x in owner.items() if gram not in shared}


# --- what a one-sided sentence is ---------------------------------------------------------------

_DONE = frozenset({PlanStatus.ADDRESSED, PlanStatus.MET})
# What the new report is silent on is dropped; a target it reports missed is not (its plan check,
# 「未达成的目标」, says so)
_OPEN = frozenset({PlanStatus.NOT_FOUND, PlanStatus.UNKNOWN})
_JUDGED_TARGET = frozenset({PlanStatus.NOT_MET})
_NOT_DUE = frozenset({ReasonCode.TARGET_DUE_LATER, ReasonCode.TARGET_MULTI_YEAR})


def _judge_one_sided(old: Report, new: Report, rows_of: dict[int, list[SentenceRow]],
                     plan_checks: Sequence[PlanCheck] | None, old_figures: Sequence[Figure],
                     new_figures: Sequence[Figure]) -> dict[int, list[SentenceRow]]:
    """The kind of every sentence left with no counterpart.

    New-only: `new_commitment` when it commits (`is_commitment`), else `added`. Old-only, from
    the follow-through result (one source of truth with the plan scorecard): `dropped` when it
    holds an old plan item the new report neither reports done nor restates, `completed` when its
    items were reported done, `removed` otherwise (not a plan item, or carried over into the new
    plan). Without a follow-through result (the stage alone) old-only sentences follow
    `is_commitment` like new ones, so the stage's kinds swap exactly with old and new.
    """
    o_figs = sorted((f for f in old_figures if f.unit), key=lambda f: f.span.start)
    n_figs = sorted((f for f in new_figures if f.unit), key=lambda f: f.span.start)
    o_starts, n_starts = [f.span.start for f in o_figs], [f.span.start for f in n_figs]
    # an item not due yet (a target or task for a later year, a several-year target) is not open:
    # the next report cannot have dropped it
    items = sorted((c.item.span.start, c.item.span.end, c.status,
                    c.reason is not None and c.reason.code in _NOT_DUE) for c in plan_checks or ())
    item_starts = [a for a, _, _, _ in items]
    longest = max((b - a for a, b, _, _ in items), default=0)

    def commits(report: Report, span: Span, figs: Sequence[Figure], starts: Sequence[int]) -> tuple[bool, str]:
        sec = report.section_at(span.start)
        plan_role = report.plan_role(sec.id) if sec else None
        explains_only = sec is not None and report.effective_role(sec.id) in _NO_COMMITMENTS
        # only a plan part's sentence asks whether it states a figure: found only then
        states_figure = plan_role is not None and not explains_only and bool(_figures_in(figs, starts, span))
        return is_commitment(report.text_of(span), plan_role, states_figure=states_figure, explains_only=explains_only)

    def judge(r: SentenceRow) -> SentenceRow:  # a one-sided row
        if r.new is not None:
            commit, why = commits(new, r.new, n_figs, n_starts)
            kind = ChangeKind.NEW_COMMITMENT if commit else ChangeKind.ADDED
            return _judged(r, kind, reason=why or _plain(r.reason))
        assert r.old is not None
        if plan_checks is None:
            commit, why = commits(old, r.old, o_figs, o_starts)
            kind = ChangeKind.DROPPED if commit else ChangeKind.REMOVED
            return _judged(r, kind, reason=why or _plain(r.reason))
        lo = bisect_left(item_starts, r.old.start - longest)
        held = [(st, not_due) for a, b, st, not_due in items[lo:bisect_left(item_starts, r.old.end)] if b > r.old.start]
        statuses = [st for st, _ in held]
        open_ = [st for st, not_due in held if st in _OPEN and not not_due]
        done = [st for st in statuses if st in _DONE]
        if open_ and done:
            # a sentence with an item reported done is not what the new report dropped, even when
            # another of its items is not found (新增公办学位5850个 met, the schools named with it not)
            return _judged(r, ChangeKind.REMOVED,
                           reason=f"plan items partly reported done, partly not found ({open_[0].value})")
        if open_:
            return _judged(r, ChangeKind.DROPPED,
                           reason=f"plan item neither reported done nor restated ({open_[0].value})")
        judged = [st for st in statuses if st in _JUDGED_TARGET]
        carried = PlanStatus.RESTATED in statuses
        if done and not judged and not carried:
            return _judged(r, ChangeKind.COMPLETED,
                           reason=f"plan item reported done in the new report ({done[0].value})")
        if done and judged:
            return _judged(r, ChangeKind.REMOVED, reason="plan items partly reported done, partly missed")
        if done:
            return _judged(r, ChangeKind.REMOVED, reason="plan items partly reported done, partly carried over")
        if any(not_due for _, not_due in held):
            return _judged(r, ChangeKind.REMOVED, reason="plan item due in a later year, not dropped")
        if judged:
            return _judged(r, ChangeKind.REMOVED, reason=f"plan target reported missed, not dropped ({judged[0].value})")
        if statuses:
            return _judged(r, ChangeKind.REMOVED,
                           reason=f"plan item carried over, not dropped ({statuses[0].value})")
        return _judged(r, ChangeKind.REMOVED, reason="not a plan item")

    # only one-sided rows are judged; an unchanged or two-sided row is kept (no call per row)
    return {k: [r if r.kind is None or (r.old is not None and r.new is not None) else judge(r) for r in rows]
            for k, rows in rows_of.items()}


def _judged(r: SentenceRow, kind: ChangeKind, reason: str) -> SentenceRow:
    """`r` with its kind and reason decided (built directly: `dataclasses.replace` costs twice as
    much, once per one-sided row); `r` itself when they are its own (an added sentence that
    commits to nothing keeps its placeholder's), as rows are immutable."""
    if kind is r.kind and reason == r.reason:
        return r
    return SentenceRow(r.old, r.new, kind, r.segments, r.score, reason)


def _plain(reason: str) -> str:
    """A one-sided row's reason without a commitment verdict of the first pass."""
    return reason if reason and not reason.startswith(("in a ", "future marker", "opens with")) \
        else "no counterpart"
