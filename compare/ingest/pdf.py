"""Stage 1, ingest: PDF bytes with a text layer -> paragraphs in reading order as `Extracted`.

Text and character positions come from PDFium (pypdfium2), the PDF engine of Chromium: fast,
tolerant of damaged files, and it reports where each character sits on the page. The reader goes
by those positions, not by PDFium's text stream alone:
- lines: a new line starts at PDFium's line break, and also where the baseline moves or the text
  steps back to the left (a heading set 45 pt below a paragraph can follow it in the stream with
  no break); characters 2 ems apart on one baseline are table cells; on single-column pages the
  pieces of one printed line are put together left to right;
- it removes running headers and footers (the same line, digits aside, at the top or bottom of
  several pages) and page numbers (a bare number, "- 3 -", "第3页", "Page 3 of 9" at a page's
  top or bottom), recording each as `Removed`;
- rebuilds paragraphs: a line joins the previous one unless there is a larger vertical gap, an
  indent, a short previous line, a heading marker, a table row, or a line set larger than the
  body or centred (a heading stands alone); a Chinese line that stops inside a sentence is short
  only far from the margin (a figure kept whole moves to the next line); English lines join with
  a space (a line-end hyphen is dropped only when the joined word occurs elsewhere in the
  document), Chinese lines join with nothing. Table rows are written by `tables.format_row`.
Paragraphs are separated by a blank line, as in text renderings of PDFs. Dot leaders become
" … " and runs of spaces one space, as the plain-text reader does for text saved from a PDF.

Multi-column layouts are read in PDFium's text order, which follows the content stream.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..model import Removed
from .blocks import Block, Extracted
from .tables import ROW_START, format_row
from .unwrap import canonical_layout

__all__ = ["read_pdf", "MAX_PDF_PAGES"]

# A yearly report runs to tens of pages, a budget book to a few hundred; 2,000 pages stops a
# mistaken archive of many documents before it takes minutes.
MAX_PDF_PAGES = 2000
# Below this many non-blank characters per page the PDF is taken as scanned images.
_MIN_CHARS_PER_PAGE = 20
# A line belongs to the page's header or footer zone when among its first or last lines ...
_EDGE_LINES = 3
# ... and repeats, digits aside, on at least this share of pages (and on at least 2 pages).
_REPEAT_SHARE = 0.4
# Paragraph breaks, as fractions of the text width or of the usual line spacing: an indent of
# 2 % of the width (Berkshire indents 36 pt of 480), a previous line ending 12 % short of the
# right margin, a vertical gap over 1.6 usual spacings (a blank line is 2).
_INDENT_SHARE = 0.02
_SHORT_LINE_SHARE = 0.12
# ... unless the line stops inside a Chinese sentence: then only a line ending before 60 % of the
# width is short (a heading without a marker); a long figure pushed whole to the next line leaves
# a few characters' room.
_SHORT_MID_SENTENCE_SHARE = 0.4
# A heading is set apart: in a font 10 % larger than the body's (a 14 pt heading over 12 pt text,
# 三号 over 四号), or centred: at least 4 characters in from both margins, the two within 2
# characters of each other.
_HEADING_SIZE_FACTOR = 1.1
_CENTRED_MIN_MARGIN = 4
_CENTRED_TOLERANCE = 2
# A Chinese row of a table read as one run: a label of at most 20 characters and at least two
# figures after it (one figure after a few words is as often the end of a line of prose that
# broke after a figure: "…并腾退 20.4").
_MIN_ROW_FIGURES = 2
_ROW_LABEL_MAX = 20
_PROSE_WORDS = 5  # lower-case words in a cell of English prose; a row label has a few capitalised ones
_GAP_FACTOR = 1.6

# Reflowing pieces into lines: baselines within 4 pt are one line (a superscript rises ~3 pt, a
# bottom-aligned table header cell sits 3 pt low in the Berkshire letters;
# lines are 10+ pt apart); a page is one column when at least half its characters are in lines
# spanning 45 % of the text width.
_BASELINE_TOLERANCE = 4.0
_WIDE_LINE_SHARE = 0.45
# Within one of PDFium's lines, a baseline that moves more than 0.6 em (and the 4 pt above) starts a
# new line: a superscript rises about a third of an em, the next line is 1.2 em or more below.
_BASELINE_SHIFT_EM = 0.6
# Characters on one baseline further apart than 2 ems are in different table cells: justified prose
# spaces words by under an em, the columns of a table stand apart by several.
_CELL_GAP_EM = 2.0
_DEFAULT_SIZE = 10.0  # points, when PDFium reports no font size
_STRAIGHT = 0.01  # radians: a character turned further is rotated text
_SINGLE_COLUMN_SHARE = 0.5

_MAX_INDENT_SPACES = 120  # a line this far in is at the right edge of a wide page

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:page|p\.)?\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?"
    r"|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|[ivxlc]{1,6})\s*$",
    re.I,
)
_HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百]+[章节条部分]"
    r"|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|[①-⑳•●■◆▪*])"
)
_LEADER = re.compile(r"(?:\.\s?){4,}|…")
_NUMERIC_TOKEN = re.compile(r"^[($+\-−]*[\d.,]*\d[\d.,]*%?\)?\*?$")
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_PROSE_PUNCT = re.compile(r"[，。；！？：,;“”]")
_SENTENCE_END = re.compile(r"[。！？；：.!?;:][”’\"')）」』]*$")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
_NEWLINES = re.compile(r"\r\n|\r|\n")
_PDFIUM_HYPHEN = "\ufffe"
_MARKED_HYPHEN = re.compile("([A-Za-z]*)\ufffe([A-Za-z]*)")


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    page: int
    x0: float | None  # left edge of the first character, points; None when PDFium gave no box
    x1: float | None  # right edge of the last character
    y: float | None  # baseline of the first character, points from the page's foot
    y_end: float | None  # baseline of the last character
    pieces: int = 1  # cells on this baseline (runs far apart); more than one is a table row
    cells: tuple[str, ...] = ()  # the cells' text, left to right
    size: float = 0.0  # font size in points, 0 when unknown


def read_pdf(data: bytes, path: str) -> Extracted:
    """Read the text layer of a PDF; raise `InputError` for encrypted, damaged or scanned files."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(
                f"{path}: the PDF is encrypted with a password; open it, print it to a new PDF "
                "without a password (or save it as text) and try again."
            ) from None
        raise InputError(f"{path}: the PDF is damaged or truncated and cannot be opened; "
                         "download or export it again.") from None
    try:
        count = len(doc)
        if count == 0:
            raise InputError(f"{path}: the PDF has no pages; download or export it again.")
        if count > MAX_PDF_PAGES:
            raise InputError(f"{path}: the PDF has {count} pages, over the {MAX_PDF_PAGES}-page "
                             "limit; is this really one report?")
        pages = [_page_lines(doc, i, path) for i in range(count)]
    except pdfium.PdfiumError:
        raise InputError(f"{path}: the PDF is damaged and a page cannot be read; "
                         "download or export it again.") from None
    finally:
        doc.close()
    chars = sum(len(ln.text.strip()) for page in pages for ln, _, _ in page)
    if chars < _MIN_CHARS_PER_PAGE * count:
        raise InputError(
            f"{path}: the PDF has almost no text layer ({chars} characters on {count} pages); it is "
            "probably scanned images and needs OCR first (for example ocrmypdf), or give the text."
        )
    body, removed = _strip_page_chrome(pages)
    return Extracted(tuple(Block(p) for p in _paragraphs(body, pages)), tuple(removed), "pdf", "\n\n")


def _page_lines(doc: object, index: int, path: str) -> list[tuple[_Line, float, float]]:
    """The page's non-blank lines with their geometry, plus the page width and height."""
    import pypdfium2.raw as pdfium_c

    page = doc[index]  # type: ignore[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            n = textpage.count_chars()
            text = textpage.get_text_range(0, n) if n > 0 else ""
            if len(text) != n:  # surrogate pairs shift indices; then go by PDFium's lines, without boxes
                return [(_Line(canonical_layout(raw.strip()), index, None, None, None, None), float(width),
                         float(height)) for raw in _NEWLINES.split(text) if raw.strip()]
            runs = _runs(textpage, pdfium_c, text)
            lines = [(_line_of(run, index), float(width), float(height)) for run in runs]
            lines = [item for item in lines if item[0].text]
            return _reflow(lines)
        finally:
            textpage.close()
    finally:
        page.close()


# One character: (text, left, right, baseline) in points from the page's foot; a plain tuple, as
# a page has thousands and this is the reader's inner loop. None in a run stands for a space.
_Char = tuple[str, float, float, float]


def _runs(textpage: Any, pdfium_c: Any, text: str) -> list[tuple[list[_Char | None], float]]:
    """Characters grouped into runs on one baseline, in PDFium's order; `None` marks a space.

    A run ends at PDFium's line break, and also where the baseline moves (a heading set 45 pt
    below a paragraph may follow it in the content stream with no break in PDFium's text) or
    the text goes back to the left. Each run carries its font size (size times the text matrix's
    vertical scale), measured on its first character.
    """
    raw = textpage.raw
    # two C calls a character: the reader's cost; the by-reference arguments are made once
    left, right, bottom, top, ox, oy = (ctypes.c_double() for _ in range(6))
    box_refs = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    origin_refs = (ctypes.byref(ox), ctypes.byref(oy))
    get_box, get_origin = pdfium_c.FPDFText_GetCharBox, pdfium_c.FPDFText_GetCharOrigin
    matrix = pdfium_c.FS_MATRIX()
    runs: list[tuple[list[_Char | None], float]] = []
    current: list[_Char | None] = []
    size = 0.0
    shift = 0.0  # the baseline move that starts a new line, for the current size
    last: _Char | None = None
    for i, ch in enumerate(text):
        if ch == "\r" or ch == "\n" or ch.isspace():
            if ch in "\r\n":
                if last is not None:
                    runs.append((current, size))
                current, last = [], None
            elif last is not None:
                current.append(None)
            continue
        get_box(raw, i, *box_refs)
        get_origin(raw, i, *origin_refs)
        x0 = left.value
        char = (ch, x0, max(right.value, x0), oy.value)
        if last is not None and (abs(char[3] - last[3]) > shift or char[2] < last[1] - size) and (
                abs(pdfium_c.FPDFText_GetCharAngle(raw, i)) < _STRAIGHT):
            # (rotated text, a landscape table set sideways, runs along its own baseline: PDFium's
            # line stands)
            runs.append((current, size))
            current, last = [], None
        if last is None:
            size = _font_size(pdfium_c, raw, i, matrix)
            shift = max(_BASELINE_TOLERANCE, _BASELINE_SHIFT_EM * size)
        current.append(char)
        last = char
    if last is not None:
        runs.append((current, size))
    return runs


def _font_size(pdfium_c: Any, raw: Any, i: int, matrix: Any) -> float:
    """The font size times the vertical scale of the character's matrix (PDFs that set text at
    1 pt and scale it up report 1 pt as the font size)."""
    size = float(pdfium_c.FPDFText_GetFontSize(raw, i))
    if pdfium_c.FPDFText_GetMatrix(raw, i, ctypes.byref(matrix)):
        scale = math.hypot(matrix.c, matrix.d)
        if scale > 0:
            size *= scale
    return size if size > 0 else _DEFAULT_SIZE


def _line_of(run: tuple[list[_Char | None], float], page: int) -> _Line:
    """One run as a line; characters further apart than `_CELL_GAP_EM` ems are table cells."""
    chars, size = run
    cells: list[str] = []
    buf: list[str] = []
    gap = _CELL_GAP_EM * size
    prev: _Char | None = None
    first: _Char | None = None
    for c in chars:
        if c is None:
            buf.append(" ")
            continue
        if prev is not None and c[1] - prev[2] > gap:
            cells.append("".join(buf))
            buf = []
        if first is None:
            first = c
        buf.append(c[0])
        prev = c
    cells.append("".join(buf))
    cleaned = tuple(t for t in (canonical_layout(cell.strip()) for cell in cells) if t)
    assert first is not None and prev is not None  # a run holds at least one character
    return _Line(" ".join(cleaned), page, first[1], prev[2], first[3], prev[3], len(cleaned), cleaned, size)


def _reflow(page: list[tuple[_Line, float, float]]) -> list[tuple[_Line, float, float]]:
    """On a single-column page, put the pieces of one printed line together, top to bottom.

    PDFium returns text in content-stream order, in which a table's header cells come column by
    column ("Year", "Book Value of", "Berkshire", …). Pieces whose baselines agree (to
    `_BASELINE_TOLERANCE` points) form one line, ordered left to right. Pages with two or more
    columns (few lines span half the text width) keep PDFium's order, which follows the columns.
    """
    if len(page) < 2:
        return page
    left = min(ln.x0 for ln, _, _ in page if ln.x0 is not None)
    right = max(ln.x1 for ln, _, _ in page if ln.x1 is not None)
    width = max(right - left, 1.0)
    chars = sum(len(ln.text) for ln, _, _ in page)
    wide = sum(len(ln.text) for ln, _, _ in page
               if ln.x0 is not None and ln.x1 is not None and ln.x1 - ln.x0 >= _WIDE_LINE_SHARE * width)
    if wide < _SINGLE_COLUMN_SHARE * chars:
        return page
    ordered = sorted(page, key=lambda item: -(item[0].y or 0.0))
    groups: list[list[tuple[_Line, float, float]]] = []
    for item in ordered:
        if groups and abs((groups[-1][0][0].y or 0.0) - (item[0].y or 0.0)) <= _BASELINE_TOLERANCE:
            groups[-1].append(item)
        else:
            groups.append([item])
    out: list[tuple[_Line, float, float]] = []
    for group in groups:
        if len(group) == 1:
            out.append(group[0])
            continue
        group.sort(key=lambda item: item[0].x0 or 0.0)
        lines = [g[0] for g in group]
        cells = tuple(cell for ln in lines for cell in (ln.cells or (ln.text,)))
        merged = _Line(" ".join(ln.text for ln in lines), lines[0].page, lines[0].x0,
                       max((ln.x1 or 0.0) for ln in lines), lines[0].y, min((ln.y_end or 0.0) for ln in lines),
                       len(cells), cells, lines[0].size)
        out.append((merged, group[0][1], group[0][2]))
    return out


def _chrome_key(line: _Line, *, top: bool) -> tuple[str, bool, int | None]:
    """What must repeat for a running header or footer: the text (digits aside), the side of the
    page and the height on it (to 4 pt), so a body sentence that recurs is not taken for one."""
    text = re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.text)).strip().lower()
    return text, top, None if line.y is None else round(line.y / 4)


def _strip_page_chrome(
    pages: list[list[tuple[_Line, float, float]]],
) -> tuple[list[_Line], list[Removed]]:
    """Drop page numbers and running headers/footers; return the body lines and the records."""
    edge: list[set[int]] = []
    key_pages: Counter[tuple[str, bool, int | None]] = Counter()
    for page in pages:
        n = len(page)
        idx = set(range(min(_EDGE_LINES, n))) | set(range(max(0, n - _EDGE_LINES), n))
        edge.append(idx)
        for k in {_chrome_key(page[i][0], top=i < n / 2) for i in idx}:
            key_pages[k] += 1
    repeat_min = max(2, round(_REPEAT_SHARE * len(pages) + 0.49))
    body: list[_Line] = []
    removed: list[Removed] = []
    for page, idx in zip(pages, edge):
        n = len(page)
        # the outermost lines first: a page number, then a header under it, and so on
        for i, (ln, _, _) in enumerate(page):
            reason = None
            if i in idx:
                at_top = i < n / 2
                if _PAGE_NUMBER.match(ln.text) and _is_outermost(i, page, idx):
                    reason = "pdf_page_number"
                elif len(pages) >= 2 and key_pages[_chrome_key(ln, top=at_top)] >= repeat_min:
                    reason = "pdf_running_header" if at_top else "pdf_running_footer"
            if reason:
                removed.append(Removed(ln.text, reason))
            else:
                body.append(ln)
    return body, removed


def _is_outermost(i: int, page: list[tuple[_Line, float, float]], idx: set[int]) -> bool:
    """A bare number is a page number only above all body lines or below them (in the edge zone)."""
    only_numbers_above = all(_PAGE_NUMBER.match(page[j][0].text) for j in range(i))
    only_edge_below = all(j in idx for j in range(i + 1, len(page)))
    return only_numbers_above or only_edge_below


def _paragraphs(lines: list[_Line], pages: list[list[tuple[_Line, float, float]]]) -> list[str]:
    if not lines:
        return []
    geometry = _page_geometry(lines, pages)
    words = _hyphen_vocabulary(lines)
    body_size = _body_size(lines)
    paragraphs: list[str] = []
    found: list[tuple[str, bool]] = []  # (paragraph, is it one table row)
    current, row = _start(lines[0], geometry, words)
    prev = lines[0]
    for ln in lines[1:]:
        if row or _is_row(ln) or _breaks(prev, ln, geometry, body_size):
            found.append((current, row))
            current, row = _start(ln, geometry, words)
        else:
            current = _join(current, _dehyphenate(ln.text, words), words)
        prev = ln
    found.append((current, row))
    # consecutive table rows stay one block, one row a line, as in text renderings of PDFs
    for k, (text, is_row) in enumerate(found):
        if is_row and k > 0 and found[k - 1][1]:
            paragraphs[-1] += "\n" + text
        else:
            paragraphs.append(text)
    return paragraphs


def _start(line: _Line, geometry: dict[int, _Geometry], words: set[str]) -> tuple[str, bool]:
    """The text a line opens its paragraph with, and whether the line is a table row."""
    cells = _row_cells(line)
    if cells:
        row = format_row(cells)
        # a row between pipes stands at the margin; a row of figures keeps its indent, as text
        # renderings of PDFs keep it
        return (row if row.startswith(ROW_START) else _indent(line, geometry) + row), True
    if _is_table_row(line.text):  # a row of one run (dot leaders, figures a space apart): as read
        return _indent(line, geometry) + line.text, True
    return _indent(line, geometry) + _dehyphenate(line.text, words), False


def _indent(line: _Line, geometry: dict[int, _Geometry]) -> str:
    """The line's indent from the page's left margin as spaces, as text renderings of PDFs keep
    it: later stages tell a heading at the margin from an indented table header by it."""
    g = geometry[line.page]
    if line.x0 is None or g.char_width <= 0:
        return ""
    return " " * max(0, min(_MAX_INDENT_SPACES, round((line.x0 - g.left) / g.char_width)))


def _is_row(line: _Line) -> bool:
    return bool(_row_cells(line)) or _is_table_row(line.text)


def _row_cells(line: _Line) -> tuple[str, ...]:
    """The cells of a table row, or () when the line is not one.

    Cells stand apart on the page (`_CELL_GAP_EM`), or, in Chinese text, a short label is
    followed by figures only ("夏粮 16.38 -1.7", "二、衣着 101.3 0.5"), which prose never is:
    prose puts a unit or a word after its figures. A line of single characters set apart
    ("目 录") is a spaced title, and a cell of prose (a sentence's punctuation in a long cell)
    makes a line prose, not a row; so does prose in the last cell (a bullet set apart from its
    text: "Š   Clayton Homes acquired two builders …").
    """
    if line.pieces > 1 and len(line.cells) > 1:
        if all(len(c) == 1 for c in line.cells) or _is_prose(line.cells[-1]) or any(
                len(c) > _ROW_LABEL_MAX and _IDEOGRAPH.search(c) and _PROSE_PUNCT.search(c) for c in line.cells):
            return ()
        return line.cells
    if not _IDEOGRAPH.search(line.text) or _PROSE_PUNCT.search(line.text):
        return ()
    tokens = line.text.split()
    tail = 0
    while tail < len(tokens) and _NUMERIC_TOKEN.match(tokens[-1 - tail]):
        tail += 1
    label = " ".join(tokens[: len(tokens) - tail])
    if tail < _MIN_ROW_FIGURES or not label or len(label) > _ROW_LABEL_MAX:
        return ()
    return (label, *tokens[len(tokens) - tail:])


def _is_prose(cell: str) -> bool:
    """Words running on: a sentence's punctuation in Chinese, five or more lower-case words in English."""
    if len(cell) <= _ROW_LABEL_MAX:
        return False
    if _IDEOGRAPH.search(cell):
        return bool(_PROSE_PUNCT.search(cell))
    return len(_LOWER_WORD.findall(cell)) >= _PROSE_WORDS


def _body_size(lines: list[_Line]) -> float:
    """The font size most characters are set in (0 when PDFium gave none)."""
    sizes: Counter[float] = Counter()
    for ln in lines:
        if ln.size:
            sizes[round(ln.size, 1)] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0

@dataclass(frozen=True, slots=True)
class _Geometry:
    left: float
    right: float
    width: float
    spacing: float  # usual distance between baselines
    char_width: float  # usual width of one character, to turn an indent into spaces


def _page_geometry(lines: list[_Line], pages: list[list[tuple[_Line, float, float]]]) -> dict[int, _Geometry]:
    out: dict[int, _Geometry] = {}
    by_page: dict[int, list[_Line]] = {}
    for ln in lines:
        by_page.setdefault(ln.page, []).append(ln)
    for page, lns in by_page.items():
        xs = sorted(round(ln.x0) for ln in lns if ln.x0 is not None)
        rights = sorted(ln.x1 for ln in lns if ln.x1 is not None)
        page_width = pages[page][0][1] if pages[page] else 600.0
        if not xs or not rights:
            out[page] = _Geometry(0.0, page_width, page_width, 0.0, 0.0)
            continue
        left = float(Counter(xs).most_common(1)[0][0])
        right = rights[int(0.9 * (len(rights) - 1))]
        gaps = sorted(
            a.y_end - b.y for a, b in zip(lns, lns[1:])
            if a.y_end is not None and b.y is not None and a.y_end - b.y > 0
        )
        spacing = gaps[len(gaps) // 2] if gaps else 0.0
        widths = sorted((ln.x1 - ln.x0) / len(ln.text) for ln in lns
                        if ln.x0 is not None and ln.x1 is not None and ln.pieces == 1 and len(ln.text) >= 20)
        char_width = widths[len(widths) // 2] if widths else 0.0
        out[page] = _Geometry(left, right, max(right - left, 1.0), spacing, char_width)
    return out


def _is_table_row(text: str) -> bool:
    """An English row read as one run: dot leaders, or mostly figures. Chinese rows are found by
    `_row_cells` ("……" is an ellipsis in Chinese prose, and typeset prose spaces its figures)."""
    if _IDEOGRAPH.search(text):
        return False
    if _LEADER.search(text):
        return True
    tokens = text.split()
    numeric = sum(1 for t in tokens if _NUMERIC_TOKEN.match(t))
    return numeric >= 3 and numeric * 2 >= len(tokens)


def _breaks(prev: _Line, ln: _Line, geometry: dict[int, _Geometry], body_size: float) -> bool:
    if _is_table_row(prev.text) or _HEADING_START.match(ln.text):
        return True
    g_prev = geometry[prev.page]
    g = geometry[ln.page]
    if _stands_alone(prev, g_prev, body_size) or _stands_alone(ln, g, body_size):
        return True  # a heading set larger or centred is a line of its own
    # a Chinese line that stops inside a sentence goes on in the next line even when it ends
    # short of the margin (a figure and its unit are kept together and pushed to the next line)
    mid_sentence = bool(_IDEOGRAPH.search(prev.text[-2:] + ln.text[:1])) and not _SENTENCE_END.search(prev.text)
    short = _SHORT_MID_SENTENCE_SHARE if mid_sentence else _SHORT_LINE_SHARE
    if prev.x1 is not None and prev.x1 < g_prev.right - short * g_prev.width:
        return True
    if prev.page == ln.page and prev.y_end is not None and ln.y is not None:
        gap = prev.y_end - ln.y
        if gap <= 0 or (g.spacing and gap > _GAP_FACTOR * g.spacing):
            return True
    if prev.x0 is not None and ln.x0 is not None:
        if prev.page == ln.page and ln.x0 > prev.x0 + _INDENT_SHARE * g.width:
            return True
        if prev.page != ln.page and ln.x0 > g.left + _INDENT_SHARE * g.width:
            return True
    return False


def _stands_alone(line: _Line, g: _Geometry, body_size: float) -> bool:
    """A line set in a larger size than the body, or centred with room on both sides."""
    if line.size and body_size and line.size > _HEADING_SIZE_FACTOR * body_size:
        return True
    if line.x0 is None or line.x1 is None or g.char_width <= 0:
        return False
    left, right = line.x0 - g.left, g.right - line.x1
    return (left > _CENTRED_MIN_MARGIN * g.char_width and right > _CENTRED_MIN_MARGIN * g.char_width
            and abs(left - right) <= _CENTRED_TOLERANCE * g.char_width)


def _hyphen_vocabulary(lines: list[_Line]) -> set[str]:
    words: set[str] = set()
    for ln in lines:
        words.update(w.lower() for w in _WORD.findall(ln.text.replace(_PDFIUM_HYPHEN, " ")))
    return words


def _dehyphenate(text: str, words: set[str]) -> str:
    """PDFium marks a hyphen that ended a line (and joins the lines) with U+FFFE; decide on it."""
    if _PDFIUM_HYPHEN not in text.rstrip(_PDFIUM_HYPHEN):
        return text  # a mark at the line's end is decided when the next line is joined (`_join`)
    return _MARKED_HYPHEN.sub(lambda m: _hyphen_join(m.group(1), m.group(2), words), text)


def _hyphen_join(head: str, tail: str, words: set[str]) -> str:
    # "compen-sation" -> "compensation" when the document uses the whole word elsewhere;
    # "near-term", "Russian-roulette" keep their hyphen
    return head + tail if (head + tail).lower() in words else f"{head}-{tail}"


def _join(current: str, nxt: str, words: set[str]) -> str:
    if current.endswith(_PDFIUM_HYPHEN):
        head = re.search(r"[A-Za-z]*$", current[:-1])
        tail = re.match(r"[A-Za-z]*", nxt)
        assert head is not None and tail is not None  # both patterns match the empty string
        return current[: head.start()] + _hyphen_join(head.group(), tail.group(), words) + nxt[tail.end():]
    if current.endswith(("\u00ad", "\x02")):
        return current[:-1] + nxt
    if _CJK.match(current[-1]) or _CJK.match(nxt[0]):
        return current + nxt
    if current.endswith("-") and len(current) > 1 and current[-2].isalpha() and nxt[0].islower():
        head = re.search(r"([A-Za-z]+)-$", current)
        tail = re.match(r"[A-Za-z]+", nxt)
        if head and tail and (head.group(1) + tail.group()).lower() in words:
            return current[:-1] + nxt
        return current + nxt
    return current + " " + nxt
