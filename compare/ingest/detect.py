"""Stage 1, ingest: tell what kind of file some bytes are, from the bytes themselves.

Takes the raw bytes (and the path, whose extension is only a hint) and returns one of the
`InputKind` values; formats we cannot read raise `InputError` with what the file is and what to do.
"""

from __future__ import annotations

import codecs
import io
import os

from ..errors import InputError
from ..model import InputKind

__all__ = ["detect_kind"]


# The PDF header may follow some junk; the specification lets readers look in the first 1024 bytes.
_PDF_HEADER_WINDOW = 1024
# An HTML page announces itself in its first few kilobytes (doctype, <html>, <head>, <meta>).
_HTML_SNIFF_BYTES = 4096
_HTML_OPENERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")
_HTML_EXTENSIONS = {".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php"}
_ZIP_MAGIC = b"PK\x03\x04"
_ZIP_EMPTY = b"PK\x05\x06"

# Zip archives that are not Word documents, by a member only they have.
_OTHER_ZIPS: tuple[tuple[str, str], ...] = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "a PowerPoint file (.pptx)"),
    ("content.xml", "an OpenDocument file (.odt/.ods); save it as .docx"),
)


def detect_kind(data: bytes, path: str) -> InputKind:
    """Return the kind of `data`: PDF by `%PDF`, docx by a zip with word/document.xml, HTML by tags."""
    if b"%PDF-" in data[:_PDF_HEADER_WINDOW]:
        return InputKind.PDF
    if data.startswith(_ZIP_MAGIC) or data.startswith(_ZIP_EMPTY):
        return _zip_kind(data, path)
    if data.lstrip()[:5] == b"{\\rtf":
        raise InputError(f"{path}: this is an RTF document; save it as .docx or plain text and try again.")
    if _looks_like_html(data, path):
        return InputKind.HTML
    return InputKind.TEXT


def _zip_kind(data: bytes, path: str) -> InputKind:
    import zipfile  # only for zip input: zipfile brings shutil, bz2 and lzma to every start-up

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        # NotImplementedError: a zip "version" zipfile does not know (a damaged header; fuzzing)
        what = "Word document" if path.lower().endswith(".docx") else "zip archive"
        raise InputError(
            f"{path}: this {what} is damaged or truncated; open it in Word and save it again."
        ) from None
    if "word/document.xml" in names:
        return InputKind.DOCX
    for member, what in _OTHER_ZIPS:
        if member in names:
            raise InputError(f"{path}: this is {what}, not a report; save the report as .docx, .pdf or text.")
    raise InputError(f"{path}: this is a zip archive, not a report; unpack it and give the report file.")


def _looks_like_html(data: bytes, path: str) -> bool:
    head = data[:_HTML_SNIFF_BYTES]
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom):].decode(codec, errors="ignore").encode("ascii", errors="ignore")
            break
    head = head.removeprefix(codecs.BOM_UTF8).lstrip().lower()
    if not head.startswith(b"<"):
        return False
    if any(opener in head for opener in _HTML_OPENERS):
        return True
    # A fragment that starts with a tag is HTML only when the name says so.
    return os.path.splitext(path)[1].lower() in _HTML_EXTENSIONS
