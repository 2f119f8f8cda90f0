"""Builders for the format fixtures of the ingest tests: small PDFs, .docx files and web pages.

All text in them is written for the tests. The PDF builder writes a Type0 font with Identity-H
encoding and an identity ToUnicode map, so any BMP character (Chinese or English) extracts as
itself; every character is one em wide, which is all the reader's geometry needs.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

Line = tuple[float, float, str]  # x, y (points from the page's foot), text

_TOUNICODE = "\n".join(
    ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
     "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
     "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
     "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    + [line for chunk in range(0, 256, 100) for line in (
        [f"{min(100, 256 - chunk)} beginbfrange"]
        + [f"<{h:02X}00> <{h:02X}FF> <{h:02X}00>" for h in range(chunk, min(chunk + 100, 256))]
        + ["endbfrange"])]
    + ["endcmap", "CMapName currentdict /CMapResource defineresource pop", "end", "end"]
)


def make_pdf(pages: Sequence[Sequence[Line]], *, size: float = 12, width: float = 595, height: float = 842) -> bytes:
    """A PDF whose pages show the given lines; a page with no lines gets a drawn box, no text."""
    objects: list[bytes] = []

    def add(body: str | bytes) -> int:
        objects.append(body.encode("latin-1") if isinstance(body, str) else body)
        return len(objects)

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    catalog = add("")  # filled in below
    pages_obj = add("")
    descriptor = add("<< /Type /FontDescriptor /FontName /TestSans /Flags 4 /FontBBox [0 -200 1000 900] "
                     "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid = add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSans /CIDSystemInfo << /Registry (Adobe) "
              f"/Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /DW 1000 >>")
    tounicode = add(stream(_TOUNICODE.encode("ascii")))
    font = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /TestSans /Encoding /Identity-H "
               f"/DescendantFonts [{cid} 0 R] /ToUnicode {tounicode} 0 R >>")
    kids = []
    for lines in pages:
        if lines:
            ops = "".join(f"BT /F1 {size} Tf {x:.2f} {y:.2f} Td <{text.encode('utf-16-be').hex().upper()}> Tj ET\n"
                          for x, y, text in lines)
        else:
            ops = "0.5 g 72 72 400 600 re f\n"
        content = add(stream(ops.encode("ascii")))
        kids.append(add(f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {width} {height}] "
                        f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"))
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    objects[pages_obj - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                              f"/Count {len(kids)} >>").encode()
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref))
    return out.getvalue()


def wrap(text: str, width: int) -> list[str]:
    """Split `text` into lines of at most `width` characters at spaces (or anywhere, for Chinese)."""
    if " " not in text:
        return [text[i:i + width] for i in range(0, len(text), width)]
    lines, cur = [], ""
    for word in text.split(" "):
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    lines.append(cur)
    return lines


def layout(paragraphs: Sequence[str], *, chars: int, size: float = 12, left: float = 60, top: float = 760,
           indent: float = 24, per_page: int = 40, header: str | None = None, numbers: bool = True) -> list[list[Line]]:
    """Lay paragraphs out in pages: first-line indent, `chars` per line, optional header and page numbers."""
    lines: list[tuple[float, str]] = []
    for para in paragraphs:
        for k, text in enumerate(wrap(para, chars)):
            lines.append((indent if k == 0 else 0.0, text))
    pages: list[list[Line]] = []
    for start in range(0, len(lines), per_page):
        page: list[Line] = []
        if header:
            page.append((left, top + 40, header))
        for i, (dx, text) in enumerate(lines[start:start + per_page]):
            page.append((left + dx, top - i * size * 1.25, text))
        if numbers:
            page.append((290, 40, str(len(pages) + 1)))
        pages.append(page)
    return pages


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(body_xml: str, *, styles_xml: str | None = None, numbering_xml: str | None = None) -> bytes:
    """A .docx with the given <w:body> content (and optional styles and numbering parts)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("word/document.xml",
                   f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}">'
                   f"<w:body>{body_xml}</w:body></w:document>")
        if styles_xml is not None:
            z.writestr("word/styles.xml", f'<w:styles xmlns:w="{W_NS}">{styles_xml}</w:styles>')
        if numbering_xml is not None:
            z.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{W_NS}">{numbering_xml}</w:numbering>')
    return buf.getvalue()


def para(text: str, *, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    """One <w:p>: optional style id and (numId, ilvl) list numbering."""
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
