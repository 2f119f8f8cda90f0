"""Newline and whitespace normalisation that records every edit it makes."""

from __future__ import annotations

import re

from ..model import Edit, Span

__all__ = ["normalise_text"]

# \r\n and lone \r become \n; form feeds (one per PDF page) and the Unicode line/paragraph
# separators become \n; zero-width characters and stray BOMs are removed; no-break and odd
# spaces become a plain space. Full-width spaces (U+3000) are kept: they indent Chinese text.
_PATTERN = re.compile("\r\n|[\r\f\v\u2028\u2029\u0085]|[\u200b\u200c\u200d\u2060\ufeff]|[\u00a0\u2000-\u200a\u202f\u205f]")
_REASONS = {"\r\n": "newline", "\r": "newline"}


def _replacement(match: str) -> tuple[str, str]:
    if match in ("\r\n", "\r"):
        return "\n", "newline"
    if match in "\f\v\u2028\u2029\u0085":
        return "\n", "line_separator"
    if match in "\u200b\u200c\u200d\u2060\ufeff":
        return "", "zero_width"
    return " ", "odd_space"


def normalise_text(text: str) -> tuple[str, tuple[Edit, ...]]:
    """Return the normalised text and the edits, with spans in the normalised text."""
    out: list[str] = []
    edits: list[Edit] = []
    pos = 0
    length = 0
    for m in _PATTERN.finditer(text):
        chunk = text[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        repl, reason = _replacement(m.group())
        out.append(repl)
        edits.append(Edit(Span(length, length + len(repl)), m.group(), reason))
        length += len(repl)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), tuple(edits)
