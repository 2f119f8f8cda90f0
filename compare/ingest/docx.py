"""Stage 1, ingest: a Word .docx (bytes) -> paragraphs in order, with heading hints, as `Extracted`.

A .docx is a zip of XML; the standard library reads it (zipfile + ElementTree), so no dependency
is needed. Paragraphs and table rows come out in body order. Word's automatic list numbering is
not in the text (Word draws it), so this reader renders it from numbering.xml ("一、", "（一）",
"1." …) in front of the paragraph, as a reader of the printed report would see it. Heading
styles ("Heading 2", "标题 2", or an outline level) and numbered-list levels become heading hints.
Tracked deletions, text-box fallbacks and field codes are skipped.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from xml.etree import ElementTree

from ..errors import InputError
from .blocks import Block, Extracted
from .tables import format_row, is_data_table

__all__ = ["read_docx", "MAX_DOCX_XML_BYTES"]

# Unpacked document.xml of a 300-page report is a few MB; more than this is a zip bomb or not a report.
MAX_DOCX_XML_BYTES = 200 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {f"{_W}del", f"{_W}delText", f"{_W}instrText", f"{_W}txbxContent", _MC_FALLBACK,
         f"{_W}footnoteReference", f"{_W}commentReference", f"{_W}pPr", f"{_W}rPr"}
_HEADING_STYLE = re.compile(r"^(?:heading|标题|titre|überschrift)\s*(\d)$", re.I)
_CN_DIGITS = "零一二三四五六七八九"


def read_docx(data: bytes, path: str) -> Extracted:
    """Read a .docx; raise `InputError` when it is damaged, encrypted or not really Word XML."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            document = _part(archive, "word/document.xml", path)
            styles = _part(archive, "word/styles.xml", path, required=False)
            numbering = _part(archive, "word/numbering.xml", path, required=False)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
        raise InputError(f"{path}: the Word document is damaged or encrypted; open it in Word, "
                         "save it again as .docx without a password and try again.") from None
    body = document.find(f"{_W}body") if document is not None else None
    if body is None:
        raise InputError(f"{path}: the Word document has no body; open it in Word and save it again.")
    style_levels = _style_levels(styles)
    formats = _numbering_formats(numbering)
    counters: dict[str, list[int]] = {}
    blocks: list[Block] = []
    for el in body:
        if el.tag == f"{_W}p":
            blocks.append(_paragraph(el, style_levels, formats, counters))
        elif el.tag == f"{_W}tbl":
            blocks.extend(_table(el, lambda p: _paragraph(p, style_levels, formats, counters)))
        elif el.tag == f"{_W}sdt":  # content control wrapping paragraphs (tables of contents, forms)
            for p in el.iter(f"{_W}p"):
                blocks.append(_paragraph(p, style_levels, formats, counters))
    return Extracted(tuple(b for b in blocks if b.text.strip()), (), "docx", "\n")


def _part(archive: zipfile.ZipFile, name: str, path: str, *, required: bool = True) -> ElementTree.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        if required:
            raise InputError(f"{path}: the Word document has no {name}; open it in Word and save it again.") from None
        return None
    if info.file_size > MAX_DOCX_XML_BYTES:
        raise InputError(f"{path}: the Word document unpacks to over {MAX_DOCX_XML_BYTES // 2**20} MB "
                         "of XML; is this really one report?")
    raw = archive.read(name)
    if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw:
        # Word never writes a DTD; entity definitions are how XML bombs expand
        raise InputError(f"{path}: the Word document contains XML entity definitions Word never writes; "
                         "open it in Word and save it again.")
    try:
        return ElementTree.fromstring(raw)
    except ElementTree.ParseError:
        raise InputError(f"{path}: the Word document's {name} is damaged; open it in Word and save it again.") from None


def _style_levels(styles: ElementTree.Element | None) -> dict[str, int]:
    """styleId -> heading level, from the style's name or its outline level (following basedOn)."""
    if styles is None:
        return {}
    direct: dict[str, int] = {}
    based: dict[str, str] = {}
    for st in styles.iter(f"{_W}style"):
        sid = st.get(f"{_W}styleId") or ""
        name_el = st.find(f"{_W}name")
        name = (name_el.get(f"{_W}val") or "") if name_el is not None else ""
        m = _HEADING_STYLE.match(name.strip())
        outline = st.find(f"{_W}pPr/{_W}outlineLvl")
        if m and 1 <= int(m.group(1)) <= 9:
            direct[sid] = int(m.group(1))
        elif name.strip().lower() == "title":
            direct[sid] = 1
        elif outline is not None and (outline.get(f"{_W}val") or "").isdigit() and int(outline.get(f"{_W}val") or 9) < 9:
            direct[sid] = int(outline.get(f"{_W}val") or 0) + 1
        base = st.find(f"{_W}basedOn")
        if base is not None and base.get(f"{_W}val"):
            based[sid] = base.get(f"{_W}val") or ""
    levels: dict[str, int] = {}
    for sid in set(direct) | set(based):
        seen: set[str] = set()
        cur: str | None = sid
        while cur is not None and cur not in seen:
            seen.add(cur)
            if cur in direct:
                levels[sid] = direct[cur]
                break
            cur = based.get(cur)
    return levels


def _numbering_formats(numbering: ElementTree.Element | None) -> dict[str, dict[int, tuple[str, str, int]]]:
    """numId -> ilvl -> (numFmt, lvlText, start)."""
    if numbering is None:
        return {}
    abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
    for an in numbering.iter(f"{_W}abstractNum"):
        levels: dict[int, tuple[str, str, int]] = {}
        for lvl in an.iter(f"{_W}lvl"):
            ilvl = _int(lvl.get(f"{_W}ilvl"), 0)
            fmt = lvl.find(f"{_W}numFmt")
            text = lvl.find(f"{_W}lvlText")
            start = lvl.find(f"{_W}start")
            levels[ilvl] = (
                (fmt.get(f"{_W}val") or "decimal") if fmt is not None else "decimal",
                (text.get(f"{_W}val") or "") if text is not None else "",
                _int(start.get(f"{_W}val") if start is not None else None, 1),
            )
        abstract[an.get(f"{_W}abstractNumId") or ""] = levels
    out: dict[str, dict[int, tuple[str, str, int]]] = {}
    for num in numbering.iter(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        if ref is not None:
            out[num.get(f"{_W}numId") or ""] = abstract.get(ref.get(f"{_W}val") or "", {})
    return out


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _paragraph(p: ElementTree.Element, style_levels: dict[str, int],
               formats: dict[str, dict[int, tuple[str, str, int]]], counters: dict[str, list[int]]) -> Block:
    text = _runs_text(p)
    ppr = p.find(f"{_W}pPr")
    level: int | None = None
    marker = ""
    if ppr is not None:
        style = ppr.find(f"{_W}pStyle")
        if style is not None:
            level = style_levels.get(style.get(f"{_W}val") or "")
        outline = ppr.find(f"{_W}outlineLvl")
        if outline is not None and _int(outline.get(f"{_W}val"), 9) < 9:
            level = _int(outline.get(f"{_W}val"), 0) + 1
        num = ppr.find(f"{_W}numPr")
        if num is not None and text.strip():
            num_id_el = num.find(f"{_W}numId")
            ilvl_el = num.find(f"{_W}ilvl")
            num_id = (num_id_el.get(f"{_W}val") or "") if num_id_el is not None else ""
            ilvl = min(max(_int(ilvl_el.get(f"{_W}val") if ilvl_el is not None else None, 0), 0), 8)
            if num_id in formats and num_id != "0":
                marker = _marker(num_id, ilvl, formats[num_id], counters)
                if level is None:
                    level = ilvl + 1
    return Block(marker + text, level)


def _runs_text(p: ElementTree.Element) -> str:
    """Text of a paragraph in order: w:t, tabs, breaks; skipping deletions, text-box fallbacks, fields."""
    out: list[str] = []
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == f"{_W}t":
            out.append(child.text or "")
        elif tag == f"{_W}tab":
            out.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            out.append("-")
        elif tag == f"{_W}p":  # a paragraph nested in a text box: a line of its own
            out.append("\n")
            stack.append(iter(child))
        else:
            stack.append(iter(child))
    return "".join(out)


def _table(tbl: ElementTree.Element, paragraph: Callable[[ElementTree.Element], Block]) -> list[Block]:
    """A data table: one line per row, written by `tables.format_row`. A layout table (the
    report, or a part of it, set in a table's cells): its paragraphs, each read by `paragraph`."""
    trs = tbl.findall(f"{_W}tr")
    cells = [[" ".join(t for p in tc.iter(f"{_W}p") if (t := _runs_text(p).strip())) for tc in tr.findall(f"{_W}tc")]
             for tr in trs]
    if is_data_table(cells, nested=tbl.find(f".//{_W}tbl") is not None):
        return [Block(line) for row in cells if (line := format_row(row))]
    blocks: list[Block] = []
    for tr in trs:
        for tc in tr.findall(f"{_W}tc"):
            for child in tc:
                if child.tag == f"{_W}p":
                    blocks.append(paragraph(child))
                elif child.tag == f"{_W}tbl":
                    blocks.extend(_table(child, paragraph))
    return blocks


def _marker(num_id: str, ilvl: int, levels: dict[int, tuple[str, str, int]], counters: dict[str, list[int]]) -> str:
    """Advance the list counter of (num_id, ilvl) and render Word's lvlText, e.g. "（%1）" -> "（三）"."""
    starts = [levels.get(i, ("decimal", "", 1))[2] for i in range(9)]
    count = counters.setdefault(num_id, [s - 1 for s in starts])
    count[ilvl] += 1
    for deeper in range(ilvl + 1, 9):
        count[deeper] = starts[deeper] - 1
    fmt, template, _ = levels.get(ilvl, ("decimal", f"%{ilvl + 1}.", 1))
    if fmt == "bullet" or fmt == "none":
        return ""

    def render(m: re.Match[str]) -> str:
        k = int(m.group(1)) - 1
        if not 0 <= k < 9:
            return ""
        k_fmt = levels.get(k, ("decimal", "", 1))[0]
        return _format_number(max(count[k], 0), k_fmt if k == ilvl else k_fmt)

    return re.sub(r"%(\d)", render, template)


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting",
               "chineseLegalSimplified", "ideographDigital"):
        return _chinese(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    return str(n)


def _chinese(n: int) -> str:
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN_DIGITS[ones]
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out or "A"


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out
