"""The values comparing two reports produces: section pairs, sentence rows, figures, plan checks,
and the `Comparison` and `FollowUp` that hold them (frozen dataclasses and str-Enums).

Importable from `compare.model` too, where the values of one report are defined: this module
loads with the first stage that needs it, not with `yoy outline` (issue 16: start-up).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from .model import Report, Span, TargetDirection

__all__ = [
    "PairStatus",
    "SectionPair",
    "Op",
    "Segment",
    "ChangeKind",
    "SentenceRow",
    "PeriodKind",
    "FigureKind",
    "Bound",
    "ZH_QUALIFIERS_BEFORE",
    "SectionDiff",
    "Figure",
    "FigurePair",
    "PlanItemKind",
    "PlanStatus",
    "PlanItem",
    "Evidence",
    "ReasonCode",
    "TargetRule",
    "Reason",
    "PlanCheck",
    "Scorecard",
    "Comparison",
    "FollowUp",
]


class PairStatus(str, Enum):
    MATCHED = "matched"
    RENAMED = "renamed"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class SectionPair:
    old_id: str | None
    new_id: str | None
    status: PairStatus
    score: float  # 0–1, how alike the two sections are; 0 for added/removed
    matched_by: str = ""  # how it was decided, e.g. "heading+content", "content", "order"

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"SectionPair score {self.score} outside 0–1")
        if self.old_id is None and self.new_id is None:
            raise ValueError("SectionPair needs an old or a new section")


class Op(str, Enum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class Segment:
    """One run of an intraline diff: text plus what happened to it."""

    op: Op
    text: str


class ChangeKind(str, Enum):
    NEW_COMMITMENT = "new_commitment"
    DROPPED = "dropped"  # an old plan item the new report neither reports done nor restates
    COMPLETED = "completed"  # an old plan item reported done that left the plan
    CHANGED_FIGURE = "changed_figure"
    REWORDED = "reworded"
    MOVED = "moved"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class SentenceRow:
    """One aligned row inside a section pair: an unchanged sentence or a change.

    `kind` is None for an unchanged sentence. Spans point into the old and new texts.
    """

    old: Span | None
    new: Span | None
    kind: ChangeKind | None
    segments: tuple[Segment, ...] = ()
    score: float = 1.0  # similarity behind the kind
    reason: str = ""

    def __post_init__(self) -> None:
        if self.old is None and self.new is None:
            raise ValueError("SentenceRow needs an old or a new span")


@dataclass(frozen=True, slots=True)
class SectionDiff:
    """Sentence rows of one section pair (index into Comparison.section_pairs)."""

    pair_index: int
    rows: tuple[SentenceRow, ...]
    change_score: float = 0.0  # 0 = identical, 1 = nothing in common


class PeriodKind(str, Enum):
    """What stretch of time a figure covers; figures of different kinds measure different things."""

    POINT = "point"  # a level reached at a moment (提高到57.5%, 从9000公里增加到2万5千公里, 总里程)
    YEAR = "year"  # an amount or rate of one year (2017年, 今年, 全年)
    YEAR_TO_DATE = "year_to_date"  # part of a year, from its start (1-9月, 一季度, 上半年, 2020年1-10月)
    FISCAL_YEAR = "fiscal_year"  # a fiscal year (FY2019)
    MULTI_YEAR = "multi_year"  # an amount, change or average over several years (五年来, 累计, 年均增长)
    UNSTATED = "unstated"  # no period stated: read as the report's own year


class FigureKind(str, Enum):
    """What a figure reports: pairs across years join figures of one kind only."""

    OUTCOME = "outcome"  # what happened (国内生产总值增长6.6%, an estimate of the year just ended)
    TARGET = "target"  # what the plan part aims at (增长6%左右, 新增就业1100万人以上)
    FORECAST = "forecast"  # a budget or forecast of a fiscal year not yet over (For FY2020, … $12.3 billion)
    BASELINE = "baseline"  # the starting point of a change (从X提高到Y: X)


class Bound(str, Enum):
    """How a figure bounds its quantity."""

    EXACT = "exact"
    ABOUT = "about"  # 左右, 约, 近, about
    FLOOR = "floor"  # 超, 逾, 以上, 不低于, 至少, 突破, 多 / 余, over, at least
    CEILING = "ceiling"  # 以内, 不超过, 控制在, 以下, 不到, up to, under


# The bound words a Chinese report writes before a number (超过900亿元, 不低于11.1%, 约5%); the others
# (以上, 以内, 左右, 多, 余) follow it. Read by the figures stage and written back by the page.
ZH_QUALIFIERS_BEFORE: tuple[str, ...] = ("不少于", "不低于", "不超过", "不到", "不足", "超过", "大约", "将近", "接近", "至少", "突破",
                                        "低于", "高于", "约", "近", "逾", "超")


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity stated in a report."""

    value: Decimal
    unit: str  # as normalised: "亿元", "%", "个百分点", "人", "$ billion", "" …
    label: str  # what it measures, e.g. "调处成功率"
    span: Span  # the figure as written, e.g. "4.87亿元"
    section_id: str | None = None
    value_high: Decimal | None = None  # upper bound of a range (3至4个)
    qualifier: str = ""  # 左右, 以上, 以内, 约, 余 …
    period: str = ""  # e.g. "2020年1-10月"
    base_value: Decimal | None = None  # value in the base unit (亿元 → 元), for comparison
    base_unit: str = ""
    period_kind: PeriodKind = PeriodKind.UNSTATED
    kind: FigureKind = FigureKind.OUTCOME
    bound: Bound = Bound.EXACT
    change: bool = False  # a change over its period (增长7%, 提升10个百分点), not a level or amount
    down: bool = False  # the change is a fall (下降0.5个百分点 is -0.5 pp); the value stays as written
    scope: str = ""  # the area it covers when another than the issuer's own (深汕特别合作区); "" = own
    sentence: Span | None = None  # the sentence stating it, in the same text as `span`

    @property
    def signed_value(self) -> Decimal:
        """The value with the direction of a change: 下降0.6% -> -0.6, 增长-2.5% -> -2.5."""
        return -self.value if self.down else self.value

    @property
    def months_covered(self) -> str:
        """「（1—11月）」 for a figure of the months so far, else "": the reader of an outcome is told
        when it does not cover the whole year."""
        return f"（{self.period}）" if self.period_kind is PeriodKind.YEAR_TO_DATE and self.period else ""


@dataclass(frozen=True, slots=True)
class FigurePair:
    old: Figure | None
    new: Figure | None
    score: float = 0.0
    delta: Decimal | None = None  # new - old, in new's unit
    pct_change: Decimal | None = None  # (new - old) / old * 100
    pp_change: Decimal | None = None  # percentage-point change, for rates
    ratio: Decimal | None = None  # new / old, set when the change is over 100 % (shown as ×2.3)
    # whether the pair may be shown among the largest moves of the highlights: False when the figure
    # rules refuse it as a headline (`figures.rules.headline_refusal`, applied by the pipeline)
    headline: bool = True


class PlanItemKind(str, Enum):
    COMMITMENT = "commitment"
    TARGET = "target"


class PlanStatus(str, Enum):
    ADDRESSED = "addressed"
    PARTLY = "partly"
    RESTATED = "restated"  # the only evidence is the new report's plan: carried over, not reported done
    NOT_FOUND = "not_found"
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class PlanItem:
    span: Span  # in the old report
    section_id: str
    kind: PlanItemKind
    target: Figure | None = None  # for targets
    direction: TargetDirection | None = None  # for targets


@dataclass(frozen=True, slots=True)
class Evidence:
    span: Span  # in the new report
    section_id: str | None
    score: float
    matched_by: str = ""


class ReasonCode(str, Enum):
    """Why a plan check has its status; `render.labels` words each code in English and Chinese."""

    REVIEW_PASSAGE = "review_passage"  # best review passage scored {review}
    REVIEW_PASSAGE_BEGUN = "review_passage_begun"  # … but it says the work is only begun ({hedge})
    RESTATED = "restated"  # not in the review; only the new plan restates it ({elsewhere})
    NO_PASSAGE = "no_passage"  # best review passage scored {review} < {partly}
    NO_PASSAGE_RESTATED = "no_passage_restated"  # … and the plan or another part {elsewhere} < {addressed}
    TARGET_IN_WORDS = "target_in_words"  # the target's figure is written in words
    TARGET_DUE_LATER = "target_due_later"  # a target for {year}, not yet due
    TARGET_MULTI_YEAR = "target_multi_year"  # a target over several years, not yet due
    NO_OUTCOME = "no_outcome"  # no reported outcome found in the new report
    TARGET_RESTATED = "target_restated"  # no reported outcome; the new plan sets it again ({elsewhere})
    TARGET_SET_AGAIN = "target_set_again"  # no reported outcome; the new plan sets a target of it ({again})
    TARGET_JUDGED = "target_judged"  # target {target} ({direction}), actual {actual}: {rule}
    TARGET_BOUND_ONLY = "target_bound_only"  # the outcome is only a bound ({actual}) that does not settle {target}


class TargetRule(str, Enum):
    """The comparison a target was judged by (values of a TARGET_JUDGED reason)."""

    AT_LEAST = "at_least"  # actual ≥ target
    AT_MOST = "at_most"  # actual ≤ target
    RANGE_LOW = "range_low"  # actual ≥ low end of range
    RANGE_HIGH = "range_high"  # actual ≤ high end of range
    RANGE_WITHIN = "range_within"  # actual within range
    NEAR_OR_ABOVE = "near_or_above"  # actual ≥ target − {tolerance}
    NEAR = "near"  # |actual − target| ≤ {tolerance}


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a plan check has its status: a code and the values its sentence needs (already
    formatted as shown: "0.79", "6.5%左右"). Render words it; nothing parses it back."""

    code: ReasonCode
    values: tuple[tuple[str, str], ...] = ()

    def get(self, key: str, default: str = "") -> str:
        return next((v for k, v in self.values if k == key), default)


@dataclass(frozen=True, slots=True)
class PlanCheck:
    item: PlanItem
    status: PlanStatus
    evidence: tuple[Evidence, ...] = ()
    actual: Figure | None = None  # for targets: the outcome found in the new report
    reason: Reason | None = None


@dataclass(frozen=True, slots=True)
class Scorecard:
    """Counts of a follow-through check and the share of commitments addressed."""

    total: int
    commitments: int
    targets: int
    counts: tuple[tuple[str, int], ...]  # (status, count) in PlanStatus order
    share_addressed: float  # addressed / commitments; 0 when there are none
    share_related: float  # (addressed + partly) / commitments: anything said about the item
    share_met: float  # met / targets with a known outcome; 0 when none is known


@dataclass(frozen=True, slots=True)
class Comparison:
    old: Report
    new: Report
    section_pairs: tuple[SectionPair, ...]
    diffs: tuple[SectionDiff, ...]
    figure_pairs: tuple[FigurePair, ...] = ()
    plan_checks: tuple[PlanCheck, ...] = ()
    old_figures: tuple[Figure, ...] = field(default=())
    new_figures: tuple[Figure, ...] = field(default=())
    # (old issuer, new issuer) when both reports name one and the names differ; a warning for
    # every view, since comparing two issuers' reports is usually a wrong file picked
    issuer_warning: tuple[str, str] | None = None

    def _repr_html_(self) -> str:
        """The HTML page, so a notebook shows a comparison as the page itself."""
        from .render.html import render_html

        return render_html(self)


@dataclass(frozen=True, slots=True)
class FollowUp:
    """What `yoy followup` reports: last year's plan checked against this year's report."""

    old: Report
    new: Report
    section_pairs: tuple[SectionPair, ...]
    plan_checks: tuple[PlanCheck, ...]
    scorecard: Scorecard
    issuer_warning: tuple[str, str] | None = None
