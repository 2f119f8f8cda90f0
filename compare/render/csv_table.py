"""Render, CSV view: one row per change and one row per plan check, for a spreadsheet.

Columns are fixed (`CSV_COLUMNS`); `record` says which kind of row it is (`change` or
`plan_check`); `id` is the same id the HTML page gives the change or the plan item, so a row can be
found on the page (`report.html#r3-5`). Enum values are the wire names, as in the JSON. Rows are in
document order: changes by section pair and row, then plan checks in plan order. Like `yoy
figures`, plain UTF-8 without BOM and "\\n" line ends.
"""

from __future__ import annotations

import csv
import io

from ..model import Comparison, FollowUp
from .labels import reason_text

__all__ = ["CSV_COLUMNS", "render_csv"]

CSV_COLUMNS = ("record", "id", "kind", "status", "old_section", "new_section", "old_text", "new_text",
               "reason", "score")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render_csv(c: Comparison | FollowUp) -> str:
    """Changes and plan checks as CSV text (header row first); a `FollowUp` has plan checks only."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    diffs = c.diffs if isinstance(c, Comparison) else ()
    for d in sorted(diffs, key=lambda d: d.pair_index):
        pair = c.section_pairs[d.pair_index]
        for k, r in enumerate(d.rows):
            if r.kind is None:
                continue
            writer.writerow({
                "record": "change", "id": f"r{d.pair_index}-{k}", "kind": r.kind.value, "status": pair.status.value,
                "old_section": pair.old_id or "", "new_section": pair.new_id or "",
                "old_text": _one_line(c.old.text_of(r.old)) if r.old else "",
                "new_text": _one_line(c.new.text_of(r.new)) if r.new else "",
                "reason": r.reason, "score": f"{r.score:.4f}",
            })
    for i, pc in enumerate(c.plan_checks):
        best = pc.evidence[0] if pc.evidence else None
        shown = pc.actual.span if pc.actual else best.span if best else None
        writer.writerow({
            "record": "plan_check", "id": f"plan-{i}", "kind": pc.item.kind.value, "status": pc.status.value,
            "old_section": pc.item.section_id, "new_section": (best.section_id or "") if best else "",
            "old_text": _one_line(c.old.text_of(pc.item.span)),
            "new_text": _one_line(c.new.text_of(shown)) if shown else "",
            "reason": reason_text(pc.reason, "en"), "score": f"{best.score:.4f}" if best else "",
        })
    return buf.getvalue()
