"""View of one parsed `Report` for `yoy outline`: the section tree, metadata and stripped text.

Takes a `Report` and returns text (an indented tree a person reads in a terminal) or JSON (every
key in a fixed order, `schema_version` first). Nothing here parses; it only shows what
`structure.parse_report` found.
"""

from __future__ import annotations

from typing import Any

from ..model import Report, Section

__all__ = ["OUTLINE_SCHEMA_VERSION", "outline_to_dict", "render_outline_json", "render_outline_text"]

OUTLINE_SCHEMA_VERSION = "1.0"
# Stripped text is shown on one line, cut to this many characters (the JSON keeps all of it).
_SNIPPET = 60


def _section_dict(s: Section) -> dict[str, Any]:
    return {
        "id": s.id,
        "parent": s.parent,
        "level": s.level,
        "marker": s.marker,
        "recovered_marker": s.recovered_marker,
        "number": s.number,
        "heading": s.heading,
        "role": s.role.value,
        "span": [s.span.start, s.span.end],
        "heading_span": [s.heading_span.start, s.heading_span.end],
        "paragraphs": s.paragraph_count,
        "matched_by": s.matched_by,
    }


def outline_to_dict(report: Report) -> dict[str, Any]:
    """The outline as plain data, in document order."""
    m = report.metadata
    return {
        "schema_version": OUTLINE_SCHEMA_VERSION,
        "path": report.source.path,
        "metadata": {
            "title": m.title,
            "issuer": m.issuer,
            "year": m.year,
            "date": m.date,
            "doc_number": m.doc_number,
            "language": m.language,
            "plan_year": m.plan_year,
            "plan_year_is_current": m.plan_year_is_current,
            "year_source": m.year_source,
            "plan_year_source": m.plan_year_source,
        },
        "sections": [_section_dict(s) for s in report.sections],
        "paragraphs": len(report.paragraphs),
        "stripped": [
            {"reason": x.reason, "span": [x.span.start, x.span.end], "text": report.text_of(x.span)}
            for x in report.stripped
        ],
    }


def render_outline_json(report: Report) -> str:
    import json  # here: the text outline, the default, needs none

    return json.dumps(outline_to_dict(report), ensure_ascii=False, indent=2) + "\n"


def _one_line(s: str) -> str:
    flat = " ".join(s.split())
    return flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 1] + "…"


def _from(source: str) -> str:
    """Where a year was read: "  [from text:heading]", "  [from filename]"."""
    return f"  [from {source}]" if source else ""


def render_outline_text(report: Report) -> str:
    """An indented tree: id, marker as written (→ recovered marker), heading, role, span, paragraphs."""
    m = report.metadata
    out = [
        f"{report.source.path}",
        f"  title:      {m.title or '-'}",
        f"  issuer:     {m.issuer or '-'}",
        f"  year:       {m.year if m.year is not None else '-'}" + _from(m.year_source),
        f"  date:       {m.date or '-'}",
        f"  doc_number: {m.doc_number or '-'}",
        f"  language:   {m.language}",
        f"  plan_year:  {m.plan_year if m.plan_year is not None else '-'}"
        + (" (今年 / this year: delivered in the year it plans)" if m.plan_year_is_current else "")
        + _from(m.plan_year_source),
        "",
        f"outline ({len(report.sections)} sections, {len(report.paragraphs)} paragraphs):",
    ]
    for s in report.sections:
        indent = "  " * s.level
        marker = s.marker or ("·" if s.matched_by else "")
        if s.recovered_marker:
            marker = f"{s.marker or '∅'} → {s.recovered_marker}"
        heading = s.heading or "(preamble)"
        how = f"  ({s.matched_by})" if s.matched_by.startswith("recovered:") else ""
        out.append(
            f"{indent}{s.id} [L{s.level}] {marker} {heading}  <{s.role.value}> "
            f"{s.span.start}-{s.span.end} ¶{s.paragraph_count}{how}"
        )
    out.append("")
    out.append(f"stripped ({len(report.stripped)}):")
    for x in report.stripped:
        out.append(f"  {x.reason:<18} {x.span.start}-{x.span.end}  {_one_line(report.text_of(x.span))}")
    for r in report.source.removed:
        out.append(f"  {r.reason:<18} (removed by reader)  {_one_line(r.text)}")
    return "\n".join(out) + "\n"
