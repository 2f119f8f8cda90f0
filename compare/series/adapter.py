"""The one place where `compare.series` and `compare.batch` reach into the pipeline's internals.

Everything else in these two packages imports only `compare.pipeline`, `compare.model` and this
module, so when the pipeline's modules move, the imports below are the only ones to fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import CompareError, InputError, RenderError
from ..model import Comparison, Figure, Metadata, PlanItem, Reason, Report, SourceText

__all__ = [
    "CompareError", "InputError", "RenderError", "RESTATE_CUTOFF", "read_text", "parse", "read_report",
    "series_comparison",
    "plan_section_ids", "plan_items", "known_by_plan_year", "summary_counts", "render_comparison",
    "reason_sentence", "write_output", "templates_dir", "escape_md", "COMPARISON_SCHEMA_VERSION",
]


def _restate_cutoff() -> float:
    from ..followthrough.evidence import ADDRESSED_CUTOFF

    return ADDRESSED_CUTOFF


# A plan passage of the next report restates an item when follow-through scores it as high as a
# review passage that would count the item as addressed: the same evidence scale, one threshold.
RESTATE_CUTOFF: float = _restate_cutoff()


def read_text(path: str) -> SourceText:
    """Read one input (the ingest stage only)."""
    from ..ingest import read_source

    return read_source(path)


def parse(source: SourceText) -> Report:
    """The structure stage on one input."""
    from ..pipeline import read_report

    return read_report(source)


def read_report(path: str) -> Report:
    """Read and parse one report (no comparison)."""
    return parse(read_text(path))


def series_comparison(old: str | SourceText | Report, new: str | SourceText | Report, *, full: bool) -> Comparison:
    """What a series needs of one consecutive pair (paths, inputs already read, or reports already
    parsed): figure pairs and plan checks.

    `full` runs every stage (the pairwise page needs the sentence diffs); otherwise the diff stage,
    the most expensive one after follow-through, is skipped.
    """
    from ..pipeline import compare_reports

    return compare_reports(_parsed(old), _parsed(new), sentences=full)


def _parsed(report: str | SourceText | Report) -> Report:
    if isinstance(report, Report):
        return report
    return parse(report if isinstance(report, SourceText) else read_text(report))


def plan_section_ids(report: Report) -> frozenset[str]:
    """Ids of the sections inside the report's plan and target parts, descendants included."""
    return report.plan_ids


def plan_items(report: Report, figures: Sequence[Figure]) -> tuple[PlanItem, ...]:
    """The plan items follow-through would check in `report`."""
    from ..followthrough.plan_items import extract_plan_items

    return extract_plan_items(report, figures)


def known_by_plan_year(m: Metadata) -> bool:
    """Whether readers know the document by the year it plans (a 政府工作报告) rather than reports on."""
    from ..render.context import _known_by_plan_year

    return _known_by_plan_year(m)


def summary_counts(c: Comparison) -> dict[str, int]:
    """The counts of the pairwise page's dashboard (`summary` in its JSON)."""
    from ..render.summary import summary_counts as counts

    return counts(c)


def render_comparison(c: Comparison, fmt: str) -> str:
    """The pairwise comparison page (html), JSON or Markdown."""
    from ..render import render

    return render(c, fmt)


def reason_sentence(reason: Reason | None, language: str) -> str:
    """A plan check's reason (a code and values) as a sentence in `language`, as the pages word it."""
    from ..render.labels import reason_text

    return reason_text(reason, language)


def write_output(content: str, path: str) -> None:
    """Atomic write (temp file + rename); "-" is stdout."""
    from ..render.write import write_output as write

    write(content, path)


def templates_dir() -> Path:
    from ..render.environment import templates_dir as find

    return find()


def escape_md(text: object) -> str:
    from ..render.environment import escape_md as escape

    return escape(text)


def _comparison_schema() -> str:
    from ..render.json import SCHEMA_VERSION

    return SCHEMA_VERSION


COMPARISON_SCHEMA_VERSION: str = _comparison_schema()
