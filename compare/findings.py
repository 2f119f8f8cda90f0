"""Findings a monitoring job can fail on (`yoy compare --fail-on dropped,not_met`).

Each finding is one count of the comparison's summary (the dashboard of the page, `summary` in
its JSON); it is present when that count is above zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum

__all__ = ["Finding", "parse_findings", "present_findings"]


class Finding(str, Enum):
    NEW_COMMITMENT = "new_commitment"
    DROPPED = "dropped"
    CHANGED_FIGURE = "changed_figure"
    REWORDED = "reworded"
    MOVED = "moved"
    ADDED = "added"
    REMOVED = "removed"
    SECTION_ADDED = "section_added"
    SECTION_REMOVED = "section_removed"
    SECTION_RENAMED = "section_renamed"
    SECTION_MOVED = "section_moved"
    SECTION_SPLIT = "section_split"
    SECTION_MERGED = "section_merged"
    FIGURE_CHANGED = "figure_changed"
    FIGURE_NEW = "figure_new"
    FIGURE_DROPPED = "figure_dropped"
    ADDRESSED = "addressed"
    PARTLY = "partly"
    NOT_FOUND = "not_found"
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"

    @property
    def summary_key(self) -> str:
        """The key of the count in the comparison's summary."""
        v = self.value
        if v.startswith("section_"):
            return "sections_" + v.removeprefix("section_")
        if v.startswith("figure_"):
            return "figures_" + v.removeprefix("figure_")
        if v in _PLAN:
            return "plan_" + v
        return "changes_" + v


_PLAN = frozenset({"addressed", "partly", "not_found", "met", "not_met", "unknown"})


def parse_findings(text: str) -> tuple[Finding, ...]:
    """"dropped,not_met" -> (DROPPED, NOT_MET); ValueError naming the unknown word and the known ones."""
    out: list[Finding] = []
    for word in (w.strip().lower() for w in text.split(",")):
        if not word:
            continue
        try:
            finding = Finding(word)
        except ValueError:
            known = ", ".join(f.value for f in Finding)
            raise ValueError(f"unknown finding {word!r}; use some of: {known}") from None
        if finding not in out:
            out.append(finding)
    if not out:
        raise ValueError("no finding given; e.g. --fail-on dropped,not_met")
    return tuple(out)


def present_findings(summary: Mapping[str, int], wanted: Iterable[Finding]) -> tuple[tuple[Finding, int], ...]:
    """The wanted findings whose count is above zero, with their counts, in the order asked."""
    return tuple((f, summary.get(f.summary_key, 0)) for f in wanted if summary.get(f.summary_key, 0) > 0)
