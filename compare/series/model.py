"""The values of a series page: one issuer's reports over several years, built from `PairFacts`.

Year columns are positions in `Series.years` (0 = oldest). Every sequence is a tuple and every
order is decided in `build.py`, so the views only loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from .facts import DocInfo

__all__ = ["Outcome", "YearInfo", "PairLink", "TrendPoint", "FigureTrend", "LineageCell", "Lineage",
           "TargetCell", "TargetRow", "StructureCell", "StructureRow", "Series"]


class Outcome(str, Enum):
    """What became of a commitment over the series."""

    DONE = "done"  # a later review reports it addressed
    NEVER = "never"  # reviewed at least once, never reported addressed
    PENDING = "pending"  # stated only in the latest report: no review yet


@dataclass(frozen=True, slots=True)
class YearInfo:
    label: str  # how the page names the report: "2019", or the file's name when it has no year
    doc: DocInfo


@dataclass(frozen=True, slots=True)
class PairLink:
    """A consecutive pair; `href` is its pairwise page when one was written alongside."""

    old: int
    new: int
    href: str | None
    counts: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class TrendPoint:
    text: str  # as written, "6.5%左右"
    label: str
    value: Decimal
    unit: str
    qualifier: str
    period: str
    period_kind: str
    base_value: Decimal | None


@dataclass(frozen=True, slots=True)
class FigureTrend:
    """One measure chained across consecutive figure pairs; `points[i]` is year i's value or None."""

    label: str
    base_unit: str
    points: tuple[TrendPoint | None, ...]
    first: int
    last: int

    @property
    def length(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True, slots=True)
class LineageCell:
    stated: bool  # the item (or its restatement) is in this year's plan
    review: str | None  # this year's review of last year's statement: a PlanStatus value, or None
    text: str  # the statement in this year's plan, "" when not stated


@dataclass(frozen=True, slots=True)
class Lineage:
    """A commitment and its restatements in consecutive plans."""

    text: str  # as first stated
    first: int
    stated: tuple[int, ...]  # year positions whose plan states it (first included)
    done: int | None  # the first year whose review reports it addressed
    outcome: Outcome
    flagged: bool  # stated in FLAG_YEARS or more plans and never reported done
    cells: tuple[LineageCell, ...]


@dataclass(frozen=True, slots=True)
class TargetCell:
    target: str  # as written in the plan of that year
    actual: str | None  # the outcome the next review reports
    status: str  # met | not_met | unknown
    reason: str


@dataclass(frozen=True, slots=True)
class TargetRow:
    label: str
    cells: tuple[TargetCell | None, ...]  # by the year whose plan set the target


@dataclass(frozen=True, slots=True)
class StructureCell:
    heading: str
    status: str  # "first" in the row's first year, else the section pair status: matched, renamed, moved…


@dataclass(frozen=True, slots=True)
class StructureRow:
    level: int
    cells: tuple[StructureCell | None, ...]


@dataclass(frozen=True, slots=True)
class Series:
    issuer: str | None
    language: str
    years: tuple[YearInfo, ...]
    pairs: tuple[PairLink, ...]
    trends: tuple[FigureTrend, ...]
    lineage: tuple[Lineage, ...]
    targets: tuple[TargetRow, ...]
    structure: tuple[StructureRow, ...]
    warnings: tuple[str, ...] = ()
