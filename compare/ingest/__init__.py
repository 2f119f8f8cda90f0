"""Stage 1, ingest: a path, stdin or a string -> `SourceText`.

The only stage that touches bytes and encodings. Everything after it works on one normalised
`str` with `\\n` newlines; each normalisation is recorded as an `Edit`, so offsets stay honest.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import InputError
from ..model import SourceText
from .encoding import decode_bytes
from .normalise import normalise_text

__all__ = ["read_source", "read_bytes", "source_from_string", "MAX_INPUT_BYTES"]

# Reports are tens of kilobytes; 50 MB leaves room for long PDFs and stops a 200 MB mistake early.
MAX_INPUT_BYTES = 50 * 1024 * 1024


def read_source(path: str) -> SourceText:
    """Read one report from a file path, or from standard input when `path` is "-"."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file; check the path.")
        if p.is_dir():
            raise InputError(f"{path}: is a directory; give the path of a report file.")
        try:
            size = p.stat().st_size
            if size > MAX_INPUT_BYTES:
                raise InputError(
                    f"{path}: file is {size // (1024 * 1024)} MB, over the "
                    f"{MAX_INPUT_BYTES // (1024 * 1024)} MB limit; is this really one report?"
                )
            data = p.read_bytes()
        except PermissionError:
            raise InputError(f"{path}: permission denied; check the file's permissions.") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror}).") from None
    return read_bytes(data, path)


def read_bytes(data: bytes, path: str = "<bytes>") -> SourceText:
    """Decode and normalise the bytes of one report."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"{path}: input is over the {MAX_INPUT_BYTES // (1024 * 1024)} MB limit; "
            "is this really one report?"
        )
    text, encoding = decode_bytes(data, path)
    return _finish(text, path, encoding)


def source_from_string(text: str, path: str = "<string>") -> SourceText:
    """Wrap a Python string as a `SourceText` (for the API and tests)."""
    return _finish(text.lstrip("\ufeff") if text.startswith("\ufeff") else text, path, "str")


def _finish(text: str, path: str, encoding: str) -> SourceText:
    normalised, edits = normalise_text(text)
    if not normalised.strip():
        raise InputError(f"{path}: the file is empty or only whitespace; give a report with text.")
    return SourceText(path=os.fspath(path), text=normalised, encoding=encoding, edits=edits)
