"""Newline and whitespace normalisation that records every edit it makes."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

from ..lazy import lazy_pattern
from ..model import Edit, Removed, Span

__all__ = ["normalise_text", "removed_controls", "BIDI_CONTROLS"]

# Bidirectional controls (embeddings, overrides, isolates, marks) reorder text on screen: an
# U+202E in a report shows "2021" as "1202" in the page and the Markdown. They are removed here
# and listed (`removed_controls`) in every output, so nothing is reordered and nothing vanishes unseen.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"

# \r\n and lone \r become \n; form feeds (one per PDF page) and the Unicode line/paragraph
# separators become \n; zero-width characters and stray BOMs are removed; no-break and odd
# spaces become a plain space. Full-width spaces (U+3000) are kept: they indent Chinese text.
_PATTERN = lazy_pattern("\r\n|[\r\f\v\u2028\u2029\u0085]|[\u200b\u200c\u200d\u2060\ufeff]|[\u00a0\u2000-\u200a\u202f\u205f]"
                      f"|[{BIDI_CONTROLS}]")
_REASONS = {"\r\n": "newline", "\r": "newline"}


def _replacement(match: str) -> tuple[str, str]:
    if match in ("\r\n", "\r"):
        return "\n", "newline"
    if match in "\f\v\u2028\u2029\u0085":
        return "\n", "line_separator"
    if match in "\u200b\u200c\u200d\u2060\ufeff":
        return "", "zero_width"
    if match in BIDI_CONTROLS:
        return "", "bidi_control"
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


def removed_controls(edits: Iterable[Edit]) -> tuple[Removed, ...]:
    """One `Removed` record per kind of bidi control the normalisation took out, with a count."""
    counts = Counter(e.original for e in edits if e.reason == "bidi_control")
    return tuple(Removed(f"U+{ord(ch):04X} {unicodedata.name(ch, 'CONTROL')} ×{n}", "bidi_control")
                 for ch, n in sorted(counts.items()))
