"""Read and parse one report: the ingest and structure stages only.

`yoy outline` and `yoy figures` need no alignment, diff or follow-through; importing only this
keeps their start-up to the modules they run (issue 16).
"""

from __future__ import annotations

from .ingest import read_source
from .model import Report, SourceText
from .structure.parse import parse_report
from .structure.running_text import require_running_text

__all__ = ["read_report", "report_file"]


def read_report(source: SourceText, *, require_text: bool = True) -> Report:
    """Parse one already-read input into a `Report`; with `require_text`, `NotAReportError` when it
    holds no running text and no written outline (a saved page with only its menus and metadata)."""
    report = parse_report(source)
    return require_running_text(report) if require_text else report


def report_file(path: str) -> Report:
    """Read and parse one report file ("-" reads standard input); a file that is not a report is refused."""
    return read_report(read_source(path))
