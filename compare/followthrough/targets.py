"""Stage 6b, targets: direction of a quantitative target and whether the reported actual meets it.

Takes a target `Figure` (from a plan item of the old report) and the figures of the new report;
returns the direction (floor / ceiling / point / range), the actual figure found in the new
report's review, and met / not_met / unknown with the tolerance used. Numbers themselves come
from the figures stage; this module only reads the words around them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import compress

from ..lazy import lazy_pattern
from ..model import Bound, Figure, PeriodKind, PlanStatus, Reason, ReasonCode, Span, TargetDirection, TargetRule
from ..text.cjk import CJK, cjk_only, count_cjk, is_cjk
from ..text.cues import ZH_ACTION_WORDS, ZH_CLAUSE_LEAD
from ..text.similarity import (
    ABBREVIATION_SCORE,
    abbreviates,
    cjk_bigrams,
    in_order,
    label_bigrams,
    label_containment,
    label_similarity,
)

__all__ = [
    "POINT_TOLERANCE_PP",
    "POINT_TOLERANCE_REL",
    "ACTUAL_LABEL_CUTOFF",
    "INDICATOR_CUTOFF",
    "STAGE_BONUS",
    "STAGE_MATCH_LIFT",
    "SAME_WORDING",
    "Actual",
    "Measure",
    "measure_of",
    "indicator_core",
    "same_indicator",
    "noun_after",
    "qualifier_after",
    "clause_label",
    "direction_of",
    "find_actual",
    "candidate_units",
    "judge_target",
    "horizon_year",
    "is_multi_year",
]

# Tolerance of a point target ("增长6.5%左右"): within 0.2 percentage points for a rate, within 5%
# of the value otherwise. Chosen on the targets and outcomes of cn-state-council-gwr 2012→2013 …
# 2018→2019: 7.5%左右 → 7.4% (2014), 7%左右 → 6.9% (2015) and 6.5%左右 → 6.6% (2018) are read as
# met by the reports themselves ("完成主要目标"); a miss of half a point would not be.
POINT_TOLERANCE_PP = Decimal("0.2")
POINT_TOLERANCE_REL = Decimal("0.05")

# Lowest label similarity (character-bigram Dice, 0–1) for a figure of the new report to count as
# the outcome of a target. "城镇调查失业率" ~ "调查失业率稳定在" is 0.62, "城镇登记失业率" ~
# "调查失业率稳定在" 0.31, "居民消费价格涨幅" ~ "居民消费价格上涨" 0.71, while "国内生产总值增长" ~
# "全社会研发支出占国内生产总值比重超过" is 0.45 (wrong, 2013→2014); set between the right and
# wrong pairs of cn-state-council-gwr 2016→2017, 2017→2018, 2018→2019 and the zh-district fixture.
ACTUAL_LABEL_CUTOFF = 0.5
# Lowest `same_indicator` score for an outcome (issue 17: the same indicator, or unknown): the best
# of the labels' Dice, the indicators' Dice and the share of the target's indicator found in the
# outcome's label. 「污水处理能力」 ~ 「垃圾焚烧处理能力」 is 0.57 and 「工业投资」 ~ 「治水完成投资」 0.4
# (other indicators), while 「普惠幼儿园」 ~ 「新增普惠性幼儿园」 is 0.83 and 「居民登记失业率」 ~
# 「城镇登记失业率」 0.67; set on fixtures/targets-devset.json and cn-state-council-gwr 2013→2019.
INDICATOR_CUTOFF = 0.65

_FLOOR, _CEILING, _POINT = TargetDirection.FLOOR, TargetDirection.CEILING, TargetDirection.POINT
_QUALIFIERS = (
    ("以上", _FLOOR), ("以内", _CEILING), ("以下", _CEILING), ("左右", _POINT), ("上下", _POINT),
    ("之内", _CEILING), ("多", _FLOOR), ("余", _FLOOR), ("强", _FLOOR), ("内", _CEILING),
)
_BEFORE_FLOOR = ("超过", "不低于", "不少于", "至少", "力争达到", "达到", "突破", "高于", "逾")
_BEFORE_CEILING = ("控制在", "不超过", "不高于", "低于", "少于", "以内", "不多于", "下降至", "下降到", "降至", "降低至",
                   "降低到", "压减至", "压缩至", "缩短至")
# Labels whose figure is a ceiling even when written "左右": a price rise, unemployment, a deficit
# ("居民消费价格涨幅3%左右" is met by a 2.1% rise).
_CEILING_LABELS = ("涨幅", "价格", "物价", "失业率", "赤字率", "杠杆率", "inflation", "unemployment", "deficit")
# Levels of a pollutant: less is better (a fall of one, 浓度下降5%, is a change, judged as such).
_LOWER_IS_BETTER = ("浓度", "pm2.5", "pm10")
# Labels whose figure is an amount to reach (growth, output, cuts achieved): overshooting a
# point target is not a miss.
_TWO_SIDED_UNITS = ("%", "％", "个百分点", "pp", "元", "$", "S$", "US$", "£", "€", "¥", "percentage points")
_UP_WORDS = ("增长", "提高", "提升", "增加", "新增", "上升", "达到", "突破", "新建", "改建", "建成", "完成", "开工",
             "扩大", "改造", "安置", "搬迁", "培训", "覆盖",
             "growth", "grow", "increase", "raise", "lift", "reach", "expand", "double", "improve")
_DOWN_WORDS = ("下降", "降低", "减少", "压减", "压缩", "退出", "下调", "削减", "减税", "减负", "cut", "reduce", "lower")
# Money measures of what an economy produces or puts in (工业投资, 工业总产值, 营业收入, 社会消费品零售总额,
# 地区生产总值) or takes in (一般公共预算收入, 居民人均可支配收入): a target of them is an amount to reach,
# not a budget to keep to (revenue above its target is 超收, a target met).
_AMOUNT_TO_REACH = lazy_pattern(r"(?:投资|产值|增加值|生产总值|收入|销售额|营业额|零售总额|进出口总额|出口总额"
                                r"|债|债券|基金"  # 发行利用地方政府专项债800亿元: the money raised
                                # trade done on a platform, assets put back to use, money spent on people's
                                # livelihood or on aid: more than planned is no miss (九大类民生支出71.4亿元 / 85.6亿元)
                                r"|交易额|成交额|资产|民生支出|帮扶资金|援助资金)$")
_RISE_WORDS = ("上涨", "涨幅", "上升", "涨")  # price movements: same verb class as the "涨幅" label
_STRIP_LABEL = lazy_pattern(
    r"^(?:今年|全年|明年|年内|再|拟|要|力争|确保|继续|其中|以及|和|及|并|保持|实现|同时|比上年|比去年|同比|较上年)+")
# A label that is only a verb ("增长6.9%" after "国内生产总值达到67.7万亿元，") takes its subject
# from the clause before.
_VERB_ONLY = lazy_pattern(r"^(?:增长|提高|增加|下降|降低|减少|上涨|上升|达到|为|分别|分别为|分别下降|分别增长|突破)*$")
_EN_LEAD = lazy_pattern(r"^(?:[-•*]\s*)?(?:we\s+(?:will|shall|plan to|aim to|intend to|expect to|want to)\s+|"
                      r"our\s+(?:goal|target|aim)\s+is\s+to\s+)", re.I)
_EN_TRAIL = lazy_pattern(r"\s+(?:to|of|at|by|was|were|is|reached|stood at|improved to|rose to|fell to)$", re.I)
_TRAILING_VERB = lazy_pattern(r"(?:基本)?(?:建成|完成|开工|新开工|竣工|增长|提高|下降|降低|达到|突破|新增|减少|增加|"
                            r"达|为|超过)$")
# A label shorter than this ("培训" of "全年培训不少于3次") is too vague to match alone.
_MIN_LABEL_CHARS = 4
_NUMBER_RUN = lazy_pattern(rf"[\d.．%％]+[万亿千百]*[{CJK}]?")


@dataclass(frozen=True, slots=True)
class Actual:
    """A figure of the new report read as the outcome of a target."""

    figure: Figure
    sentence: Span  # the sentence of the new report that states it
    section_id: str | None
    score: float  # label similarity, 0–1


def qualifier_after(text: str, fig: Figure) -> tuple[str, int]:
    """The qualifier written right after a figure (左右, 以上, 以内…) and where it ends."""
    end = fig.span.end
    if fig.qualifier and text.startswith(fig.qualifier, end):
        return fig.qualifier, end + len(fig.qualifier)
    for word, _ in _QUALIFIERS:
        if text.startswith(word, end):
            return word, end + len(word)
    return fig.qualifier, end


def clause_label(text: str, start: int, fig_start: int, sentence_start: int | None = None) -> str:
    """What a figure measures: the clause text before it, without 今年/全年/再…

    With `sentence_start`, a label that is only a verb borrows the previous clause of the sentence
    (numbers removed): "国内生产总值达到67.7万亿元，增长6.9%" -> "国内生产总值达到增长".
    """
    label = text[start:fig_start].strip(" ：:，,")
    label = _STRIP_LABEL.sub("", label)
    if label and label.isascii():
        label = _EN_LEAD.sub("", label.strip())
        label = _EN_TRAIL.sub("", label)
        return label
    for word in _BEFORE_FLOOR + _BEFORE_CEILING + ("为", "在", "按", "约"):
        if label.endswith(word) and len(label) > len(word) + 1:
            label = label[: -len(word)]
    short = count_cjk(label) < _MIN_LABEL_CHARS
    if sentence_start is not None and (_VERB_ONLY.match(label) or short) and start > sentence_start:
        a = start - 1
        while a > sentence_start and text[a - 1] not in "，,；;：:。":
            a -= 1
        before = _NUMBER_RUN.sub("", text[a:start - 1]).strip()
        before = _TRAILING_VERB.sub("", _STRIP_LABEL.sub("", before))  # the subject only
        if text[start - 1] == "、" and _OWN_ACTION.fullmatch(label):
            # 「开工建设保障性住房1350套、竣工3106套、供应5060套」: a verb after a list comma acts on the
            # object of the first member, not on its verb: 竣工保障性住房, 供应保障性住房
            first = before.split("、", 1)[0]
            thing = _LEAD_ACTION.sub("", first, count=1)  # its first verb only, as the figures stage does
            if thing != first and count_cjk(thing) >= 2:
                return label + thing
        label = before + label
    return label


# A verb that opens a project's first stage (开工建设保障性住房, 新建学校): what follows is what the later
# stages act on; and a figure's own label that is a commitment verb or a stage of a project
# (竣工, 供应, 交付…): a verb with no object.
_LEAD_ACTION = lazy_pattern(r"^(?:新开工|开工|新改扩建|新建|改建|扩建|建设|筹集|建成)")
_ACTIONS = ZH_ACTION_WORDS
_OWN_ACTION = lazy_pattern(f"(?:{_ACTIONS}|竣工|供应|交付|分配|筹集|建成|投产|开业|通车)+")


def direction_of(clause: str, fig: Figure, qualifier: str) -> TargetDirection:
    """floor | ceiling | point | range, from the qualifier, the words before it and the label."""
    if fig.value_high is not None:
        return TargetDirection.RANGE
    q_dir = next((d for w, d in _QUALIFIERS if w == qualifier), None)
    if q_dir in (TargetDirection.FLOOR, TargetDirection.CEILING):
        return q_dir
    # longest word first: "不少于" is a floor although it contains "少于", "不超过" a ceiling
    for word in sorted(_BEFORE_FLOOR + _BEFORE_CEILING, key=len, reverse=True):
        if word in clause:
            return TargetDirection.FLOOR if word in _BEFORE_FLOOR else TargetDirection.CEILING
    if any(w in clause.lower() for w in _CEILING_LABELS):
        return TargetDirection.CEILING
    if not fig.change and any(w in clause.lower() for w in _LOWER_IS_BETTER):
        return TargetDirection.CEILING  # 「PM2.5年平均浓度18微克/立方米、力争更好」: a level not to pass
    return TargetDirection.POINT


# A verb naming what money is for is no verb of the label (培训经费, 改造资金, 搬迁补偿): 「压减…培训经费43.1%」
# is a cut, as its target 「培训经费压缩36%」 is.
_VERB_AS_NOUN = lazy_pattern(r"(?:培训|改造|搬迁|安置|新建|扩大)(?=经费|费用|费|资金|补贴|补助|补偿)")


@lru_cache(maxsize=1 << 14)  # asked of every candidate for every target: few labels, many pairs
def _verb_class(label: str) -> str:
    low = _VERB_AS_NOUN.sub("", label.lower())
    if any(w in low for w in _RISE_WORDS):
        return "rise"
    if any(w in low for w in _DOWN_WORDS):
        return "down"
    if any(w in low for w in _UP_WORDS):
        return "up"
    return ""


_SCALE = {
    "万亿元": ("元", Decimal(10) ** 12), "亿元": ("元", Decimal(10) ** 8), "万元": ("元", Decimal(10) ** 4),
    "元": ("元", Decimal(1)), "万人": ("人", Decimal(10) ** 4), "人": ("人", Decimal(1)),
    "亿吨": ("吨", Decimal(10) ** 8), "万吨": ("吨", Decimal(10) ** 4), "吨": ("吨", Decimal(1)),
    "万户": ("户", Decimal(10) ** 4), "户": ("户", Decimal(1)), "万套": ("套", Decimal(10) ** 4),
    "套": ("套", Decimal(1)), "万公里": ("公里", Decimal(10) ** 4), "公里": ("公里", Decimal(1)),
}


def _base(fig: Figure) -> tuple[str, Decimal, Decimal | None]:
    """(base unit, value, high value) for comparing figures written in different units."""
    if fig.base_unit and fig.base_value is not None:
        factor = fig.base_value / fig.value if fig.value else Decimal(1)
        high = fig.value_high * factor if fig.value_high is not None else None
        return fig.base_unit, fig.base_value, high
    unit, factor = _scale(fig.unit)
    high = fig.value_high * factor if fig.value_high is not None else None
    return unit, fig.value * factor, high


def _base_unit(fig: Figure) -> str:
    """`_base(fig)[0]` without computing the values: what `find_actual` asks of every candidate."""
    if fig.base_unit and fig.base_value is not None:
        return fig.base_unit
    return _scale(fig.unit)[0]


@lru_cache(maxsize=1 << 12)
def _scale(unit: str) -> tuple[str, Decimal]:
    """(unit of one, factor): 亿元 -> (元, 10^8)."""
    if unit in _SCALE:
        return _SCALE[unit]
    for prefix, power in (("万亿", 12), ("亿", 8), ("万", 4)):
        if unit.startswith(prefix):  # 1万 / 1.0万个: the amount in units of one
            return unit[len(prefix):], Decimal(10) ** power
    return unit, Decimal(1)


# Character-bigram Dice of two labels worded the same but for a mark or a character: 「新引进、认定各类
#人才」 / 「新引进认定各类人才」 is 0.93, 「全年完成投资」 / 「完成投资」 (other investments) 0.75.
SAME_WORDING = 0.85
_WHOLE_CLASS = lazy_pattern(r"各类|各项|全部|所有")


@lru_cache(maxsize=1 << 14)
def _bare(core: str) -> bool:
    """Whether an indicator is only a dimension (面积) or a class noun (项目): it names no thing alone."""
    return bool(_DIMENSION_ONLY.match(core) or _CLASS_NOUN.match(core))


# Stages of a building programme: a count of one stage is never the outcome of another, and the
# same stage in both labels ("新开工630万套" / "新开工保障性安居工程666万套") is worth this much
# label similarity (cn-state-council-gwr 2013→2014: 0.44 without it, the right pair).
STAGE_BONUS = 0.1
# ...and a same-stage pair in one unit at ACTUAL_LABEL_CUTOFF with the bonus reaches INDICATOR_CUTOFF.
STAGE_MATCH_LIFT = 0.2
_STAGES = ("开工", "建成", "竣工", "完成", "启动", "投产", "供应")
_STAGE_WORDS = lazy_pattern("新?(?:" + "|".join(_STAGES) + ")(?:建设)?|建设|新建|改建|扩建")


@lru_cache(maxsize=1 << 14)
def _last_stage(label: str) -> str:
    found = [(label.rfind(w), w) for w in _STAGES if w in label]
    return max(found)[1] if found else ""


def candidate_units(candidates: Sequence[tuple[Figure, Measure | str, Span, str | None]]) -> list[str]:
    """The unit of one of each candidate of `find_actual` (亿元 -> 元), read once for every target."""
    return [_base_unit(fig) for fig, *_ in candidates]


def find_actual(target: Figure, candidates: Sequence[tuple[Figure, Measure | str, Span, str | None]],
                *, measure: Measure | None = None, cutoff: float = INDICATOR_CUTOFF,
                units: Sequence[str] | None = None, text: str | None = None) -> Actual | None:
    """The candidate figure that states the outcome of `target`: the same indicator (see
    `same_indicator`: head noun, scope, new vs total), in a compatible unit, best score.

    `candidates` are (figure, measure or bare label, sentence span, section id) of the new
    report's review, in document order; ties go to the earlier candidate. A verb of the opposite
    class (增长 vs 下降) or another stage of a building programme (开工 vs 建成) rules a candidate
    out, so "单位国内生产总值能耗下降3.1%" is never the outcome of GDP growth. `units`, when given,
    are `candidate_units(candidates)`. `text`, the new report's, lets an outcome in a run of
    values of one label (`_ambiguous`) be refused.
    """
    t_measure = measure or Measure(target.label, indicator_core(target.label), frozenset(),
                                   _count_kind(target.label, target.unit))
    t_unit = _base_unit(target)
    t_verb = _verb_class(target.label)
    best: Actual | None = None
    best_k = -1
    t_stage = _last_stage(target.label)
    if units is None:
        units = candidate_units(candidates)
    # a check has a few units among its candidates, and most candidates are in another unit than
    # the target's: those are passed over in C (compress), each unit tested once
    compatible = {u: _compatible_units(t_unit, u) for u in set(units)}
    for k in compress(range(len(candidates)), map(compatible.__getitem__, units)):
        fig, found, sentence, section_id = candidates[k]
        c_unit = units[k]
        m = found if isinstance(found, Measure) else Measure(
            found, indicator_core(found), frozenset(), _count_kind(found, fig.unit))
        c_stage = _last_stage(m.label)
        if t_stage and c_stage and t_stage != c_stage:
            continue  # "新开工630万套" is not met or missed by "基本建成544万套"
        c_verb = _verb_class(m.label)
        if t_verb and c_verb and t_verb != c_verb and {t_verb, c_verb} != {"up", "rise"} \
                and not _same_change_reversed(target, t_measure, fig, m):
            continue
        score = same_indicator(t_measure, m)
        if t_stage and t_stage == c_stage and t_stage != "完成" and c_unit == t_unit \
                and not _foreign_scope(m, t_measure) and not _bare(t_measure.core) \
                and not _other_objects(t_measure.core, m.core):
            # one stage of one building programme in one unit (新开工630万套 / 新开工…666万套): the
            # stage names what is counted even when the programme is worded differently
            score = max(score, label_similarity(target.label, m.label) + STAGE_BONUS + STAGE_MATCH_LIFT)
        if score < cutoff:
            continue
        if best is None or score > best.score:
            best = Actual(fig, sentence, section_id, min(score, 1.0))
            best_k = k
    if best is not None and text is not None and _ambiguous(best_k, candidates, text):
        return None
    return best


def _other_objects(t_core: str, o_core: str) -> bool:
    """Whether two indicators of one stage name other things, sharing no character bigram once the
    stage is left out: 开工建设碧道 is no stage of 开工建设综合管廊 (an empty core names nothing)."""
    a, b = label_bigrams(_STAGE_WORDS.sub("", t_core)), label_bigrams(_STAGE_WORDS.sub("", o_core))
    return bool(a and b) and not a & b


def _ambiguous(k: int, candidates: Sequence[tuple[Figure, Measure | str, Span, str | None]], text: str) -> bool:
    """Whether the chosen outcome (candidate `k`) stands in a run of values of one label (「农村中小学生人均
    公用经费500元和300元」 for primary and middle schools): the words do not say which is which. The
    candidates are in document order, so a run's other values are the ones next to it."""
    fig, _, sentence, _ = candidates[k]
    for j in (k - 1, k + 1):
        if 0 <= j < len(candidates):
            other, _, other_sentence, _ = candidates[j]
            joiner = text[other.span.end:fig.span.start] if j < k else text[fig.span.end:other.span.start]
            if (other_sentence == sentence and joiner in _RUN_JOINERS and other.label == fig.label
                    and other.base_unit == fig.base_unit and other.base_value != fig.base_value):
                return True
    return False


_RUN_JOINERS = frozenset({"和", "、", "及", "与"})  # between two figures of one run (500元和300元, 4%、3%)


def _same_change_reversed(target: Figure, t_measure: Measure, fig: Figure, m: Measure) -> bool:
    """Whether `fig` is the change of the very indicator `target` sets a change for, the other way
    (「一般公共预算收入增长5%」 and 「一般公共预算收入下降2.1%」): the outcome, a miss, which
    `judge_target` reads signed. Only a rate of change of the same indicator word for word: a fall
    of another indicator (单位生产总值能耗下降) is never the outcome of a growth target."""
    return (_opposite_changes(target, fig) and bool(t_measure.core)
            and t_measure.core == m.core and not _bare(t_measure.core)
            and _base(target)[0] in _RATE_UNITS and _base(fig)[0] in _RATE_UNITS)


def _opposite_changes(target: Figure, actual: Figure) -> bool:
    """Whether `actual` is a change the other way from `target`'s, by their verbs (增长 / 下降): a
    fall written as the size of a fall (「能耗降幅4.25%」) is no rise."""
    verbs = {_verb_class(target.label), _verb_class(actual.label)}
    return (target.change and actual.change and target.down != actual.down
            and (verbs == {"up", "down"} or verbs == {"rise", "down"}))


# Counters of "items" in general: 项目200宗 and 项目193个 count the same things.
_ITEM_COUNTERS = frozenset("个宗项件处")
# Counter words: "1万" and "1.0万个" are one amount; a unit written without its counter matches any.
_COUNTERS = frozenset("个家所座条项件台辆套户人名张场次宗处")


@lru_cache(maxsize=1 << 14)  # asked of every target and candidate: few units, many pairs
def _compatible_units(a: str, b: str) -> bool:
    a, b = a.removesuffix("次") or a, b.removesuffix("次") or b  # 400场次 / 800多场
    a, b = a.split("/")[0], b.split("/")[0]  # 28.5微克/立方米 / 每立方米…27.3微克
    if a == b or (a in _ITEM_COUNTERS and b in _ITEM_COUNTERS):
        return True
    return (not a and b in _COUNTERS) or (not b and a in _COUNTERS)


def _tolerance(unit: str, value: Decimal) -> Decimal:
    if unit in ("%", "％"):
        return POINT_TOLERANCE_PP
    return abs(value) * POINT_TOLERANCE_REL


def judge_target(target: Figure, direction: TargetDirection | None, actual: Figure | None) -> tuple[PlanStatus, Reason]:
    """met / not_met / unknown, with the reason naming the comparison and tolerance."""
    if actual is None:
        return PlanStatus.UNKNOWN, Reason(ReasonCode.NO_OUTCOME)
    unit, t_val, t_high = _base(target)
    _, a_val, a_high = _base(actual)
    if a_high is not None:  # an outcome given as a range: judge by its middle
        a_val = (a_val + a_high) / 2
    reversed_ = _opposite_changes(target, actual)
    if reversed_:
        a_val = -a_val  # 「增长5%」 missed by 「下降2.1%」: a growth of -2.1 %; 「下降3%」 by 「上升1.2%」
    tol = _tolerance(unit, t_val)
    # growth, a cut achieved, a count of things to do (套, 户, 人, 公里), or an amount of output or
    # investment to reach (工业投资500亿元左右, 产值): overshooting is no miss. Rates and other money
    # (budgets, spending) stay two-sided unless their verb says otherwise.
    amount = (_verb_class(target.label) in ("up", "down") or unit not in _TWO_SIDED_UNITS
              or (unit not in ("%", "％") and _AMOUNT_TO_REACH.search(indicator_core(target.label)) is not None))
    tolerance = ""
    if direction == TargetDirection.FLOOR:
        ok, rule = a_val >= t_val, TargetRule.AT_LEAST
    elif direction == TargetDirection.CEILING:
        ok, rule = a_val <= (t_high if t_high is not None else t_val), TargetRule.AT_MOST
    elif direction == TargetDirection.RANGE:
        low, high = t_val, t_high if t_high is not None else t_val
        if amount:
            ok, rule = a_val >= low, TargetRule.RANGE_LOW
        elif any(w in target.label for w in _CEILING_LABELS):
            ok, rule = a_val <= high, TargetRule.RANGE_HIGH
        else:
            ok, rule = low <= a_val <= high, TargetRule.RANGE_WITHIN
    else:
        # said in the target's own unit (±94亿元 of 1880亿元, not ±9400000000): a percentage's in points
        tolerance = (_num(tol) if unit in ("%", "％") or not t_val
                     else _num(round(tol * target.value / t_val, 4)) + target.unit)
        if amount:
            ok, rule = a_val >= t_val - tol, TargetRule.NEAR_OR_ABOVE
        else:
            ok, rule = abs(a_val - t_val) <= tol, TargetRule.NEAR
    part_of_year = actual.period_kind is PeriodKind.YEAR_TO_DATE and unit not in _RATE_UNITS
    if not ok and not reversed_ and (
            (actual.bound is Bound.FLOOR and rule in (TargetRule.AT_LEAST, TargetRule.RANGE_LOW, TargetRule.NEAR_OR_ABOVE))
            or (actual.bound is Bound.CEILING and rule is TargetRule.AT_MOST)
            # an amount of the months so far (1—11月) short of the year's may still reach it
            or (part_of_year and amount)):
        # 「保持在11%以上」 against 「不低于11.1%」: the outcome is at least 11%, which may or may not reach it
        return PlanStatus.UNKNOWN, Reason(ReasonCode.TARGET_BOUND_ONLY, (("target", _fmt(target)),
                                                                           ("actual", _fmt(actual) + actual.months_covered)))
    values = (("target", _fmt(target)), ("direction", direction or ""),
              ("actual", ("-" if reversed_ else "") + _fmt(actual) + actual.months_covered),
              ("rule", rule.value), ("tolerance", tolerance),
              ("points", "yes" if tolerance and unit in ("%", "％") else ""),
              ("held", "yes" if ok else "no"))  # a reason says the comparison that decided, held or failed
    return (PlanStatus.MET if ok else PlanStatus.NOT_MET), Reason(ReasonCode.TARGET_JUDGED, values)


def _num(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s


def _fmt(f: Figure) -> str:
    v = _num(f.value)
    if f.value_high is not None:
        v += f"–{_num(f.value_high)}"
    return f"{v}{f.unit}{f.qualifier}"


# 到2020年… / 2020年前… / a sentence whose topic is the year (「2005年，城镇居民人均可支配收入达到33000元左右」)
_BY_YEAR = lazy_pattern(r"(?:到|至)(20\d\d)年|^[\s\u3000]*(20\d\d)年[，,]|(20\d\d)年(?:前|底前|以前)")
# 年均 counts only before a change (年均增长 over several years); 「PM2.5年均浓度」 is one year's average.
_MULTI_YEAR = lazy_pattern(r"五年|累计|年均(?:增长|增速|下降|提高|减少|增加|缩减|上涨|递增)"
                           r"|十[一二三四五六七八九]五|“十五”|过去几年|这些年")


def horizon_year(context: str) -> int | None:
    """The latest year a target is due by ("到2020年…"), if its context names one."""
    years = [int(y) for found in _BY_YEAR.findall(context) for y in found if y]
    return max(years) if years else None


def is_multi_year(context: str) -> bool:
    """Whether a passage speaks of several years (五年, 累计, 年均, 十三五…), not of one year."""
    return bool(_MULTI_YEAR.search(context))


# --- the same indicator (issue 17) ----------------------------------------------------------------

# Words that say a count is of new things or of the whole stock: 新增1000家 is never met by a
# total of 2.5万家, and 总量超过1800家 never by 新增476家. The marker nearest the figure decides.
_NEW_MARKERS = ("新增", "新引进", "新认定", "新建", "新开工", "新设", "新推广", "新开", "引进", "增加")
_TOTAL_MARKERS = ("累计", "总量", "总数", "总计", "保有量", "增至", "共有")
# What is added less what is gone (净增商事主体6.8万户): no measure of how many were added (新增商事主体10万户).
_NET_MARKERS = ("净增", "净增加", "净流入")
# 达 / 达到 right before the figure reads a level reached (国家高新技术企业达370家): a total.
_REACHED = lazy_pattern(r"(?:达到|达|增至|突破)$")
# 增加到 / 提高至 right before the figure: the level raised to (光纤入户增加到100万户), whose 增加 is no
# addition (新增光纤入户30万户 is).
_RAISED_TO = lazy_pattern(r"(?:增加|提高|提升|扩大)(?:到|至)$")
# A level to stand at by the end of the year, the figure in its list (「力争到年底挂牌上市公司达78家、
# 十亿级工业企业40家、国家高新技术企业超过1000家」): each item is a total, not what is added.
_YEAR_END_LEVEL = lazy_pattern(r"(?:到|至)(?:\d{4}年|今年|本年|明年)?(?:年底|年末)[^，,；;。]*?(?:达到|达|突破)")
# Units of rates: new-vs-total does not apply to them (nor to money).
_RATE_UNITS = ("%", "％", "个百分点", "‰")
# A sub-area named before a figure: the figure is that area's, not the issuer's (a cooperation
# zone's growth rate is not the city's).
# `_sub_areas` reads the matches of _SUB_AREA (up to _SUB_AREA_LEAD Chinese characters, then one of the
# _SUB_AREA_WORDS) without it: `re` tries the pattern at every character of a sentence, while the
# words alone open with a class of their first characters, which it scans for in C.
_SUB_AREA_LEAD = 8
_SUB_AREA_WORDS = r"(?:合作区|示范区|自贸区|自由贸易试验区|片区|园区|新区|开发区|保税区|综保区|试验区|产业园|街道|前海|河套|口岸)"
_SUB_AREA = lazy_pattern(rf"[{CJK}]{{0,{_SUB_AREA_LEAD}}}?{_SUB_AREA_WORDS}")
_SUB_AREA_WORD = lazy_pattern(_SUB_AREA_WORDS)


def _sub_areas(text: str) -> list[str]:
    """The matches of `_SUB_AREA.finditer(text)`, in order. The leftmost match holds the leftmost
    area word (an earlier start reaching a later word would reach that one, nearer), with the
    first alternative that matches there, and starts as far back before it as the Chinese
    characters run, up to _SUB_AREA_LEAD of them (the shortest lead is tried first from each start,
    and the word is the nearest one)."""
    out: list[str] = []
    pos = 0
    while (m := _SUB_AREA_WORD.search(text, pos)) is not None:
        start = m.start()
        lowest = max(pos, start - _SUB_AREA_LEAD)
        while start > lowest and is_cjk(text[start - 1]):
            start -= 1
        out.append(text[start:m.end()])
        pos = m.end()
    return out
# Wider areas than a district's or a city's own: a district report citing the city's figure.
_WIDER = {"区": ("全市", "全省", "全国"), "县": ("全市", "全省", "全国"), "市": ("全省", "全国")}
# Leading words that are not the indicator: time, the issuer's own scope, modal verbs.
_LEAD_WORDS = lazy_pattern(r"^(?:20\d\d年|各类|各项|今年|全年|年内|明年|全区|全市|本区|我区|本市|我市|全县|辖区|力争|"
                         r"确保|实现|完成|推动|继续|进一步|加快|其中|同比|比上年|比去年|（下同）|\(下同\))+")
# Verbs and count words heading a label: what is done to the indicator, not the indicator (new vs
# total and the stage of a programme are compared apart).
_LEAD_VERBS = lazy_pattern(r"^(?:新增|新引进|新认定|新建|新开工|新推广|新设|新开|新改扩建|改扩建|引进|认定|打通|建成|完成|开工|"
                         r"增加(?!值)|筹集|建设|升级改造|改造提升|改造|推广应用|推广|淘汰|拆除消化|拆除|消化|治理|供应|安排|实现|培育|"
                         r"培养|选聘|组织|开展|举办|落户|累计|总量|优化调整|优化|调整|新开和|和|及|、)+")
_TRAIL_WORDS = lazy_pattern(r"(?:同比|（下同）|\(下同\))?(?:分别)?(?:增长|提高|提升|下降|降低|减少|增加|上涨|上升|达到|压缩|"
                          r"缩短|达|为|突破|超过|超|逾|约|控制在|保持在|保持|提高到|提升至|提高至|降至|下降至|增至|稳定在|在|至|到)+$")
_EN_LEAD_VERBS = lazy_pattern(
    r"^(?:(?:we|our|the|a|an|to|with|of|and|grow|lift|raise|increase|reduce|cut|lower|reach|achieve|bring|"
    r"double|halve|hit|improve|expand|boost|keep|hold|maintain|limit|take|ended|closed|finished|end|close|"
    r"the year|year)\s+)+", re.IGNORECASE)
# Head words that only say "how many" of the indicator before them: 就业人数 is 就业 counted.
_GENERIC_HEAD = lazy_pattern(r"(?:人数|数量|总数|总量|规模|个数|数|任务|工作|面积|里程|长度)$")
# An indicator that is only a dimension (「新增建设面积10」 km² after 「推进海绵城市建设，」) names no
# thing: the thing is the object of the clause before, and without it no outcome is the same indicator.
_DIMENSION_ONLY = lazy_pattern(r"^(?:面积|里程|长度|规模|数量|总量|个数|人数|比例|比重|占比|参保人数|参保率|覆盖率)$")
# An indicator ending in the verb that puts money in (「中央财政安排」429亿元，解决…): what the money is
# for is said after the figure, so the words before it name no indicator.
_MONEY_VERB_END = lazy_pattern(r"(?:安排|拨付|下达|筹措)$|(?:拟|将|还将|再)投入$")  # not 研发投入, 科技投入
# The verbs opening a task clause (the commitment lexicon's, of two characters or more): what follows is its object.
_CLAUSE_VERBS = lazy_pattern(f"^(?:{ZH_ACTION_WORDS})+")
_CLAUSE_TAIL = lazy_pattern(r"(?:建设|工作|工程|行动)$")
# The activity done to a stock (land above all) is part of the indicator: supplied land is not
# prepared (整备) nor expropriated (征收) land. One class per activity; the words of one class are
# what reports write for one indicator (产业用地供应 / 出让产业用地 / 供应产业用地).
_ACTIVITIES = (("供应", "supply"), ("供给", "supply"), ("出让", "supply"), ("供地", "supply"),
               ("整备", "prepare"), ("收储", "prepare"), ("征收", "expropriate"), ("征地", "expropriate"))
_ACTIVITY_WORDS = lazy_pattern("|".join(w + "(?![链商])" for w, _ in _ACTIVITIES))  # 供应链 is no supply of land
# Nouns of a class of things that reports always qualify (公办学位, 超亿元项目, 上市企业, 固定资产投资):
# alone (「新办5所幼儿园，增加学位1200个」), they name no indicator.
_CLASS_NOUN = lazy_pattern(r"^(?:项目|学位|企业|公司|投资|资金|工程|活动|机构|平台|载体|设施|人才|团队|主体|任务)$")
# Head nouns a report writes either way: 上市企业 / 上市公司; a coverage rate of a service and its
# rate (家庭医生签约服务覆盖率 / 签约率, 参保覆盖率 / 参保率).
_HEAD_SYNONYMS = (("公司", "企业"), ("服务覆盖率", "率"), ("覆盖率", "率"))
_HEAD_TOKEN = lazy_pattern(rf"[{CJK}]|[a-z]+")


@dataclass(frozen=True, slots=True)
class Measure:
    """What a figure measures, as far as telling a target's outcome from another figure needs."""

    label: str
    core: str  # the indicator: the label without time, own scope, verbs of change
    scope: frozenset[str]  # sub-areas or wider areas named before the figure in its sentence
    count: str  # "new" | "total" | "net" | "" for counts; always "" for rates and money


@lru_cache(maxsize=1 << 14)
def _count_kind(label: str, unit: str) -> str:
    if unit in _RATE_UNITS or unit.endswith("元"):
        return ""
    if (_REACHED.search(label) or _YEAR_END_LEVEL.search(label)) and not any(w in label for w in _NEW_MARKERS):
        return "total"
    if _RAISED_TO.search(label) and "新增" not in label and "从" not in label and "由" not in label:
        return "total"  # (从10家增加到22家 is read as before: what it adds is in the words too)
    best = (-1, "")
    # net first: 净增加 ends where its 增加 does, and the earlier kind keeps a tie
    for words, kind in ((_NET_MARKERS, "net"), (_NEW_MARKERS, "new"), (_TOTAL_MARKERS, "total")):
        for w in words:
            k = label.rfind(w)
            if k >= 0 and k + len(w) > best[0]:
                best = (k + len(w), kind)
    return best[1]


@lru_cache(maxsize=1 << 14)
def indicator_core(label: str) -> str:
    """The indicator a label names: 「全区地区生产总值同比（下同）增长」 -> 「地区生产总值」,
    「新增公办中小学学位」 -> 「公办中小学学位」, 「打通红棉路、沙荷路等断头路」 -> 「断头路」."""
    core = label.strip(" ：:，,")
    if core.isascii():
        return _EN_LEAD_VERBS.sub("", core).strip()
    for _ in range(3):
        core = _LEAD_VERBS.sub("", _LEAD_WORDS.sub("", core))
    k = core.rfind("等")
    if k >= 0 and count_cjk(core[k + 1:]) >= 2:
        core = core[k + 1:]
    # 「筹办第五届龙岗区运动会及群众性文体活动」: the figure counts the last thing listed
    last = re.split(r"及|与|和", core)[-1]
    if last != core and count_cjk(last) >= 4:
        core = last
    for _ in range(2):
        core = _TRAIL_WORDS.sub("", core)
    return core


def measure_of(text: str, fig: Figure, label: str, sentence: Span, *, issuer: str | None = None) -> Measure:
    """The `Measure` of a figure stated in `text` inside `sentence`, under `label`. The sentence's
    subject (its first clause) and the figure's own clause name the area it belongs to."""
    before = text[sentence.start : fig.span.start]
    clause = before[max(before.rfind(c) for c in "，,；;：:") + 1:]
    subject = re.split(r"[，,；;：:]", before, maxsplit=1)[0]
    scope = {area for area in _sub_areas(subject + "，" + clause) if not area.startswith(("全区", "本区"))}
    core = indicator_core(label)
    # a sub-area named only by the sentence's opening clause whose name the measure itself carries
    # (「国家高新区实现扩容提质，新增国家级高新技术企业…」): the designation is the topic, not the scope
    scope -= {s for s in scope if s not in clause and _names_measure(s, core)}
    level = issuer.replace("人民政府", "")[-1:] if issuer else ""
    scope.update(w for w in _WIDER.get(level, ()) if w in clause)
    count = _count_kind(clause if len(clause) > len(label) else label, fig.unit) or _count_kind(label, fig.unit)
    if _DIMENSION_ONLY.match(core):
        core = _object_before(before, clause) + core
    return Measure(label, core, frozenset(scope), count)


_AREA_SUFFIX = lazy_pattern(r"(?:合作区|示范区|自贸区|自由贸易试验区|片区|园区|新区|开发区|保税区|综保区|试验区|产业园|区)$")


def _names_measure(area: str, core: str) -> bool:
    """Whether an area's name without its area word (国家高新区 -> 国家高) is in the measure's name, in order."""
    stem = [ch for ch in _AREA_SUFFIX.sub("", area) if ch != "级"]
    return len(stem) >= 2 and in_order(stem, [ch for ch in core if ch != "级"])


def _object_before(before: str, clause: str) -> str:
    """The object of the clause before a figure's clause (「大力推进海绵城市建设」 -> 「海绵城市」), or ""."""
    head = before[: len(before) - len(clause)].rstrip("，,；;：:")
    prev = head[max(head.rfind(c) for c in "，,；;：:。") + 1:]
    obj = _NUMBER_RUN.sub("", prev).strip()
    for _ in range(2):
        obj = _CLAUSE_VERBS.sub("", ZH_CLAUSE_LEAD.sub("", obj))
    obj = _CLAUSE_TAIL.sub("", obj)
    return obj if 2 <= count_cjk(obj) <= 12 else ""


@lru_cache(maxsize=1 << 14)
def _activity(label: str) -> str:
    m = _ACTIVITY_WORDS.search(label)
    return dict(_ACTIVITIES)[m.group()] if m else ""


def _foreign_scope(outcome: Measure, target: Measure) -> bool:
    """Whether the outcome names an area the target does not (「前海」 is within 「全面推进前海…」)."""
    return any(not any(o in t or t in o for t in target.scope) for o in outcome.scope)


@lru_cache(maxsize=1 << 14)
def _synonyms(text: str) -> str:
    for word, same in _HEAD_SYNONYMS:
        text = text.replace(word, same)
    return text


def _same_verbs(verbs: str, outcome: Measure) -> bool:
    """Whether the words an outcome's label opens with, before its indicator, are the verbs
    `verbs` in any order (筹集建设 / 建设筹集保障性住房)."""
    k = outcome.label.rfind(outcome.core) if outcome.core else -1
    return k > 0 and set(outcome.label[:k]) == set(verbs)


def same_indicator(target: Measure, outcome: Measure) -> float:
    """How surely `outcome` measures what `target` does, 0–1; 0 when it cannot: another head noun
    (the last two characters of the indicator, in order), another scope, new against total."""
    if _foreign_scope(outcome, target):
        return 0.0
    if ("人均" in target.label) != ("人均" in outcome.label):
        return 0.0  # 人均体育场地面积 is per head, 新增体育场地 a total
    if target.count and outcome.count and target.count != outcome.count:
        return 0.0
    t_act, o_act = _activity(target.label), _activity(outcome.label)
    if t_act and o_act and t_act != o_act:
        return 0.0
    if not target.core and target.label and not target.label.isascii() \
            and not _same_verbs(target.label, outcome):
        # 「今年拟安排430亿元，用于…」: a label of lead words and verbs only names no indicator, unless
        # the outcome does those very things (建设筹集16万套 / 建设筹集保障性住房18.9万套)
        return 0.0
    t_core, o_core = target.core or target.label, outcome.core or outcome.label
    if _MONEY_VERB_END.search(t_core) or _MONEY_VERB_END.search(o_core):
        return 0.0
    if _DIMENSION_ONLY.match(t_core):
        return 0.0  # 「面积」 alone (「推进海绵城市建设，新增建设面积」 without the clause before): of what
    if _CLASS_NOUN.match(t_core):
        # 「项目」 or 「学位」 alone (「开工建设…等7个项目」, 「新办5所幼儿园，增加学位1200个」): what is
        # counted is named elsewhere; only the whole class (各类人才) worded the same in the outcome
        # (新引进、认定各类人才 / 新引进认定各类人才) is the same indicator
        same = label_similarity(target.label, outcome.label, contained=False)
        whole = _WHOLE_CLASS.search(target.label) and _WHOLE_CLASS.search(outcome.label)
        return same if whole and same >= SAME_WORDING else 0.0
    score = _core_score(target, outcome, t_core, o_core)
    if t_act and t_act == o_act:  # one activity (产业用地供应 / 出让产业用地): compare what it is done to
        score = max(score, _core_score(target, outcome, _ACTIVITY_WORDS.sub("", t_core) or t_core,
                                       _ACTIVITY_WORDS.sub("", o_core) or o_core))
    return score


# The measure an indicator of the economy ends in: what comes before it names the sector or kind
# (金融业增加值, 规上工业增加值; 工业投资, 技改投资, 固定资产投资).
_MEASURE_HEAD = lazy_pattern(r"(?:增加值|总产值|产值|投资|总额|营业收入|收入|销售额|营业额|利润|资金|经费|支出)$")
# What each measure head measures: output is not value added, nor investment revenue (总额 says
# nothing of what is summed).
_MEASURE_KIND = {"增加值": "value added", "总产值": "output", "产值": "output", "投资": "investment",
                 "营业收入": "revenue", "收入": "revenue", "销售额": "sales", "营业额": "sales", "利润": "profit",
                 "资金": "spending", "经费": "spending", "支出": "spending"}
# Least share of the shorter sector name's character bigrams found in the other for one indicator:
# 工业 in 规上工业, 一般公共预算 in 一般公共预算地方本级, 年度 in 盐田临港产业带实现年度 are all found (1.0),
# 规模以上企业 / 规模以上工业 0.6; 金融业 / 规上工业, 物流业 / 工业, 技改 / 工业 share none, and 四大支柱产业 /
# 战略性新兴产业 0.2.
_SECTOR_SHARE = 0.5


def _other_sector(t_core: str, o_core: str) -> bool:
    """Whether two indicators ending in one measure (增加值, 投资, 收入…) name other sectors or kinds
    before it: 「金融业增加值」 is not measured by 「规上工业增加值」, nor 「工业投资」 by 「技改投资」."""
    mt, mo = _MEASURE_HEAD.search(t_core), _MEASURE_HEAD.search(o_core)
    if mt is None or mo is None:
        return False
    if mt.group() != mo.group():
        kinds = _MEASURE_KIND.get(mt.group()), _MEASURE_KIND.get(mo.group())
        return None not in kinds and kinds[0] != kinds[1]  # 产业产值 is not 产业增加值; 投资总额 may be 投资
    ta, ob = t_core[: mt.start()], o_core[: mo.start()]
    a, b = set(cjk_bigrams(ta)), set(cjk_bigrams(ob))
    if not (a and b):
        return False
    # the target's qualifier the outcome lacks (工业技改投资 / 工业投资); not the other way: an
    # outcome's name often takes in the subject of its sentence (盐田临港产业带实现年度投资)
    return len(a & b) / min(len(a), len(b)) < _SECTOR_SHARE or _narrows(ta, ob) or _trade(ta) != _trade(ob)


# Words a report writes or leaves out of a sector's name without changing the indicator
# (全社会固定资产投资 / 固定资产投资, 地方一般公共预算收入 / 公共财政预算收入, 规上工业 / 规模以上工业).
_RESTATING = lazy_pattern(r"全社会|全口径|全市|全区|全县|全省|全国|本市|本区|地方|本级|一般|公共|财政|全年|年度|"
                          r"累计|规模以上|规上|企业|预算|同比|实际|完成|实现|安排|投入|增加|新增|为此|用于|[全总拟将还再共]")


def _trade(sector: str) -> str:
    """Which trade a sector names: 进出口, 出口 and 进口 are three indicators (出口总额 is not
    外贸进出口总额)."""
    return next((w for w in ("进出口", "出口", "进口") if w in sector), "")


def _narrows(a: str, b: str) -> bool:
    """Whether sector name `a` holds a qualifier of two characters or more that `b` lacks: a run of
    `a`'s characters no character bigram of `b` covers, once words that only restate are left out
    (技改 in 工业技改 against 工业, 新型 in 新型基础设施 against 基础设施): a subclass."""
    a, b = _RESTATING.sub("|", a), _RESTATING.sub("|", b)
    grams = set(cjk_bigrams(b))
    run = 0
    for k, ch in enumerate(a):
        covered = not is_cjk(ch) or a[k : k + 2] in grams or (k > 0 and a[k - 1 : k + 1] in grams)
        run = 0 if covered else run + 1
        if run >= 2:
            return True
    return False


# A share of one quantity in another (「税收占公共财政预算收入比重」, 「研究与开发支出占国内生产总值的比重」):
# what is measured is the part before 占.
_SHARE = lazy_pattern(r"占[^，,。；;：:]{1,24}?(?:比重|比例|份额)")
# Least label similarity of the parts two shares measure for one indicator.
_SHARE_PART_SIMILARITY = 0.5


_SHARE_WORD = lazy_pattern(r"(?:的)?(?:比重|比例|占比)")


def _share_part(label: str) -> str | None:
    """The part a share measures (「社会投资占总投资比重」 and 「社会投资比重」 -> 「社会投资」), or None for
    a label that is no share."""
    m = _SHARE.search(label)
    if m is not None:
        return label[: m.start()]
    m = _SHARE_WORD.search(label)
    return label[: m.start()] if m is not None else None


def _other_share(t_label: str, o_label: str) -> bool:
    """Whether one label is a share of a quantity and the other is not (the growth of 公共财政预算收入
    is not 税收占公共财政预算收入比重), or both are shares of other parts (研究与开发支出 / 金融业增加值
    占国内生产总值的比重)."""
    a, b = _share_part(t_label), _share_part(o_label)
    if a is None and b is None:
        return False
    if a is None or b is None:
        return True
    return bool(a and b) and label_similarity(a, b) < _SHARE_PART_SIMILARITY and not (
        label_containment(a, b) >= _SHARE_PART_SIMILARITY or label_containment(b, a) >= _SHARE_PART_SIMILARITY)


# Words that make a part of a class when put before its name: 国际专利申请量 (PCT filings) are a
# part of 专利申请量, and fall short of a target for all filings without missing it.
_NARROWING = lazy_pattern(r"(?:国际|发明|PCT|海外|境外)$")


def _narrowed(t_core: str, o_core: str) -> bool:
    """Whether the outcome is the target's indicator with a narrowing word put right before it
    (国际专利申请量 against 专利申请量)."""
    k = o_core.find(t_core) if t_core else -1
    return k > 0 and _NARROWING.search(o_core[:k]) is not None


# The level of a designation: 国家级, 省级, 省市级, 市、区级 (国家级专精特新企业 are not 省级 ones).
_LEVEL = lazy_pattern(r"((?:国家|省|市|区|[、和及])+)级")


@lru_cache(maxsize=1 << 12)
def _levels(core: str) -> frozenset[str]:
    return frozenset(re.findall(r"国家|省|市|区", "".join(_LEVEL.findall(core))))


def _other_level(t_core: str, o_core: str) -> bool:
    """Whether two indicators name designations of other levels: 省级专精特新企业 against
    国家级专精特新“小巨人”企业 (国家、省、市级 against 市级以上 share one)."""
    t_levels, o_levels = _levels(t_core), _levels(o_core)
    return bool(t_levels and o_levels) and not t_levels & o_levels


def _core_score(target: Measure, outcome: Measure, t_core: str, o_core: str) -> float:
    """`same_indicator` for given indicators: 0 without the target's head noun in the outcome, or
    when the two name other sectors before one measure (`_other_sector`) or designations of other
    levels (`_other_level`)."""
    if _other_sector(t_core, o_core) or _other_level(t_core, o_core) or _narrowed(t_core, o_core) \
            or _other_share(target.label, outcome.label) or _other_kinds(t_core, o_core) \
            or _trade(t_core) != _trade(o_core):  # 新能源汽车出口 is not 新推广新能源汽车
        return 0.0
    head = _head(t_core)
    short = abbreviates(o_core, t_core) or abbreviates(t_core, o_core)
    hay = _head_tokens(o_core + " " + outcome.label)
    if head and not short and not in_order(head, hay):
        return 0.0
    if _modifies_another_noun(t_core, o_core):
        return 0.0
    t_core, o_core, o_label = _synonyms(t_core), _synonyms(o_core), _synonyms(outcome.label)
    score = max(label_similarity(_synonyms(target.label), o_label), label_similarity(t_core, o_core))
    score = max(score, label_containment(t_core, o_label))
    return max(score, ABBREVIATION_SCORE) if short else score


# A kind of a thing named by an adjective of designation (普惠性, 省级示范性, 标准化, 智慧型).
_KIND_WORD = lazy_pattern(rf"[{CJK}]{{1,6}}(?:性|级|型|化)$")


def _other_kinds(t_core: str, o_core: str) -> bool:
    """Whether two indicators of one head noun name other kinds of it by adjectives of designation
    that share no character bigram: 普惠性托育机构 is not 省级示范性托育机构. A kind on one side
    only (托育机构 / 普惠性托育机构) is left to the scores."""
    k = 0
    while k < min(len(t_core), len(o_core)) and t_core[-1 - k] == o_core[-1 - k]:
        k += 1
    if k and t_core[-k] in "性级型化":
        k -= 1  # 普惠性 / 示范性: the 性 both end in is the kinds', not the head noun's
    if k < 2:
        return False
    kt, ko = t_core[:-k], o_core[:-k]
    if not (_KIND_WORD.fullmatch(kt) and _KIND_WORD.fullmatch(ko)):
        return False
    return not set(cjk_bigrams(kt)) & set(cjk_bigrams(ko))


# Nouns of another thing an outcome's name may end in after the target's head noun: 基础设施投资 is not
# measured by 基础设施领域不动产投资信托基金 (a fund), nor 固定资产投资 by 核减政府固定资产投资造价 (a cost).
_OTHER_THING = lazy_pattern(r"(?:基金|造价|信托|债券|贷款|补贴|利息|成本)$")


def _modifies_another_noun(t_core: str, o_core: str) -> bool:
    """Whether the target's head noun stands inside the outcome's name only to qualify another
    thing named after it (`_OTHER_THING`), which the target does not name."""
    t = cjk_only(t_core)
    m = _OTHER_THING.search(o_core)
    if len(t) < 2 or m is None or m.group() in t:
        return False
    k = o_core.rfind(t[-2:])
    return 0 <= k and k + 2 <= m.start()


@lru_cache(maxsize=1 << 14)  # one target's core is compared with every candidate
def _head(core: str) -> tuple[str, ...]:
    """The head noun of an indicator: its last two tokens, without a generic head (就业人数 -> 就业)."""
    return _head_tokens(_GENERIC_HEAD.sub("", core) or core)[-2:]


@lru_cache(maxsize=1 << 14)  # one candidate is compared with every target
def _head_tokens(text: str) -> tuple[str, ...]:
    """The characters and Latin words of a text, synonyms merged, lower-cased."""
    return tuple(_HEAD_TOKEN.findall(_synonyms(text).lower()))


def noun_after(text: str, fig: Figure) -> str:
    """The noun a figure counts when it comes after it (「新建和改造提升1200多座公共厕所」 -> 「公共厕所」)."""
    m = re.match(rf"(?:左右|以上|以内|多|余)?([{CJK}“”]{{2,12}}?)(?=[，,；;：:、。（(]|$)", text[fig.span.end : fig.span.end + 16])
    return m.group(1) if m else ""
