"""Stage 1, ingest: what a format reader hands back, and how it becomes one `SourceText`.

A reader (html, docx, pdf) returns `Extracted`: paragraphs in reading order as `Block`s, what it
dropped as `Removed` records, and the encoding it used. `assemble` normalises each block, joins
them with the reader's separator and computes heading-hint spans in the final text. Typographic
spaces of Chinese text are closed in each block (`spacing.py`), tab-separated rows written as rows.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import InputError
from ..model import Edit, InputKind, Removed, SourceText, Span
from .normalise import normalise_text
from .spacing import close_typographic_spaces, is_chinese
from .tables import rows_from_tabs

__all__ = ["Block", "Extracted", "assemble"]

_LANGUAGE_SAMPLE_BLOCKS = 400  # enough paragraphs to tell Chinese text from English


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph as a reader found it; `level` is a heading hint (1 = top), or None."""

    text: str
    level: int | None = None


@dataclass(frozen=True, slots=True)
class Extracted:
    """A reader's result before normalisation."""

    blocks: tuple[Block, ...]
    removed: tuple[Removed, ...]
    encoding: str
    separator: str = "\n"  # between blocks: "\n" (one paragraph a line) or "\n\n"


def assemble(extracted: Extracted, path: str, kind: InputKind, *, empty_hint: str) -> SourceText:
    """Normalise and join the blocks; raise `InputError` (with `empty_hint`) when no text is left."""
    parts: list[str] = []
    edits: list[Edit] = []
    hints: list[tuple[Span, int]] = []
    length = 0
    chinese = is_chinese("\n".join(b.text for b in extracted.blocks[:_LANGUAGE_SAMPLE_BLOCKS]))
    for block in extracted.blocks:
        normalised, block_edits = normalise_text(block.text)
        normalised, block_edits = rows_from_tabs(normalised, block_edits)
        normalised, block_edits = close_typographic_spaces(normalised, block_edits, chinese=chinese)
        # leading spaces stay: a reader may indent a line on purpose (PDF table headers)
        text = normalised.lstrip("\n").rstrip()
        if not text.strip():
            continue
        if parts:
            parts.append(extracted.separator)
            length += len(extracted.separator)
        # edits in the stripped margins are dropped; the others shift by what strip() removed
        lead = len(normalised) - len(normalised.lstrip("\n"))
        for e in block_edits:
            start = e.span.start - lead
            if 0 <= start and e.span.end - lead <= len(text):
                edits.append(Edit(Span(length + start, length + e.span.end - lead), e.original, e.reason))
        if block.level is not None:
            indent = len(text) - len(text.lstrip())
            hints.append((Span(length + indent, length + len(text)), block.level))
        parts.append(text)
        length += len(text)
    joined = "".join(parts)
    if not joined.strip():
        raise InputError(f"{path}: {empty_hint}")
    return SourceText(
        path=os.fspath(path),
        text=joined,
        encoding=extracted.encoding,
        kind=kind,
        edits=tuple(edits),
        removed=extracted.removed,
        heading_hints=tuple(hints),
    )
