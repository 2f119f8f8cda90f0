"""Series stage 1: one consecutive pair's `Comparison` -> `PairFacts`, the little a series needs of it.

A `Comparison` is about half a megabyte pickled; `PairFacts` keeps only the figure pairs, plan
checks, top section links and counts, with the short texts to show them, so a batch worker can
return it (or store it beside the pair's page for a later resume) and the series is built from
the facts of every pair without the reports in memory. Spans identify figures and plan items:
the same file parsed twice gives the same spans, so the new side of one pair meets the old side
of the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..model import Comparison, Figure, Report
from .adapter import (
    RESTATE_CUTOFF,
    known_by_plan_year,
    plan_items,
    plan_section_ids,
    reason_sentence,
    summary_counts,
)

__all__ = ["MAX_SECTION_LEVEL", "DocInfo", "FigureFact", "FigureLink", "PlanFact", "PlanItemFact",
           "SectionFact", "SectionLink", "PairFacts", "doc_info", "pair_facts", "facts_to_dict",
           "facts_from_dict"]

# Parts and their first-level sections: deeper headings change every year and would bury the
# structure table (a national report has about 60 second-level headings).
MAX_SECTION_LEVEL = 2


@dataclass(frozen=True, slots=True)
class DocInfo:
    """One report as a series shows it."""

    path: str
    issuer: str | None
    year: int | None  # the year reported on
    plan_year: int | None
    known_by_plan_year: bool
    title: str | None
    language: str


@dataclass(frozen=True, slots=True)
class FigureFact:
    """A figure of one report; (start, end) is its span in that report's text."""

    start: int
    end: int
    text: str  # as written, e.g. "6.5%左右"
    label: str
    value: Decimal
    unit: str
    qualifier: str
    period: str
    period_kind: str
    base_value: Decimal | None
    base_unit: str


@dataclass(frozen=True, slots=True)
class FigureLink:
    """A figure pair of the comparison with both sides (the pairing rules of the figures stage)."""

    old: FigureFact
    new: FigureFact
    score: float


@dataclass(frozen=True, slots=True)
class PlanItemFact:
    """A plan item of a report, identified by its span in that report."""

    start: int
    end: int
    text: str
    kind: str  # commitment | target


@dataclass(frozen=True, slots=True)
class PlanFact:
    """One plan check of the pair: an item of the old plan and what the new report says of it."""

    item: PlanItemFact
    status: str  # a PlanStatus value
    reason: str
    target: FigureFact | None
    actual: FigureFact | None
    direction: str
    # The best passage of the new report's plan that restates the item (span in the new text),
    # or None when no plan passage scores RESTATE_CUTOFF or more.
    restated: tuple[int, int] | None
    restated_score: float


@dataclass(frozen=True, slots=True)
class SectionFact:
    id: str
    parent: str | None
    level: int
    heading: str
    role: str


@dataclass(frozen=True, slots=True)
class SectionLink:
    old_id: str | None
    new_id: str | None
    status: str  # a PairStatus value


@dataclass(frozen=True, slots=True)
class PairFacts:
    old: DocInfo
    new: DocInfo
    counts: tuple[tuple[str, int], ...]  # the pairwise page's summary counts, in its order
    figures: tuple[FigureLink, ...]
    plan: tuple[PlanFact, ...]  # old plan's items, in old order
    new_plan: tuple[PlanItemFact, ...]  # the new report's own plan items (the next pair checks them);
    # () when left out (see `pair_facts`)
    old_sections: tuple[SectionFact, ...]
    new_sections: tuple[SectionFact, ...]
    section_links: tuple[SectionLink, ...]


def doc_info(report: Report) -> DocInfo:
    m = report.metadata
    return DocInfo(path=report.source.path, issuer=m.issuer, year=m.year, plan_year=m.plan_year,
                   known_by_plan_year=known_by_plan_year(m), title=m.title, language=m.language)


def _figure(fig: Figure, report: Report) -> FigureFact:
    return FigureFact(start=fig.span.start, end=fig.span.end, text=report.text_of(fig.span), label=fig.label,
                      value=fig.value, unit=fig.unit, qualifier=fig.qualifier, period=fig.period,
                      period_kind=fig.period_kind.value, base_value=fig.base_value, base_unit=fig.base_unit)


def _sections(report: Report) -> tuple[SectionFact, ...]:
    return tuple(SectionFact(s.id, s.parent, s.level, s.heading, s.role.value)
                 for s in report.sections if s.level <= MAX_SECTION_LEVEL)


def pair_facts(c: Comparison, *, new_plan: bool = True) -> PairFacts:
    """The facts of one consecutive pair (its comparison needs figure pairs and plan checks).

    `new_plan` False leaves out the new report's own plan items, when the next pair's checks will
    list them anyway (they are needed for the last pair of a series only).
    """
    new_plan_ids = plan_section_ids(c.new)
    plan: list[PlanFact] = []
    for check in c.plan_checks:
        restated = [e for e in check.evidence
                    if e.section_id in new_plan_ids and e.score >= RESTATE_CUTOFF]
        best = max(restated, key=lambda e: (e.score, -e.span.start), default=None)
        item = check.item
        plan.append(PlanFact(
            item=PlanItemFact(item.span.start, item.span.end, c.old.text_of(item.span), item.kind.value),
            status=check.status.value,
            reason=reason_sentence(check.reason, c.old.metadata.language),
            target=_figure(item.target, c.old) if item.target else None,
            actual=_figure(check.actual, c.new) if check.actual else None,
            direction=item.direction.value if item.direction is not None else "",
            restated=(best.span.start, best.span.end) if best else None,
            restated_score=best.score if best else 0.0,
        ))
    new_items = tuple(PlanItemFact(i.span.start, i.span.end, c.new.text_of(i.span), i.kind.value)
                      for i in plan_items(c.new, c.new_figures)) if new_plan else ()
    kept_old = {s.id for s in c.old.sections if s.level <= MAX_SECTION_LEVEL}
    kept_new = {s.id for s in c.new.sections if s.level <= MAX_SECTION_LEVEL}
    links = tuple(SectionLink(p.old_id, p.new_id, p.status.value) for p in c.section_pairs
                  if (p.old_id in kept_old) or (p.new_id in kept_new))
    return PairFacts(
        old=doc_info(c.old),
        new=doc_info(c.new),
        counts=tuple(summary_counts(c).items()),
        figures=tuple(FigureLink(_figure(p.old, c.old), _figure(p.new, c.new), p.score)
                      for p in c.figure_pairs if p.old is not None and p.new is not None),
        plan=tuple(plan),
        new_plan=new_items,
        old_sections=_sections(c.old),
        new_sections=_sections(c.new),
        section_links=links,
    )


# ------------------------------------------------------------------ JSON round trip (batch resume)


def _num(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _fig_dict(f: FigureFact | None) -> dict[str, Any] | None:
    if f is None:
        return None
    return {"start": f.start, "end": f.end, "text": f.text, "label": f.label, "value": _num(f.value),
            "unit": f.unit, "qualifier": f.qualifier, "period": f.period, "period_kind": f.period_kind,
            "base_value": _num(f.base_value), "base_unit": f.base_unit}


def _fig_from(d: dict[str, Any] | None) -> FigureFact | None:
    if d is None:
        return None
    return FigureFact(d["start"], d["end"], d["text"], d["label"], Decimal(d["value"]), d["unit"],
                      d["qualifier"], d["period"], d["period_kind"], _dec(d["base_value"]), d["base_unit"])


def _fig_req(d: dict[str, Any]) -> FigureFact:
    fig = _fig_from(d)
    assert fig is not None
    return fig


def _doc_dict(d: DocInfo) -> dict[str, Any]:
    return {"path": d.path, "issuer": d.issuer, "year": d.year, "plan_year": d.plan_year,
            "known_by_plan_year": d.known_by_plan_year, "title": d.title, "language": d.language}


def _item_dict(i: PlanItemFact) -> dict[str, Any]:
    return {"start": i.start, "end": i.end, "text": i.text, "kind": i.kind}


def _section_dict(s: SectionFact) -> dict[str, Any]:
    return {"id": s.id, "parent": s.parent, "level": s.level, "heading": s.heading, "role": s.role}


def facts_to_dict(f: PairFacts) -> dict[str, Any]:
    """PairFacts as JSON-ready data, every key in a fixed order."""
    return {
        "old": _doc_dict(f.old),
        "new": _doc_dict(f.new),
        "counts": dict(f.counts),
        "figures": [{"old": _fig_dict(x.old), "new": _fig_dict(x.new), "score": x.score} for x in f.figures],
        "plan": [{"item": _item_dict(p.item), "status": p.status, "reason": p.reason,
                  "target": _fig_dict(p.target), "actual": _fig_dict(p.actual), "direction": p.direction,
                  "restated": list(p.restated) if p.restated else None, "restated_score": p.restated_score}
                 for p in f.plan],
        "new_plan": [_item_dict(i) for i in f.new_plan],
        "old_sections": [_section_dict(s) for s in f.old_sections],
        "new_sections": [_section_dict(s) for s in f.new_sections],
        "section_links": [{"old_id": s.old_id, "new_id": s.new_id, "status": s.status} for s in f.section_links],
    }


def _doc_from(d: dict[str, Any]) -> DocInfo:
    return DocInfo(d["path"], d["issuer"], d["year"], d["plan_year"], d["known_by_plan_year"], d["title"],
                   d["language"])


def _item_from(d: dict[str, Any]) -> PlanItemFact:
    return PlanItemFact(d["start"], d["end"], d["text"], d["kind"])


def facts_from_dict(d: dict[str, Any]) -> PairFacts:
    """The inverse of `facts_to_dict`."""
    return PairFacts(
        old=_doc_from(d["old"]),
        new=_doc_from(d["new"]),
        counts=tuple((str(k), int(v)) for k, v in d["counts"].items()),
        figures=tuple(FigureLink(_fig_req(x["old"]), _fig_req(x["new"]), x["score"]) for x in d["figures"]),
        plan=tuple(PlanFact(_item_from(p["item"]), p["status"], p["reason"], _fig_from(p["target"]),
                            _fig_from(p["actual"]), p["direction"],
                            (p["restated"][0], p["restated"][1]) if p["restated"] else None,
                            p["restated_score"]) for p in d["plan"]),
        new_plan=tuple(_item_from(i) for i in d["new_plan"]),
        old_sections=tuple(SectionFact(**s) for s in d["old_sections"]),
        new_sections=tuple(SectionFact(**s) for s in d["new_sections"]),
        section_links=tuple(SectionLink(**s) for s in d["section_links"]),
    )

