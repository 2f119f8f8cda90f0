"""Terse restatements: an old plan item that the new plan says again in far fewer words.

「加大“僵尸企业”破产清算和重整力度，做好职工安置和债务处置」 comes back as 「依法处置“僵尸企业”」; a long
item on new industries as 「深化大数据、人工智能等研发应用」. Weighted recall of the old item (the
evidence score) stays low however exact the restatement, because the new clause holds a small share
of the old item's words. What marks it is the item's distinctive key term — a run of at least
KEY_TERM_CHARS Chinese characters that is rare in both reports — standing in a clause mostly made
of the item's words, in a new plan sentence that names a task (a commitment verb,
`text.cues.names_task`).

Takes the new report's sentences and the old report's text, indexed once; for one item, returns the
sentences that restate it tersely with a score (0–1): the clause's precision (share of its bigram
weight found in the item) times the key term's rarity in the new report. Chinese only: English
items share words, which the evidence score already weighs.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from ..lazy import lazy_pattern
from ..text.cjk import CJK
from ..text.cues import ZH_ACTION_WORDS, ZH_CLAUSE_LEAD, names_task
from ..text.similarity import cjk_bigrams, occurrences

__all__ = [
    "KEY_TERM_CHARS",
    "KEY_TERM_MAX_SENTENCES",
    "KEY_TERM_MAX_OLD",
    "TERSE_CUTOFF",
    "TerseMatch",
    "KeyTerms",
]

# A key term is a run of this many Chinese characters or more (人工智能, 僵尸企业, 深度贫困): two- and
# three-character runs (改革, 发展, 基础设施 cut short) are shared by unrelated items.
KEY_TERM_CHARS = 4
# ...found in at most this many clauses of the new report: a stock phrase of the genre (高质量发展,
# 供给侧结构性改革) is in dozens and says nothing about one item. On cn-state-council-gwr 2018→2019
# the key terms of the items the new plan restates tersely are in 1–3 clauses.
KEY_TERM_MAX_SENTENCES = 3
# ...and at most this many times in the old report: a term the old report repeats across many
# items (脱贫攻坚) is no item's own.
KEY_TERM_MAX_OLD = 3

# Lowest precision × rarity for a terse restatement. On cn-state-council-gwr 2018→2019 the items the
# new plan says again in a short clause scored 0.35–0.85 (「健全生态补偿机制」 0.62, 「依法处置“僵尸企业”」
# 0.57, 「提高柔性化治理、精细化服务水平」 0.36), while clauses sharing a term on another subject
# scored below it (「推动基础设施互联互通」 for government information systems 0.31, 「完善科技成果评价
# 机制」 for researchers' ownership of results 0.27).
TERSE_CUTOFF = 0.35

# Windows whose uses in the old text are searched for one by one (`KeyTerms._old_uses`); past them,
# the old text's windows are counted in one pass. A search (str.find, in C) costs about 1/400 of
# counting every window (both read the whole old text: 63k and 27M instructions on a 21,000-character
# report), and a check asks 71–357 windows on the 100 corpus pairs (median 160), so searching is
# cheaper; the cap keeps a long report from searching its old text once per window asked (quadratic):
# past it the count is made, and the searches cost at most as much again.
_OLD_SEARCHES = 400

_CJK_RUN = lazy_pattern(f"[{CJK}]{{{KEY_TERM_CHARS},}}")
_CJK_RUN_ANY = lazy_pattern(f"[{CJK}]+")


def _grams(text: str) -> set[str]:
    """The KEY_TERM_CHARS-character windows of the Chinese runs of a text."""
    n = KEY_TERM_CHARS
    return {run[i : i + n] for run in _CJK_RUN.findall(text) for i in range(len(run) - n + 1)}


_CLAUSE_CUT = lazy_pattern(r"[，,；;：:。！？]")
# Verbs of two characters or more (推进, 加强, 发展…) at either end of a shared run are the commitment,
# not its object: 「加强国家」 shares only a verb and 国家.
_VERBS = ZH_ACTION_WORDS
_VERB_HEAD = lazy_pattern(f"^(?:{_VERBS})")
_VERB_TAIL = lazy_pattern(f"(?:{_VERBS})$")


_FUNCTION_ENDS = lazy_pattern(r"^[把将对向以和与及的等、]+|[把将对向以和与及的等、]+$")


@lru_cache(maxsize=1 << 14)  # the same shared runs come back for item after item
def _trim(term: str) -> str:
    """A shared run without the commitment verbs, clause-lead words and function characters at its
    ends (「脱贫攻坚和」 is 「脱贫攻坚」)."""
    for _ in range(3):
        before = term
        term = _FUNCTION_ENDS.sub("", ZH_CLAUSE_LEAD.sub("", term))
        term = _VERB_HEAD.sub("", term, count=1)
        tail = _VERB_TAIL.search(term)
        if tail and tail.start() > 0:
            term = term[: tail.start()]
        if term == before:
            break
    return term


def _shared_runs(item: str, item_windows: set[str], clause: str) -> list[str]:
    """The maximal runs of Chinese characters of `clause` (KEY_TERM_CHARS or longer) also in `item`.

    `item_windows` is `_grams(item)`: a window of Chinese characters is in the item exactly when it
    is one of them, so the windows are tested by a set lookup and only the longer runs by search."""
    out: list[str] = []
    for run in _CJK_RUN.findall(clause):
        a = 0
        while a <= len(run) - KEY_TERM_CHARS:
            b = a + KEY_TERM_CHARS
            if run[a:b] not in item_windows:
                a += 1
                continue
            while b < len(run) and run[a:b + 1] in item:
                b += 1
            out.append(run[a:b])
            a = b - KEY_TERM_CHARS + 1  # the next run may overlap this one's tail
    return out


@dataclass(frozen=True, slots=True)
class TerseMatch:
    """A clause of the new report restating an item tersely."""

    sentence: int  # index into the sentences given to `KeyTerms`
    term: str  # the key term found in both
    precision: float  # share of the clause's bigram weight found in the item
    rarity: float  # the key term's idf in the new report, as a share of the highest idf
    score: float


class KeyTerms:
    """Key-term windows of the new report's sentences, indexed once per check.

    `items`, when given, are the only item texts `restatements` will be asked about: only their
    windows are indexed (a key term is a run of an item, so no other window is ever looked up)."""

    def __init__(self, sentences: Sequence[str], old_text: str, *, items: Sequence[str] | None = None) -> None:
        self._sentences = sentences
        self._item_windows: dict[str, set[str]] | None = None
        if items is None:
            windows = [_grams(sentence) for sentence in sentences]
        else:
            self._item_windows = {t: _grams(t) for t in items}
            asked = set().union(*self._item_windows.values())
            windows = [_grams(sentence) & asked for sentence in sentences]
        self._df: dict[str, int] = Counter(chain.from_iterable(windows))  # counted in C
        # only rare windows propose candidates: the index stays as small as the rare vocabulary
        common = {g for g, n in self._df.items() if n > KEY_TERM_MAX_SENTENCES}
        postings: dict[str, list[int]] = defaultdict(list)
        for i, found in enumerate(windows):
            for g in found - common:
                postings[g].append(i)
        self._postings: dict[str, list[int]] = postings  # read only: .get never adds a key
        self._old_text = old_text
        # window -> its uses in the old text, searched for when first asked (the first _OLD_SEARCHES
        # windows), then read from the counts of every window of the old text, made once
        self._old_counts: dict[str, int] = {}
        self._old: Counter[str] | None = None
        n = max(1, len(sentences))
        self._n = n
        self._idf_one = math.log((n + 1) / 0.5)
        self._tasks: dict[int, bool] = {}  # sentence -> names a task, decided once
        self._rarities: dict[str, float] = {}
        # sentence -> its clauses with their key-term windows; (sentence, clause) -> bigram weights and
        # their sum (see `_weights`)
        self._clauses: dict[int, list[tuple[str, set[str]]]] = {}
        self._clause_weights: dict[tuple[int, int], tuple[dict[str, float], float]] = {}

    def _rarity(self, term: str) -> float:
        found = self._rarities.get(term)
        if found is None:
            found = self._rarities[term] = self._rarity_of(term)
        return found

    def _rarity_of(self, term: str) -> float:
        """The idf of the term in the new report (the sentences holding it whole), as a share of the
        idf of a term found in no sentence; 0 when the term is common in either report (in the old one,
        its rarest window is counted: at least as often as the term)."""
        windows = sorted(_grams(term), key=lambda g: (self._df.get(g, 0), g))
        if not windows or windows[0] not in self._postings:
            return 0.0
        # common in the old report when every window is: asked window by window, rarest in the new
        # report first (mostly rare in the old one too), as each count reads the old text through
        if all(self._old_uses(w) > KEY_TERM_MAX_OLD for w in windows):
            return 0.0
        df = sum(1 for i in self._postings[windows[0]] if term in self._sentences[i])
        return math.log((self._n + 1) / (df + 0.5)) / self._idf_one

    def _old_uses(self, window: str) -> int:
        """How often a window (KEY_TERM_CHARS CJK characters) occurs in the old text, overlapping
        occurrences included, up to KEY_TERM_MAX_OLD + 1 (all the rarity test asks).

        Each window is searched for when first asked, up to _OLD_SEARCHES windows; past them, the
        windows of the old text are counted in one pass: a window of CJK characters occurs only
        inside a run of them, at each of its positions there."""
        counts = self._old_counts
        found = counts.get(window)
        if found is not None:
            return found
        if len(counts) < _OLD_SEARCHES:
            found = counts[window] = occurrences(self._old_text, window, at_most=KEY_TERM_MAX_OLD)
            return found
        old = self._old
        if old is None:
            n = KEY_TERM_CHARS
            old = self._old = Counter([run[i:i + n] for run in _CJK_RUN.findall(self._old_text)
                                       for i in range(len(run) - n + 1)])
        return min(old[window], KEY_TERM_MAX_OLD + 1)

    def restatements(self, item_text: str, allowed: Callable[[int], bool],
                     weight: Callable[[str], float], *, least: float = 0.0,
                     bigrams: set[str] | None = None) -> list[TerseMatch]:
        """Sentences (those `allowed`, e.g. the new plan's) with a clause restating the item tersely,
        best first: the clause holds a key term of the item and the sentence names a task. `weight`
        gives a bigram's weight (idf) in the new report.

        Only matches scoring `least` or more are returned, and a clause whose precision alone is
        below it is not read further: the score is precision × rarity, and a rarity is at most 1,
        so such a clause can never score `least` (its shared runs and their rarities, the costly
        part, are not looked for).

        `bigrams`, when given, holds the item's character bigrams, and no other pair of Chinese
        characters (the evidence features of the item do: its bigrams, lone characters and Latin
        words); only its members that are bigrams of a clause are read."""
        item_windows = self._item_windows[item_text] if self._item_windows is not None else _grams(item_text)
        postings = self._postings
        candidates: dict[int, None] = {}  # the allowed sentences holding a rare window of the item, in order
        for g in sorted(g for g in item_windows if g in postings):
            for i in postings[g]:
                if i not in candidates and allowed(i):
                    candidates[i] = None
        if not candidates:
            return []  # most items: then their bigrams are never read
        item_bigrams = bigrams if bigrams is not None else {
            g for run in _CJK_RUN_ANY.findall(item_text) for g in cjk_bigrams(run)}
        out: list[TerseMatch] = []
        for i in candidates:
            m = self._match(i, item_text, item_windows, item_bigrams, weight, least)
            if m is not None and m.score >= least:
                out.append(m)
        return sorted(out, key=lambda m: (-m.score, m.sentence))

    def _match(self, i: int, item_text: str, item_windows: set[str], item_bigrams: set[str],
               weight: Callable[[str], float], least: float) -> TerseMatch | None:
        best: TerseMatch | None = None
        clauses = self._clauses.get(i)
        if clauses is None:
            clauses = self._clauses[i] = [(clause, _grams(clause)) for clause in _CLAUSE_CUT.split(self._sentences[i])]
        for k, (clause, windows) in enumerate(clauses):
            if windows.isdisjoint(item_windows):
                continue  # no run of the item in this clause: no key term
            grams, total = self._weights(i, k, clause, weight)
            if total <= 0:
                continue
            precision = math.fsum(sorted(grams[g] for g in item_bigrams.intersection(grams))) / total
            if precision < least or (best is not None and precision <= best.score):
                continue  # precision × rarity <= precision: below `least` (or the best) whatever the term
            # whether the sentence names a task, decided once, and only for a sentence that gets here
            task = self._tasks.get(i)
            if task is None:
                task = self._tasks[i] = names_task(self._sentences[i], "zh")
            if not task:
                return None
            # the clause's rarest shared term (「各级政府」 is a subject, 「过紧日子」 the item's own)
            terms = [(self._rarity(t), len(t), t) for t in map(_trim, _shared_runs(item_text, item_windows, clause))
                     if len(t) >= KEY_TERM_CHARS and "的" not in t]  # 「宝贵的资金」 is a phrase
            if not terms:
                continue
            rarity, _, term = max(terms)
            if rarity <= 0:
                continue
            m = TerseMatch(i, term, precision, rarity, precision * rarity)
            if best is None or m.score > best.score:
                best = m
        return best

    def _weights(self, i: int, k: int, clause: str, weight: Callable[[str], float]) -> tuple[dict[str, float], float]:
        """The bigram weights of clause `k` of sentence `i` and their sum, read once: the weights are
        the new report's idf, the same for every item (only clauses holding a key term ask)."""
        found = self._clause_weights.get((i, k))
        if found is None:
            grams = {g: weight(g) for run in _CJK_RUN_ANY.findall(clause) for g in cjk_bigrams(run)}
            found = self._clause_weights[i, k] = (grams, math.fsum(sorted(grams.values())))
        return found
