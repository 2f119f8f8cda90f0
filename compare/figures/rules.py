"""Stage 5, figures: the one place that says which two figures may pair across years.

`match_figures` asks `refusal(old, new)` for every candidate pair and drops the refused ones; the
follow-through (target vs outcome of one year) reads the same `Figure` facts but never goes
through here. The rules (issue 19), each with the code `refusal` returns:

- ``unit``: the same base unit (亿元 and 万元 are both 元; % and 个百分点 are not the same unit);
- ``kind``: the same kind — outcome with outcome, target with target, forecast with forecast,
  baseline with baseline. A year's target and that year's outcome belong to follow-through, never
  to the year-over-year table;
- ``period``: the same period kind — several years only with several years, a level reached only
  with a level reached, part of a year only with part of a year, a fiscal year with a fiscal year.
  A figure that states no period reads as the report's own year (`PeriodKind.UNSTATED` = YEAR);
- ``consecutive``: when both name their fiscal year (FY2019 / FY2020), the later report's is the year
  after the earlier report's (a calendar year read from a heading or a paragraph's opening is too
  loose a guess to refuse a pair on). Which report is the earlier comes from their years
  (`in_time_order`), never from the argument order, so `yoy compare B A` pairs what `yoy compare A B` pairs;
- ``scope``: the same area (深汕特别合作区 never pairs with the whole city);
- ``change``: a change (增长6%) only with a change, a level or amount only with a level or amount;
- ``baseline``: the "from" end of 从X到Y is older than the old report's year: it pairs with no
  current figure;
- ``addition``: an addition (新增, new) only with an addition: 新增企业296家 is not the 742家 there are;
- ``magnitude``: counts and amounts within `MAX_VALUE_RATIO` of each other;
- ``label``: no word of one label put in place of another's (`heads_agree`, on `label_key`, read in
  both directions since a word alignment is not symmetric): for two changes the verb is the
  direction, not the measure (下降0.6% and 增长2.5%, 减少农村贫困人口 and 农村贫困人口减少 are one
  measure each).

Every rule reads the same whichever report is passed first (issue 16: the mirror test over the corpus).

`match_figures` scores the candidates that pass by the likeness of their `label_key`s.

How a pair shows its change is decided here too (`change_of`): percentage points only when both
sides are rates of at most `RATE_MAX` (a cumulative gain of 19,784 % is not), and a ratio (×2.3)
instead of a percentage when the change is over 100 %.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
from decimal import Decimal

from ..lazy import lazy_pattern
from ..model import Figure, FigureKind, FigurePair, Metadata, PeriodKind
from ..text.cjk import CJK_CHAR
from .extract import (
    _ADDITION,
    _EN_STOP,
    _LABEL_MAX,
    _LABEL_NOISE,
    EN_FALL_WORDS,
    EN_RISE_WORDS,
    ZH_FALL_WORDS,
    ZH_RATE_WORDS,
    ZH_RISE_WORDS,
    looks_back_a_year,
)

__all__ = ["MAX_VALUE_RATIO", "RATIO_ABOVE_PCT", "HEADLINE_MAX_RATIO", "refusal", "headline_refusal", "with_headlines", "in_time_order",
           "stated_year", "change_of", "heads_agree", "is_rate", "label_key", "abridged", "period_class",
           "periods_compatible"]

# Counts and amounts more than this many times apart are not the same measure (a yearly and a
# five-year total of the same label differ by about 5×; a misread label by orders of magnitude).
MAX_VALUE_RATIO = Decimal(100)
# A change larger than this (in %) reads better as a ratio: +130 % is "×2.3" (issue 19).
RATIO_ABOVE_PCT = Decimal(100)
_RATE_UNITS = ("%", "pp")
# A percentage above this is a multiple (a cumulative gain of 19,784 %), not a rate shown in
# percentage points; rates above 100 % exist (net revenue retention 118 %), so the line is drawn at ×10.
RATE_MAX = Decimal(1000)
_FISCAL_YEAR = lazy_pattern(r"\bFY\s?((?:19|20)\d{2})\b", re.I)


def is_rate(fig: Figure) -> bool:
    """True for a percentage or a percentage-point figure."""
    return fig.base_unit in _RATE_UNITS


def period_class(fig: Figure) -> PeriodKind:
    """The period kind pairs are matched on: an unstated period is the report's own year."""
    return PeriodKind.YEAR if fig.period_kind is PeriodKind.UNSTATED else fig.period_kind


def periods_compatible(old: Figure, new: Figure) -> bool:
    """Whether two figures cover the same kind of stretch of time (rule ``period``).

    Two targets of a level agree on when they are due too: 「未来五年…天然气普及率达90%以上」 sets the
    level of five years on, no target of the year like 「2022年…75%以上」."""
    if period_class(old) is not period_class(new):
        return False
    if old.kind is FigureKind.TARGET and new.kind is FigureKind.TARGET and period_class(old) is PeriodKind.POINT:
        return bool(_YEARS_AHEAD.search(old.period)) == bool(_YEARS_AHEAD.search(new.period))
    return True


# The qualifiers of a limit, as against a value (左右, 多, 超 say about how much).
_LIMITS = frozenset({"以下", "以内", "以上", "不低于", "不超过", "不少于"})


# A period that looks several years ahead (未来五年, 今后五年, 到2025年, “十四五”时期).
_YEARS_AHEAD = lazy_pattern(r"未来|今后|到(?:19|20)\d{2}年|十[一二三四五六七八九]五")


def _year(fig: Figure) -> int | None:
    m = _FISCAL_YEAR.search(fig.period)
    return int(m.group(1)) if m else None


# Verbs of change: a change figure's label without them names what changes.
_CHANGE_WORDS = lazy_pattern(
    "|".join((*ZH_RATE_WORDS, *(w if w != "增加" else "增加(?!值)" for w in ZH_RISE_WORDS), *ZH_FALL_WORDS))
    + r"|(?<=比)([^，。；]{0,8}?)[高低多少]"
    + r"|\b(?:" + "|".join(w for w in (*EN_RISE_WORDS, *EN_FALL_WORDS) if w not in ("up", "down")) + r")\b",
    re.I)


def abridged(old_key: str, new_key: str) -> bool:
    """One Chinese key is the other with words left out in the middle (居民收入 / 居民人均可支配收入):
    same first and last two characters, at least four characters, in order."""
    short, long_ = sorted((old_key, new_key), key=len)
    if len(short) < 4 or short == long_ or not CJK_CHAR.search(short):
        return False
    if short[:2] != long_[:2] or short[-2:] != long_[-2:]:
        return False
    rest = iter(long_)
    return all(c in rest for c in short)


def label_key(fig: Figure) -> str:
    """What a figure's label is compared by: the label, without its verbs of change for a change."""
    if not fig.change:
        return fig.label
    key = _CHANGE_WORDS.sub(lambda m: f"{m.group(1)}" if m.group(1) is not None else "", fig.label)
    key = key.replace("实际", "")  # 实际增长: the growth in real terms, as a change is read
    return re.sub(r"\s{2,}", " ", key).strip()


def in_time_order(old: Metadata, new: Metadata) -> bool:
    """Whether the old report is the earlier one, by the year each reports on and then the year it
    plans (a 政府工作报告 reviews last year and plans this one); True when the years do not say."""
    if old.year is None or new.year is None:
        return True
    return (old.year, old.plan_year or old.year) <= (new.year, new.plan_year or new.year)


def refusal(old: Figure, new: Figure, *, old_is_earlier: bool = True) -> str | None:
    """Why `old` and `new` may not pair across years (a rule code above), or None when they may.
    `old_is_earlier` says which report is the earlier (`in_time_order`); the answer is the same for
    `refusal(new, old, old_is_earlier=not old_is_earlier)`."""
    if old.base_unit != new.base_unit:
        return "unit"
    if FigureKind.BASELINE in (old.kind, new.kind):
        return "baseline"  # 由120元提高到200元: 120元 is older than the report's year
    if old.kind is not new.kind:
        return "kind"
    if not periods_compatible(old, new):
        return "period"
    earlier, later = (_year(old), _year(new)) if old_is_earlier else (_year(new), _year(old))
    if earlier is not None and later is not None and later - earlier != 1:
        return "consecutive"
    if old.scope != new.scope:
        return "scope"
    if old.change != new.change:
        return "change"
    if bool(_ADDITION.search(old.label)) != bool(_ADDITION.search(new.label)):
        return "addition"
    if not _magnitudes_agree(old, new):
        return "magnitude"
    old_key, new_key = label_key(old), label_key(new)
    if not (heads_agree(old_key, new_key) and heads_agree(new_key, old_key)):
        return "label"
    return None


def _magnitudes_agree(old: Figure, new: Figure) -> bool:
    if is_rate(old) or old.base_value is None or new.base_value is None:
        return True
    a, b = abs(old.base_value), abs(new.base_value)
    if a == 0 or b == 0:
        return True
    return max(a, b) / min(a, b) <= MAX_VALUE_RATIO


def _base(fig: Figure, *, signed: bool = True) -> Decimal:
    """The value in the base unit; with `signed`, a fall is negative (下降0.6% is -0.6)."""
    value = fig.base_value if fig.base_value is not None else fig.value
    return -value if signed and fig.down else value


def change_of(old: Figure, new: Figure, score: float) -> FigurePair:
    """The pair with its change: delta in new's unit (signed: 下降0.6% is -0.6), percent change,
    percentage points for two rates, and a ratio when the change is over `RATIO_ABOVE_PCT`.

    Two falls are compared as the amounts written: 「降低利息负担约2000亿元」 → 「约4000亿元」 is
    +100 %, 「刑事治安总警情下降27.6%」 → 「下降14.7%」 is −12.9 points. The reader sees both
    numbers as written under a label that holds the fall (降低…, …下降); a change computed on
    signed values (−2000 → −4000 is −100 %) would contradict them. A rise against a fall stays
    signed (增长3% → 下降2% is −5 points)."""
    if old.down and new.down:  # two falls: the amounts as written
        old_base, new_base = _base(old, signed=False), _base(new, signed=False)
    else:
        old_base, new_base = _base(old), _base(new)
    delta_base = new_base - old_base
    factor = abs(new_base / new.value) if new.value and new.base_value is not None else Decimal(1)
    delta = delta_base / factor if factor else delta_base
    # a cumulative gain of 2,744,062% is no rate to subtract: points only between rates up to RATE_MAX
    rates = is_rate(old) and is_rate(new) and max(abs(old_base), abs(new_base)) <= RATE_MAX
    pct = delta_base / abs(old_base) * 100 if old_base else None
    pp = delta_base if rates else None
    ratio = None
    if not rates and pct is not None and abs(pct) > RATIO_ABOVE_PCT and old_base > 0 and new_base > 0:
        ratio = new_base / old_base
    return FigurePair(old, new, round(score, 4), delta, pct, pp, ratio)


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
_ZH_SYNONYM_WORD = lazy_pattern("|".join(sorted((w for w in _SYNONYM if not w.isascii() and len(w) > 1),
                                              key=lambda w: (-len(w), w))))


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




# --- Highlights: which pairs may be shown as the largest moves (issue 14) -------------------------
#
# A pair that `refusal` allows goes into the figures table, where its sentences are one click away.
# The 「要点 / Highlights」 block shows a few moves with no context, ranked by relative change, so the
# pairs most likely to be two measures sharing a label would come first; `headline_refusal` asks more.

# A move larger than this (either way) is far more often two measures under one label (中央财政拟安排
# 200亿元 专项资金 / 3185亿元 社会保障) than one measure's year-over-year change; such a pair stays in
# the figures table.
HEADLINE_MAX_RATIO = Decimal(10)
# A Chinese label key shorter than this names no measure (预算, 安排, 项目): Chinese characters, a
# Latin word inside it (GDP) counting two. An English noun alone (revenue, employees) does.
_HEADLINE_MIN_ZH = 3
_LATIN_WORD = lazy_pattern(r"[A-Za-z]+")
_STATED_YEAR = lazy_pattern(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_THIS_YEAR = lazy_pattern(r"今年|本年|this year", re.I)
_LAST_YEAR = lazy_pattern(r"去年|上年|last year", re.I)


def stated_year(fig: Figure, meta: Metadata) -> int | None:
    """The one calendar year a one-year or point figure is about, when the report says it: a year
    written in its period (2018年, FY2019), 今年 / 去年 read from the year the report was delivered in
    (when its plan calls its year 今年), else the year reviewed for an outcome and the year planned for a
    target or forecast. None when the figure covers several years or part of one, or nothing says."""
    if period_class(fig) not in (PeriodKind.YEAR, PeriodKind.POINT, PeriodKind.FISCAL_YEAR):
        return None
    years = {int(y) for y in _STATED_YEAR.findall(fig.period)}
    if years:
        return years.pop() if len(years) == 1 else None
    delivered = meta.plan_year if meta.plan_year_is_current else None
    if _THIS_YEAR.search(fig.period):
        return delivered
    if _LAST_YEAR.search(fig.period) or looks_back_a_year(fig.period):
        return delivered - 1 if delivered is not None else None
    if fig.kind is FigureKind.OUTCOME:
        return meta.year
    return meta.plan_year


# An English label names a measure when it holds one of the words that name the recurring measures
# of budgets, letters and annual reports (overall deficit, net earnings, unemployment rate, book
# value, float); the words before an English number are as often an action and its cost ("cost
# the Government", "extend", "make available", "receive a total"), which the next year says of
# another scheme, and "additional revenue" is what a new measure brings, not a year's revenue.
_EN_MEASURE_STEMS = (
    "deficit", "surplus", "revenue", "earning", "income", "profit", "expenditure", "spending", "expense",
    "inflation", "unemploy", "employee", "employment", "reserve", "debt", "borrowing", "dividend", "asset",
    "liabilit", "equit", "productivity", "wage", "salar", "export", "import", "premium", "underwriting",
    "margin", "gdp", "worth", "payable",
)
_EN_MEASURE_WORDS = frozenset({
    "balance", "growth", "rate", "rates", "float", "value", "values", "cash", "sales", "output", "production",
    "population", "customers", "price", "prices", "investment", "investments", "capital", "loss", "losses",
    "jobs",
})
_EN_INCREMENT_WORDS = frozenset({"additional", "extra"})
# A count of things (2,210 customers, 44 countries) names its measure by its unit; a small one is an
# enumeration ("three components", "two schemes"), no measure.
_EN_COUNT_MIN = 10
_MONEY = lazy_pattern(r"[$€£¥]|\bcents?\b")  # the units English amounts are read with ($ million, cents)


def _names_a_measure(key: str, fig: Figure) -> bool:
    if CJK_CHAR.search(key):
        return len(CJK_CHAR.findall(key)) + 2 * len(_LATIN_WORD.findall(key)) >= _HEADLINE_MIN_ZH
    if not _head_tokens(key):
        return False
    if not (is_rate(fig) or _MONEY.search(fig.unit)):
        return abs(fig.base_value if fig.base_value is not None else fig.value) >= _EN_COUNT_MIN
    words = [w.lower() for w in _LATIN_WORD.findall(key)]
    if _EN_INCREMENT_WORDS.intersection(words):
        return False
    return any(w in _EN_MEASURE_WORDS or w.startswith(_EN_MEASURE_STEMS) for w in words)


def headline_refusal(pair: FigurePair, old_meta: Metadata, new_meta: Metadata) -> str | None:
    """Why a pair may not be shown among the largest moves, or None when it may. On top of every rule
    of `refusal`:

    - ``period``: the same period kind, one year or a level on both sides (a total over several
      years is a running total, not a year's move);
    - ``years``: when both years are known (`stated_year`), the later report's figure is about the
      year after the earlier report's (从1997年的8651亿元 read in a 2003 report is no move from 2001);
    - ``label``: a Chinese label names a measure (at least three characters beyond its verbs of
      change), not only an amount set aside (安排), a budget (预算) or projects (项目); an English
      label of an amount of money or a rate holds a word of a recurring measure (deficit, earnings,
      rate …), not only an action and its cost ("cost the Government", "extend") or what a new
      measure adds ("additional revenue"); a count (2,210 customers) is at least ten;
    - ``ratio``: the values are at most `HEADLINE_MAX_RATIO` apart;
    - ``bound``: two outcomes state a limit kept (保持在2%以下, 3%以内, 5万个以上) on both sides or on neither.
    """
    old, new = pair.old, pair.new
    if old is None or new is None:
        return "unpaired"
    earlier = in_time_order(old_meta, new_meta)
    why = refusal(old, new, old_is_earlier=earlier)
    if why is not None:
        return why
    if old.period_kind is not new.period_kind or period_class(old) is PeriodKind.MULTI_YEAR:
        return "period"
    if (old.kind is FigureKind.OUTCOME and new.kind is FigureKind.OUTCOME
            and (old.qualifier in _LIMITS) is not (new.qualifier in _LIMITS)):
        return "bound"  # 「保持在2%以下」 → 「0.39%」: a limit kept is no value, and their gap no move
    years = (stated_year(old, old_meta), stated_year(new, new_meta))
    if None not in years:
        first, second = years if earlier else years[::-1]
        assert first is not None and second is not None
        if second - first != 1:
            return "years"
    if not (_names_a_measure(label_key(old), old) and _names_a_measure(label_key(new), new)):
        return "label"
    a, b = abs(_base(old)), abs(_base(new))
    if not is_rate(old) and a and b and max(a, b) / min(a, b) > HEADLINE_MAX_RATIO:
        return "ratio"
    return None


def with_headlines(pairs: tuple[FigurePair, ...], old_meta: Metadata, new_meta: Metadata) -> tuple[FigurePair, ...]:
    """The pairs with `headline` False where `headline_refusal` refuses a changed pair (the page reads
    the flag: render reads the model only)."""
    out = []
    for p in pairs:
        if p.old is not None and p.new is not None and p.headline \
                and headline_refusal(p, old_meta, new_meta) is not None:
            p = dataclasses.replace(p, headline=False)
        out.append(p)
    return tuple(out)
