"""The values that cross stage boundaries: frozen dataclasses and str-Enums.

Every stage takes these values and returns new ones. Offsets (`Span`) always point into
`SourceText.text`, the normalised text of one input; nothing here copies report text except
where a field says so (headings and labels, for convenience of the renderers).

This module defines what reading one report produces (`SourceText`, `Section`, `Report`, …);
what comparing two produces (section pairs, sentence rows, figures, plan checks, `Comparison`,
`FollowUp`) is defined in `compare.comparison` and importable from here as well, loaded on first
use. Python 3.11 compiles five or six methods for every frozen dataclass when its module is
imported (about 0.8 ms a class): `yoy outline` and `yoy figures` read reports only and load none
of the comparison's (issue 16: start-up).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

from .lazy import lazy_attributes

if TYPE_CHECKING:
    from .comparison import (
        ZH_QUALIFIERS_BEFORE,
        Bound,
        ChangeKind,
        Comparison,
        Evidence,
        Figure,
        FigureKind,
        FigurePair,
        FollowUp,
        Op,
        PairStatus,
        PeriodKind,
        PlanCheck,
        PlanItem,
        PlanItemKind,
        PlanStatus,
        Reason,
        ReasonCode,
        Scorecard,
        SectionDiff,
        SectionPair,
        Segment,
        SentenceRow,
        TargetRule,
    )

__all__ = [
    "Span",
    "Edit",
    "Removed",
    "InputKind",
    "Language",
    "StrippedReason",
    "TargetDirection",
    "SourceText",
    "Stripped",
    "Role",
    "PLAN_ROLES",
    "PLAN_LIKE_ROLES",
    "Section",
    "Paragraph",
    "Metadata",
    "Report",
    # the rest: defined in compare.comparison
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


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range [start, end) in one `SourceText.text`."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"Span({self.start}, {self.end}): need 0 <= start <= end")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Edit:
    """One normalisation made by ingest: `span` in the normalised text replaced `original`."""

    span: Span
    original: str
    reason: str


@dataclass(frozen=True, slots=True)
class Removed:
    """Content that ingest dropped before the text existed (HTML navigation, PDF page footers).

    It has no span in `SourceText.text`; the text itself is kept so every output can list it.
    """

    text: str
    reason: str


class InputKind(StrEnum):
    """What a reader made of an input: plain text, an HTML page, a .docx or a PDF."""

    TEXT = "text"
    HTML = "html"
    DOCX = "docx"
    PDF = "pdf"


class Language(StrEnum):
    """The language a report is written in, as the structure stage detects it."""

    ZH = "zh"
    EN = "en"


class StrippedReason(StrEnum):
    """Why text was taken out of the body (`Stripped.reason`); the page words each one."""

    METADATA_BLOCK = "metadata_block"  # the title block: issuer, date, document number
    DUPLICATE_METADATA = "duplicate_metadata"  # the same details repeated further on
    PUBLISH_TIME = "publish_time"  # 发布时间 / 来源 lines of a web page
    PAGE_CHROME = "page_chrome"  # page headers, footers, page numbers
    CONTACT = "contact"  # phone, address, e-mail lines
    PUBLIC_NOTICE = "public_notice"  # 公开方式 and similar notices
    SPEAKER_PROCEDURE = "speaker_procedure"  # 请予审议 and other procedure of a speech
    LICENCE_FOOTER = "licence_footer"  # licence or copyright notice at the end
    SIGNATURE = "signature"  # sign-off, name and date at the end
    TITLE_LINE = "title_line"  # the document's title repeated as a line of the body


class TargetDirection(StrEnum):
    """Which way a quantitative target binds: at least, at most, about, or within a range."""

    FLOOR = "floor"
    CEILING = "ceiling"
    POINT = "point"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class SourceText:
    """One input, decoded and normalised: `\\n` newlines, no BOM, no zero-width characters."""

    path: str  # as given by the user; "-" for stdin, "<string>" for API strings
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gb18030", or the reader ("docx", "pdf")
    kind: InputKind = InputKind.TEXT
    edits: tuple[Edit, ...] = ()
    removed: tuple[Removed, ...] = ()
    # Heading hints from structured formats (docx heading styles): (span of the line, level).
    heading_hints: tuple[tuple[Span, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Stripped:
    """Text taken out of the body as boilerplate, with why; listed in every output."""

    span: Span
    reason: StrippedReason


class Role(str, Enum):
    """What a top-level part of a report is for, decided by keywords, never by position."""

    PREAMBLE = "preamble"  # text before the first heading (salutation, introduction)
    REVIEW = "review"
    PROBLEMS = "problems"
    PLAN = "plan"
    TARGETS = "targets"
    DUTY = "duty"  # 第一责任人职责 (duty of the principal responsible person)
    # 加强政府自身建设: what the government will do about itself; a plan-like part, counted as plan
    # by the follow-through (it is in `Report.plan_parts`), kept apart so the page can name it
    GOVERNMENT = "government"
    # 名词解释, 附件, 附表, a flattened table after the closing words: kept and shown, but no plan
    # items, no commitments, and pairs only with another appendix
    APPENDIX = "appendix"
    # a part of a statistical communiqué (统计公报): figures of the year, no plan, no commitments
    STATISTICS = "statistics"
    OTHER = "other"


# The roles of the parts that state a plan: what the diff counts as commitments and the
# follow-through reads plan items from.
PLAN_ROLES: frozenset[Role] = frozenset({Role.PLAN, Role.TARGETS})
# Parts that are plan for the follow-through although their role names something narrower: the
# structure stage puts them in `Report.plan_parts`, and `Report.plan_role` reads them as PLAN.
PLAN_LIKE_ROLES: frozenset[Role] = PLAN_ROLES | {Role.GOVERNMENT}


@dataclass(frozen=True, slots=True)
class Section:
    """One node of the outline.

    `span` runs from the heading's first character to the end of the section's last
    descendant; `heading_span` covers the heading text only (without the marker for inline
    headings, the marker and heading for heading lines). The preamble is a section with
    level 1, an empty heading and role PREAMBLE.
    """

    id: str  # "s1", "s1.2", … from positions, never from titles
    parent: str | None
    level: int  # 1 = top-level part
    heading: str  # heading text without its marker
    heading_span: Span
    span: Span
    role: Role
    marker: str = ""  # marker as written, e.g. "一、", "一)", "()", ""
    recovered_marker: str = ""  # the marker it should have, e.g. "（三）"; "" if none
    number: int | None = None  # ordinal among its siblings, if known
    matched_by: str = ""  # provenance, e.g. "marker:cn_comma", "recovered:lost_left_paren"
    paragraph_count: int = 0


@dataclass(frozen=True, slots=True)
class Paragraph:
    span: Span
    section_id: str


@dataclass(frozen=True, slots=True)
class Metadata:
    issuer: str | None = None
    year: int | None = None  # the year reported on
    date: str | None = None  # ISO date of publication or signature, "2020-12-18"
    doc_number: str | None = None  # e.g. "宁区政文〔2020〕228号"
    title: str | None = None
    language: Language = Language.ZH
    # The year the plan/targets part addresses, as a plan or targets heading names it ("三、2019年
    # 政府工作任务", "Priorities for 2021") or as its "今年" resolves; None when no plan names a year.
    plan_year: int | None = None
    # True when the plan calls its year 今年 / "this year": the document was delivered in the year it
    # plans (a 政府工作报告 delivered in March 2019 reviews 2018 and plans 2019) and readers know it by
    # that year rather than by the year reported on.
    plan_year_is_current: bool = False
    # Where `year` and `plan_year` come from (structure/metadata.py writes them; the JSON and
    # `yoy outline` show them): "text:title", "text:heading" (a part heading names it),
    # "text:review" (the latest year the review names), "text:opening", "text:body" (the year the
    # text names most), "text:plan" (the plan names its year), "text:今年" (the year the text calls 今年),
    # "derived:year+1" (the plan follows the year reported on), "derived:signature" (the year before
    # the signature's date), "filename", or "" when unknown.
    year_source: str = ""
    plan_year_source: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    """One parsed report, and the answers to tree questions, computed once when it is built.

    `plan_parts` are the ids of the top plan and target parts, decided by the structure stage
    (`structure.roles.plan_part_ids`); `plan_ids` adds every section inside them.
    """

    source: SourceText
    metadata: Metadata
    sections: tuple[Section, ...]  # document order (pre-order of the tree)
    paragraphs: tuple[Paragraph, ...]
    stripped: tuple[Stripped, ...]
    plan_parts: tuple[str, ...] = ()
    by_id: Mapping[str, Section] = field(init=False, repr=False, compare=False)
    plan_ids: frozenset[str] = field(init=False, repr=False, compare=False)
    _roles: Mapping[str, Role] = field(init=False, repr=False, compare=False)
    _by_start: tuple[Section, ...] = field(init=False, repr=False, compare=False)
    _section_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _paragraphs_by_start: tuple[Paragraph, ...] = field(init=False, repr=False, compare=False)
    _paragraph_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __reduce__(self) -> tuple[type[Report], tuple[object, ...]]:
        # pickled as its parts and built again (the indexes below are read-only mappings, which
        # do not pickle): a series ships parsed reports to its worker processes
        return (Report, (self.source, self.metadata, self.sections, self.paragraphs, self.stripped,
                         self.plan_parts))

    def __post_init__(self) -> None:
        by_id = {sec.id: sec for sec in self.sections}  # the one section index; stages use by_id
        if len(by_id) != len(self.sections):
            raise ValueError("Report: section ids must be unique")
        roles: dict[str, Role] = {}
        plan: set[str] = set(self.plan_parts)
        for s in self.sections:  # pre-order: a parent is seen before its children
            parent_role = roles.get(s.parent) if s.parent else None
            roles[s.id] = s.role if s.role != Role.OTHER or parent_role is None else parent_role
            if s.parent in plan:
                plan.add(s.id)
        by_start = tuple(sorted(self.sections, key=lambda s: (s.span.start, -s.span.end)))
        object.__setattr__(self, "by_id", MappingProxyType(by_id))
        object.__setattr__(self, "plan_ids", frozenset(plan))
        object.__setattr__(self, "_roles", MappingProxyType(roles))
        object.__setattr__(self, "_by_start", by_start)
        object.__setattr__(self, "_section_starts", tuple(s.span.start for s in by_start))
        paragraphs = tuple(sorted(self.paragraphs, key=lambda p: (p.span.start, p.span.end)))
        object.__setattr__(self, "_paragraphs_by_start", paragraphs)
        object.__setattr__(self, "_paragraph_starts", tuple(p.span.start for p in paragraphs))

    def section(self, section_id: str) -> Section:
        return self.by_id[section_id]

    def ancestors(self, section_id: str) -> tuple[Section, ...]:
        """The section's parent, grandparent, … up to its top-level part (nearest first)."""
        out: list[Section] = []
        sec = self.by_id.get(section_id)
        while sec is not None and sec.parent is not None and sec.parent in self.by_id:
            sec = self.by_id[sec.parent]
            out.append(sec)
        return tuple(out)

    def lineage(self, section_id: str) -> tuple[str, ...]:
        """The ids of the section and its ancestors, the section first."""
        if section_id not in self.by_id:
            return ()
        return (section_id, *(s.id for s in self.ancestors(section_id)))

    def effective_role(self, section_id: str) -> Role:
        """The section's role, or its nearest ancestor's when its own is OTHER (items of a plan part
        are plan items)."""
        return self._roles[section_id]

    def plan_role(self, section_id: str) -> Role | None:
        """PLAN or TARGETS when the section lies in the plan (`plan_ids`), else None."""
        if section_id not in self.plan_ids:
            return None
        role = self._roles[section_id]
        return role if role in PLAN_ROLES else Role.PLAN

    def section_at(self, offset: int) -> Section | None:
        """The deepest section holding `offset` (an empty section holds its own start), or None."""
        i = bisect_right(self._section_starts, offset) - 1
        sec = self._by_start[i] if i >= 0 else None
        while sec is not None and not (sec.span.start <= offset < max(sec.span.end, sec.span.start + 1)):
            sec = self.by_id.get(sec.parent) if sec.parent else None
        return sec

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding `offset`, or None (headings and stripped text are in none)."""
        i = bisect_right(self._paragraph_starts, offset) - 1
        # paragraphs never overlap: only the last one starting at or before `offset` can hold it
        p = self._paragraphs_by_start[i] if i >= 0 else None
        return p if p is not None and p.span.start <= offset < p.span.end else None

    def text_of(self, span: Span) -> str:
        return self.source.text[span.start : span.end]


# the names `__all__` lists from PairStatus on are compare.comparison's, loaded with it on first use
__getattr__ = lazy_attributes(__name__, dict.fromkeys(__all__[__all__.index("PairStatus"):], "compare.comparison"))
