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

from ..model import Figure, PlanStatus, Reason, ReasonCode, Span, TargetDirection, TargetRule
from ..text.cjk import CJK, count_cjk
from ..text.similarity import label_similarity

__all__ = [
    "POINT_TOLERANCE_PP",
    "POINT_TOLERANCE_REL",
    "ACTUAL_LABEL_CUTOFF",
    "STAGE_BONUS",
    "Actual",
    "qualifier_after",
    "clause_label",
    "direction_of",
    "find_actual",
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

_FLOOR, _CEILING, _POINT = TargetDirection.FLOOR, TargetDirection.CEILING, TargetDirection.POINT
_QUALIFIERS = (
    ("以上", _FLOOR), ("以内", _CEILING), ("以下", _CEILING), ("左右", _POINT), ("上下", _POINT),
    ("之内", _CEILING), ("多", _FLOOR), ("余", _FLOOR), ("强", _FLOOR), ("内", _CEILING),
)
_BEFORE_FLOOR = ("超过", "不低于", "不少于", "至少", "力争达到", "达到", "突破", "高于", "逾")
_BEFORE_CEILING = ("控制在", "不超过", "不高于", "低于", "少于", "以内", "不多于")
# Labels whose figure is a ceiling even when written "左右": a price rise, unemployment, a deficit
# ("居民消费价格涨幅3%左右" is met by a 2.1% rise).
_CEILING_LABELS = ("涨幅", "价格", "物价", "失业率", "赤字率", "杠杆率", "inflation", "unemployment", "deficit")
# Labels whose figure is an amount to reach (growth, output, cuts achieved): overshooting a
# point target is not a miss.
_TWO_SIDED_UNITS = ("%", "％", "个百分点", "pp", "元", "$", "S$", "US$", "£", "€", "¥", "percentage points")
_UP_WORDS = ("增长", "提高", "增加", "新增", "上升", "达到", "突破", "新建", "改建", "建成", "完成", "开工",
             "扩大", "改造", "安置", "搬迁", "培训", "覆盖",
             "growth", "grow", "increase", "raise", "lift", "reach", "expand", "double", "improve")
_DOWN_WORDS = ("下降", "降低", "减少", "压减", "退出", "下调", "削减", "减税", "减负", "cut", "reduce", "lower")
_RISE_WORDS = ("上涨", "涨幅", "上升", "涨")  # price movements: same verb class as the "涨幅" label
_STRIP_LABEL = re.compile(
    r"^(?:今年|全年|明年|年内|再|拟|要|力争|确保|继续|其中|以及|和|及|并|保持|实现|同时|比上年|比去年|同比|较上年)+")
# A label that is only a verb ("增长6.9%" after "国内生产总值达到67.7万亿元，") takes its subject
# from the clause before.
_VERB_ONLY = re.compile(r"^(?:增长|提高|增加|下降|降低|减少|上涨|上升|达到|为|分别|分别为|分别下降|分别增长|突破)*$")
_EN_LEAD = re.compile(r"^(?:[-•*]\s*)?(?:we\s+(?:will|shall|plan to|aim to|intend to|expect to|want to)\s+|"
                      r"our\s+(?:goal|target|aim)\s+is\s+to\s+)", re.I)
_EN_TRAIL = re.compile(r"\s+(?:to|of|at|by|was|were|is|reached|stood at|improved to|rose to|fell to)$", re.I)
_TRAILING_VERB = re.compile(r"(?:基本)?(?:建成|完成|开工|新开工|竣工|增长|提高|下降|降低|达到|突破|新增|减少|增加|"
                            r"达|为|超过)$")
# A label shorter than this ("培训" of "全年培训不少于3次") is too vague to match alone.
_MIN_LABEL_CHARS = 4
_NUMBER_RUN = re.compile(rf"[\d.．%％]+[万亿千百]*[{CJK}]?")


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
        label = before + label
    return label


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
    return TargetDirection.POINT


def _verb_class(label: str) -> str:
    low = label.lower()
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
    unit, factor = _SCALE.get(fig.unit, (fig.unit, Decimal(1)))
    high = fig.value_high * factor if fig.value_high is not None else None
    return unit, fig.value * factor, high


# Stages of a building programme: a count of one stage is never the outcome of another, and the
# same stage in both labels ("新开工630万套" / "新开工保障性安居工程666万套") is worth this much
# label similarity (cn-state-council-gwr 2013→2014: 0.44 without it, the right pair).
STAGE_BONUS = 0.1
_STAGES = ("开工", "建成", "竣工", "完成", "启动", "投产")


def _last_stage(label: str) -> str:
    found = [(label.rfind(w), w) for w in _STAGES if w in label]
    return max(found)[1] if found else ""


def find_actual(target: Figure, candidates: Sequence[tuple[Figure, str, Span, str | None]],
                *, cutoff: float = ACTUAL_LABEL_CUTOFF) -> Actual | None:
    """The candidate figure whose label best matches the target's, in a compatible unit.

    `candidates` are (figure, context label, sentence span, section id) of the new report, review
    first; ties go to the earlier candidate. A verb of the opposite class (增长 vs 下降) rules a
    candidate out, so "单位国内生产总值能耗下降3.1%" is never the outcome of GDP growth.
    """
    t_unit = _base(target)[0]
    t_verb = _verb_class(target.label)
    best: Actual | None = None
    t_stage = _last_stage(target.label)
    for fig, label, sentence, section_id in candidates:
        if _base(fig)[0] != t_unit:
            continue
        c_stage = _last_stage(label)
        if t_stage and c_stage and t_stage != c_stage:
            continue  # "新开工630万套" is not met or missed by "基本建成544万套"
        c_verb = _verb_class(label)
        if t_verb and c_verb and t_verb != c_verb and {t_verb, c_verb} != {"up", "rise"}:
            continue
        score = label_similarity(target.label, label)
        if t_stage and t_stage == c_stage:
            score = min(1.0, score + STAGE_BONUS)
        if score < cutoff:
            continue
        if best is None or score > best.score:
            best = Actual(fig, sentence, section_id, score)
    return best


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
    tol = _tolerance(unit, t_val)
    # growth, a cut achieved, or a count of things to do (套, 户, 人, 公里): overshooting is no miss.
    # Rates and money (budgets) stay two-sided unless their verb says otherwise.
    amount = _verb_class(target.label) in ("up", "down") or unit not in _TWO_SIDED_UNITS
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
        tolerance = _num(tol)
        if amount:
            ok, rule = a_val >= t_val - tol, TargetRule.NEAR_OR_ABOVE
        else:
            ok, rule = abs(a_val - t_val) <= tol, TargetRule.NEAR
    values = (("target", _fmt(target)), ("direction", direction or ""), ("actual", _fmt(actual)),
              ("rule", rule.value), ("tolerance", tolerance),
              ("points", "yes" if tolerance and unit in ("%", "％") else ""))
    return (PlanStatus.MET if ok else PlanStatus.NOT_MET), Reason(ReasonCode.TARGET_JUDGED, values)


def _num(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s


def _fmt(f: Figure) -> str:
    v = _num(f.value)
    if f.value_high is not None:
        v += f"–{_num(f.value_high)}"
    return f"{v}{f.unit}{f.qualifier}"


_BY_YEAR = re.compile(r"到(20\d\d)年")
_MULTI_YEAR_WORDS = ("五年", "累计", "年均", "十二五", "十三五", "十四五", "过去几年", "这些年")


def horizon_year(context: str) -> int | None:
    """The latest year a target is due by ("到2020年…"), if its context names one."""
    years = [int(y) for y in _BY_YEAR.findall(context)]
    return max(years) if years else None


def is_multi_year(context: str) -> bool:
    """Whether a passage speaks of several years (五年, 累计, 年均, 十三五…), not of one year."""
    return any(w in context for w in _MULTI_YEAR_WORDS)
