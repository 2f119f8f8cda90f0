"""Text layer: the scorers of align and diff, the one CJK bigram tokenizer, the label scorer, and the thresholds.

- Headings: rapidfuzz `ratio` on headings with years, markers, punctuation and spaces taken out
  (`2018年工作回顾` and `2019年工作回顾` are the same heading). `token_*` scorers split on spaces and
  are no better than `ratio` on unsegmented Chinese; `partial_ratio` is far slower.
- Content: character n-gram vectors (CJK bigrams, lower-cased Latin words), hashed into a fixed
  number of dimensions, weighted by inverse document frequency over the sections being compared
  (stock phrases of official reports weigh little) and compared by cosine: sparse {feature:
  weight} vectors, one exactly rounded sum (`math.fsum`) over the shared features per pair, so a
  score does not depend on which side is old nor on the order of the features. Plain Python: the
  job never imports numpy (its import alone was a fifth of a comparison's CPU budget).
- Sentences: rapidfuzz `ratio` on whitespace-collapsed text, only for candidate pairs that share a
  rare shingle (an inverted index), so no sentence is compared with every other sentence.

Every threshold is a named constant here with a note on how it was chosen: by reading the scores
on the fixtures (fixtures/*/EXPECTED.md) and on cn-state-council-gwr 2018→2019 (section-pair
table in bench/README.md), and checking the corpus tests and `bench/run.py` still pass.
"""

from __future__ import annotations

import heapq
import math
import re
import zlib
from bisect import bisect_left
from collections import Counter, _count_elements  # type: ignore[attr-defined]
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache
from itertools import chain, compress, repeat
from operator import mul, truediv

from rapidfuzz import fuzz, process

from ..lazy import lazy_pattern
from .cjk import CJK, CJK_WIDE, cjk_only
from .tokens import word_stems

__all__ = [
    "CONTAINED_LABEL_SCORE",
    "cjk_bigrams",
    "label_bigrams",
    "label_similarity",
    "label_containment",
    "abbreviates",
    "in_order",
    "ABBREVIATION_SCORE",
    "HEADING_SAME",
    "HEADING_RELATED",
    "HEADING_WEIGHT",
    "CONTENT_WEIGHT",
    "ROLE_BONUS",
    "ROLE_PENALTY",
    "SECTION_PAIR_CUTOFF",
    "CONTENT_ONLY_CUTOFF",
    "MUTUAL_BEST_FLOOR",
    "MUTUAL_BEST_MARGIN",
    "CROSS_PARENT_CUTOFF",
    "SPLIT_GAIN",
    "SENTENCE_MATCH_CUTOFF",
    "DICE_MATCH_CUTOFF",
    "MOVED_SENTENCE_CUTOFF",
    "SHINGLE_DF_CAP",
    "CANDIDATES_PER_SENTENCE",
    "NEAR_VERBATIM_SHARE",
    "CANDIDATE_SHARE",
    "RARE_SHINGLES_PER_SENTENCE",
    "normalise_heading",
    "heading_similarity",
    "DENSE_PAIR_LIMIT",
    "SparseVector",
    "sparse_content_vectors",
    "sparse_dot",
    "sparse_dots",
    "sparse_dots_at_least",
    "sparse_cosine",
    "sparse_combined_cosine",
    "blocking_features",
    "blocked_pairs",
    "sentence_key",
    "sentence_similarity",
    "sentence_candidates",
    "sentence_candidates_of",
    "occurrences",
    "masked_key",
]

# --- section alignment --------------------------------------------------------------------------
# Year-normalised headings at or above this ratio are "the same heading" (status matched rather
# than renamed). 0.85 lets one or two characters differ in a 10-character Chinese heading
# (`主要举措和成效` ↔ `主要举措及成效`) but not a different topic word.
HEADING_SAME = 0.85
# Section score = HEADING_WEIGHT * heading ratio + CONTENT_WEIGHT * content cosine + role term.
# Content weighs more: headings of official reports are short and formulaic, and a renamed part
# keeps its body. With 0.35/0.65 the gwr review, target and plan parts pair with each other
# and the plan items of consecutive years pair by topic.
HEADING_WEIGHT = 0.35
CONTENT_WEIGHT = 0.65
# Both parts have the same known role (review, plan …): a small push; different known roles: a
# strong pull apart (a review never becomes a plan even when they share vocabulary).
ROLE_BONUS = 0.10
ROLE_PENALTY = 0.25
# Pairs scoring below this are not candidates. On gwr plan items (rewritten yearly), true pairs
# scored 0.30–0.60 and unrelated siblings 0.05–0.22 (idf weighting removes stock phrases).
SECTION_PAIR_CUTOFF = 0.28
# A weaker pair still counts when it is the best of its row and of its column (mutual best),
# ahead of the runner-up in both by MUTUAL_BEST_MARGIN, and scores at least MUTUAL_BEST_FLOOR.
# Plan items of consecutive gwr years are rewritten: on 2018→2019 创新型国家 ↔ 创新引领发展 led
# its row by 0.08 and its column by 0.10, 扩大消费 ↔ 强大国内市场 by 0.11 and 0.06, while the
# ambiguous 三大攻坚战 (0.32 against 0.29) and 供给侧改革 (0.30 against 0.29) stay unpaired.
# A difference, not a ratio: unrelated Chinese headings share characters (推进, 发展), which
# lifts every score of a row by about the same amount.
MUTUAL_BEST_FLOOR = 0.18
MUTUAL_BEST_MARGIN = 0.05
# Headings at or above this ratio are related (same words, some changed); below it, content alone
# must reach CONTENT_ONLY_CUTOFF. Unrelated Chinese headings of one report reach 0.3–0.45 by
# shared characters (推进, 发展, 加强).
HEADING_RELATED = 0.5
# Without any heading resemblance, content alone must reach this cosine.
CONTENT_ONLY_CUTOFF = 0.35
# Sections left over after the tree walk are paired across parents (moved to another part) only
# when their content is clearly the same: a cosine this high was never seen between unrelated
# sections of one gwr or Berkshire pair.
CROSS_PARENT_CUTOFF = 0.55
# An unpaired section is part of a split (or merge) when the other side's section, already
# paired, is this much more alike (cosine) to its partner and this section together than to its
# partner alone, and this section alone reaches CONTENT_ONLY_CUTOFF with it. A small gain is
# what any related sibling adds; a real split adds the missing half.
SPLIT_GAIN = 0.08

# --- bounded cost for long sibling lists ---------------------------------------------------------
# Up to this many old × new pairs, every pair of siblings is scored (200 × 200 siblings; a few
# microseconds per pair). Real reports stay far below it (the largest corpus sibling list has
# under 60 parts, the largest group about 2,300 pairs); a list of 10,000 parts would be 10^8 pairs.
DENSE_PAIR_LIMIT = 40_000
# Above it, only candidate pairs are scored, with sparse vectors: two sections are candidates when
# they share one of their BLOCK_RARE_FEATURES rarest features (found in at most BLOCK_DF_CAP of
# the siblings; heading and content n-grams), keeping BLOCK_CANDIDATES per section and direction
# (most shared first), or when they stand within BLOCK_ORDER_WINDOW places of the same relative
# position. A section that moved far shares rare words with itself; one that shares none is not
# the same section. Work and memory stay linear in the number of siblings.
BLOCK_DF_CAP = 50
BLOCK_RARE_FEATURES = 24
BLOCK_CANDIDATES = 5
BLOCK_ORDER_WINDOW = 1

# --- sentence alignment -------------------------------------------------------------------------
# rapidfuzz ratio (0–1) at or above which two sentences are the same sentence (changed in place).
# Reworded gwr sentences that keep their subject scored 0.62–0.9; different sentences on the same
# topic scored up to 0.55.
SENTENCE_MATCH_CUTOFF = 0.6
# Reworded sentences often keep their words but change their order (将A纳入B,与C同部署 →
# C一起部署,并写入B), which the ratio punishes (0.55 on the zh-district fixture). The Dice
# coefficient of their shingle sets (CJK bigrams, English words) then stands in for the ratio
# when it reaches this value: 0.70 on that pair and 0.87 on the en-letters one, while different
# sentences of one section stayed below 0.45 on the fixtures and gwr.
DICE_MATCH_CUTOFF = 0.65
# A sentence matched out of order must be more alike than one matched in place before it is
# called moved; otherwise it stays a removal plus an addition.
MOVED_SENTENCE_CUTOFF = 0.8
# Shingles found in more than this many sentences of one side are too common to propose
# candidates (stock phrases); a constant keeps candidate generation linear.
SHINGLE_DF_CAP = 40
# Per sentence, only its this-many rarest shingles propose candidates: near-identical sentences
# share rare shingles, and the work per sentence stays bounded (SHINGLE_DF_CAP × this).
RARE_SHINGLES_PER_SENTENCE = 16
# Per old sentence, only this many candidates (most shared shingles first) are scored.
CANDIDATES_PER_SENTENCE = 8
# A candidate shares at least this part of the query sentence's rare shingles (counted when it has
# four or more): the sentences sharing only one or two of them share a stock phrase (this will …,
# the Minister for … will elaborate at COS) or a topic word, not the sentence. On the 100 corpus
# pairs the first pass's candidates below it that still scored 0.6 (7 of about 10,000 pairs: 推进
# 财税体制改革 / 推进资源税改革, four Singapore budget stock sentences about different ministers and
# schemes) were all different sentences; it leaves about a quarter less candidate work.
CANDIDATE_SHARE = 0.3
# A near-verbatim search (MOVED_SENTENCE_CUTOFF: a sentence of an added section against a whole
# side) proposes only sentences sharing at least this part of the query's rare shingles: a pair
# at 0.8 or above shares most of its shingles, while most sentences sharing one rare shingle are
# only on the same topic. On the 100 consecutive corpus pairs, the pairs found at 0.8 or above
# were the same with and without it, and it removes about two fifths of the search's cost.
NEAR_VERBATIM_SHARE = 0.5

_DIMENSIONS = 4096  # hashed feature space; collisions are rare at section sizes
_YEAR = lazy_pattern(r"(?:(?:19|20)[0-9]{2}|[一二〇零○]{4}(?=年))年?(?:度)?")
_MARKER = lazy_pattern(
    r"^\s*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.、．)]|"
    r"[①-⑳]|[IVXivx]+\.|[A-Za-z]\.|#+)\s*"
)
_NOISE = lazy_pattern(r"[\s\W_]+", re.UNICODE)
# `[x][x]*`, not `[x]+`: the same matches, but `re` scans ahead for a pattern's first character (in
# C, without trying a match at every position) only when the pattern opens with a class, not
# with a repeat: a third fewer instructions on the corpus sentences
_CJK_RUN = lazy_pattern(f"[{CJK_WIDE}][{CJK_WIDE}]*")
# A Latin word of two or more letters, or a number: `[A-Za-z][A-Za-z']+|[0-9]+(?:[.,][0-9]+)*`
# written with one leading character class, which lets the regex engine skip CJK text in C
_LATIN_WORD = lazy_pattern(r"[A-Za-z0-9](?:(?<=[A-Za-z])[A-Za-z']+|(?<=[0-9])[0-9]*(?:[.,][0-9]+)*)")


def normalise_heading(heading: str) -> str:
    """Heading text without marker, years, punctuation and spaces, lower-cased."""
    h = _MARKER.sub("", heading)
    h = _YEAR.sub("", h)
    return _NOISE.sub("", h).lower()


def heading_similarity(old: str, new: str) -> float:
    a, b = normalise_heading(old), normalise_heading(new)
    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100.0


class _Hashes(dict[str, int]):
    """Shingle -> hashed feature, filled on first use (a dict lookup in C for every shingle seen before)."""

    def __missing__(self, shingle: str) -> int:
        feature = self[shingle] = zlib.crc32(shingle.encode()) % _DIMENSIONS
        return feature


_HASHES = _Hashes()
_HASHES_MAX = 1 << 17  # emptied when it grows past this many shingles (numbers and words are unbounded)


def _features(text: str) -> Iterable[int]:
    """Hashed shingles: CJK character bigrams (unigrams for lone characters) and Latin words.

    Taken line by line: no shingle spans a line break, so a text's shingles are those of its
    lines, and the lines of a part are read once for it and for every part that holds it.
    """
    return chain.from_iterable(map(_line_features, text.split("\n")))


@lru_cache(maxsize=1 << 14)
def _line_features(line: str) -> tuple[int, ...]:
    """The hashed shingles of one line: the bigrams of every CJK run (a run of one character is
    its own shingle) and the Latin words, lower-cased; hashed in C. Bigrams are sliced (iterating
    a CJK run would make a string of every character first); an ASCII line has no CJK run."""
    if len(_HASHES) > _HASHES_MAX:
        _HASHES.clear()
    words = map(str.lower, _LATIN_WORD.findall(line))
    if line.isascii():
        return tuple(map(_HASHES.__getitem__, words))
    runs = _CJK_RUN.findall(line)
    bigrams = [run[i : i + 2] for run in runs for i in range(len(run) - 1)]
    lone = [run for run in runs if len(run) == 1]
    return tuple(map(_HASHES.__getitem__, chain(bigrams, lone, words)))


@lru_cache(maxsize=1 << 12)
def _counts(text: str) -> Counter[int]:
    """How often each hashed shingle occurs in the text (cached: a section's text is scored in
    its sibling group and again across parents; no caller changes the counts)."""
    return Counter(_features(text))


SparseVector = dict[int, float]


class _Log1p(dict[int, float]):
    """count -> math.log1p(count), filled on first use: a text's counts are small numbers that
    repeat, and a dict hit (in C) costs less than computing the logarithm into a new float."""

    def __missing__(self, count: int) -> float:
        value = self[count] = math.log1p(count)
        return value


_LOG1P = _Log1p()


def sparse_content_vectors(old: Sequence[str], new: Sequence[str]) -> tuple[list[SparseVector], list[SparseVector]]:
    """Weighted n-gram vectors (unit length) of the old and new texts as {feature: weight} dicts:
    memory grows with the text, never with sections × dimensions.

    Weights are sub-linear term frequency times idf over both sides together, so the result is
    the same whichever side is called old. The cosine of two texts is the dot product of their
    vectors (`sparse_cosine`).
    """
    counts = [_counts(t) for t in (*old, *new)]
    df: Counter[int] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(counts)
    by_df = [math.log((1.0 + n) / (1.0 + k)) + 1.0 for k in range(n + 1)]  # idf of a feature in k texts
    # idf by feature in a list (features are range(_DIMENSIONS)): indexed, not hashed, for every
    # feature of every text; filled in C (`any` drains the map: __setitem__ returns None)
    idf = [0.0] * _DIMENSIONS
    any(map(idf.__setitem__, df.keys(), map(by_df.__getitem__, df.values())))
    vectors: list[SparseVector] = []
    for c in counts:  # per feature: log1p(count) × idf, then / norm (each step mapped in C)
        weights = list(map(mul, map(_LOG1P.__getitem__, c.values()), map(idf.__getitem__, c.keys())))
        norm = math.sqrt(math.fsum(map(mul, weights, weights))) or 1.0
        vector: SparseVector = dict(c)  # a copy of the counts' table (no growing), values then replaced
        vector.update(zip(c.keys(), map(truediv, weights, repeat(norm))))
        vectors.append(vector)
    return vectors[: len(old)], vectors[len(old) :]


def sparse_dot(a: SparseVector, b: SparseVector) -> float:
    """Dot product of two sparse vectors. `fsum` rounds the exact sum once, so the result is the
    same whichever vector comes first and in whatever order the shared features are visited
    (swapping old and new mirrors the result); the products are taken in C (`map`)."""
    shared = a.keys() & b.keys()  # CPython walks the smaller of the two
    return math.fsum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))


# Up to this many pairs `sparse_dots` scores pair by pair: 16 did best on the corpus groups (fewer
# instructions than the index up to about 4 × 4 sections; 1 × 1 costs a third of it).
_PAIRWISE_DOTS = 16


def _postings_by_feature(columns: Sequence[SparseVector]) -> list[list[tuple[int, float]] | None]:
    """(column, weight) of the columns holding each feature, by feature (None: no column)."""
    postings: list[list[tuple[int, float]] | None] = [None] * _DIMENSIONS
    for j, col in enumerate(columns):
        for f, w in col.items():
            posting = postings[f]
            if posting is None:
                postings[f] = [(j, w)]
            else:
                posting.append((j, w))
    return postings


def sparse_dots(rows: Sequence[SparseVector], columns: Sequence[SparseVector]) -> list[list[float]]:
    """`sparse_dot` of every row × column, bit for bit: the products of each pair's shared
    features, found through an index of the columns' features (so a pair sharing few features
    costs little), each pair summed by `fsum`. The vectors are `sparse_content_vectors`, whose
    features are hashed into range(_DIMENSIONS): the index is a list by feature (no hashing).

    A small group (at most _PAIRWISE_DOTS pairs) is scored pair by pair (`sparse_dot`, in C): the
    index would cost a Python step for every feature of every column."""
    if len(rows) * len(columns) <= _PAIRWISE_DOTS:
        return [[sparse_dot(a, b) for b in columns] for a in rows]
    postings = _postings_by_feature(columns)
    out: list[list[float]] = []
    for row in rows:
        products: list[list[float]] = [[] for _ in columns]
        for f, w in row.items():
            posting = postings[f]
            if posting is not None:
                for j, x in posting:
                    products[j].append(w * x)
        out.append(list(map(math.fsum, products)))
    return out


def sparse_dots_at_least(rows: Sequence[SparseVector], columns: Sequence[SparseVector],
                         floor: float) -> dict[tuple[int, int], float]:
    """{(row, column): `sparse_dot`} of the pairs whose dot product reaches `floor`, row by row,
    bit for bit. A first pass adds each pair's products in plain floating point (no list per pair,
    no `fsum`): the features' weights are positive and at most 1, so that sum is within 1e-12 of
    the exact one, and only the pairs it puts within 1e-9 of `floor` or above are summed again
    exactly (`sparse_dot`)."""
    if len(rows) * len(columns) <= _PAIRWISE_DOTS:
        return {(i, j): dot for i, a in enumerate(rows) for j, b in enumerate(columns)
                if (dot := sparse_dot(a, b)) >= floor}
    postings = _postings_by_feature(columns)
    near = floor - 1e-9
    out: dict[tuple[int, int], float] = {}
    for i, row in enumerate(rows):
        sums = [0.0] * len(columns)
        for f, w in row.items():
            posting = postings[f]
            if posting is not None:
                for j, x in posting:
                    sums[j] += w * x
        for j, approx in enumerate(sums):
            if approx >= near and (dot := sparse_dot(row, columns[j])) >= floor:
                out[(i, j)] = dot
    return out


def sparse_cosine(a: SparseVector, b: SparseVector) -> float:
    """Cosine of two sparse unit vectors (their dot product), clipped to 0–1."""
    return min(1.0, max(0.0, sparse_dot(a, b)))


def sparse_combined_cosine(single: SparseVector, first: SparseVector, second: SparseVector) -> float:
    """Cosine of `single` with `first + second` (unit vectors): how well the two parts together
    stand for it. Used to recognise a split (one old → several new) or a merge."""
    norm2 = (math.fsum(w * w for w in first.values()) + math.fsum(w * w for w in second.values())
             + 2 * sparse_cosine(first, second))
    if norm2 <= 0:
        return 0.0
    return min(1.0, max(0.0, (sparse_cosine(single, first) + sparse_cosine(single, second)) / math.sqrt(norm2)))


def blocking_features(heading: str, content: Collection[int]) -> frozenset[int]:
    """The features of a section's content (its sparse vector's keys) and the hashed n-grams of
    its normalised heading (as negative numbers, so that a heading bigram and a content bigram
    never count as the same feature)."""
    return frozenset(content) | frozenset(-1 - f for f in _features(normalise_heading(heading)))


def blocked_pairs(old: Sequence[Collection[int]], new: Sequence[Collection[int]]) -> set[tuple[int, int]]:
    """Candidate (old index, new index) pairs of two long sibling lists (see BLOCK_* above).

    Rare features are counted over both sides together and proposals go both ways, so swapping
    old and new gives the mirrored set.
    """
    df: Counter[int] = Counter()
    for feats in (*old, *new):
        df.update(feats)
    pairs: set[tuple[int, int]] = set()
    for i, j in _propose(old, new, df):
        pairs.add((i, j))
    for j, i in _propose(new, old, df):
        pairs.add((i, j))
    for i, j in _window(len(old), len(new)):
        pairs.add((i, j))
    for j, i in _window(len(new), len(old)):
        pairs.add((i, j))
    return pairs


def _propose(query: Sequence[Collection[int]], target: Sequence[Collection[int]],
             df: Counter[int]) -> list[tuple[int, int]]:
    index: dict[int, list[int]] = {}
    for j, feats in enumerate(target):
        for f in feats:
            if df[f] <= BLOCK_DF_CAP:
                index.setdefault(f, []).append(j)
    n_q, n_t = max(len(query), 1), max(len(target), 1)
    out: list[tuple[int, int]] = []
    for i, feats in enumerate(query):
        rare = sorted((df[f], f) for f in feats if f in index)[:BLOCK_RARE_FEATURES]
        shared: Counter[int] = Counter()
        for _, f in rare:
            shared.update(index[f])
        best = heapq.nsmallest(BLOCK_CANDIDATES, shared.items(),
                               key=lambda kv: (-kv[1], abs(i / n_q - kv[0] / n_t), kv[0]))
        out.extend((i, j) for j, _ in best)
    return out


def _window(n_query: int, n_target: int) -> list[tuple[int, int]]:
    if not n_query or not n_target:
        return []
    out: list[tuple[int, int]] = []
    for i in range(n_query):
        centre = (i * n_target) // n_query
        out.extend((i, j) for j in range(max(0, centre - BLOCK_ORDER_WINDOW),
                                          min(n_target, centre + BLOCK_ORDER_WINDOW + 1)))
    return out


def occurrences(text: str, needle: str, *, at_most: int) -> int:
    """How often `needle` occurs in `text`, overlapping occurrences included, counted up to
    `at_most` + 1: enough to tell "at most" from "more" without reading a long text to its end.
    For a needle of CJK characters this is how often it occurs inside the text's CJK runs."""
    n, at = 0, text.find(needle)
    while at >= 0 and n <= at_most:
        n += 1
        at = text.find(needle, at + 1)
    return n


def sentence_key(text: str) -> str:
    """Whitespace-collapsed sentence text; equal keys mean an unchanged sentence (str.split's
    whitespace is re's \\s, character for character)."""
    return " ".join(text.split())


def masked_key(text: str, number_spans: Sequence[tuple[int, int]]) -> str:
    """The sentence key with each number (given as spans) replaced by one "#": two sentences of
    one measure with other values are alike once masked (科技进步贡献率提高到57.5% / 58.5%)."""
    out: list[str] = []
    pos = 0
    for a, b in number_spans:
        out.append(text[pos:a])
        out.append("#")
        pos = b
    out.append(text[pos:])
    return sentence_key("".join(out))


def sentence_similarity(old: str, new: str) -> float:
    """max(rapidfuzz ratio, shingle Dice when it reaches DICE_MATCH_CUTOFF), 0–1."""
    return _scores(old, _sentence_shingles(old), [new], [_sentence_shingles(new)], [0.0], 0.0)[0]


def _scores(a: str, sa: frozenset[str], bs: list[str], sbs: list[frozenset[str]], cutoffs: list[float],
            lowest: float) -> list[float]:
    """The score of `a` with each of `bs`: max(rapidfuzz ratio, shingle Dice when it reaches
    DICE_MATCH_CUTOFF), or 0 below the pair's cutoff (cutoffs[k], none below `lowest`).

    The ratios come from one rapidfuzz call, which prepares `a` once rather than once per pair.
    Below the cutoff the exact ratio does not matter (rapidfuzz then returns 0 early); it is asked
    at `lowest`, so a ratio below a pair's higher cutoff may be known exactly rather than as 0,
    which changes nothing (the score is then a Dice coefficient reaching that cutoff, which
    exceeds the ratio, or 0). The margin keeps a ratio of exactly the cutoff, which 100 × cutoff
    may overshoot in floating point.
    """
    ratios = [0.0] * len(bs)
    for _, ratio, k in process.extract(a, bs, scorer=fuzz.ratio, score_cutoff=max(0.0, lowest * 100.0 - 1e-6),
                                       limit=None):
        ratios[k] = ratio / 100.0
    out: list[float] = []
    na = len(sa)
    for ratio, sb, cutoff in zip(ratios, sbs, cutoffs):  # max() written out: no call per pair
        dice = 2 * len(sa & sb) / (na + len(sb)) if sa and sb else 0.0
        best = dice if dice >= DICE_MATCH_CUTOFF and dice > ratio else ratio
        out.append(best if best >= cutoff else 0.0)
    return out


_IS_ONE = (1).__eq__
_AT_LEAST_THREE = (3).__le__


@lru_cache(maxsize=1 << 15)
def _sentence_shingles(text: str) -> frozenset[str]:
    """CJK bigrams (`cjk_bigrams(run, lone=True)` of every CJK run) and Latin words of three or
    more characters, lower-cased, of a sentence (cached: one sentence is queried by several
    passes of the diff). Built straight into the frozenset, the words picked in C; an ASCII
    sentence has no CJK run to look for."""
    words = _LATIN_WORD.findall(text)
    latin = map(str.lower, compress(words, map(_AT_LEAST_THREE, map(len, words))))
    if text.isascii():
        return frozenset(latin)
    runs = _CJK_RUN.findall(text)
    return frozenset(chain([run[i : i + 2] for run in runs for i in range(len(run) - 1)],  # bigrams
                           compress(runs, map(_IS_ONE, map(len, runs))),  # a lone character is its own shingle
                           latin))


def sentence_candidates(
    old: Sequence[str], new: Sequence[str], *, cutoff: float = SENTENCE_MATCH_CUTOFF,
    cutoff_of: Callable[[int, int], float | None] | None = None,
    groups: tuple[Sequence[int], Sequence[int]] | None = None, min_share: float = CANDIDATE_SHARE,
) -> list[tuple[float, int, int]]:
    """(score, old index, new index) for sentence pairs scoring at least `cutoff`.

    Candidates come from an inverted index of rare shingles (document frequency at most
    SHINGLE_DF_CAP on the new side), at most CANDIDATES_PER_SENTENCE per old sentence, so the
    cost is linear in the number of sentences rather than old × new.

    `cutoff_of(old index, new index)`, when given, is the cutoff of that candidate pair (None: the
    caller has no use for it, and it is not scored); it is never below `cutoff`. Which pairs are
    candidates never depends on scores, so a caller that filters the result by pair gets the
    same pairs, with less scoring.

    `groups`, when given, is the group of each old and each new sentence: only sentences of one
    group are candidates of each other (no candidate place of a sentence goes to another group's
    sentence, and no pair is proposed only to be discarded), while how rare a shingle is is
    still counted over the whole side. `min_share`: the part of a sentence's rare shingles a
    candidate must share (CANDIDATE_SHARE).
    """
    # (old, new) -> score, every pair scored once: the score is symmetric, and the two directions
    # propose many of the same pairs
    scored: dict[tuple[int, int], float] = {}
    old_side, new_side = _Side(old), _Side(new)
    # a shingle proposes candidates only when both sides hold it: one set for both directions
    both = old_side.df.keys() & new_side.df.keys()
    _one_way(old_side, new_side, both, cutoff_of, scored, swap=False, cutoff=cutoff,
             groups=groups, min_share=min_share)
    # both directions, so swapping old and new proposes the same pairs
    _one_way(new_side, old_side, both, cutoff_of, scored, swap=True, cutoff=cutoff,
             groups=None if groups is None else (groups[1], groups[0]), min_share=min_share)
    return sorted((score, i, j) for (i, j), score in scored.items() if score)


def sentence_candidates_of(
    query: Sequence[str], target: Sequence[str], *, cutoff: float,
    cutoff_of: Callable[[int, int], float | None] | None = None, min_share: float = 0.0,
) -> list[tuple[float, int, int]]:
    """(score, query index, target index) for the pairs scoring at least `cutoff` among each
    query sentence's candidates in `target`: one direction of `sentence_candidates`
    (`cutoff_of(query index, target index)` as there). The targets a query sentence proposes
    depend only on that sentence and the target side, so a caller that queries its old sentences
    against the new side and its new sentences against the old side by one rule gets mirrored
    pairs when old and new are swapped. For a few sentences (those of added or removed sections)
    against a whole side: the target sentences are not queried in turn.

    `min_share`: a candidate must share at least this part of the query sentence's rare shingles
    (a near-verbatim pair shares most of them; see NEAR_VERBATIM_SHARE)."""
    scored: dict[tuple[int, int], float] = {}
    query_side, target_side = _Side(query, target=False), _Side(target)
    # the shingles of both sides: each query shingle looked up in the target's counts (in C)
    both = target_side.df.keys() & chain.from_iterable(query_side.shingles)
    _one_way(query_side, target_side, both, cutoff_of, scored, swap=False, cutoff=cutoff, min_share=min_share)
    return sorted((score, i, j) for (i, j), score in scored.items() if score)


class _Side:
    """The sentences of one side of `sentence_candidates`, read once for both directions (a plain
    class: a dataclass would cost every job 4M instructions at import, about what it saves)."""

    __slots__ = ("texts", "shingles", "df", "lengths", "sizes")

    def __init__(self, texts: Sequence[str], *, target: bool = True) -> None:
        self.texts = texts
        self.shingles = [_sentence_shingles(t) for t in texts]
        if target:  # a side that is only queried (`sentence_candidates_of`) is read by texts and shingles alone
            self.df = Counter(chain.from_iterable(self.shingles))  # in how many sentences each shingle is, counted in C
            self.lengths = [len(t) for t in texts]
            self.sizes = [len(sh) for sh in self.shingles]  # shingles per sentence


def _one_way(query: _Side, target: _Side, both: Collection[str],
             cutoff_of: Callable[[int, int], float | None] | None,
             scored: dict[tuple[int, int], float], *, swap: bool, cutoff: float,
             groups: tuple[Sequence[int], Sequence[int]] | None = None, min_share: float = 0.0) -> None:
    """Score each query sentence against its best candidates in `target` into `scored`, keyed
    (old, new): (query, target) indexes, or (target, query) with `swap`; `cutoff` is the lowest
    cutoff of any pair (every pair's without `cutoff_of`); `both`: the shingles of both sides;
    `groups`: the group of each query and each target sentence (candidates within a group only);
    `min_share`: the part of a query's rare shingles a candidate must share."""
    # only rare shingles (at most SHINGLE_DF_CAP target sentences) found in some query sentence
    # propose candidates: count them in C, then index just those
    df = target.df
    wanted = set(compress(both, map(SHINGLE_DF_CAP.__ge__, map(df.__getitem__, both))))
    index = _postings(target, wanted, None if groups is None else groups[1])
    # the candidates of a sentence: most shared rare shingles, then nearest, then first
    base = max(len(query.texts), len(target.texts)) + 1  # packs (distance, position) into one integer
    # A pair out of reach of `cutoff` (hence of any pair's cutoff) is scored 0 unasked: rapidfuzz's
    # ratio of two strings and the Dice coefficient of two sets are at most 2·min(m, n) / (m + n)
    # of their lengths m and n (all of the shorter one shared); about half the candidate pairs
    # differ too much in length. A pair whose own cutoff is higher (a caller's `cutoff_of`) is
    # held to that one too. The margin is far above rounding error, far below a score step.
    ratio_floor, dice_floor = cutoff - 1e-9, max(cutoff, DICE_MATCH_CUTOFF) - 1e-9
    texts, shingles, lengths, sizes = target.texts, target.shingles, target.lengths, target.sizes
    for i, (t, sh_i) in enumerate(zip(query.texts, query.shingles)):
        hits: Collection[str] = wanted.intersection(sh_i)
        if not hits:
            continue
        if len(hits) > RARE_SHINGLES_PER_SENTENCE:  # the rarest, ties by shingle (two stable sorts in C)
            hits = sorted(sorted(hits), key=df.__getitem__)[:RARE_SHINGLES_PER_SENTENCE]
        # target -> rare shingles shared, counted by the C helper of Counter.update (a Counter's own
        # Python-level set-up cost a third more than the counting, once per query sentence)
        shared: dict[int, int] = {}
        if groups is None:
            _count_elements(shared, chain.from_iterable(map(index.__getitem__, hits)))
        else:
            _count_elements(shared, chain.from_iterable(map(index.get, zip(repeat(groups[0][i]), hits), repeat(()))))
        least = math.ceil(min_share * len(hits) - 1e-9)
        if least > 1:  # the targets sharing enough, picked in C
            shared = dict(compress(shared.items(), map(least.__le__, shared.values())))
        la, na = len(t), len(sh_i)
        bs: list[str] = []  # the candidates within reach: texts, shingles, keys and cutoffs
        sbs: list[frozenset[str]] = []
        keys: list[tuple[int, int]] = []
        cutoffs: list[float] = []
        for j in _best_candidates(shared, i, base):
            key = (j, i) if swap else (i, j)
            if key in scored:
                continue
            lb, nb = lengths[j], sizes[j]
            pair_cutoff = None
            if 2 * (la if la < lb else lb) >= ratio_floor * (la + lb) or \
                    2 * (na if na < nb else nb) >= dice_floor * (na + nb):  # min() inline: no call per candidate
                pair_cutoff = cutoff if cutoff_of is None else cutoff_of(*key)
            if pair_cutoff is not None and pair_cutoff > cutoff and not (
                    2 * (la if la < lb else lb) >= (pair_cutoff - 1e-9) * (la + lb)
                    or 2 * (na if na < nb else nb) >= (max(pair_cutoff, DICE_MATCH_CUTOFF) - 1e-9) * (na + nb)):
                pair_cutoff = None  # out of reach of its own cutoff
            if pair_cutoff is None:
                scored[key] = 0.0
            else:
                bs.append(texts[j])
                sbs.append(shingles[j])
                keys.append(key)
                cutoffs.append(pair_cutoff)
        if keys:  # one rapidfuzz call per query sentence
            scored.update(zip(keys, _scores(t, sh_i, bs, sbs, cutoffs, cutoff)))


def _postings(target: _Side, wanted: set[str], groups: Sequence[int] | None) -> dict[object, list[int]]:
    """The target sentences holding each wanted shingle, by shingle, or with `groups` (the group
    of each target sentence) by (group, shingle): a query then reads its own group's only."""
    if groups is None:
        index: dict[object, list[int]] = {sh: [] for sh in wanted}
        for j, shs in enumerate(target.shingles):
            for sh in wanted.intersection(shs):
                index[sh].append(j)
        return index
    index = {}
    for j, (g, shs) in enumerate(zip(groups, target.shingles)):
        for sh in wanted.intersection(shs):
            index.setdefault((g, sh), []).append(j)
    return index


def _best_candidates(shared: dict[int, int], i: int, base: int) -> list[int]:
    """The CANDIDATES_PER_SENTENCE targets of query `i` that share most rare shingles with it;
    ties: nearest to position `i`, then first. All targets sharing more than the k-th count are
    in; of those sharing just that count, the nearest, found in a window around `i` of their
    sorted positions (each ranked by one integer, distance then position, sorted in C)."""
    k = CANDIDATES_PER_SENTENCE
    if len(shared) <= k:
        return list(shared)
    least = sorted(shared.values(), reverse=True)[k - 1]
    best = [j for j, n in shared.items() if n > least]
    tied = sorted([j for j, n in shared.items() if n == least])
    need = k - len(best)
    at = bisect_left(tied, i)
    nearest = sorted([abs(j - i) * base + j for j in tied[max(0, at - need) : at + need]])
    best.extend([x % base for x in nearest[:need]])
    return best


# --- bigrams and labels --------------------------------------------------------------------------

_LABEL_TEXT = lazy_pattern(rf"[{CJK}]+|[A-Za-z][A-Za-z0-9'’-]*")

# A new-report label of three or more bigrams found whole inside the target's label names the same
# measure in a list ("新建改建高速公路6000多公里、农村公路30多万公里" against "新建改建农村公路20万公里").
CONTAINED_LABEL_SCORE = 0.8


def cjk_bigrams(run: str, *, lone: bool = False) -> list[str]:
    """The character bigrams of one CJK run, in order; with `lone`, a one-character run is its own token.

    The one bigram tokenizer: section fingerprints, sentence shingles, evidence features and
    label scores all cut CJK text with it.
    """
    if lone and len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


@lru_cache(maxsize=1 << 16)
def label_bigrams(s: str) -> frozenset[str]:
    """Character bigrams of the CJK runs of a label and word stems of its Latin words (cached: the
    follow-through and the diff score the same labels many times)."""
    out: set[str] = set()
    for run in _LABEL_TEXT.findall(s):
        if run.isascii():
            out.update(word_stems(run))
        else:
            out.update(cjk_bigrams(run))
    return frozenset(out)


def label_similarity(a: str, b: str, *, contained: bool = True) -> float:
    """How alike two labels are, 0–1: the character-bigram Dice coefficient (words for Latin
    text), or, when the second label is wholly inside the first ("农村公路" in "新建改建农村公路")
    and `contained` is set, CONTAINED_LABEL_SCORE."""
    ga, gb = label_bigrams(a), label_bigrams(b)
    if not ga or not gb:
        return 0.0
    dice = 2 * len(ga & gb) / (len(ga) + len(gb))
    if contained and len(gb) >= 3 and gb <= ga:
        return max(dice, CONTAINED_LABEL_SCORE)
    return dice


# An indicator written short (违建 for 违法建设, 公厕 for 公共厕所, 自行车道 for 自行车专用道): scored
# as a contained label.
ABBREVIATION_SCORE = CONTAINED_LABEL_SCORE


def label_containment(a: str, b: str) -> float:
    """Share of label `a`'s bigrams (word stems for Latin text) found in label `b`, 0–1: how much
    of an indicator (普惠幼儿园) another label states (新增普惠性幼儿园: 0.83)."""
    ga, gb = label_bigrams(a), label_bigrams(b)
    if not ga or not gb:
        return 0.0
    return len(ga & gb) / len(ga)


def in_order(needle: Sequence[str], hay: Sequence[str]) -> bool:
    """Whether the items of `needle` occur in `hay` in order, adjacent or not (供地 in 供应土地)."""
    it = iter(hay)
    return all(any(t == h for h in it) for t in needle)


def abbreviates(short: str, long: str) -> bool:
    """Whether CJK label `short` is `long` written short: the same first character, the rest in
    order, at least half as long (违建 / 违法建设, 公厕 / 公共厕所)."""
    a, b = cjk_only(short), cjk_only(long)  # one regex pass each, not a test per character
    return 2 <= len(a) < len(b) <= 2 * len(a) and a[0] == b[0] and in_order(a, b)
