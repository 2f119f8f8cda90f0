"""Stage 5, figures: pair the figures of two reports across years.

`match_figures` takes the old and new figures and returns `FigurePair`s: one-to-one pairs of figures
that measure the same thing (label similarity, same base unit, same or aligned section, comparable
periods, no word of one label put in place of another's), with the change; the unpaired are new or
dropped figures.

Cost: matching compares only figures that share a base unit and a label bigram,
with a cap per bigram.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Sequence
from decimal import Decimal

from rapidfuzz import fuzz

from ..model import Figure, FigurePair, PeriodKind, SectionPair
from ..text.cjk import CJK_CHAR
from ..text.similarity import cjk_bigrams
from .extract import _ADDITION, _EN_STOP, _LABEL_MAX, _LABEL_NOISE, _RATE_UNITS, _ZH_AVERAGE, FROM_QUALIFIER

__all__ = [
    "LABEL_MATCH_CUTOFF",
    "SECTION_WEIGHT",
    "MAX_VALUE_RATIO",
    "VALUE_WEIGHT",
    "match_figures",
    "is_rate",
    "heads_agree",
    "periods_compatible",
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
# Counts and amounts more than this many times apart are not the same measure (a yearly and a
# five-year total of the same label differ by about 5×; a misread label by orders of magnitude).
MAX_VALUE_RATIO = Decimal(100)
# A label bigram shared by more figures than this is too common to find candidates by (增长, 提高);
# keeps matching near-linear in the number of figures.
MAX_POSTING = 200

# Words one label may have where the other has the other: the same direction (增长 / 提高) or the
# same thing (使用外资 / 利用外资). Single characters too, since labels are compared character by character.
_SYNONYM: dict[str, str] = {w: group[0] for group in (
    ("增长", "增加", "提高", "上升", "上涨", "提升", "扩大", "涨幅", "增幅", "增速", "增"),
    ("下降", "减少", "降低", "缩小", "缩减", "压减", "减"),
    ("使用", "利用"),
    ("安排", "投入", "下拨", "拨付"),
    ("raise", "raised", "increase", "increased", "rise", "rose", "grow", "grew"),
    ("cut", "reduce", "reduced", "lower", "lowered", "decrease", "decreased"),
) for w in group}
_ZH_SYNONYM_WORD = re.compile("|".join(sorted((w for w in _SYNONYM if not w.isascii() and len(w) > 1),
                                              key=lambda w: (-len(w), w))))


def is_rate(fig: Figure) -> bool:
    """True for a percentage or a percentage-point figure."""
    return fig.base_unit in _RATE_UNITS


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
    a, b = abs(_base(old)), abs(_base(new))
    if a == b:
        return 1.0
    return float(min(a, b) / max(a, b))


def periods_compatible(old: Figure, new: Figure) -> bool:
    """Whether two figures cover comparable stretches of time.

    A figure over several years (a five-year total, 年均 average, 累计) compares only with another
    such figure; a level reached (POINT) compares with any figure of one year or none, but not with
    an addition (新增高速铁路运营里程 4100公里 is not the length of the network).
    """
    old_kind, new_kind = old.period_kind, new.period_kind
    if (old_kind is PeriodKind.MULTI_YEAR) != (new_kind is PeriodKind.MULTI_YEAR):
        # An average yearly rate (居民消费价格年均上涨1.9%) is a rate per year like one year's
        # rate (上涨2.1%): a reader compares the two. Five-year totals and shares never pair.
        multi, other = (old, new) if old_kind is PeriodKind.MULTI_YEAR else (new, old)
        return (_is_average_rate(multi) and other.unit == "%"
                and other.period_kind is not PeriodKind.POINT and not _ZH_AVERAGE.search(other.label))
    if (old_kind is PeriodKind.POINT) != (new_kind is PeriodKind.POINT):
        other = new if old_kind is PeriodKind.POINT else old
        return _ADDITION.search(other.label) is None
    return True


_EN_AVERAGE = re.compile(r"\b(?:average|annual(?:ised|ized)?)\b.{0,30}\b(?:growth|increase|rise|decline)\b"
                         r"|\b(?:grew|rose|fell|increased|declined) (?:by )?an average\b", re.I)


def _is_average_rate(fig: Figure) -> bool:
    """A percentage averaged over years (年均增长7.1%, "average annual growth of 3%")."""
    return fig.unit == "%" and bool(_ZH_AVERAGE.search(fig.label) or _EN_AVERAGE.search(fig.label))


@functools.lru_cache(maxsize=1 << 16)  # the same two labels meet again in every pair of sections
def heads_agree(old_label: str, new_label: str) -> bool:
    """False when one label puts other words where the other has its own (一般性转移支付 /
    均衡性转移支付, 比去年预算低 / 比去年预算高): a substitution names another measure, while
    words only added or left out (全国财政支出 / 财政支出) name the same one. Words of one
    direction (增长 / 提高) may stand for each other; period words and adverbs are not compared."""
    old_words, new_words = _head_tokens(old_label), _head_tokens(new_label)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace":
            continue
        if i1 == 0 and j1 == 0 and _LABEL_MAX in (len(old_label), len(new_label)):
            continue  # a label cut to its last _LABEL_MAX characters starts anywhere
        old_part, new_part = "".join(old_words[i1:i2]), "".join(new_words[j1:j2])
        if _SYNONYM.get(old_part, old_part) != _SYNONYM.get(new_part, new_part):
            return False
    return True


def _head_tokens(label: str) -> list[str]:
    """Characters of a Chinese label (period words removed), lower-case words of an English one."""
    if CJK_CHAR.search(label):
        label = _LABEL_NOISE.sub("", label)
        return list(_ZH_SYNONYM_WORD.sub(lambda m: _SYNONYM[m.group()], label))
    return [w for w in re.findall(r"[a-z0-9$%]+", label.lower()) if w not in _EN_STOP]


def _values_compatible(old: Figure, new: Figure) -> bool:
    if is_rate(old) or old.base_value is None or new.base_value is None:
        return True
    a, b = abs(old.base_value), abs(new.base_value)
    if a == 0 or b == 0:
        return True
    return max(a, b) / min(a, b) <= MAX_VALUE_RATIO


def _base(fig: Figure) -> Decimal:
    return fig.base_value if fig.base_value is not None else fig.value


def _pair(old: Figure, new: Figure, score: float) -> FigurePair:
    old_base, new_base = _base(old), _base(new)
    delta_base = new_base - old_base
    factor = new_base / new.value if new.value and new.base_value is not None else Decimal(1)
    delta = delta_base / factor if factor else delta_base
    pct = delta_base / old_base * 100 if old_base else None
    pp = delta_base if is_rate(new) else None
    return FigurePair(old, new, round(score, 4), delta, pct, pp)


def _pair_allowed(old: Figure, new: Figure) -> bool:
    if _is_from(old) and not _is_from(new):
        return False  # 由120元提高到200元: 120元 is a year before the old report's; nothing new is that old
    return periods_compatible(old, new) and heads_agree(old.label, new.label)


def _is_from(fig: Figure) -> bool:
    return FROM_QUALIFIER in fig.qualifier.split("、")


def match_figures(
    old: Sequence[Figure],
    new: Sequence[Figure],
    *,
    section_pairs: Sequence[SectionPair] = (),
    cutoff: float = LABEL_MATCH_CUTOFF,
) -> tuple[FigurePair, ...]:
    """Pair old and new figures that measure the same thing, one to one.

    A pair needs labels at least `cutoff` alike (rapidfuzz ratio), the same base unit, and values
    within `MAX_VALUE_RATIO` of each other for amounts; figures in the same or an aligned section
    (`section_pairs`, else the same top-level section id) score higher. Best scores are taken
    first; ties go to the earlier old, then the earlier new figure. Output: paired and new figures
    in the new report's order, then dropped figures in the old report's order.
    """
    aligned = {(p.old_id, p.new_id) for p in section_pairs if p.old_id and p.new_id}
    old_paired = {o for o, _ in aligned}
    new_paired = {n for _, n in aligned}
    index: dict[tuple[str, str], list[int]] = {}
    for i, fig in enumerate(old):
        if not fig.label:
            continue
        for gram in _bigrams(fig.label):
            index.setdefault((fig.base_unit, gram), []).append(i)
    candidates: list[tuple[float, int, int, int, int]] = []
    for j, fig in enumerate(new):
        if not fig.label:
            continue
        seen: set[int] = set()
        for gram in sorted(_bigrams(fig.label)):
            posting = index.get((fig.base_unit, gram), ())
            if len(posting) > MAX_POSTING:
                continue
            seen.update(posting)
        for i in seen:
            o = old[i]
            sim = fuzz.ratio(o.label, fig.label) / 100.0
            if sim < cutoff or not _values_compatible(o, fig) or not _pair_allowed(o, fig):
                continue
            agree = _sections_agree(o, fig, aligned, old_paired, new_paired)
            score = (sim * (1 - SECTION_WEIGHT - VALUE_WEIGHT) + (SECTION_WEIGHT if agree else 0.0)
                     + VALUE_WEIGHT * _closeness(o, fig))
            if FROM_QUALIFIER in o.qualifier.split("、"):
                score -= _FROM_PENALTY
            candidates.append((-score, o.span.start, fig.span.start, i, j))
    candidates.sort()
    old_taken: dict[int, int] = {}
    new_taken: dict[int, tuple[int, float]] = {}
    for neg_score, _, _, i, j in candidates:
        if i in old_taken or j in new_taken:
            continue
        old_taken[i] = j
        new_taken[j] = (i, -neg_score)
    pairs: list[FigurePair] = []
    for j, fig in enumerate(new):
        if j in new_taken:
            i, score = new_taken[j]
            pairs.append(_pair(old[i], fig, min(1.0, score)))
        else:
            pairs.append(FigurePair(None, fig))
    pairs.extend(FigurePair(fig, None) for i, fig in enumerate(old) if i not in old_taken)
    return tuple(pairs)
