"""Errors a user can act on. Library code raises these; the CLI prints their message as one line."""

from __future__ import annotations

import os

__all__ = ["CompareError", "InputError", "RenderError", "PipeClosed", "printable_path"]


def printable_path(path: str | os.PathLike[str]) -> str:
    """A path as one printable line, for messages and pages: bytes of a name that are not UTF-8
    (a GBK name from a Windows zip reaches Python as surrogate escapes) become `\\xb9`, control
    characters (a newline in a file name) `\\n`; anything printable stays as it is."""
    path = os.fspath(path)
    if path.isprintable():
        return path
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte (from the API)
        raw = path.encode("utf-8", "surrogatepass")
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


class CompareError(Exception):
    """Base class: the message is one sentence that names the file and says what to do."""


class InputError(CompareError):
    """An input cannot be read: missing, a directory, empty, binary, or in no known encoding."""


class RenderError(CompareError):
    """An output cannot be produced or written."""


class PipeClosed(RenderError):
    """Standard output was closed by its reader (`yoy … | head`) before the output was all written.
    The `yoy` command ends quietly on it, as a program stopped by SIGPIPE does."""
