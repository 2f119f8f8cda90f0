"""A typeset Chinese PDF for the ingest tests, written with fpdf2 and a Noto CJK font.

Unlike `_formats.make_pdf` (one em per character, no glyphs), these pages have a real font with
proportional digits, sizes that differ between headings and body, centred headings and tables
with right-aligned columns: the layout of a government report exported from a typesetting program.
All text is written for the tests.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

FONT_DIR = Path("/usr/share/fonts/opentype/noto")
FONT = FONT_DIR / "NotoSansCJK-Regular.ttc"
_SC = 2  # Simplified Chinese face in Noto's font collections (JP, KR, SC, TC, HK)

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT = 72.0, 523.0
BODY = 12.0
LEADING = 20.0


@dataclass(frozen=True)
class Item:
    """What to set: a paragraph (`lines` as broken), a centred heading or a table."""

    kind: str  # "para" | "heading" | "table"
    lines: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    size: float = BODY
    space_before: float = 0.0
    indent: bool = True  # a paragraph's first line is indented two characters


def para(*lines: str, space_before: float = 0.0) -> Item:
    return Item("para", lines=lines, space_before=space_before)


def heading(text: str, *, size: float = 14.0, space_before: float = 45.0) -> Item:
    return Item("heading", lines=(text,), size=size, space_before=space_before)


def table(*rows: tuple[str, ...], space_before: float = 10.0) -> Item:
    return Item("table", rows=rows, space_before=space_before)


def need_font() -> Path:
    if not FONT.exists():
        pytest.skip(f"{FONT} missing: install Debian's fonts-noto-cjk (scripts/test does)")
    pytest.importorskip("fpdf", reason="fpdf2 missing: pip install -e '.[test]'")
    return FONT


def typeset(items: Sequence[Item], *, footer: bool = True) -> bytes:
    """Set the items top to bottom, new pages as needed; page numbers "- n -" at the foot."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("serif", fname=str(need_font()), collection_font_number=_SC)
    y = 0.0

    def new_page() -> float:
        pdf.add_page()
        if footer:
            pdf.set_font("serif", size=10)
            label = f"- {pdf.page_no()} -"
            pdf.text((PAGE_W - pdf.get_string_width(label)) / 2, PAGE_H - 40, label)
        return 90.0

    y = new_page()
    for item in items:
        y += item.space_before
        if item.kind == "table":
            pdf.set_font("serif", size=BODY)
            for row in item.rows:
                if y > PAGE_H - 90:
                    y = new_page()
                pdf.text(LEFT, y, row[0])
                # figures right-aligned at the right edge of each column
                for k, cell in enumerate(row[1:]):
                    right = LEFT + 230 + 110 * k
                    pdf.text(right - pdf.get_string_width(cell), y, cell)
                y += LEADING
            continue
        pdf.set_font("serif", size=item.size)
        for k, line in enumerate(item.lines):
            if y > PAGE_H - 90:
                y = new_page()
            if item.kind == "heading":
                x = (PAGE_W - pdf.get_string_width(line)) / 2
            else:
                x = LEFT + (2 * BODY if k == 0 and item.indent else 0.0)
            pdf.text(x, y, line)
            y += LEADING if item.kind == "para" else item.size * 1.8
    return bytes(pdf.output())


@functools.cache
def _measurer() -> Any:
    """One FPDF with the font loaded, to measure strings (loading the font collection is slow)."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("serif", fname=str(need_font()), collection_font_number=_SC)
    pdf.set_font("serif", size=BODY)
    return pdf


def fill(text: str, *, first_indent: float = 2 * BODY) -> tuple[str, ...]:
    """Break `text` into lines of the text width as a typesetter would: by measured width, never
    inside a run of digits (a figure moves whole to the next line)."""
    pdf = _measurer()
    lines: list[str] = []
    start = 0
    width = RIGHT - LEFT - first_indent
    i = 0
    while i < len(text):
        if pdf.get_string_width(text[start : i + 1]) > width:
            cut = i
            while cut > start + 1 and (text[cut - 1].isdigit() or text[cut - 1] == ".") and (
                    text[cut].isdigit() or text[cut] in ".%"):
                cut -= 1
            lines.append(text[start:cut])
            start = cut
            width = RIGHT - LEFT
            i = cut
            continue
        i += 1
    lines.append(text[start:])
    return tuple(lines)


_IDEO = "\u4e00-\u9fff"
_PART = re.compile(r"^([一二三四五六七八九十]+、)(.*)$")


def with_typographic_spaces(text: str) -> str:
    """Text as typesetting programs space it: a thin space between Chinese and figures."""
    text = re.sub(rf"(?<=[{_IDEO}])(-?\d[\d.]*[%‰]?)", r" \1", text)
    return re.sub(rf"(\d[%‰]?)(?=[{_IDEO}])", r"\1 ", text)


def items_of(text: str) -> list[Item]:
    """A one-paragraph-a-line report (tab-separated table rows) as a typeset PDF would set it:
    the title and short lines centred, parts centred 45 pt below the text before them (a
    two-character part spread out: "综 合"), tables in columns, paragraphs filled to the width
    with typographic spaces."""
    items: list[Item] = []
    rows: list[tuple[str, ...]] = []
    for line in text.split("\n"):
        if "\t" in line:
            rows.append(tuple(line.split("\t")))
            continue
        if rows:
            items.append(table(*rows))
            rows = []
        if not line.strip():
            continue
        part = _PART.match(line)
        if not items:
            items.append(heading(line, size=18, space_before=0))
        elif part:
            name = part.group(2)
            items.append(heading(part.group(1) + (" ".join(name) if len(name) == 2 else name)))
        elif len(line) < 30 and not line.endswith("。"):
            items.append(heading(with_typographic_spaces(line), size=BODY, space_before=8))
        else:
            items.append(para(*fill(with_typographic_spaces(line)), space_before=4))
    if rows:
        items.append(table(*rows))
    return items
