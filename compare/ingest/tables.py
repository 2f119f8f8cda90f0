"""Stage 1, ingest: how every reader (PDF, .docx, HTML) writes one row of a table into the text.

A row is one line. A row with Chinese text, or whose first cell starts with a heading marker, is
written with its cells between pipes, as Markdown writes tables: ``| 夏粮 | 16.38 | -1.7 |``.
The pipe at the start keeps the row from looking like a heading line to the structure stage (a
row ``二、衣着 101.3`` of a price table, ``（1）税收收入 69.10 12.5`` of a budget table would
otherwise read as a part or a section), and the pipes between cells keep cells apart where a
space would not: Chinese prose has no spaces, and the typographic spaces of typeset reports
("约 4.4 万亿元") are closed after reading (`spacing.py`). A pipe inside a cell becomes "¦".

Any other row (English figures: ``1965 … 23.8 49.5 10.0``) keeps its cells one space apart, as
text renderings of PDFs write tables, so that a letter read from its PDF and from its text
rendering read the same.

Text copied from a table (a web page's, Word's) separates cells by tabs; `rows_from_tabs` writes
such lines of Chinese text as rows too, recording each as an `Edit` with reason "table_row".
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lazy import lazy_pattern
from ..model import Edit
from .edits import apply_replacements
from .labels import METADATA_LINE

__all__ = ["format_row", "is_row_line", "is_data_table", "rows_from_tabs", "ROW_START", "CELL_SEPARATOR",
           "DATA_CELL_MAX"]

ROW_START = "| "
CELL_SEPARATOR = " | "
ROW_END = " |"
_SPACES = lazy_pattern(r"\s+")
_IDEOGRAPH = lazy_pattern(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# heading markers a first cell may start with: 一、 （一） 第一章 1. 1、 (1) ① and English I. A. 1)
_MARKER_START = lazy_pattern(
    r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\d]{1,3}[）)]|第[一二三四五六七八九十百]+[章节条部分]"
    r"|\d{1,2}[、.．)](?!\d)|[①-⑳]|[IVX]{1,4}\.\s|[A-Z][.)]\s|#)"
)


# A cell of a data table holds a label, a figure or a short phrase; a longer one is a layout
# table's (old government pages and some Word files put the whole report in a table's cell).
DATA_CELL_MAX = 150


def is_data_table(rows: Sequence[Sequence[str]], *, nested: bool = False) -> bool:
    """A table of data (its rows are table rows) rather than of layout (its cells are text):
    no table inside, a row of two cells or more, every cell short."""
    return (not nested and any(len(r) >= 2 for r in rows)
            and all(len(_SPACES.sub(" ", c).strip()) <= DATA_CELL_MAX for r in rows for c in r))


def format_row(cells: Sequence[str]) -> str:
    """One table row as a line; empty cells stay (columns line up), an all-empty row is ""."""
    clean = [_SPACES.sub(" ", c).strip().replace("|", "¦") for c in cells]
    if not any(clean):
        return ""
    if not any(_IDEOGRAPH.search(c) for c in clean) and not _MARKER_START.match(clean[0]):
        return " ".join(c for c in clean if c)
    return ROW_START + CELL_SEPARATOR.join(clean) + ROW_END


def is_row_line(line: str) -> bool:
    """Whether a line of the text is a table row written by `format_row`."""
    s = line.strip()
    return s.startswith("|") and s.endswith("|") and len(s) >= 3


_TABS = lazy_pattern(r"\t+")
_MIN_TAB_CELLS = 3
_FIGURE_CELL = lazy_pattern(r"^[-+−]?[\d.,]*\d[\d.,]*\s*[%‰]?$")


def rows_from_tabs(text: str, edits: tuple[Edit, ...]) -> tuple[str, tuple[Edit, ...]]:
    """Lines whose cells are separated by tabs (after any indent) become rows, when Chinese: three
    cells or more, or a label and a figure."""
    if "\t" not in text:
        return text, edits
    cuts: list[tuple[int, int, str, str]] = []
    pos = 0
    for line in text.split("\n"):
        body = line.strip(" \t\u3000")
        if METADATA_LINE.match(body):  # "索引号：\t…\t发布机构：\t…" is the metadata table, read as such
            pos += len(line) + 1
            continue
        cells = _TABS.split(body)
        # two cells without a figure are a heading with a tab after its marker ("第一章\t总则")
        if len(cells) >= _MIN_TAB_CELLS or (len(cells) == 2 and _FIGURE_CELL.match(cells[1].strip())):
            row = format_row(cells)
            if row.startswith(ROW_START):
                start = pos + len(line) - len(line.lstrip(" \t\u3000"))
                cuts.append((start, start + len(body), row, "table_row"))
        pos += len(line) + 1
    if not cuts:
        return text, edits
    return apply_replacements(text, edits, cuts)
