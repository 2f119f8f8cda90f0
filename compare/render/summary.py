"""Render: the counts a reader looks at first, and the follow-through scorecard, as plain values.

One module for every summary, so the page, the Markdown and the JSON show the same numbers. It
counts what the stages put on the model; it decides nothing. Counts iterate the enums, so a new
`ChangeKind`, `PairStatus` or `PlanStatus` gets its count with no change here.
"""

from __future__ import annotations

from typing import Any

from ..model import ChangeKind, Comparison, PairStatus, PlanStatus, Role, Scorecard, SectionPair

__all__ = ["summary_counts", "scorecard_to_dict", "in_appendix"]


def summary_counts(c: Comparison) -> dict[str, int]:
    """Counts a reader looks at first; the same numbers feed every view."""
    counts: dict[str, int] = {f"changes_{kind.value}": 0 for kind in ChangeKind}
    for d in c.diffs:
        for row in d.rows:
            if row.kind is not None:
                counts[f"changes_{row.kind.value}"] += 1
    appendix = [p for p in c.section_pairs if in_appendix(c, p)]
    for pair_status in PairStatus:
        counts[f"sections_{pair_status.value}"] = sum(1 for p in c.section_pairs if p.status is pair_status)
    # of those, entries of an appendix (a glossary term added or gone), said apart (schema 1.2)
    for pair_status in PairStatus:
        counts[f"appendix_sections_{pair_status.value}"] = sum(1 for p in appendix if p.status is pair_status)
    for plan_status in PlanStatus:
        counts[f"plan_{plan_status.value}"] = sum(1 for p in c.plan_checks if p.status is plan_status)
    counts["figures_paired"] = sum(1 for p in c.figure_pairs if p.old and p.new)
    counts["figures_changed"] = sum(1 for p in c.figure_pairs if p.old and p.new and p.delta)
    counts["figures_new"] = sum(1 for p in c.figure_pairs if p.new and not p.old)
    counts["figures_dropped"] = sum(1 for p in c.figure_pairs if p.old and not p.new)
    return counts


def in_appendix(c: Comparison, pair: SectionPair) -> bool:
    """Whether a section pair is an entry of an appendix (of the new report's, else the old's)."""
    report, sid = (c.new, pair.new_id) if pair.new_id else (c.old, pair.old_id)
    return sid is not None and sid in report.by_id and report.effective_role(sid) is Role.APPENDIX


def scorecard_to_dict(card: Scorecard) -> dict[str, Any]:
    """Counts per status and the shares of a follow-through check (JSON)."""
    return {
        "total": card.total,
        "commitments": card.commitments,
        "targets": card.targets,
        "counts": dict(card.counts),
        "share_addressed": round(card.share_addressed, 4),
        "share_related": round(card.share_related, 4),
        "share_met": round(card.share_met, 4),
    }
