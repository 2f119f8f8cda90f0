"""One report, three formats, one outline (issue 18): the .txt, the same lines saved as a
government page (one <p> per line, GBK, full-width indent) and as a .docx (one paragraph per line)
give the same parts, sub-sections and recovered markers. The page and the .docx are made here."""

from __future__ import annotations

import html
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from compare.ingest import read_bytes
from compare.structure.parse import parse_report

from _formats import make_docx, para
from conftest import SEED, need_shared

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
Outline = list[tuple[str, str | None, str, str, str]]  # id, parent, heading, marker, recovered marker


def _page(lines: list[str]) -> bytes:
    body = "".join(f"<p>　　{html.escape(ln.strip())}</p>\n" if ln.strip() else "<p>&nbsp;</p>\n" for ln in lines)
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">'
            "<title>报告_青溪区人民政府</title></head><body>"
            '<div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>'
            f'<div class="content">{body}</div><div class="footer">版权所有：青溪区人民政府</div></body></html>')
    # GBK as county sites save it; a character GBK lacks (a no-break space) as a character reference
    return page.encode("gbk", errors="xmlcharrefreplace")


def _docx(lines: list[str]) -> bytes:
    return make_docx("".join(para(escape(ln.strip())) for ln in lines if ln.strip()))


def _outline(data: bytes, name: str) -> Outline:
    report = parse_report(read_bytes(data, name))
    return [(s.id, s.parent, s.heading, s.marker, s.recovered_marker) for s in report.sections if s.heading]


def _check(text: str) -> Outline:
    lines = text.split("\n")
    from_txt = _outline(text.encode("utf-8"), "report.txt")
    assert _outline(_page(lines), "report.html") == from_txt
    assert _outline(_docx(lines), "report.docx") == from_txt
    return from_txt


def test_damaged_fixture_has_one_outline_in_three_formats() -> None:
    outline = _check((FIXTURES / "zh-district" / "2020.txt").read_text(encoding="utf-8"))
    assert [h for _, parent, h, _, _ in outline if parent is None] == ["主要举措和成效", "存在问题与短板", "下一步工作计划"]
    # the markers the fixture lost are recovered in every format
    recovered = [r for *_, r in outline if r]
    assert recovered == ["（二）", "（三）", "（五）", "（六）", "（四）"]


@pytest.mark.corpus
def test_seed_has_one_outline_in_three_formats() -> None:
    outline = _check(need_shared(SEED).read_text(encoding="utf-8"))
    first_part = next(sid for sid, parent, *_ in outline if parent is None)
    assert sum(1 for _, parent, *_ in outline if parent == first_part) == 9
    assert sum(1 for *_, r in outline if r) >= 4  # the headings that lost their marker
