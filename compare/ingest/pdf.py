"""Stage 1, ingest: PDF bytes with a text layer -> paragraphs in reading order as `Extracted`.

Text and character positions come from PDFium (pypdfium2), the PDF engine of Chromium: fast,
tolerant of damaged files, and it reports where each line sits on the page. From the lines this
reader
- removes running headers and footers (the same line, digits aside, at the top or bottom of
  several pages) and page numbers (a bare number, "- 3 -", "第3页", "Page 3 of 9" at a page's
  top or bottom), recording each as `Removed`;
- rebuilds paragraphs: a line joins the previous one unless there is a larger vertical gap, an
  indent, a short previous line, a heading marker or a table row; English lines join with a space
  (a line-end hyphen is dropped only when the joined word occurs elsewhere in the document),
  Chinese lines join with nothing.
Paragraphs are separated by a blank line, as in text renderings of PDFs. Dot leaders become
" … " and runs of spaces one space, as the plain-text reader does for text saved from a PDF.

Multi-column layouts are read in PDFium's text order, which follows the content stream.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..errors import InputError
from ..model import Removed
from .blocks import Block, Extracted
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
_GAP_FACTOR = 1.6

# Reflowing pieces into lines: baselines within 4 pt are one line (a superscript rises ~3 pt, a
# bottom-aligned table header cell sits 3 pt low in the Berkshire letters;
# lines are 10+ pt apart); a page is one column when at least half its characters are in lines
# spanning 45 % of the text width.
_BASELINE_TOLERANCE = 4.0
_WIDE_LINE_SHARE = 0.45
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
_NUMERIC_TOKEN = re.compile(r"^[($-]*[\d.,]+%?\)?\*?$")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_NEWLINES = re.compile(r"\r\n|\r|\n")
_PDFIUM_HYPHEN = "\ufffe"
_MARKED_HYPHEN = re.compile("([A-Za-z]*)\ufffe([A-Za-z]*)")


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    page: int
    x0: float | None  # left edge of the first character, points; None when PDFium gave no box
    x1: float | None  # right edge of the last character
    y: float | None  # bottom of the first character, points from the page's foot
    y_end: float | None  # bottom of the last character (PDFium joins hyphenated lines itself)
    pieces: int = 1  # text runs put together on this baseline; more than one is a table row


def read_pdf(data: bytes, path: str) -> Extracted:
    """Read the text layer of a PDF; raise `InputError` for encrypted, damaged or scanned files."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

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
    page = doc[index]  # type: ignore[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            n = textpage.count_chars()
            text = textpage.get_text_range(0, n) if n > 0 else ""
            boxes = len(text) == n  # surrogate pairs shift indices; then go without boxes
            lines: list[tuple[_Line, float, float]] = []
            pos = 0
            for raw in _NEWLINES.split(text):
                start, end = pos, pos + len(raw)
                pos = end
                m = _NEWLINES.match(text, pos)
                if m:
                    pos = m.end()
                stripped = raw.strip()
                if not stripped:
                    continue
                x0 = x1 = y = y_end = None
                if boxes:
                    first = start + (len(raw) - len(raw.lstrip()))
                    last = end - (len(raw) - len(raw.rstrip())) - 1
                    left, bottom, _, _ = textpage.get_charbox(first)
                    _, last_bottom, right, _ = textpage.get_charbox(last)
                    x0, x1, y, y_end = float(left), float(right), float(bottom), float(last_bottom)
                line = _Line(canonical_layout(stripped), index, x0, x1, y, y_end)
                lines.append((line, float(width), float(height)))
            return _reflow(lines) if boxes else lines
        finally:
            textpage.close()
    finally:
        page.close()


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
        merged = _Line(" ".join(ln.text for ln in lines), lines[0].page, lines[0].x0,
                       max((ln.x1 or 0.0) for ln in lines), lines[0].y, min((ln.y_end or 0.0) for ln in lines),
                       len(lines))
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
    paragraphs: list[str] = []
    found: list[tuple[str, bool]] = []  # (paragraph, is it one table row)
    current = _indent(lines[0], geometry) + _dehyphenate(lines[0].text, words)
    row = _is_row(lines[0])
    prev = lines[0]
    for ln in lines[1:]:
        text = _dehyphenate(ln.text, words)
        if _breaks(prev, ln, geometry):
            found.append((current, row))
            current, row = _indent(ln, geometry) + text, _is_row(ln)
        else:
            current, row = _join(current, text, words), False
        prev = ln
    found.append((current, row))
    # consecutive table rows stay one block, one row a line, as in text renderings of PDFs
    for k, (text, is_row) in enumerate(found):
        if is_row and k > 0 and found[k - 1][1]:
            paragraphs[-1] += "\n" + text
        else:
            paragraphs.append(text)
    return paragraphs


def _indent(line: _Line, geometry: dict[int, _Geometry]) -> str:
    """The line's indent from the page's left margin as spaces, as text renderings of PDFs keep
    it: later stages tell a heading at the margin from an indented table header by it."""
    g = geometry[line.page]
    if line.x0 is None or g.char_width <= 0:
        return ""
    return " " * max(0, min(_MAX_INDENT_SPACES, round((line.x0 - g.left) / g.char_width)))


def _is_row(line: _Line) -> bool:
    return line.pieces > 1 or _is_table_row(line.text)


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
    if _LEADER.search(text):
        return True
    tokens = text.split()
    numeric = sum(1 for t in tokens if _NUMERIC_TOKEN.match(t))
    return numeric >= 3 and numeric * 2 >= len(tokens)


def _breaks(prev: _Line, ln: _Line, geometry: dict[int, _Geometry]) -> bool:
    if prev.pieces > 1 or ln.pieces > 1:
        return True  # cells of a table row stand apart on one baseline: never part of a paragraph
    if _is_table_row(prev.text) or _is_table_row(ln.text) or _HEADING_START.match(ln.text):
        return True
    g_prev = geometry[prev.page]
    g = geometry[ln.page]
    if prev.x1 is not None and prev.x1 < g_prev.right - _SHORT_LINE_SHARE * g_prev.width:
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


def _hyphen_vocabulary(lines: list[_Line]) -> set[str]:
    words: set[str] = set()
    for ln in lines:
        words.update(w.lower() for w in _WORD.findall(ln.text.replace(_PDFIUM_HYPHEN, " ")))
    return words


def _dehyphenate(text: str, words: set[str]) -> str:
    """PDFium marks a hyphen that ended a line (and joins the lines) with U+FFFE; decide on it."""
    if _PDFIUM_HYPHEN not in text:
        return text
    return _MARKED_HYPHEN.sub(lambda m: _hyphen_join(m.group(1), m.group(2), words), text)


def _hyphen_join(head: str, tail: str, words: set[str]) -> str:
    # "compen-sation" -> "compensation" when the document uses the whole word elsewhere;
    # "near-term", "Russian-roulette" keep their hyphen
    return head + tail if (head + tail).lower() in words else f"{head}-{tail}"


def _join(current: str, nxt: str, words: set[str]) -> str:
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
