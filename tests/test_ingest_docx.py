"""Word .docx input: paragraphs in order, rendered list numbering, heading hints."""

from __future__ import annotations

import io
import zipfile

import pytest

from compare.errors import InputError
from compare.ingest import read_bytes

from _formats import make_docx, para

STYLES = (
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My Section"/><w:basedOn w:val="a3"/></w:style>'
)
NUMBERING = (
    '<w:abstractNum w:abstractNumId="7">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>'
)


def _report() -> bytes:
    body = "".join([
        para("青溪区2021年度法治政府建设情况报告", style="Heading1"),
        para("主要举措和成效", num=(3, 0)),
        para("健全依法决策机制。", num=(3, 1)),
        para("审议重大行政决策事项十一项。", num=(3, 2)),
        para("审查规范性文件八件。", num=(3, 2)),
        para("深化行政复议改革。", num=(3, 1)),
        '<w:p><w:r><w:t>全年办理案件</w:t></w:r><w:del><w:r><w:delText>四十</w:delText></w:r></w:del>'
        "<w:ins><w:r><w:t>三十七</w:t></w:r></w:ins><w:r><w:t>件。</w:t></w:r></w:p>",
        para("下一步工作计划", num=(3, 0)),
        para("附表", style="Mine"),
        "<w:tbl><w:tr><w:tc>" + para("指标") + "</w:tc><w:tc>" + para("2021年") + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + para("复议案件") + "</w:tc><w:tc>" + para("37") + "</w:tc></w:tr></w:tbl>",
    ])
    return make_docx(body, styles_xml=STYLES, numbering_xml=NUMBERING)


def test_paragraphs_in_order_with_rendered_numbering() -> None:
    src = read_bytes(_report(), "report.docx")
    assert src.kind == "docx"
    assert src.text.split("\n") == [
        "青溪区2021年度法治政府建设情况报告",
        "一、主要举措和成效",
        "（一）健全依法决策机制。",
        "1.审议重大行政决策事项十一项。",
        "2.审查规范性文件八件。",
        "（二）深化行政复议改革。",
        "全年办理案件三十七件。",  # tracked deletion left out, insertion kept
        "二、下一步工作计划",
        "附表",
        "| 指标 | 2021年 |",  # a table row: cells between pipes (compare/ingest/tables.py)
        "| 复议案件 | 37 |",
    ]


def test_heading_styles_and_list_levels_are_hints() -> None:
    src = read_bytes(_report(), "report.docx")
    hints = [(span.slice(src.text), level) for span, level in src.heading_hints]
    assert ("青溪区2021年度法治政府建设情况报告", 1) in hints
    assert ("一、主要举措和成效", 1) in hints
    assert ("（一）健全依法决策机制。", 2) in hints
    assert ("附表", 2) in hints  # style based on 标题 2


def test_docx_with_a_txt_extension_is_still_a_docx() -> None:
    assert read_bytes(_report(), "report.txt").kind == "docx"


def test_empty_docx_is_a_clear_error() -> None:
    with pytest.raises(InputError, match=r"empty\.docx: the Word document has no text"):
        read_bytes(make_docx(para("")), "empty.docx")


def test_other_zip_files_are_named() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match=r"book\.docx: this is an Excel workbook"):
        read_bytes(buf.getvalue(), "book.docx")


def test_xml_entities_are_refused() -> None:
    bomb = make_docx(para("x")).replace(b"", b"")
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bomb)) as src, zipfile.ZipFile(buf, "w") as out:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/document.xml":
                data = data.replace(b"<w:document", b'<!DOCTYPE d [<!ENTITY a "aaaa">]><w:document', 1)
            out.writestr(name, data)
    with pytest.raises(InputError, match=r"bomb\.docx: .*entity"):
        read_bytes(buf.getvalue(), "bomb.docx")


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_truncated_docx_is_a_clean_error(cut: float) -> None:
    data = _report()
    with pytest.raises(InputError, match=r"^cut\.docx: "):
        read_bytes(data[: int(len(data) * cut)], "cut.docx")
