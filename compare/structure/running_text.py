"""Stage 2 check, running text: is this parsed input a report at all?

Takes a `Report` and raises `NotAReportError` when none of its body paragraphs holds a sentence
of running text and none of its headings carries a marker as written: a page saved with only its
site menus, search box and metadata table (real input: a scraped government page whose article
body is missing) must be refused with one line, never parsed into an outline where a menu entry
becomes a plan section.

The parser itself stays total (every text has an outline, which the property tests rely on); the
pipeline and the CLI ask this check before they use a report.
"""

from __future__ import annotations

from ..errors import InputError
from ..lazy import lazy_pattern
from ..model import Report
from ..text.sentences import ASCII_SENTENCE_ENDS, ZH_FULL_STOPS

__all__ = ["NotAReportError", "has_running_text", "require_running_text", "SENTENCE_CHARS_MIN"]

# A sentence of running text has at least this many characters before its end; menu entries,
# table cells and labels of a metadata table have none (they end without a stop). Eight covers
# the shortest real report sentences (「全部经过审查。」 is seven: the paragraph still holds more).
SENTENCE_CHARS_MIN = 8

_STOPS = ZH_FULL_STOPS + ASCII_SENTENCE_ENDS
# Sentence ends, found in one pass (a pattern that scans back from each end would be quadratic on
# a long line without any): Chinese stops anywhere, an English stop after a word and before a space.
_ZH_END = lazy_pattern(rf"[{_STOPS}\n]")
_EN_END = lazy_pattern(r"(?<=[a-z0-9%)\"”’])[.!?](?=\s|$)|\n")


class NotAReportError(InputError):
    """The input holds no running text (only navigation, menus, labels and metadata)."""


def has_running_text(report: Report) -> bool:
    """Whether some body paragraph holds one sentence of running text: a sentence end at least
    `SENTENCE_CHARS_MIN` characters after the previous end (or the start of the line)."""
    text = report.source.text
    end = _ZH_END if report.metadata.language == "zh" else _EN_END
    for p in report.paragraphs:
        start = p.span.start
        for m in end.finditer(text, p.span.start, p.span.end):
            if text[m.start()] != "\n" and m.start() - start >= SENTENCE_CHARS_MIN:
                return True
            start = m.end()
    return False


def _has_written_outline(report: Report) -> bool:
    """Whether some heading carries a marker as written (一、, （一）, 1., #): a report's skeleton,
    which a site menu never has."""
    return any(s.marker for s in report.sections)


def require_running_text(report: Report) -> Report:
    """`report` itself, or `NotAReportError` naming the file when it holds neither running text
    nor a written outline."""
    if not has_running_text(report) and not _has_written_outline(report):
        raise NotAReportError(
            f"{report.source.path}: no paragraph of running text (only menus, labels or metadata); "
            "is this the report's page? Save the article body itself."
        )
    return report
