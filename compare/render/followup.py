"""Render, follow-through only: a `FollowUp` (plan checks and scorecard) as HTML, JSON or Markdown.

The view behind `yoy followup`: the scorecard, the items grouped under their numbered item of
the old plan, and the passages of the new report each piece of evidence links to. No HTML here
except through the templates (autoescaped); counting and labelling happen in
`build_followup_context`.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import RenderError
from ..model import Figure, FollowUp, PlanItemKind, Report, Span
from .context import LABELS, header_years
from .environment import asset, html_environment, markdown_environment
from .json import SCHEMA_VERSION, plan_check_to_dict, report_to_dict
from .labels import TARGET_DIRECTIONS, reason_text
from .summary import scorecard_to_dict

__all__ = ["build_followup_context", "followup_to_dict", "render_followup"]

_EXTRA_LABELS = {
    "en": {"followup": "Plan follow-through", "item": "Plan item", "status": "Status",
           "evidence": "Evidence in the new report", "passages": "Passages of the new report",
           "share_addressed": "commitments addressed",
           "share_related": "commitments addressed or partly", "share_met": "targets met (of those with a reported outcome)",
           "commitment": "commitment", "target": "target", "actual": "actual", "total": "items",
           "none": "none"},
    "zh": {"followup": "计划落实情况", "item": "计划事项", "status": "状态", "evidence": "本年报告中的依据",
           "passages": "本年报告原文", "share_addressed": "举措落实率", "share_related": "已落实或部分落实",
           "share_met": "指标达成率（有实际值的）",
           "commitment": "举措", "target": "指标", "actual": "实际", "total": "事项", "none": "无"},
}
_SNIPPET = 80  # characters of an evidence passage shown in the table; the full passage is linked


def _labels(lang: str) -> dict[str, str]:
    key = "zh" if lang == "zh" else "en"
    return {**LABELS[key], **_EXTRA_LABELS[key]}


def _snippet(text: str) -> str:
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


def _figure_text(fig: Figure | None, report: Report) -> str:
    return report.text_of(fig.span) if fig is not None else ""


def _paragraph_of(report: Report, span: Span) -> Span:
    p = report.paragraph_at(span.start)
    return p.span if p is not None else span


def build_followup_context(c: FollowUp, *, lang: str | None = None) -> dict[str, Any]:
    """Scorecard, grouped item rows and linked passages, ready for the templates."""
    language = lang or c.old.metadata.language
    labels = _labels(language)
    card = c.scorecard
    in_plan = c.new.plan_ids if c.plan_checks else frozenset()
    groups: list[dict[str, Any]] = []
    passages: dict[tuple[int, int], dict[str, Any]] = {}
    for i, pc in enumerate(c.plan_checks):
        sid = pc.item.section_id
        try:
            sec = c.old.section(sid)
            # an inline heading runs on into its paragraph: show its first sentence only
            heading = (sec.marker + sec.heading.split("。")[0]).strip()
        except KeyError:
            heading = ""
        if not groups or groups[-1]["section"] != sid:
            groups.append({"section": sid, "heading": heading, "rows": []})
        evidence = []
        for e in pc.evidence:
            key = (e.span.start, e.span.end)
            anchor = f"ev-{e.span.start}-{e.span.end}"
            if key not in passages:
                para = _paragraph_of(c.new, e.span)
                passages[key] = {
                    "anchor": anchor,
                    "section": e.section_id or "",
                    "before": c.new.text_of(Span(para.start, e.span.start)),
                    "mark": c.new.text_of(e.span),
                    "after": c.new.text_of(Span(e.span.end, max(e.span.end, para.end))),
                }
            evidence.append({"text": _snippet(c.new.text_of(e.span)), "href": f"#{anchor}",
                             "score": f"{e.score:.2f}", "matched_by": e.matched_by,
                             "in_plan": e.section_id in in_plan})
        groups[-1]["rows"].append({
            "anchor": f"plan-{i}",
            "item": c.old.text_of(pc.item.span),
            "kind": pc.item.kind.value,
            "status": pc.status.value,
            "reason": reason_text(pc.reason, language),
            "direction": TARGET_DIRECTIONS["zh" if language == "zh" else "en"].get(pc.item.direction or "", pc.item.direction or ""),
            "target": _figure_text(pc.item.target, c.old) if pc.item.kind == PlanItemKind.TARGET else "",
            "actual": _figure_text(pc.actual, c.new),
            "evidence": evidence,
        })

    years = header_years(c)  # the years the comparison page names the documents by

    def doc(rep: Report, side: str) -> dict[str, Any]:
        m = rep.metadata
        return {"path": rep.source.path, "year": years[side] or "", "title": m.title or ""}

    return {
        "lang": "zh" if language == "zh" else "en",
        "labels": labels,
        "old": doc(c.old, "old"),
        "new": doc(c.new, "new"),
        "scorecard": {
            "total": card.total,
            "commitments": card.commitments,
            "targets": card.targets,
            "counts": [{"status": s, "count": n} for s, n in card.counts],
            "share_addressed": f"{card.share_addressed:.0%}",
            "share_related": f"{card.share_related:.0%}",
            "share_met": f"{card.share_met:.0%}",
        },
        "groups": groups,
        "passages": [passages[k] for k in sorted(passages)],
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


def render_followup(c: FollowUp, fmt: str, *, lang: str | None = None) -> str:
    """The follow-through view in html, json or md."""
    if fmt == "json":
        return json.dumps(followup_to_dict(c), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        ctx = build_followup_context(c, lang=lang)
        return html_environment().get_template("followup.html.j2").render(
            # the shared page frame without its script: this page has no filters to drive
            css=asset("report.css"), js="", payload={}, change_kinds=(), section_statuses=(),
            plan_statuses=(), **ctx)
    if fmt == "md":
        return markdown_environment().get_template("followup.md.j2").render(**build_followup_context(c, lang=lang))
    raise RenderError(f"unknown format {fmt!r}; use one of html, json, md.")
