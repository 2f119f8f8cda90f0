"""Errors a user can act on. Library code raises these; the CLI prints their message as one line."""

from __future__ import annotations

__all__ = ["CompareError", "InputError", "RenderError"]


class CompareError(Exception):
    """Base class: the message is one sentence that names the file and says what to do."""


class InputError(CompareError):
    """An input cannot be read: missing, a directory, empty, binary, or in no known encoding."""


class RenderError(CompareError):
    """An output cannot be produced or written."""
