"""Stage 6, follow-through: plan items of year N checked against the report of year N+1.

Takes the old and new `Report`s (and, when available, their figures and the section alignment);
returns one `PlanCheck` per plan item (see `plan_items`) with a status and the best passages of
the new report as evidence.

Evidence: the new report is cut into sentences once and indexed by character bigrams (words for
Latin text) with inverse document frequency weights. An item's candidates are only the sentences
sharing one of its rarer bigrams, so the cost grows with the items' length times the posting
lists of their rare features, not with sentences × sentences. Signals:

- `ngram`: the share of the item's bigram weight found in the sentence (weighted recall);
- `anchor`: quoted terms (“证照分离”) and named programmes (《…》, …工程/行动/计划) of the item
  found verbatim in the sentence;
- `clause`: one clause of a many-clause commitment restated (weighted by the clause count);
- `section`: the sentence sits in a section the alignment paired with the item's section;
- `key_term`: a new plan clause restating the item tersely around its distinctive term (see
  `key_terms`): 「依法处置“僵尸企业”」 for a long item on “僵尸企业”; such an item is `restated`.

A sentence in the new report's review part can say the item was carried out; the same text in the
new plan part only says it is still planned, so it counts as weaker (`partly`), and so does a
review passage that says the work is only begun (试点, 尚未, pilot). Targets are matched to a
figure of the new review by label (see `targets`).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import chain, compress
from operator import add, not_

from ..figures.respective import respective_label
from ..lazy import lazy_pattern
from ..model import (
    Evidence,
    Figure,
    FigureKind,
    PeriodKind,
    PlanCheck,
    PlanItem,
    PlanItemKind,
    PlanStatus,
    Reason,
    ReasonCode,
    Report,
    Role,
    Scorecard,
    Section,
    SectionPair,
    Span,
)
from ..text.cjk import CJK, CJK_FIRST, CJK_LAST, count_cjk
from ..text.cues import announces_intent, states_problem
from ..text.sentences import full_sentences, sentence_around, split_clauses
from ..text.similarity import cjk_bigrams
from ..text.tokens import word_stems
from .key_terms import TERSE_CUTOFF, KeyTerms
from .plan_items import extract_plan_items, text_units
from .targets import (
    Actual,
    Measure,
    candidate_units,
    clause_label,
    find_actual,
    horizon_year,
    indicator_core,
    is_multi_year,
    judge_target,
    measure_of,
    noun_after,
)

__all__ = [
    "ADDRESSED_CUTOFF",
    "PARTLY_CUTOFF",
    "RELATED_CUTOFF",
    "ANCHOR_BONUS",
    "SECTION_BONUS",
    "CLAUSE_FACTOR",
    "MAX_EVIDENCE",
    "check_followthrough",
    "score_followthrough",
]

# Weighted bigram recall at or above which a review sentence says the item was done. Calibrated by
# reading the full item tables of the zh-district and en-letters fixtures and of
# cn-state-council-gwr 2013→2014 and 2018→2019, and samples of 2016→2017 and 2017→2018: at 0.45 a
# review sentence restates the commitment ("在全国推开“证照分离”改革" → "“证照分离”改革在全国推开");
# below 0.25 the shared bigrams are generic words (推进, 改革).
ADDRESSED_CUTOFF = 0.45
# Lowest score still shown as related evidence; set on the same pairs.
RELATED_CUTOFF = 0.25
# Lowest review score that says the item was partly carried out (`partly`). Between 0.25 and 0.35
# the shared bigrams of cn-state-council-gwr 2018→2019 were mostly a topic (加快建设创新型国家 ~
# 推动构建新型国际关系 0.32, 加大污水处理设施建设力度 ~ 出台促进居民消费政策 0.27): related, not done
# in part (issue 17: 92 of 153 partly only meant "the new plan says it again").
PARTLY_CUTOFF = 0.35
# Added to the score when a quoted term or named programme of the item appears verbatim: such a
# term is specific enough that one hit is strong evidence (the same pairs: a shared “…” term
# alone lifts 0.2–0.3 recalls to the right status).
ANCHOR_BONUS = 0.2
# A passage restating one clause of a commitment scores the clause's weighted recall times
# 1/sqrt(number of clauses), never less than CLAUSE_FACTOR times: one clause of two ("在区人民法院设立
# 诉调对接工作室，健全多元调解联动工作体系") is most of the item, one of five ("大力简政减税减费") is
# related evidence only (0.4 × recall stays in the `partly` band). Set on the same tables.
CLAUSE_FACTOR = 0.4
# A clause needs this many features (bigrams) to count alone; shorter ones match by chance.
_MIN_CLAUSE_FEATURES = 4
# Added for a sentence in the new section the alignment paired with the item's section.
SECTION_BONUS = 0.05
MAX_EVIDENCE = 3
# Posting lists longer than this share of all sentences are not used to find candidates (the
# bigram still counts in the score): 推进 or 改革 would make every sentence a candidate.
_MAX_POSTING_SHARE = 0.2
# ...and never longer than this many sentences, so that finding the candidates of one item costs
# a bounded amount of work however long the report: without it a report twice as long doubles
# both the items and every posting list (quadratic; 16x the gwr text took 19 s here). 32 is
# above the document frequency of the bigrams that find evidence: no status changes with the
# cap on the fixture pairs and on gwr 2013→14, 2016→17, 2018→19; and far below 20% of a long report.
_MAX_POSTINGS = 32

_WORD_RUN = lazy_pattern(rf"[{CJK}]+|[A-Za-z][A-Za-z0-9'’-]*|\d+(?:\.\d+)?")
_QUOTED = lazy_pattern(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]|《([^》]{2,40})》")
_PROGRAMME_ENDS = ("工程", "行动", "计划", "战略", "制度", "清单", "改革", "平台", "体系", "机制", "示范区", "试验区", "攻坚战")
_PROGRAMME = lazy_pattern(rf"[{CJK}]{{2,8}}(?:{'|'.join(_PROGRAMME_ENDS)})")
# Words too common in plan and review text to be a named programme on their own.
_GENERIC_PROGRAMMES = ("体制机制", "工作机制", "长效机制", "制度", "改革", "体系")
# Headings of a problems part when the structure stage gave it no role.
_PROBLEM_WORDS = ("问题", "不足", "短板", "差距", "risk", "challenge")
# A review passage with one of these says the work is begun, not done ("选取3个街道先行开展…试点",
# "系统尚未上线", "went on sale to 40 pilot customers; the full launch has moved to 2022"): the
# item is `partly` at best, unless the plan item itself asked only for a pilot.
_HEDGES = ("试点", "先行", "尚未", "未能", "首批", "部分", "推迟", "暂缓", "pilot", "postpone", "delay",
           "moved to", "not yet", "partial", "first phase", "trial")


def score_followthrough(checks: Sequence[PlanCheck]) -> Scorecard:
    """The scorecard of a follow-through check: counts per status and the shares."""
    counts = tuple((s.value, sum(1 for c in checks if c.status == s)) for s in PlanStatus)
    n = dict(counts)
    commitments = sum(1 for c in checks if c.item.kind == PlanItemKind.COMMITMENT)
    targets = len(checks) - commitments
    known = n[PlanStatus.MET.value] + n[PlanStatus.NOT_MET.value]
    addressed, partly = n[PlanStatus.ADDRESSED.value], n[PlanStatus.PARTLY.value]
    return Scorecard(
        total=len(checks), commitments=commitments, targets=targets, counts=counts,
        share_addressed=(addressed / commitments) if commitments else 0.0,
        share_related=((addressed + partly) / commitments) if commitments else 0.0,
        share_met=(n[PlanStatus.MET.value] / known) if known else 0.0,
    )


class Zone(StrEnum):
    """Where a sentence of the new report stands: telling what was done, what is still to do, or
    what is wrong."""

    REVIEW = "review"
    PLAN = "plan"  # the plan and targets parts, and review sentences announcing an intent
    PROBLEMS = "problems"  # the problems part: never evidence (a shortcoming is not a deed)


@dataclass(frozen=True, slots=True)
class _Sentence:
    span: Span
    section_id: str | None
    zone: Zone
    features: set[str]


class _Index:
    """The new report's sentences, indexed by feature, built once per check.

    Only the features in `vocabulary` (when given: every feature the plan items ask about) get
    posting lists; the others are never looked up there (see `_recall_parts`)."""

    def __init__(self, report: Report, vocabulary: set[str] | None = None) -> None:
        text = report.source.text
        self.text = text
        self.language = report.metadata.language
        zones = _zones(report)
        raw: list[tuple[Span, str | None, Zone, set[str]]] = []
        headings = {s.heading_span for s in report.sections}
        for unit, section_id in text_units(report):
            zone = zones.get(section_id, Zone.REVIEW)
            if section_id in report.by_id and report.effective_role(section_id) is Role.APPENDIX:
                continue  # a glossary or an attached list defines terms or lists plans: no deed
            if zone is Zone.PROBLEMS or (zone is Zone.REVIEW and unit in headings):
                # a shortcoming is no evidence, nor is a bare review heading (「（三）加快建设创新型
                # 国家」 names a topic, not a deed); a heading of the new plan can restate an item
                continue
            for sp in split_clauses(text, unit.start, unit.end, language=self.language):
                sentence = text[sp.start:sp.end]
                feats = features(sentence, self.language)
                if not feats:
                    continue
                if zone is Zone.REVIEW and states_problem(sentence, self.language):
                    continue  # a shortcoming told inside the review (…问题尚未有效缓解)
                here = Zone.PLAN if zone is Zone.REVIEW and announces_intent(sentence, self.language) else zone
                raw.append((sp, section_id, here, feats))
        n = len(raw)
        df = Counter(chain.from_iterable(feats for *_, feats in raw))  # counted in C
        self.n = n
        # one logarithm per document frequency, not per feature: most features share a few counts
        idf_of = {c: math.log((n + 1) / (c + 0.5)) for c in set(df.values())}
        self.idf = {f: idf_of[c] for f, c in df.items()}
        self.default_idf = math.log((n + 1) / 0.5)
        self.postings: dict[str, list[int]] = defaultdict(list)  # rare features only
        limit = max(3, min(int(n * _MAX_POSTING_SHARE), _MAX_POSTINGS))
        common = {f for f, c in df.items() if c > limit}
        if vocabulary is None:
            for i, (*_, feats) in enumerate(raw):
                for f in feats - common:
                    self.postings[f].append(i)
        else:
            asked = vocabulary - common
            for i, (*_, feats) in enumerate(raw):
                for f in feats & asked:
                    self.postings[f].append(i)
        self.sentences = [_Sentence(sp, sid, zone, feats) for sp, sid, zone, feats in raw]
        # per sentence, read per candidate
        self.review = [s.zone is Zone.REVIEW for s in self.sentences]
        self.starts = [s.span.start for s in self.sentences]
        self.ends = [s.span.end for s in self.sentences]
        self.section_ids = [s.section_id for s in self.sentences]
        # section id -> the ids of it and its ancestors, for the section bonus of every candidate
        self.lineage: dict[str, frozenset[str]] = {s.id: frozenset(report.lineage(s.id)) for s in report.sections}

    def weight(self, f: str) -> float:
        return self.idf.get(f, self.default_idf)


def features(s: str, language: str = "zh") -> set[str]:
    """Character bigrams of Chinese runs, lower-cased word stems and word pairs of Latin text."""
    out, words = _features_and_words(s)
    if len(words) > 1:  # most Chinese sentences have no Latin words: no pairs to make
        out.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return out


def _features_and_words(s: str) -> tuple[set[str], list[str]]:
    """The features of `s` but its word pairs, and its words (stems) in order."""
    out: set[str] = set()
    words: list[str] = []
    for run in _WORD_RUN.findall(s):
        c = run[0]
        if CJK_FIRST <= c <= CJK_LAST:  # is_cjk, inline: asked of every run of every sentence
            # cjk_bigrams(run, lone=True), in C: run[k] + run[k + 1] is run[k:k + 2]
            if len(run) == 1:
                out.add(run)
            else:
                out.update(map(add, run, run[1:]))
        elif c.isalpha():
            for w in word_stems(run):
                words.append(w)
                out.add(w)
        else:
            out.add(run)
    return out, words


@dataclass(frozen=True, slots=True)
class _ItemFeatures:
    """The features of a plan item's text, of the whole and of its clauses (see `_ranked_evidence`)."""

    whole: set[str]
    parts: int  # how many clauses the text is cut into
    clauses: list[set[str]]  # the features of each clause with enough of them to count alone


def _item_features(item_text: str, language: str) -> _ItemFeatures:
    """`features` of the item, and of each of its clauses (`_clause_parts`; none for an item of one
    clause, and only clauses of _MIN_CLAUSE_FEATURES features or more), each clause read once: no
    word or run crosses a clause cut, so the item's features are its clauses' and the word pairs
    across the cuts."""
    parts = _clause_parts(item_text, language)
    if len(parts) < 2:
        return _ItemFeatures(features(item_text, language), len(parts), [])
    whole: set[str] = set()
    words: list[str] = []
    clauses: list[set[str]] = []
    for part in parts:
        feats, part_words = _features_and_words(part)
        whole |= feats
        words += part_words
        feats.update(f"{a} {b}" for a, b in zip(part_words, part_words[1:]))
        if len(feats) >= _MIN_CLAUSE_FEATURES:
            clauses.append(feats)
    whole.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return _ItemFeatures(whole, len(parts), clauses)


def _zones(report: Report) -> dict[str, Zone]:
    """Section id -> review | plan.

    The plan and target parts (`Report.plan_ids`, decided by the structure stage) are "plan": text
    there says what is still to do. The problems part is "problems": never evidence. Everything else is "review": besides the part
    titled as a review, a letter narrates the year under its business headings ("Software: …
    ended the year with …") and a work report in its preamble. Sentences of a review part that
    announce intentions are moved to "plan" one by one (see `text.cues.announces_intent`).
    """
    planned = set(report.plan_parts)
    problems = {s.id for s in report.sections if s.role == Role.PROBLEMS
                or (s.role == Role.OTHER and any(w in s.heading.lower() for w in _PROBLEM_WORDS))}

    def zone(section_id: str) -> Zone:
        up = report.lineage(section_id)
        if any(sid in problems for sid in up):
            return Zone.PROBLEMS
        return Zone.PLAN if any(sid in planned for sid in up) else Zone.REVIEW

    return {s.id: zone(s.id) for s in report.sections}


def _anchors(s: str) -> tuple[str, ...]:
    found: list[str] = []
    for m in _QUOTED.finditer(s):
        term = m.group(1) or m.group(2)
        if term and term not in found:
            found.append(term)
    if not any(end in s for end in _PROGRAMME_ENDS):
        return tuple(found)  # most items: no programme can end anywhere, the pattern is not tried
    for m in _PROGRAMME.finditer(s):
        term = m.group()
        if term not in found and term not in _GENERIC_PROGRAMMES and not any(term in f for f in found):
            found.append(term)
    return tuple(found)


class _ItemScores:
    """How well each sentence of the new report states one plan item: upper bounds of a candidate's
    score (`bound` from its rare weight alone, `base` a tighter one) and the exact score on demand,
    so that only the candidates that can still reach the evidence shown or the best score are
    scored (issue 16).

    Only sentences sharing one of the item's rarer features are candidates. Rare features are
    summed through their posting lists; the few common ones are looked up per scored candidate.
    Features are sets: every float sum runs in sorted order, so that the same inputs give the same
    sums (and the same tie-breaks) under any PYTHONHASHSEED; a sum over a subset in the same order
    never exceeds the sum over the whole, so the bounds hold in floating point too.
    """

    def __init__(self, index: _Index, item_feats: set[str], clauses: Sequence[set[str]]) -> None:
        self.index = index
        self.acc: dict[int, float] = {}
        # (total weight, candidate -> rare weight, [(common feature, weight)], common weight, rare weight)
        self.clauses: list[tuple[float, dict[int, float], list[tuple[str, float]], float, float]] = []
        self.total, acc, self.common, self.common_total, _ = _recall_parts(index, item_feats)
        self.part_floor = 0.0
        if self.total <= 0:
            return
        self.acc = acc
        for clause in clauses:
            parts = _recall_parts(index, clause)
            if parts[0] > 0:
                self.clauses.append(parts)
        # a clause a sentence shares no rare feature with still bounds its part by the clause's
        # common features alone
        self.part_floor = max((ct / t for t, _, _, ct, _ in self.clauses), default=0.0)

    def bound(self, rare: float, factor: float) -> float:
        """An upper bound of `_score_zone`'s base (the score before bonuses as if the sentence held
        every common feature of the item) of every candidate of rare weight `rare` or less: a
        clause's rare weight in a sentence is at most the sentence's (a sum over fewer of the same
        features, in the same order) and at most the clause's own. Never lower for more."""
        whole = (rare + self.common_total) / self.total
        if not self.clauses:
            return whole
        part = self.part_floor
        for t, _, _, ct, rt in self.clauses:
            b = ((rare if rare <= rt else rt) + ct) / t
            if b > part:
                part = b
        clause = part * factor
        return whole if whole >= clause else clause

    def exact(self, i: int) -> tuple[float, float]:
        """(weighted recall of the item, best weighted recall of one clause) in sentence `i`."""
        w = self.index.sentences[i].features
        # loops, not sum() and max() over generators (a frame each): the same additions in the same
        # order (the common features' weights summed first, from 0), and max of sums >= 0
        held = 0.0
        for f, wf in self.common:
            if f in w:
                held += wf
        whole = (self.acc[i] + held) / self.total
        part = 0.0
        for t, ca, cc, _, _ in self.clauses:
            held = 0.0
            for f, wf in cc:
                if f in w:
                    held += wf
            v = (ca.get(i, 0.0) + held) / t
            if v > part:
                part = v
        return whole, part

    def exact_base(self, i: int, factor: float) -> float:
        """The score of sentence `i` before bonuses, as `_score_zone` computes it."""
        whole, part = self.exact(i)
        return part * factor if part * factor > whole else whole


def _recall_parts(index: _Index, feats: set[str]
                  ) -> tuple[float, dict[int, float], list[tuple[str, float]], float, float]:
    """(total weight, candidate -> weight of the rare features it holds, [(common feature, weight)],
    the common features' weight, the rare features' weight) of a set of features; every sum runs in
    sorted feature order (see `_ItemScores`)."""
    idf, postings, default = index.idf, index.postings, index.default_idf
    total = 0.0
    acc: dict[int, float] = {}
    common: list[tuple[str, float]] = []
    common_total = rare_total = 0.0
    for f in sorted(feats):
        wf = idf.get(f)
        if wf is None:  # in no sentence of the new report
            total += default
            continue
        total += wf
        posting = postings.get(f)
        if posting is None:
            common.append((f, wf))
            common_total += wf
        else:
            rare_total += wf
            for i in posting:  # acc[i] += wf from 0.0 (0.0 + wf is wf), without a defaultdict's
                if i in acc:  # factory call per new candidate: most candidates are new
                    acc[i] += wf
                else:
                    acc[i] = wf
    return total, acc, common, common_total, rare_total


_CLAUSE_CUT = lazy_pattern(r"[，,；;：:]")


def _clause_parts(item_text: str, language: str) -> list[str]:
    return _CLAUSE_CUT.split(item_text) if language == "zh" else re.split(r"[,;:]\s", item_text)


def _ranked_evidence(index: _Index, item_text: str, item_feats: _ItemFeatures, paired_new: frozenset[str],
                     new_report: Report) -> list[tuple[float, str, int]]:
    """The scored candidates of one item, best first (score, then position).

    What the check reads of them is, in the review and elsewhere apart, the best score and the
    best MAX_EVIDENCE at or above RELATED_CUTOFF; candidates are scored in the order of their
    upper bound, and scoring stops in a zone once no bound left can reach either (`_score_zone`).
    """
    factor = max(CLAUSE_FACTOR, 1 / math.sqrt(max(1, item_feats.parts)))
    scores = _ItemScores(index, item_feats.whole, item_feats.clauses)
    bonuses = _Bonuses(index, _anchors(item_text), paired_new)
    acc = scores.acc
    in_review = list(map(index.review.__getitem__, acc))  # split in C, in the candidates' order
    ranked = _score_zone(index, scores, factor, bonuses, list(compress(acc, map(not_, in_review))))
    ranked += _score_zone(index, scores, factor, bonuses, list(compress(acc, in_review)))
    # review first, then score, then position: deterministic tie-breaks
    ranked.sort(key=lambda r: (-r[0], index.sentences[r[2]].span.start))
    return ranked


class _Bonuses:
    """What a sentence adds to an item's score beyond its words: one of the item's anchors
    (ANCHOR_BONUS) and a section the alignment paired with the item's (SECTION_BONUS).

    Each anchor is looked up once in the whole new text: most are not there at all (they are the
    old report's terms), and then no candidate can gain ANCHOR_BONUS (`most`)."""

    def __init__(self, index: _Index, anchors: tuple[str, ...], paired_new: frozenset[str]) -> None:
        self.index = index
        self.paired_new = paired_new
        self._in_paired: dict[str, bool] = {}
        # anchor length -> where it starts in the new text (overlaps included), for the anchors found;
        # an anchor with a bigram no sentence holds is in none, wherever else it stands: not looked for
        self._found = [(len(a), at) for a in anchors
                       if _may_be_held(index, a) and (at := _positions(index.text, a))]
        most = 0.0  # summed in the order `of` sums: a float bound of every candidate's bonus
        if self._found:
            most += ANCHOR_BONUS
        if paired_new:
            most += SECTION_BONUS
        self.most = most

    def of(self, i: int) -> tuple[float, tuple[str, ...]]:
        """The bonus of sentence `i` and the signals that give it (one of four shared pairs)."""
        index = self.index
        anchored = False
        start, end = index.starts[i], index.ends[i]
        for size, at in self._found:
            k = bisect_left(at, start)  # the first occurrence in the sentence ends soonest
            if k < len(at) and at[k] + size <= end:
                anchored = True
                break
        sid = index.section_ids[i]
        if sid is not None and self.paired_new:
            hit = self._in_paired.get(sid)
            if hit is None:
                hit = self._in_paired[sid] = not self.paired_new.isdisjoint(index.lineage.get(sid, (sid,)))
            if hit:
                return _ANCHOR_AND_SECTION if anchored else _SECTION
        return _ANCHOR if anchored else _NO_BONUS


# The bonuses of a sentence and their signals, summed in the order `_Bonuses` adds them (from 0.0):
# made once, not per candidate
_NO_BONUS: tuple[float, tuple[str, ...]] = (0.0, ())
_ANCHOR: tuple[float, tuple[str, ...]] = (0.0 + ANCHOR_BONUS, ("anchor",))
_SECTION: tuple[float, tuple[str, ...]] = (0.0 + SECTION_BONUS, ("section",))
_ANCHOR_AND_SECTION: tuple[float, tuple[str, ...]] = (0.0 + ANCHOR_BONUS + SECTION_BONUS, ("anchor", "section"))


_CJK_PAIR_RUN = lazy_pattern(f"[{CJK}]{{2,}}")


def _may_be_held(index: _Index, anchor: str) -> bool:
    """False when no sentence of the index can hold `anchor`: a sentence holding it holds each bigram
    of its Chinese runs (a feature of the sentence, so a key of the idf)."""
    idf = index.idf
    return all(g in idf for run in _CJK_PAIR_RUN.findall(anchor) for g in cjk_bigrams(run))


def _positions(text: str, needle: str) -> list[int]:
    """Every offset where `needle` starts in `text`, overlapping occurrences included, in order."""
    out: list[int] = []
    at = text.find(needle)
    while at != -1:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def _score_zone(index: _Index, scores: _ItemScores, factor: float, bonuses: _Bonuses,
                candidates: list[int]) -> list[tuple[float, str, int]]:
    """The scored candidates of one zone (review, or elsewhere): in the order of their upper bound
    (then position), until no bound left can reach the best score found or the evidence shown.

    Which candidates get scored is part of the result (a `key_term` passage says whether it was
    also an `ngram` one), so the loop is the same as scoring every candidate in bound order; it
    only skips, before sorting, the candidates it would never reach. Any candidate's score s makes
    such a floor: a candidate is scored only while its bound reaches the best score found so far
    or RELATED_CUTOFF, whichever is lower, and the candidate with score s, its bound above s,
    comes first; so no candidate whose bound is below min(s, RELATED_CUTOFF) is ever scored. The
    candidate probed is the one with the most rare weight (mostly the best score).

    A candidate's bound (its base: the score before bonuses as if it held every common feature of
    the item, plus its bonuses) is worked out only when its rare weight can reach the floor
    (`_ItemScores.bound` grows with it): with the candidates in order of rare weight (sorted in C),
    those are the first ones, found by bisection (a third of the candidates on the corpus).
    Bounding every candidate, and splitting them by zone, in Python loops was a fifth of the stage.
    """
    if not candidates:
        return []
    acc = scores.acc
    order = sorted(candidates, key=acc.__getitem__, reverse=True)  # most rare weight first
    floor = min(scores.exact_base(order[0], factor), RELATED_CUTOFF)
    most = bonuses.most
    # the first candidate whose rare weight cannot reach the floor, even with the most bonus any has
    # (the first one can: its bound is above its score)
    cut = bisect_left(order, True, lo=1, key=lambda i: scores.bound(acc[i], factor) + most + 1e-9 < floor)
    common, total, clauses, part_floor = scores.common_total, scores.total, scores.clauses, scores.part_floor
    starts = index.starts
    # the upper bound is min(base + bonus, 1.0) + 1e-9: a hair above, since the exact score adds its
    # bonuses one at a time
    queue: list[tuple[float, int, int, tuple[str, ...]]] = []  # (-upper bound, position, index, signals)
    for i in order[:cut]:
        base = (acc[i] + common) / total
        if clauses:  # max(whole, part × factor), part the best clause's (or part_floor)
            part = part_floor
            for t, ca, _, ct, _ in clauses:
                v = ca.get(i)
                if v is not None:
                    b = (v + ct) / t
                    if b > part:
                        part = b
            clause = part * factor
            if clause > base:
                base = clause
        bonus, signals = bonuses.of(i) if most else _NO_BONUS
        upper = min(base + bonus, 1.0) + 1e-9
        if upper >= floor:
            queue.append((-upper, starts[i], i, signals))
    queue.sort()  # positions are distinct: the signals are never compared
    ranked: list[tuple[float, str, int]] = []
    found: list[float] = []  # exact scores so far, best first
    for neg_upper, _, i, extra in queue:
        upper = -neg_upper
        if found:
            shown = found[MAX_EVIDENCE - 1] if len(found) >= MAX_EVIDENCE else -1.0
            if upper < min(found[0], max(RELATED_CUTOFF, shown)):
                break
        whole, part = scores.exact(i)
        if part * factor > whole:
            how, score = "clause", part * factor
        else:
            how, score = "ngram", whole
        if "anchor" in extra:
            score += ANCHOR_BONUS
        if "section" in extra:
            score += SECTION_BONUS
        score = min(score, 1.0)
        ranked.append((score, "+".join((how, *extra)), i))
        insort(found, score, key=lambda x: -x)
    return ranked


def _status(best_review: float, best_elsewhere: float) -> PlanStatus:
    """addressed / partly from the review; `restated` when only the new plan says it again."""
    if best_review >= ADDRESSED_CUTOFF:
        return PlanStatus.ADDRESSED
    if best_review >= PARTLY_CUTOFF:
        return PlanStatus.PARTLY
    if best_elsewhere >= ADDRESSED_CUTOFF:
        return PlanStatus.RESTATED
    return PlanStatus.NOT_FOUND


# A sentence that opens with one of these speaks of several years; so does a paragraph that opens
# so and names no single year ("五年来，…。…。"). A figure of such a sentence is no year's outcome.
_MULTI_YEAR_OPENER = lazy_pattern(r"^(?:[^，,。]{0,6})(?:五年来|过去五年|这五年|几年来|近年来|多年来|“十[二三四]五”(?:时期|期间|以来)|"
                                r"十[二三四]五(?:时期|期间|以来)|累计)")
_ONE_YEAR = lazy_pattern(r"一年来|过去一年|去年|全年|上年")
_THIS_YEAR_PERIODS = frozenset({"今年", "全年", "本年", "年内"})  # a target's period naming the plan year
_NAMES_A_YEAR = lazy_pattern(r"(?:19|20)\d{2}年(?!以来)|今年|明年|年度")
# A sentence that sets targets (「主要预期目标：…」), not one that compares with them (「低于13%左右的预期目标」).
_SETS_TARGETS = lazy_pattern(r"(?:预期|主要)目标(?:是|为|：|:)|目标是|目标为")
# Words of a sentence about the plan year, when the plan calls its year 今年.
_PLAN_YEAR_WORDS = ("今年", "力争")
# A figure between 从/由 and 下降至/提高到… is the starting level, not the outcome.
_FROM = lazy_pattern(r"[从由]")
_TO = lazy_pattern(r"[^，,；;。]{0,3}?(?:下降|降低|提高|提升|增加|减少|增长|上升|扩大|缩小|压减|降|增)(?:至|到)")
# A clause that has only a verb (or nothing) before a counted figure names what it counts after it.
_VERB_ONLY_LEAD = lazy_pattern(r"^(?:完成|新增|新建|建成|改造|升级改造|新开工|开工|引进|培育|认定|增加|新改扩建|打造|实现|筹建|"
                             r"建设|落地|投用|开办|新开办|提供)?$")
_COUNTER_UNITS = frozenset("个座所家条项件台辆套户名张宗处间栋")
_GROWTH_ONLY = lazy_pattern(r"^(?:同比|比上年|较上年)?(?:（下同）)?(?:分别)?(?:增长|下降|提高|降低|增加|减少|上涨|上升)$")


def _figure_candidates(new: Report, index: _Index, figures: Sequence[Figure], *, year: int | None
                       ) -> list[tuple[Figure, Measure, Span, str | None]]:
    """Figures of the new report's review that may state last year's outcomes, with their measure.

    Only the review states outcomes: a figure of the new plan, targets or problems part, of a
    sentence setting or about the plan year's targets, of a multi-year sentence or clause, of
    another year, or of another kind than an outcome (a target, forecast or baseline, as the figures
    stage reads it) is never last year's actual. A multi-year
    paragraph is left out only when it opens so and names no single year, so a one-paragraph
    report keeps its outcomes.
    """
    text = new.source.text
    multi: list[Span] = []
    for p in new.paragraphs:
        para = new.text_of(p.span)
        first_span = next(iter(full_sentences(text, p.span.start, p.span.end)), p.span)
        if _MULTI_YEAR_OPENER.search(text[first_span.start:first_span.end].strip()) and not _ONE_YEAR.search(para) \
                and not (year and f"{year}年" in para):
            multi.append(p.span)
    out: list[tuple[Figure, Measure, Span, str | None]] = []
    for f, sent in _figures_in_zone(index, figures, FigureKind.OUTCOME, Zone.REVIEW):
        if f.period_kind == PeriodKind.MULTI_YEAR or any(sp.start <= f.span.start < sp.end for sp in multi):
            continue
        years = re.findall(r"(20\d\d)年", f.period or "")
        if year and years and str(year) not in years:
            continue
        sentence = text[sent.span.start:sent.span.end]
        lead = text[sent.span.start:f.span.start]  # 「…完成升级改造，…预计今年6月投入使用」 is last year's
        if _SETS_TARGETS.search(sentence) or (
                new.metadata.plan_year_is_current and any(w in lead for w in _PLAN_YEAR_WORDS)):
            continue
        a = _clause_start(text, f.span.start, sent.span.start)
        if _MULTI_YEAR_OPENER.search(sentence) or is_multi_year(text[a:f.span.start]):
            continue
        if _FROM.search(text, a, f.span.start) and _TO.match(text, f.span.end):
            continue  # 「从每立方米29.6微克下降至27.3微克」: the level it started from
        out.append(_candidate(new, f, sent, a))
    return out


def _plan_target_candidates(new: Report, index: _Index, figures: Sequence[Figure]
                            ) -> list[tuple[Figure, Measure, Span, str | None]]:
    """The targets the new report's plan sets (figures of kind target in its plan sentences), with
    their measure: a target of last year with no outcome that the new plan sets again, in its own
    indicator (地区生产总值增长10%以上 → 10%以上), is carried over, not dropped."""
    text = new.source.text
    return [_candidate(new, f, sent, _clause_start(text, f.span.start, sent.span.start))
            for f, sent in _figures_in_zone(index, figures, FigureKind.TARGET, Zone.PLAN)
            if f.period_kind != PeriodKind.MULTI_YEAR]


def _figures_in_zone(index: _Index, figures: Sequence[Figure], kind: FigureKind, zone: Zone
                     ) -> Iterator[tuple[Figure, _Sentence]]:
    """The figures of `kind` (with a unit) whose sentence of the new report is in `zone`, each with
    that sentence, in document order."""
    sents = sorted(index.sentences, key=lambda s: s.span.start)
    starts = [s.span.start for s in sents]
    for f in sorted(figures, key=lambda f: f.span.start):
        if not f.unit or f.kind is not kind:
            continue
        k = bisect_right(starts, f.span.start) - 1
        if k >= 0 and sents[k].span.start <= f.span.start < sents[k].span.end and sents[k].zone is zone:
            yield f, sents[k]


def _candidate(new: Report, f: Figure, sent: _Sentence, clause_start: int
               ) -> tuple[Figure, Measure, Span, str | None]:
    """A figure of the new report as a candidate outcome or target: with its measure, read from the
    label its clause gives it, its sentence and its section."""
    text = new.source.text
    label = _figure_label(text, f, clause_start, sent.span.start)
    return f, measure_of(text, f, label, sent.span, issuer=new.metadata.issuer), sent.span, sent.section_id


def _clause_start(text: str, at: int, sentence_start: int) -> int:
    """Where the clause holding offset `at` starts; a remark in brackets (（下同）) belongs to it."""
    a = at
    while a > sentence_start and text[a - 1] not in "，,；;：:、。（(——\n":
        a -= 1
        if text[a] in "）)":
            while a > sentence_start and text[a - 1] not in "（(":
                a -= 1
            a = max(sentence_start, a - 1)
    return a


def _previous_subject(text: str, sentence_start: int, clause_start: int) -> str:
    """The subject of the nearest earlier clause of the sentence that states an amount
    (「地区生产总值4287.86亿元」, not 「3年突破两个千亿大关」)."""
    for clause in reversed(re.split(r"[，,；;：:、]", text[sentence_start:clause_start])):
        m = re.search(r"\d", clause)
        if m is None:
            continue
        head = re.sub(r"^(?:其中|同时|全年|今年)", "", clause[: m.start()].strip())
        if count_cjk(head) >= 2:
            return head
    return ""


def _figure_label(text: str, fig: Figure, clause_start: int, sentence_start: int) -> str:
    """What a figure of the new report measures.

    「A、B分别下降x%、y%」 names each figure's indicator in turn; a clause that is only a growth verb
    (「地区生产总值4287.86亿元，稳居全市第二，增长11%」) takes the subject of the nearest clause stating an
    amount; otherwise the figures stage's label when it names a measure, else the clause before it.
    """
    respective = respective_label(text, fig, sentence_start)
    if respective:
        return respective
    raw = text[clause_start:fig.span.start].strip(" ：:，,")
    if _VERB_ONLY_LEAD.match(raw) and fig.unit[-1:] in _COUNTER_UNITS:
        after = noun_after(text, fig)  # 「完成530座公厕、129座垃圾转运站升级改造」: the noun after is counted
        if count_cjk(after) >= 2:
            return raw + after
    if _GROWTH_ONLY.match(raw):
        subject = _previous_subject(text, sentence_start, clause_start)
        if subject:
            return subject + raw
    own = fig.label.strip()
    before = clause_label(text, clause_start, fig.span.start, sentence_start)
    if count_cjk(own) >= 3 and not _GROWTH_ONLY.match(own):
        if not indicator_core(own):
            return own + noun_after(text, fig)  # 「新建和改造提升1200多座公共厕所」
        return before if own in before else own  # the clause may say more: 「PM2.5平均浓度降至」
    return before or own


def check_followthrough(
    old: Report,
    new: Report,
    *,
    old_figures: Sequence[Figure] | None = None,
    new_figures: Sequence[Figure] | None = None,
    section_pairs: Sequence[SectionPair] = (),
) -> tuple[PlanCheck, ...]:
    """Check every plan item of `old` against `new`; one `PlanCheck` per item, in old order.

    Figures default to the figures stage run on each report. Targets whose outcome is not
    reported get `unknown`; commitments with no related passage get `not_found`.
    """
    from ..figures.extract import extract_figures

    if old_figures is None:
        old_figures = extract_figures(old)
    if new_figures is None:
        new_figures = extract_figures(new)
    items = extract_plan_items(old, old_figures)
    if not items:
        return ()
    texts = [old.text_of(item.span) for item in items]
    # the features of every item, read once: the index keeps posting lists for these only
    item_feats = [_item_features(t, new.metadata.language) for t in texts]
    index = _Index(new, set().union(*(f.whole for f in item_feats)))
    fig_candidates = _figure_candidates(new, index, new_figures, year=new.metadata.year)
    fig_units = candidate_units(fig_candidates)
    again = _plan_target_candidates(new, index, new_figures)
    again_units = candidate_units(again)
    parts = [old.by_id[i] for i in old.plan_parts]
    pair_map: dict[str, set[str]] = defaultdict(set)
    for p in section_pairs:
        if p.old_id and p.new_id:
            pair_map[p.old_id].add(p.new_id)
    terms = KeyTerms([index.text[s.span.start:s.span.end] for s in index.sentences], old.source.text,
                     items=[t for t, item in zip(texts, items) if item.kind == PlanItemKind.COMMITMENT])
    in_plan = [s.zone is Zone.PLAN for s in index.sentences]
    checks: list[PlanCheck] = []
    paired_of: dict[str, frozenset[str]] = {}  # section id -> its paired new sections: items share sections
    for item, item_text, feats in zip(items, texts, item_feats):
        paired = paired_of.get(item.section_id)
        if paired is None:
            paired = paired_of[item.section_id] = _paired_for(old, item.section_id, pair_map, parts)
        checks.append(_check(old, new, index, item, item_text, feats, paired, (fig_candidates, fig_units), terms,
                             in_plan, (again, again_units)))
    return tuple(checks)


def _with_terse(index: _Index, terms: KeyTerms, item_text: str, item_feats: _ItemFeatures,
                elsewhere: list[tuple[float, str, int]], in_plan: list[bool]) -> list[tuple[float, str, int]]:
    """The new plan's passages with the clauses restating the item tersely (see `key_terms`): such a
    clause scores ADDRESSED_CUTOFF at least (and no more, so that a passage restating more of the item
    stays ahead of it), and an item the new plan says again in few words is `restated`, not dropped.
    `in_plan`: per sentence, whether it is in the new plan (Zone.PLAN)."""
    terse = {m.sentence: m for m in terms.restatements(item_text, in_plan.__getitem__, index.weight,
                                                        least=TERSE_CUTOFF, bigrams=item_feats.whole)}
    if not terse:
        return elsewhere
    out = []
    for score, how, i in elsewhere:
        m = terse.pop(i, None)
        out.append((max(score, ADDRESSED_CUTOFF), how + "+key_term", i) if m else (score, how, i))
    out += [(ADDRESSED_CUTOFF, "key_term", i) for i in terse]
    out.sort(key=lambda r: (-r[0], index.sentences[r[2]].span.start))
    return out


def _paired_for(old: Report, section_id: str, pair_map: dict[str, set[str]],
                parts: Sequence[Section]) -> frozenset[str]:
    out: set[str] = set()
    part_ids = {p.id for p in parts}
    for sid in old.lineage(section_id) or (section_id,):
        if sid in part_ids:
            break
        out |= pair_map.get(sid, set())
    return frozenset(out)


def _heading_chain(report: Report, section_id: str) -> str:
    """Headings of a section and its ancestors ("“十三五”时期主要目标任务…" marks a five-year plan)."""
    return " ".join(report.by_id[sid].heading for sid in report.lineage(section_id))


def _check(old: Report, new: Report, index: _Index, item: PlanItem, item_text: str, item_feats: _ItemFeatures,
           paired: frozenset[str], figs: tuple[list[tuple[Figure, Measure, Span, str | None]], list[str]],
           terms: KeyTerms, in_plan: list[bool],
           again: tuple[list[tuple[Figure, Measure, Span, str | None]], list[str]] = ([], [])) -> PlanCheck:
    """The check of one item. `figs`: the figures of the new review that may state outcomes
    (`_figure_candidates`) and their units (`targets.candidate_units`), made once per check;
    `again`: the targets of the new plan (`_plan_target_candidates`) and their units."""
    ranked = _ranked_evidence(index, item_text, item_feats, paired, new)
    in_review = index.review
    review = [r for r in ranked if in_review[r[2]]]
    elsewhere = [r for r in ranked if not in_review[r[2]]]
    if item.kind == PlanItemKind.COMMITMENT:
        # a target's key term is its indicator, said again with next year's figure: only its own
        # measure (see `targets`) tells whether it is carried over
        elsewhere = _with_terse(index, terms, item_text, item_feats, elsewhere, in_plan)
    best_review = review[0][0] if review else 0.0
    best_elsewhere = elsewhere[0][0] if elsewhere else 0.0
    chosen = [r for r in review if r[0] >= RELATED_CUTOFF][:MAX_EVIDENCE]
    if len(chosen) < MAX_EVIDENCE:
        chosen += [r for r in elsewhere if r[0] >= RELATED_CUTOFF][: MAX_EVIDENCE - len(chosen)]
    evidence = [
        Evidence(index.sentences[i].span, index.sentences[i].section_id, round(score, 4), how)
        for score, how, i in chosen
    ]
    # the new plan's passages only: what a `restated` item shows (carried over, not done), even when
    # review passages filled the evidence shown for other statuses
    plan_evidence = tuple(Evidence(index.sentences[i].span, index.sentences[i].section_id, round(score, 4), how)
                          for score, how, i in elsewhere if score >= RELATED_CUTOFF)[:MAX_EVIDENCE]
    scores = (("review", f"{best_review:.2f}"), ("elsewhere", f"{best_elsewhere:.2f}"),
              ("partly", str(PARTLY_CUTOFF)), ("addressed", str(ADDRESSED_CUTOFF)))
    if item.kind == PlanItemKind.TARGET and item.target is None:
        return PlanCheck(item, PlanStatus.UNKNOWN, tuple(evidence), None, Reason(ReasonCode.TARGET_IN_WORDS))
    if item.kind == PlanItemKind.TARGET and item.target is not None:
        return _check_target(old, new, item, item.target, evidence, plan_evidence, scores, figs, again,
                             restated=best_review < PARTLY_CUTOFF and best_elsewhere >= ADDRESSED_CUTOFF)
    status = _status(best_review, best_elsewhere)
    hedge = ""
    if review and best_review >= RELATED_CUTOFF:
        best_text = index.text[index.sentences[review[0][2]].span.start:index.sentences[review[0][2]].span.end]
        best_lower, item_lower = best_text.lower(), item_text.lower()
        hedge = next((h for h in _HEDGES if h in best_lower and h not in item_lower), "")
        if hedge:  # the review says the work is begun, not done: real partial evidence
            status = PlanStatus.PARTLY
    if status == PlanStatus.NOT_FOUND:
        # a task set for a later year (「到2025年，实现10分钟抵达高快速路…」) that the next report does not
        # mention yet is not due: it cannot be judged, and it is not dropped
        due = horizon_year(old.text_of(sentence_around(old.source.text, item.span)))
        years = [y for y in (old.metadata.year, new.metadata.year) if y is not None]
        if due is not None and years and due > max(years):
            return PlanCheck(item, PlanStatus.UNKNOWN, (), None, Reason(ReasonCode.TARGET_DUE_LATER, (("year", str(due)),)))
        # …or a task of a several-year plan (「二、“十二五”时期的主要目标和任务」, 今后五年的主要任务), not of
        # a part that also plans the year (「“十三五”规划的主要思路及2016年工作计划」)
        chain = _heading_chain(old, item.section_id)
        if is_multi_year(chain) and not _NAMES_A_YEAR.search(chain):
            return PlanCheck(item, PlanStatus.UNKNOWN, (), None, Reason(ReasonCode.TARGET_MULTI_YEAR))
        code = ReasonCode.NO_PASSAGE_RESTATED if best_elsewhere >= RELATED_CUTOFF else ReasonCode.NO_PASSAGE
        return PlanCheck(item, status, (), None, Reason(code, scores))
    if status == PlanStatus.RESTATED:
        return PlanCheck(item, status, plan_evidence, None, Reason(ReasonCode.RESTATED, (*scores, ("hedge", ""))))
    code = ReasonCode.REVIEW_PASSAGE_BEGUN if hedge else ReasonCode.REVIEW_PASSAGE
    return PlanCheck(item, status, tuple(evidence), None, Reason(code, (*scores, ("hedge", hedge))))


def _check_target(old: Report, new: Report, item: PlanItem, target: Figure, evidence: list[Evidence],
                  plan_evidence: tuple[Evidence, ...], scores: tuple[tuple[str, str], ...],
                  figs: tuple[list[tuple[Figure, Measure, Span, str | None]], list[str]],
                  again: tuple[list[tuple[Figure, Measure, Span, str | None]], list[str]], *,
                  restated: bool) -> PlanCheck:
    """The check of a target: not due yet, its outcome judged, carried over by the new plan, or
    unknown. `restated`: no review passage, and a new plan passage restating the item."""
    headings = _heading_chain(old, item.section_id)
    sentence_span = sentence_around(old.source.text, item.span)
    sentence = old.text_of(sentence_span)
    # the target's own sentence says when it is due (a paragraph may name 到2020年 for another)
    due = horizon_year(sentence + headings)
    years = [y for y in (old.metadata.year, new.metadata.year) if y is not None]
    # unless the target's own clause names the plan year (「计划到2020年完成1600个…，今年完成600个以上」)
    this_year = target.period in _THIS_YEAR_PERIODS or (
        old.metadata.plan_year is not None and target.period == f"{old.metadata.plan_year}年")
    if not this_year and ((due is not None and (not years or due > max(years)))
                          or is_multi_year(sentence + headings)):
        why = (Reason(ReasonCode.TARGET_DUE_LATER, (("year", str(due)),)) if due
               else Reason(ReasonCode.TARGET_MULTI_YEAR))
        return PlanCheck(item, PlanStatus.UNKNOWN, tuple(evidence), None, why)
    measure = measure_of(old.source.text, target, target.label,
                         Span(sentence_span.start, target.span.end), issuer=old.metadata.issuer)
    actual: Actual | None = find_actual(target, figs[0], measure=measure, units=figs[1],
                                        text=new.source.text)
    if actual is None and restated:
        # no outcome, and the new plan sets the target again: carried over
        return PlanCheck(item, PlanStatus.RESTATED, plan_evidence, None,
                         Reason(ReasonCode.TARGET_RESTATED, scores))
    if actual is None and again[0]:
        # no outcome, and the new plan sets a target of the same indicator: carried over, shown
        # with the new target's sentence
        set_again = find_actual(target, again[0], measure=measure, units=again[1], text=new.source.text)
        if set_again is not None:
            ev = Evidence(set_again.sentence, set_again.section_id, round(set_again.score, 4), "figure:target")
            return PlanCheck(item, PlanStatus.RESTATED, (ev,), None,
                             Reason(ReasonCode.TARGET_SET_AGAIN,
                                    (("again", new.text_of(set_again.figure.span)),)))
    status, reason = judge_target(target, item.direction, actual.figure if actual else None)
    if actual is not None:
        ev = Evidence(actual.sentence, actual.section_id, round(actual.score, 4), "figure:label")
        evidence = [ev, *(e for e in evidence if e.span != ev.span)][:MAX_EVIDENCE]
    return PlanCheck(item, status, tuple(evidence), actual.figure if actual else None, reason)
