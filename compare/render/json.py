"""JSON view of a `Comparison`: every key in a fixed order, `schema_version` first."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..model import (
    Comparison,
    Evidence,
    Figure,
    FigurePair,
    FollowUp,
    PlanCheck,
    Report,
    SectionDiff,
    SectionPair,
    Span,
)
from .json_text import dumps_indented
from .labels import reason_text
from .summary import summary_counts

__all__ = ["SCHEMA_VERSION", "comparison_to_dict", "render_json", "report_to_dict", "figure_to_dict",
           "plan_check_to_dict"]

# 1.1: each report says where its years were read (`year_source`, `plan_year_source`)
SCHEMA_VERSION = "1.3"


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def _num(value: Decimal | None) -> str | None:
    """Decimals travel as strings so no precision is lost ("4.87", "-0.3")."""
    if value is None:
        return None
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")


def report_to_dict(report: Report) -> dict[str, Any]:
    m = report.metadata
    src = report.source
    return {
        "path": src.path,
        "encoding": src.encoding,
        "kind": src.kind,
        "chars": len(src.text),
        "language": m.language,
        "year": m.year,
        "year_source": m.year_source,
        "title": m.title,
        "issuer": m.issuer,
        "date": m.date,
        "doc_number": m.doc_number,
        "plan_year": m.plan_year,
        "plan_year_is_current": m.plan_year_is_current,
        "plan_year_source": m.plan_year_source,
        "sections": [
            {
                "id": s.id,
                "parent": s.parent,
                "level": s.level,
                "heading": s.heading,
                "role": s.role.value,
                "span": _span(s.span),
                "heading_span": _span(s.heading_span),
                "marker": s.marker,
                "recovered_marker": s.recovered_marker,
                "matched_by": s.matched_by,
                "paragraphs": s.paragraph_count,
            }
            for s in report.sections
        ],
        "stripped": [
            {"span": _span(x.span), "reason": x.reason, "text": report.text_of(x.span)}
            for x in report.stripped
        ],
        "removed_by_reader": [{"reason": r.reason, "text": r.text} for r in src.removed],
    }


def figure_to_dict(fig: Figure | None, report: Report) -> dict[str, Any] | None:
    if fig is None:
        return None
    return {
        "value": _num(fig.value),
        "value_high": _num(fig.value_high),
        "unit": fig.unit,
        "qualifier": fig.qualifier,
        "label": fig.label,
        "period": fig.period,
        "period_kind": fig.period_kind.value,
        "kind": fig.kind.value,
        "bound": fig.bound.value,
        "change": fig.change,
        "down": fig.down,
        "scope": fig.scope,
        "text": report.text_of(fig.span),
        "span": _span(fig.span),
        "section": fig.section_id,
        "sentence": report.text_of(fig.sentence) if fig.sentence else None,
    }


def _pair(p: SectionPair, index: int) -> dict[str, Any]:
    return {
        "index": index,
        "old": p.old_id,
        "new": p.new_id,
        "status": p.status.value,
        "score": round(p.score, 4),
        "matched_by": p.matched_by,
    }


def _changes(c: Comparison, diff: SectionDiff) -> list[dict[str, Any]]:
    out = []
    for row in diff.rows:
        if row.kind is None:
            continue
        out.append(
            {
                "kind": row.kind.value,
                "pair": diff.pair_index,
                "old_span": _span(row.old),
                "new_span": _span(row.new),
                "old_text": c.old.text_of(row.old) if row.old else None,
                "new_text": c.new.text_of(row.new) if row.new else None,
                "score": round(row.score, 4),
                "reason": row.reason,
                "segments": [[s.op.value, s.text] for s in row.segments],
            }
        )
    return out


def _figure_pair(c: Comparison, p: FigurePair) -> dict[str, Any]:
    old = figure_to_dict(p.old, c.old)
    new = figure_to_dict(p.new, c.new)
    either = p.new or p.old
    return {
        "label": either.label if either else "",
        "status": "paired" if p.old and p.new else ("new" if p.new else "dropped"),
        "old": old,
        "new": new,
        "delta": _num(p.delta),
        "pct_change": _num(p.pct_change),
        "pp_change": _num(p.pp_change),
        "ratio": _num(p.ratio),
        "score": round(p.score, 4),
        "headline": p.headline,
    }


def _evidence(c: Comparison | FollowUp, e: Evidence) -> dict[str, Any]:
    return {
        "span": _span(e.span),
        "section": e.section_id,
        "text": c.new.text_of(e.span),
        "score": round(e.score, 4),
        "matched_by": e.matched_by,
    }


def _plan_check(c: Comparison | FollowUp, p: PlanCheck) -> dict[str, Any]:
    return {
        "item": {
            "text": c.old.text_of(p.item.span),
            "span": _span(p.item.span),
            "section": p.item.section_id,
            "kind": p.item.kind.value,
            "target": figure_to_dict(p.item.target, c.old),
            "direction": p.item.direction or "",
        },
        "status": p.status.value,
        "reason": reason_text(p.reason, "en"),
        "actual": figure_to_dict(p.actual, c.new),
        "evidence": [_evidence(c, e) for e in p.evidence],
    }


def plan_check_to_dict(c: Comparison | FollowUp, p: PlanCheck) -> dict[str, Any]:
    """One plan check as JSON (the same shape as the items of "plan_checks")."""
    return _plan_check(c, p)


def comparison_to_dict(c: Comparison) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "old": report_to_dict(c.old),
        "new": report_to_dict(c.new),
        "summary": summary_counts(c),
        "section_pairs": [_pair(p, i) for i, p in enumerate(c.section_pairs)],
        "changes": [ch for d in c.diffs for ch in _changes(c, d)],
        "figures": [_figure_pair(c, p) for p in c.figure_pairs],
        "plan_checks": [_plan_check(c, p) for p in c.plan_checks],
    }


def render_json(c: Comparison) -> str:
    return dumps_indented(comparison_to_dict(c)) + "\n"
