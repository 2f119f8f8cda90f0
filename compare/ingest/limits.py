"""Stage 1, ingest: the size limits every reader applies (see README, "Input formats and limits")."""

from __future__ import annotations

__all__ = ["MAX_INPUT_BYTES", "MAX_TEXT_BYTES", "too_big"]

# Reports are tens of kilobytes as text and a few megabytes as PDF or docx with pictures;
# 50 MB leaves room for long scanned-and-OCRed PDFs and stops a 200 MB mistake before reading it.
MAX_INPUT_BYTES = 50 * 1024 * 1024
# The same limit on the text a reader extracts (UTF-8 bytes): a .docx deflates about 300 to 1, so
# a 183 KB file can hold 60 MB of text; HTML and PDF readers count their text the same way.
MAX_TEXT_BYTES = MAX_INPUT_BYTES
_MB = 1024 * 1024


def too_big(path: str, size: int) -> str:
    """The one-line refusal of an input over the limit."""
    return (f"{path}: the input is {size / _MB:.0f} MB, over the {MAX_INPUT_BYTES // _MB} MB limit; "
            "is this really one report?")
