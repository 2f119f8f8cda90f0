"""Stage 5, figures: pair the figures of two reports across years.

`match_figures` takes the old and new figures and returns `FigurePair`s: one-to-one pairs of figures
that measure the same thing, best label similarity first (a same or aligned section scores higher),
among the pairs `rules.refusal` allows (same unit, kind, period kind, scope, change or level,
consecutive years, no substituted word); the change is `rules.change_of`. Figures left unpaired are
kept as pairs with one side None: the figures that disappeared or appeared, each with its sentence.

A label of English words names a measure only when the two labels share two words or more: a pair
whose labels share at most one ("cost", "companies", "Today", "raising ownership" / "increasing
ownership") also needs its two sentences alike once their numbers are masked (`_thin_label_refused`),
the same passage of another year ("we sold 11,254 pounds of See's candy" / "10,010 pounds"), not
another use of a common word ("it cost us about $2.3 billion" / "at our cost, $4.8 billion"). So does
a Chinese label that is only a word for things or money of any kind (项目, 企业, 安排, 投入, 总投资): 「引进
了…等9个项目」 and 「推进河道综合整治…等15个项目」 count other projects.

The result does not depend on which report is passed first (issue 16): every rule and score reads
both figures alike, which report is earlier comes from their years (`rules.in_time_order`), and
a bigram too common to find candidates by is so counted on both reports.

Cost: matching compares only figures that share a base unit and a label bigram,
with a cap per bigram (counted on both sides).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

from rapidfuzz import fuzz

from ..lazy import lazy_pattern
from ..model import Figure, FigurePair, SectionPair
from ..text.cjk import count_cjk
from ..text.cues import ZH_ACTION_WORDS
from ..text.similarity import cjk_bigrams, masked_key, sentence_similarity
from ..text.tokens import number_spans, word_stems
from .extract import FROM_QUALIFIER
from .rules import abridged, change_of, label_key, refusal

__all__ = [
    "LABEL_MATCH_CUTOFF",
    "SECTION_WEIGHT",
    "THIN_LABEL_SENTENCE_CUTOFF",
    "GENERIC_ZH_SENTENCE_CUTOFF",
    "VALUE_WEIGHT",
    "match_figures",
]

# Label similarity (rapidfuzz ratio, 0–1) a pair needs. On cn-state-council-gwr 2018→2019, true pairs
# such as 居民消费价格上涨 / 居民消费价格年均上涨 score 0.89 and 企业和个人减税 / 企业和个人减税降费
# 0.88, while wrong pairs of the same unit score 0.75 (新建改建农村公路 / 新建改建高速公路)
# and 0.71 (城镇调查失业率 / 城镇登记失业率).
LABEL_MATCH_CUTOFF = 0.8
# Share of a pair's score that comes from its sections being the same or aligned; enough to let a
# review figure pair with the review figure of the same label rather than with last year's target.
SECTION_WEIGHT = 0.15
# Share that comes from how close the values are (min/max of the base values): breaks the tie
# between a yearly figure and a five-year total that carry the same label (城镇新增就业 1351万人 vs
# 6600万人以上) in favour of the yearly one; too small to outweigh a better label.
VALUE_WEIGHT = 0.05
_FROM_PENALTY = 0.02
# Lowest similarity of the two sentences (numbers masked, `text.similarity.sentence_similarity`) for
# a pair whose English labels share at most one word. On the Berkshire letters and Singapore budget
# speeches 2010–2025, such pairs below it were 29 of 36 wrong ("cost" $2.3 billion for GEICO in 1996 /
# $4.8 billion for another purchase in 2008: 0.46; "Today" 95% of students / 15% registration fee:
# 0.35), the rest the same measure written anew (0.31–0.57); from it up, 1 of 83 was wrong (0.61).
THIN_LABEL_SENTENCE_CUTOFF = 0.6
# Words of a label that do not name what is measured: adverbs of time and verb particles ("We will
# now receive", "expect to pay out").
_NOT_A_MEASURE = frozenset("now then today currently again still already further out off up down".split())
# A Chinese label that names things or money of any kind, not a measure: the projects, companies,
# allocations and investments of one sentence are others than those of another.
# The payer before it changes nothing (中央财政投入, 中央财政拟安排资金: money of the central budget, for
# whatever the sentence goes on to name); 中央预算内投资 is a budget line of its own, and stays a measure.
_GENERIC_ZH_LABEL = lazy_pattern(r"^(?:(?:中央|地方|各级|省级?|市级?|区级?|县级?)?财政)?(?:今年)?(?:的|级|拟|再)?"
                                 r"(?:完成|实现)?(?:年度|全年)?"
                                 r"(?:项目|企业|安排|投入|总投资|投资|资金|经费|支出)(?:资金)?$")
# Lowest similarity of the two sentences for a pair with such a label: Chinese reports rewrite their
# sentences each year, so the bar is lower than for English. On the 82 Chinese corpus pairs, 15 wrong
# pairs fell below it (「引进了…等9个项目」 / 「推进…等15个项目」: 0.14; 安排200亿元 for scholarships /
# 安排832亿元 for health: 0.18); from it up stand the right ones (开工建设…医院…等10个项目 → 13个: 0.56,
# 惠及项目137个 → 272个: 0.36, 总投资116.2亿元 → 143亿元: 0.48), 2 doubtful and 2 wrong (0.31, 0.40).
GENERIC_ZH_SENTENCE_CUTOFF = 0.3
# A label bigram shared by more figures than this is too common to find candidates by (增长, 提高);
# keeps matching near-linear in the number of figures. Counted on either report, so that a bigram
# skipped one way is skipped the other way too.
MAX_POSTING = 200


def _bigrams(label: str) -> set[str]:
    # candidate keys: bigrams of the whole lower-cased label, Latin letters and spaces included
    s = label.lower()
    return set(cjk_bigrams(s, lone=True)) if s else set()


def _chain(section_id: str | None) -> tuple[str, ...]:
    """s2.3.1 -> (s2.3.1, s2.3, s2)."""
    if not section_id:
        return ()
    parts = section_id.split(".")
    return tuple(".".join(parts[:k]) for k in range(len(parts), 0, -1))


def _sections_agree(old: Figure, new: Figure, aligned: set[tuple[str, str]],
                    old_paired: set[str], new_paired: set[str]) -> bool:
    old_chain, new_chain = _chain(old.section_id), _chain(new.section_id)
    if not old_chain or not new_chain:
        return False
    if any((o, n) in aligned for o in old_chain for n in new_chain):
        return True
    if old_chain[-1] in old_paired or new_chain[-1] in new_paired:
        return False
    # neither top-level part is aligned to anything: ids are comparable only by position
    return old_chain[-1] == new_chain[-1]


def _closeness(old: Figure, new: Figure) -> float:
    a, b = abs(_closeness_base(old)), abs(_closeness_base(new))
    if a == b:
        return 1.0
    return float(min(a, b) / max(a, b))


def _closeness_base(fig: Figure) -> Decimal:
    return fig.base_value if fig.base_value is not None else fig.value


def _likeness(old_key: str, new_key: str, cutoff: float) -> float:
    """How alike two labels are (0–1), compared by their `rules.label_key`; exact from `cutoff` up
    (below it, what rapidfuzz stops early at: the caller refuses the pair either way)."""
    sim = fuzz.ratio(old_key, new_key, score_cutoff=max(0.0, cutoff * 100.0 - 1e-6)) / 100.0
    # an abridged key keeps the first and last two characters: most pairs fail that at once
    if sim < cutoff and old_key[:2] == new_key[:2] and old_key[-2:] == new_key[-2:] and abridged(old_key, new_key):
        return cutoff  # 居民人均可支配收入实际增长 / 居民收入增长: the same measure, named short
    return sim


def _is_from(fig: Figure) -> bool:
    return FROM_QUALIFIER in fig.qualifier.split("、")


def _candidates(old: Sequence[Figure], new: Sequence[Figure]) -> Iterator[tuple[int, int]]:
    """(old index, new index) of the figures that share a base unit and a label bigram, skipping a
    bigram more than `MAX_POSTING` figures of either report share."""
    index: dict[tuple[str, str], list[int]] = {}
    for i, fig in enumerate(old):
        for gram in _bigrams(fig.label):
            index.setdefault((fig.base_unit, gram), []).append(i)
    new_grams = [_bigrams(fig.label) for fig in new]
    new_count: dict[tuple[str, str], int] = {}
    for fig, grams in zip(new, new_grams, strict=True):
        for gram in grams:
            key = (fig.base_unit, gram)
            new_count[key] = new_count.get(key, 0) + 1
    for j, fig in enumerate(new):
        seen: set[int] = set()
        for gram in new_grams[j]:
            key = (fig.base_unit, gram)
            posting = index.get(key, ())
            if len(posting) <= MAX_POSTING and new_count[key] <= MAX_POSTING:
                seen.update(posting)
        for i in sorted(seen):
            yield i, j


def match_figures(
    old: Sequence[Figure],
    new: Sequence[Figure],
    *,
    section_pairs: Sequence[SectionPair] = (),
    cutoff: float = LABEL_MATCH_CUTOFF,
    old_is_earlier: bool = True,
    texts: tuple[str, str] | None = None,
) -> tuple[FigurePair, ...]:
    """Pair old and new figures that measure the same thing, one to one.

    A pair needs labels at least `cutoff` alike (rapidfuzz ratio on `rules.label_key`) and must pass
    every rule of `rules.refusal` (unit, kind, period kind, scope …); figures in the same or an aligned section
    (`section_pairs`, else the same top-level section id) score higher. `old_is_earlier` says which
    report is the earlier (`rules.in_time_order` of their metadata). `texts`, the old and new report
    texts the figures' sentences are in, let a pair of labels that name no measure be checked by its
    sentences (`_thin_label_refused`); without them the labels decide alone. Best scores are taken first;
    ties go to the earlier old, then the earlier new figure (taking the first free pair in that
    order gives the same pairs as taking it in new-then-old order). Output: paired and new figures
    in the new report's order, then dropped figures in the old report's order.
    """
    aligned = {(p.old_id, p.new_id) for p in section_pairs if p.old_id and p.new_id}
    old_paired = {o for o, _ in aligned}
    new_paired = {n for _, n in aligned}
    old_keys, new_keys = [label_key(f) for f in old], [label_key(f) for f in new]
    # whether each figure sums a list (`_counts_a_list`), read once per figure and only when a pair asks
    sums: dict[tuple[int, int], bool] = {}

    def sums_a_list(side: int, k: int) -> bool:
        got = sums.get((side, k))
        if got is None and texts is not None:
            got = sums[(side, k)] = _counts_a_list((old, new)[side][k], texts[side])
        return bool(got)

    def score_of(i: int, j: int) -> float | None:
        """The pair's score, or None when the rules refuse it."""
        o, fig = old[i], new[j]
        sim = _likeness(old_keys[i], new_keys[j], cutoff)
        if sim < cutoff or refusal(o, fig, old_is_earlier=old_is_earlier) is not None:
            return None
        if texts is not None and (_thin_label_refused(o, fig, texts) or sums_a_list(0, i) != sums_a_list(1, j)):
            return None
        agree = _sections_agree(o, fig, aligned, old_paired, new_paired)
        score = (sim * (1 - SECTION_WEIGHT - VALUE_WEIGHT) + (SECTION_WEIGHT if agree else 0.0)
                 + VALUE_WEIGHT * _closeness(o, fig))
        if _is_from(o) or _is_from(fig):
            score -= _FROM_PENALTY
        return score

    candidates: list[tuple[float, int, int, int, int]] = []
    for i, j in _candidates(old, new):
        score = score_of(i, j)
        if score is not None:
            candidates.append((-score, old[i].span.start, new[j].span.start, i, j))
    candidates.sort()
    old_taken: dict[int, int] = {}
    new_taken: dict[int, tuple[int, float]] = {}
    for neg_score, _, _, i, j in candidates:
        if i in old_taken or j in new_taken:
            continue
        old_taken[i] = j
        new_taken[j] = (i, -neg_score)
    for i in _against_the_columns(old, new, old_taken):
        del new_taken[old_taken.pop(i)]
    _read_the_columns(old, new, old_taken, new_taken, score_of)
    pairs: list[FigurePair] = []
    for j, fig in enumerate(new):
        if j in new_taken:
            i, score = new_taken[j]
            pairs.append(change_of(old[i], fig, min(1.0, score)))
        else:
            pairs.append(FigurePair(None, fig))
    pairs.extend(FigurePair(fig, None) for i, fig in enumerate(old) if i not in old_taken)
    return tuple(pairs)


def _thin_label_refused(old: Figure, new: Figure, texts: tuple[str, str]) -> bool:
    """Whether two figures whose labels do not name a measure stand in sentences too unlike
    (numbers masked) for the pair to be one measure: English labels sharing at most one word
    (THIN_LABEL_SENTENCE_CUTOFF), or a Chinese label that is only a word for things or money of any
    kind (GENERIC_ZH_SENTENCE_CUTOFF). Other Chinese labels are left to the label score: a short one
    there still names the measure (在建里程, 整备土地) in sentences rewritten from year to year."""
    if old.sentence is None or new.sentence is None:
        return False
    if old.label.isascii() and new.label.isascii():
        if len((set(word_stems(old.label)) & set(word_stems(new.label))) - _NOT_A_MEASURE) > 1:
            return False
        cutoff = THIN_LABEL_SENTENCE_CUTOFF
    elif _GENERIC_ZH_LABEL.match(old.label) or _GENERIC_ZH_LABEL.match(new.label):
        cutoff = GENERIC_ZH_SENTENCE_CUTOFF
    else:
        return False
    a = texts[0][old.sentence.start : old.sentence.end]
    b = texts[1][new.sentence.start : new.sentence.end]
    return sentence_similarity(masked_key(a, number_spans(a)), masked_key(b, number_spans(b))) < cutoff


_LIST_CLAUSE_STOPS = "，,；;。：:！？!?\n（）()"
_DIGITS = frozenset("0123456789０１２３４５６７８９")
# Words of a list whose figure counts each member, or only some of them: 「A、B等10个项目」 (examples, then
# the count of all), 「均超过1万亿元」, 「分别」, 「各」.
_NOT_A_SUM = lazy_pattern(r"等|均|分别|各(?=[\d一二三四五六七八九十两])")
_RATE_UNITS = frozenset({"%", "％", "‰", "个百分点", "倍"})
# The verb a list may open with (新增, 新改扩建, 新引进): the first member is what follows it.
_LEAD_ACTION = lazy_pattern(f"^新?(?:{ZH_ACTION_WORDS})+")


def _counts_a_list(fig: Figure, text: str) -> bool:
    """Whether a Chinese count or amount is the sum of the list of things its clause opens with:
    「新改扩建幼儿园、中小学校178所」 counts kindergartens and schools together, so it is not the 90
    schools of 「新开工建设幼儿园60所、中小学90所」, where each member has its own figure. A list of
    verbs (新建、改建公园55个) names one thing; a rate applies to each member (二氧化硫、氮氧化物排放量
    下降3%)."""
    if fig.sentence is None or fig.label.isascii() or fig.unit in _RATE_UNITS:
        return False
    start = fig.span.start
    lo = max(fig.sentence.start, start - 40)
    k = max(text.rfind(c, lo, start) for c in _LIST_CLAUSE_STOPS)
    if k < 0 and lo > fig.sentence.start:
        return False  # a clause longer than the window: its first member is not in sight
    clause = text[max(k + 1, lo) : start]
    members = clause.split("、")
    if len(members) < 2 or _DIGITS.intersection(clause) or _NOT_A_SUM.search(clause):
        return False
    head = members[0].strip()
    verb = _LEAD_ACTION.match(head)
    noun = head[verb.end():] if verb else head
    if count_cjk(noun) < 2:
        # 新建、改建 / 取消、下放: verbs of one thing; 「市、区政协提案」, 「新增省、市创新创业团队」: whose, not what
        return False
    # 「龙坪路、兰竹西路、金丰路3条路」: the members named, then how many they are
    return fig.value != len(members)


# Most characters between two columns of a table row ("$19,548 $16,850", "$ 122 $ 80"); figures of
# one sentence and label further apart are a list, not a row ("其中30亿元以上项目6个、10-30亿元项目11个").
_COLUMN_GAP = 3

_Row = tuple[int, str, int]  # (sentence start, label, run of the sentence)


def _columns(figures: Sequence[Figure], max_gap: int | None = None) -> dict[int, tuple[_Row, int]]:
    """Figures that share their sentence and label with another (the year columns of a table row,
    "Net earnings … $1,238 $1,157"): index -> (row, column). With `max_gap`, only figures side by side
    (at most that many characters apart) form a row; without it, all of a sentence's with one label."""
    rows: dict[tuple[int, str], list[int]] = {}
    for k, f in enumerate(figures):
        if f.sentence is not None:
            rows.setdefault((f.sentence.start, f.label), []).append(k)
    out: dict[int, tuple[_Row, int]] = {}
    for (row, label), members in rows.items():
        members.sort(key=lambda k: figures[k].span.start)
        runs: list[list[int]] = [[members[0]]]
        for k in members[1:]:
            if max_gap is None or figures[k].span.start - figures[runs[-1][-1]].span.end <= max_gap:
                runs[-1].append(k)
            else:
                runs.append([k])
        for r, run in enumerate(runs):
            if len(run) > 1:
                for column, k in enumerate(run):
                    out[k] = ((row, label, r), column)
    return out


def _read_the_columns(old: Sequence[Figure], new: Sequence[Figure], old_taken: dict[int, int],
                      new_taken: dict[int, tuple[int, float]], score_of: Callable[[int, int], float | None]) -> None:
    """Pair two table rows of year columns (figures of one sentence and label side by side,
    `_columns` with _COLUMN_GAP) year by year, in place, after `_against_the_columns`.

    A row of year columns restates last year's values one column over ("Net earnings … $1,238
    $1,157", then "… $1,331 $1,238"): the best-scored pairs join the equal values, the same year
    read twice, which shows no change and leaves this year's value unpaired. Once equal values show
    the rows' shift (every equal pair at one offset but the same column), each old value pairs with
    the value of the year after, in the column next to its restatement towards the newer end: 1,238
    → 1,331 and 1,157 → 1,238 (what the reader compares across two annual reports), and never
    1,157 → 1,331 (two years apart). Figures of the rows paired elsewhere stay as they are; a pair
    the rules refuse is not made."""
    col_o, col_n = _columns(old, _COLUMN_GAP), _columns(new, _COLUMN_GAP)
    if not col_o or not col_n:
        return
    rows: dict[tuple[_Row, _Row], set[int]] = {}
    for i, j in old_taken.items():
        if i in col_o and j in col_n:
            (row_o, c_o), (row_n, c_n) = col_o[i], col_n[j]
            if old[i].value == new[j].value:
                rows.setdefault((row_o, row_n), set()).add(c_n - c_o)
    members_o: dict[_Row, list[int]] = {}
    members_n: dict[_Row, list[int]] = {}
    for i, (row, _) in sorted(col_o.items(), key=lambda kv: kv[1][1]):
        members_o.setdefault(row, []).append(i)
    for j, (row, _) in sorted(col_n.items(), key=lambda kv: kv[1][1]):
        members_n.setdefault(row, []).append(j)
    for (row_o, row_n), shifts in sorted(rows.items()):
        shifts.discard(0)
        if len(shifts) != 1:
            continue
        shift = shifts.pop()
        olds, news = members_o[row_o], members_n[row_n]
        for i in olds:  # undo the pairs between the two rows
            partner = old_taken.get(i)
            if partner is not None and partner in news:
                del old_taken[i], new_taken[partner]
        toward_newer = 1 if shift > 0 else -1  # a row lists its years latest first, or last
        for c, i in enumerate(olds):
            t = c + shift - toward_newer
            if not 0 <= t < len(news) or i in old_taken or news[t] in new_taken:
                continue
            score = score_of(i, news[t])
            if score is not None:
                old_taken[i] = news[t]
                new_taken[news[t]] = (i, score)


def _against_the_columns(old: Sequence[Figure], new: Sequence[Figure], taken: dict[int, int]) -> list[int]:
    """Old indices of pairs between two table rows that go against the rows' columns.

    A row of year columns restates last year's value one column over ("… $1,238 $1,157" then
    "… $1,331 $1,238"): the equal pair shows the shift of the years. A pair in the same column (the
    year after) or at that shift (the same year restated) reads the table; another (1,157 → 1,331,
    two years apart) pairs values of other years, and is undone (both figures stay, unpaired)."""
    col_o, col_n = _columns(old), _columns(new)
    if not col_o or not col_n:
        return []
    rows: dict[tuple[_Row, _Row], list[tuple[int, int, bool]]] = {}
    for i, j in taken.items():
        if i in col_o and j in col_n:
            (row_o, c_o), (row_n, c_n) = col_o[i], col_n[j]
            rows.setdefault((row_o, row_n), []).append((i, c_n - c_o, old[i].value == new[j].value))
    out: list[int] = []
    for members in rows.values():
        shifts = {offset for _, offset, equal in members if equal and offset}
        if len(shifts) == 1:
            shift = shifts.pop()
            out.extend(i for i, offset, _ in members if offset not in (0, shift))
    return sorted(out)
