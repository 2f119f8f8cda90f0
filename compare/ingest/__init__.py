"""Stage 1, ingest: a path, stdin or a string -> `SourceText`.

The only stage that touches bytes and encodings. The kind of input (plain text, HTML page, .docx,
.pdf) is detected from the bytes (`detect.py`); each format has its reader, imported only when
needed. Everything after this stage works on one normalised `str` with `\\n` newlines; each
normalisation is recorded as an `Edit`, and whatever a reader dropped (page navigation, PDF page
headers and numbers) as a `Removed`, so offsets stay honest and nothing vanishes unseen.

Limits (see README, "Input formats and limits"): `MAX_INPUT_BYTES` per input, checked before the
file is read; `pdf.MAX_PDF_PAGES`; `docx.MAX_DOCX_XML_BYTES` of unpacked XML.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import InputError, printable_path
from ..lazy import lazy_pattern
from ..model import InputKind, SourceText
from .detect import detect_kind
from .encoding import decode_bytes
from .limits import MAX_INPUT_BYTES, too_big
from .normalise import normalise_text, removed_controls
from .spacing import close_typographic_spaces
from .tables import rows_from_tabs
from .unwrap import unwrap_hard_wrapped

__all__ = ["read_source", "read_bytes", "source_from_string", "MAX_INPUT_BYTES"]

_SURROGATE = lazy_pattern("[\ud800-\udfff]")


def read_source(path: str) -> SourceText:
    """Read one report from a file path, or from standard input when `path` is "-".

    The `SourceText.path` (and every message) shows the name as one printable line: a name that
    is not UTF-8 or holds a newline is escaped (`errors.printable_path`).
    """
    if path == "-":
        if sys.stdin is None:
            raise InputError("-: standard input is closed; give the report as a file or pipe it in.")
        try:
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        except (OSError, ValueError) as exc:  # a closed or unreadable descriptor
            raise InputError(f"-: standard input cannot be read ({getattr(exc, 'strerror', None) or exc}); "
                             "give the report as a file.") from None
        return read_bytes(data, path)
    p = Path(path)
    name = printable_path(path)
    try:
        if not p.exists():
            raise InputError(f"{name}: no such file; check the path.")
        if p.is_dir():
            raise InputError(f"{name}: is a directory; give the path of a report file.")
        with p.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_INPUT_BYTES:
                raise InputError(too_big(name, size))
            # read at most one byte over the limit: a growing file or a device cannot make us read on
            data = fh.read(MAX_INPUT_BYTES + 1)
    except PermissionError:
        raise InputError(f"{name}: permission denied; check the file's permissions.") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc}); check the path.") from None
    return read_bytes(data, name)


def read_bytes(data: bytes, path: str = "<bytes>") -> SourceText:
    """Read the bytes of one report of any supported kind (text, HTML, docx, PDF)."""
    path = printable_path(path)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(too_big(path, len(data)))
    if not data.strip():
        raise InputError(f"{path}: the file is empty or only whitespace; give a report with text.")
    kind = detect_kind(data, path)
    if kind is InputKind.PDF:
        from .blocks import assemble
        from .pdf import read_pdf

        return assemble(read_pdf(data, path), path, kind,
                        empty_hint="the PDF has no text left after removing page headers and "
                                   "numbers; is this the report?")
    if kind is InputKind.DOCX:
        from .blocks import assemble
        from .docx import read_docx

        return assemble(read_docx(data, path), path, kind,
                        empty_hint="the Word document has no text; give the report's .docx.")
    if kind is InputKind.HTML:
        from .blocks import assemble
        from .html import read_html

        return assemble(read_html(data, path), path, kind,
                        empty_hint="no article text found on the page once navigation, scripts and "
                                   "footers are removed; save the article page itself.")
    text, encoding = decode_bytes(data, path)
    return _finish(text, path, encoding)


def source_from_string(text: str, path: str = "<string>") -> SourceText:
    """Wrap a Python string as a `SourceText` (for the API and tests).

    A lone surrogate (U+D800–U+DFFF, what `errors="surrogateescape"` leaves of undecodable bytes)
    is no character: it is refused with `InputError`, since no output could be written with it.
    """
    path = printable_path(path)
    bad = _SURROGATE.search(text)
    if bad:
        raise InputError(f"{path}: the text holds a lone surrogate (U+{ord(bad.group()):04X}) at character "
                         f"{bad.start()}, which is not a character; decode the bytes with errors='replace'.")
    return _finish(text.removeprefix("\ufeff"), path, "str")


def _finish(text: str, path: str, encoding: str) -> SourceText:
    normalised, edits = normalise_text(text)
    if not normalised.strip():
        raise InputError(f"{path}: the file is empty or only whitespace; give a report with text.")
    removed = removed_controls(edits)
    normalised, edits = unwrap_hard_wrapped(normalised, edits)
    normalised, edits = rows_from_tabs(normalised, edits)
    normalised, edits = close_typographic_spaces(normalised, edits)
    return SourceText(path=os.fspath(path), text=normalised, encoding=encoding, kind=InputKind.TEXT,
                      edits=edits, removed=removed)
