"""Render, follow-through only: a `FollowUp` (plan checks and scorecard) as HTML, JSON, Markdown or CSV.

The view behind `yoy followup`: the scorecard, the items grouped under their numbered item of
the old plan, and the passages of the new report each piece of evidence links to. No HTML here
except through the templates (autoescaped); counting and labelling happen in
`build_followup_context`.
"""

from __future__ import annotations

from typing import Any

from ..errors import RenderError
from ..model import FollowUp, Report, SentenceRow, Span
from .blocks import Mark, Marks, merged_pieces
from .context import LABELS, OPEN_PLAN_MAX_ITEMS, PLAN_STATUSES, header_years, js_payload, page_labels, plan_view
from .csv_table import render_csv
from .environment import asset, html_environment, markdown_environment
from .json import SCHEMA_VERSION, plan_check_to_dict, report_to_dict
from .json_text import dumps_indented
from .paths import shareable
from .summary import scorecard_to_dict

__all__ = ["build_followup_context", "followup_to_dict", "render_followup"]

def _paragraph_of(report: Report, span: Span) -> Span:
    p = report.paragraph_at(span.start)
    return p.span if p is not None else span


def _evidence_anchor(span: Span) -> str:
    return f"ev-{span.start}-{span.end}"


def _passages(c: FollowUp) -> tuple[list[dict[str, Any]], dict[tuple[int, int], str]]:
    """Each paragraph of the new report that some evidence cites, once, with every cited passage
    inside it marked (issue 14: 320 repeats of the same paragraph on the national pair).
    Returns the passages in document order and, per evidence span, the paragraph's anchor."""
    by_para: dict[tuple[int, int], list[Span]] = {}
    for pc in c.plan_checks:
        for e in pc.evidence:
            para = _paragraph_of(c.new, e.span)
            spans = by_para.setdefault((para.start, para.end), [])
            if e.span not in spans:
                spans.append(e.span)
    out: list[dict[str, Any]] = []
    where: dict[tuple[int, int], str] = {}
    for start, end in sorted(by_para):
        spans = by_para[(start, end)]
        marks = Marks(Mark(sp, _evidence_anchor(sp), "evidence") for sp in spans)
        anchor = f"para-{start}"
        text = c.new.text_of(Span(start, end))
        pieces = merged_pieces(SentenceRow(None, Span(start, end), None), c.old, c.new, Marks(()), marks)
        assert "".join(p["text"] for p in pieces) == text
        out.append({"anchor": anchor, "pieces": pieces})
        for sp in spans:
            where[(sp.start, sp.end)] = anchor
    return out, where


def build_followup_context(c: FollowUp, *, lang: str | None = None) -> dict[str, Any]:
    """Scorecard, grouped item rows and each cited passage once, ready for the templates."""
    language = "zh" if (lang or c.old.metadata.language) == "zh" else "en"
    years = {side: str(y) if y else LABELS[language][side] for side, y in header_years(c).items()}
    labels = page_labels(language, years)
    passages, _ = _passages(c)
    plan = plan_view(c, labels, language, c.new.plan_ids if c.plan_checks else frozenset(),
                     item_href=lambda i, pc: "",
                     evidence_href=lambda i, j, e: "#" + _evidence_anchor(e.span))

    def doc(rep: Report, side: str) -> dict[str, Any]:
        return {"path": rep.source.path, "year": years[side], "title": rep.metadata.title or ""}

    issuer = c.new.metadata.issuer or c.old.metadata.issuer or ""
    return {
        "lang": language,
        "labels": labels,
        "years": years,
        "heading": (f"{issuer} " if issuer else "") + f"{years['old']} → {years['new']}",
        "issuer_note": labels["different_issuers"] if c.issuer_warning else "",
        "old": doc(c.old, "old"),
        "new": doc(c.new, "new"),
        "plan": plan["rows"],
        "plan_groups": plan["groups"],
        "plan_bars": plan["bars"],
        "plan_lines": plan["lines"],
        "plan_not_found": plan["not_found"],
        "open_plan": len(c.plan_checks) <= OPEN_PLAN_MAX_ITEMS,
        "plan_statuses": [s for s in PLAN_STATUSES],
        "focus": {k: v for k, v in js_payload(language, labels)["focus"].items() if k.startswith("plan-")},
        "passages": passages,
        "payload": js_payload(language, labels),
    }


def followup_to_dict(c: FollowUp) -> dict[str, Any]:
    """The JSON of `yoy followup`: both reports, the scorecard and every plan check."""
    return {
        "schema_version": SCHEMA_VERSION,
        "old": report_to_dict(c.old),
        "new": report_to_dict(c.new),
        "scorecard": scorecard_to_dict(c.scorecard),
        "plan_checks": [plan_check_to_dict(c, p) for p in c.plan_checks],
    }


def render_followup(c: FollowUp, fmt: str, *, lang: str | None = None, full_paths: bool = False) -> str:
    """The follow-through view in html, json, md or csv (the plan-check rows). Inputs are named by
    file name only unless `full_paths`."""
    c = shareable(c, full_paths=full_paths)
    if fmt == "json":
        return dumps_indented(followup_to_dict(c)) + "\n"
    if fmt == "csv":
        return render_csv(c)
    if fmt == "html":
        ctx = build_followup_context(c, lang=lang)
        # the compare page's frame, styles and script: status filters, phone layout, links into
        # closed <details>
        return html_environment().get_template("followup.html.j2").render(
            css=asset("report.css"), js=asset("report.js"), change_kinds=(), section_statuses=(), **ctx)
    if fmt == "md":
        return markdown_environment().get_template("followup.md.j2").render(**build_followup_context(c, lang=lang))
    raise RenderError(f"unknown format {fmt!r}; use one of html, json, md, csv.")
