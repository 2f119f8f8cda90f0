"""View model: `Comparison` -> plain dicts and strings for the templates. No HTML in here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..model import ChangeKind, Comparison, Figure, Op, Report, SentenceRow, Segment
from .json import summary_counts

__all__ = ["build_context", "LABELS"]

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "What changed",
        "summary": "Summary",
        "sections": "Section by section",
        "figures": "Figures",
        "plan": "Plan follow-through",
        "stripped": "Stripped boilerplate",
        "old": "Old",
        "new": "New",
        "no_changes": "No changes.",
        "new_commitment": "new commitment",
        "dropped": "dropped",
        "changed_figure": "changed figure",
        "reworded": "reworded",
        "moved": "moved",
        "added": "added",
        "removed": "removed",
        "matched": "matched",
        "renamed": "renamed",
        "split": "split",
        "merged": "merged",
        "addressed": "addressed",
        "partly": "partly",
        "not_found": "not found",
        "met": "met",
        "not_met": "not met",
        "unknown": "unknown",
    },
    "zh": {
        "title": "年度对比",
        "summary": "摘要",
        "sections": "逐节对比",
        "figures": "数据变化",
        "plan": "计划落实情况",
        "stripped": "已剔除的版式内容",
        "old": "上年",
        "new": "本年",
        "no_changes": "无变化。",
        "new_commitment": "新增举措",
        "dropped": "删去事项",
        "changed_figure": "数据变化",
        "reworded": "表述调整",
        "moved": "位置调整",
        "added": "新增",
        "removed": "删除",
        "matched": "对应",
        "renamed": "更名",
        "split": "拆分",
        "merged": "合并",
        "addressed": "已落实",
        "partly": "部分落实",
        "not_found": "未见落实",
        "met": "达成",
        "not_met": "未达成",
        "unknown": "无法判断",
    },
}


def _fmt(value: Decimal | None) -> str:
    if value is None:
        return ""
    q = value.quantize(Decimal("0.01")) if value != value.to_integral() else value.to_integral()
    text = format(q.normalize(), "f") if q == q.to_integral() else format(q, "f").rstrip("0").rstrip(".")
    return text


def _fig(fig: Figure | None, report: Report) -> dict[str, Any] | None:
    if fig is None:
        return None
    return {"text": report.text_of(fig.span), "label": fig.label, "value": _fmt(fig.value), "unit": fig.unit}


def _side(segments: tuple[Segment, ...], keep: Op) -> list[dict[str, str]]:
    return [{"op": s.op.value, "text": s.text} for s in segments if s.op in (Op.EQUAL, keep)]


def _row(c: Comparison, row: SentenceRow, pair_index: int, row_index: int) -> dict[str, Any]:
    old_text = c.old.text_of(row.old) if row.old else ""
    new_text = c.new.text_of(row.new) if row.new else ""
    if row.segments:
        old_segs = _side(row.segments, Op.DELETE)
        new_segs = _side(row.segments, Op.INSERT)
    else:
        old_op = "equal" if row.kind is None else "delete"
        new_op = "equal" if row.kind is None else "insert"
        old_segs = [{"op": old_op, "text": old_text}] if old_text else []
        new_segs = [{"op": new_op, "text": new_text}] if new_text else []
    return {
        "anchor": f"c{pair_index}-{row_index}",
        "kind": row.kind.value if row.kind else "",
        "old": old_segs,
        "new": new_segs,
        "old_anchor": f"o{row.old.start}" if row.old else "",
        "new_anchor": f"n{row.new.start}" if row.new else "",
    }


def build_context(c: Comparison, *, lang: str | None = None) -> dict[str, Any]:
    """Everything the HTML and Markdown templates show, already counted, sorted and labelled."""
    language = lang or c.new.metadata.language
    labels = LABELS["zh" if language == "zh" else "en"]
    pairs = []
    for i, (pair, diff) in enumerate(zip(c.section_pairs, c.diffs)):
        old_sec = c.old.section(pair.old_id) if pair.old_id else None
        new_sec = c.new.section(pair.new_id) if pair.new_id else None
        rows = [_row(c, r, i, k) for k, r in enumerate(diff.rows)]
        pairs.append(
            {
                "anchor": f"p{i}",
                "status": pair.status.value,
                "score": f"{pair.score:.2f}",
                "old_heading": (old_sec.marker + old_sec.heading) if old_sec else "",
                "new_heading": (new_sec.marker + new_sec.heading) if new_sec else "",
                "changed": any(r["kind"] for r in rows),
                "rows": rows,
            }
        )
    figures = []
    for i, fp in enumerate(c.figure_pairs):
        if not (fp.old and fp.new and fp.delta):
            continue
        figures.append(
            {
                "anchor": f"fig-{i}",
                "label": (fp.new or fp.old).label if (fp.new or fp.old) else "",
                "old": _fig(fp.old, c.old),
                "new": _fig(fp.new, c.new),
                "delta": _fmt(fp.delta),
                "pct": (_fmt(fp.pct_change) + "%") if fp.pct_change is not None else "",
            }
        )
    plan = []
    for i, pc in enumerate(c.plan_checks):
        plan.append(
            {
                "anchor": f"plan-{i}",
                "status": pc.status.value,
                "item": c.old.text_of(pc.item.span),
                "evidence": [
                    {"text": c.new.text_of(e.span), "score": f"{e.score:.2f}", "href": f"#n{e.span.start}"}
                    for e in pc.evidence
                ],
            }
        )
    stripped = [
        {"side": side, "reason": s.reason, "text": rep.text_of(s.span)}
        for side, rep in (("old", c.old), ("new", c.new))
        for s in rep.stripped
    ] + [
        {"side": side, "reason": r.reason, "text": r.text}
        for side, rep in (("old", c.old), ("new", c.new))
        for r in rep.source.removed
    ]

    def doc(rep: Report) -> dict[str, Any]:
        m = rep.metadata
        return {"path": rep.source.path, "year": m.year or "", "title": m.title or "",
                "issuer": m.issuer or "", "doc_number": m.doc_number or ""}

    return {
        "lang": "zh" if language == "zh" else "en",
        "labels": labels,
        "old": doc(c.old),
        "new": doc(c.new),
        "summary": summary_counts(c),
        "change_kinds": [k.value for k in ChangeKind],
        "pairs": pairs,
        "figures": figures,
        "plan": plan,
        "stripped": stripped,
    }
