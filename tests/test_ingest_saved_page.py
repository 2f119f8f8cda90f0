"""A county government page saved from the browser: chrome out and listed, the 信息公开 table read
as metadata, tables kept as rows (issue 18). The page is fixtures/formats/county_report.html."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.ingest import read_bytes, read_source
from compare.model import Report, SourceText
from compare.structure.parse import parse_report

PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "county_report.html"
CHROME = ("访问量", "1632", "关联稿件", "智能问答", "政务邮箱", "返回顶部", "关闭本页", "即将离开", "是否继续",
          "继续访问", "放弃", "字体", "当前的位置", "ICP备", "无障碍", "信息公开", "公开方式", "主动公开")


@pytest.fixture(scope="module")
def source() -> SourceText:
    return read_source(str(PAGE))


@pytest.fixture(scope="module")
def report(source: SourceText) -> Report:
    return parse_report(source)


def _body(report: Report) -> str:
    text = report.source.text
    return "\n".join(p.span.slice(text) for p in report.paragraphs) + "\n" + "\n".join(
        s.heading for s in report.sections)


def test_no_chrome_reaches_the_text(source: SourceText) -> None:
    for chrome in CHROME:
        assert chrome not in source.text, chrome


def test_chrome_is_listed_as_removed(source: SourceText) -> None:
    removed = " ".join(r.text for r in source.removed)
    for chrome in ("访问量：1632", "关联稿件", "智能问答", "政务邮箱", "【返回顶部】", "【关闭本页】", "是否继续？"):
        assert chrome in removed, chrome


def test_metadata_table_is_metadata_not_body(report: Report) -> None:
    md = report.metadata
    assert md.title == "松岭县人民政府关于2023年法治政府建设情况的报告"
    assert md.issuer == "松岭县人民政府"
    assert md.date == "2024-01-26"
    assert md.doc_number == "松政〔2024〕5号"
    body = _body(report)
    for piece in ("索引号", "11331200MB0000123X", "综合政务", "发文日期", "有效性", "发布机构"):
        assert piece not in body, piece
    # labels and values are stripped and listed together, never a label alone
    stripped = [s.span.slice(report.source.text) for s in report.stripped if s.reason == "metadata_block"]
    assert any("发文日期：2024-01-26" in s for s in stripped)


def test_a_label_is_never_taken_as_a_value(source: SourceText) -> None:
    # 成文日期 has an empty cell: it gets no value, and the next label is not its value
    assert "成文日期" not in source.text
    assert ("html_metadata", "成文日期：") in [(r.reason, r.text) for r in source.removed]
    page = ("<html><body><ul class='meta'><li>发布机构：</li><li>发文日期：</li><li>2024-03-01</li>"
            "<li>索引号：</li><li>QX-1</li></ul><div><p>全年办理行政复议案件十二件，较上年有所增加，依法纠正违法行为两件。</p>"
            "</div></body></html>")
    src = read_bytes(page.encode("utf-8"), "meta.html")
    assert src.text.split("\n")[:2] == ["发文日期：2024-03-01", "索引号：QX-1"]
    assert parse_report(src).metadata.issuer != "发文日期："


def test_outline_of_the_page(report: Report) -> None:
    parts = [s.heading for s in report.sections if s.level == 1 and s.heading]
    assert parts == ["主要做法和成效", "存在的不足", "2024年工作安排"]
    assert [s.heading for s in report.sections if s.parent == "s2"] == ["完善依法决策机制", "规范行政执法行为", "化解行政争议"]


def test_html_table_rows_are_rows_not_headings(source: SourceText, report: Report) -> None:
    lines = source.text.split("\n")
    assert "| 1. 行政复议案件 | 37 | 5 |" in lines
    assert "| （1）纠正违法行为 | 4 | -1 |" in lines
    assert "| 2. 行政应诉案件 | 21 | 2 |" in lines  # a <p> inside a cell stays in its cell
    assert not any("行政复议案件" in s.heading or "纠正违法行为" in s.heading for s in report.sections)


def test_title_from_the_title_tag_when_the_article_has_none() -> None:
    page = PAGE.read_text(encoding="utf-8").replace(
        '<div class="art-title">松岭县人民政府关于2023年法治政府建设情况的报告</div>', "")
    report = parse_report(read_bytes(page.encode("utf-8"), "no_title.html"))
    assert report.metadata.title == "松岭县人民政府关于2023年法治政府建设情况的报告"


def test_title_of_any_wording_from_the_page_when_the_table_has_none() -> None:
    # a communiqué's title does not end in 报告; the table has no 标题 or 名称: the <title> is used
    page = ("<html><head><title>松岭县2023年国民经济和社会发展统计公报_松岭县人民政府</title></head><body>"
            "<table><tr><td>索引号：</td><td>QX-9</td><td>发布机构：</td><td>松岭县统计局</td></tr>"
            "<tr><td>发文日期：</td><td>2024-03-15</td></tr></table><div class='art'>"
            "<div class='t'>松岭县2023年国民经济和社会发展统计公报</div><p>一、综合</p>"
            "<p>初步核算，全年全县地区生产总值比上年增长百分之五点一，经济运行总体平稳。</p></div></body></html>")
    report = parse_report(read_bytes(page.encode("utf-8"), "communique.html"))
    assert report.metadata.title == "松岭县2023年国民经济和社会发展统计公报"
    assert report.metadata.issuer == "松岭县统计局"
    assert report.metadata.date == "2024-03-15"
    # a page title that is only the issuer's name is not taken for the document's
    page2 = page.replace("松岭县2023年国民经济和社会发展统计公报_松岭县人民政府", "松岭县统计局")
    assert "标题：" not in read_bytes(page2.encode("utf-8"), "p.html").text


def test_page_laid_out_in_a_table_keeps_its_paragraphs() -> None:
    # older county sites put the whole article in one cell of a layout table, with a data table inside
    article = "".join(f"<p>{t}</p>" for t in (
        "一、主要做法和成效", "（一）完善依法决策机制。全年县政府常务会议审议重大行政决策事项九项，均经过合法性审查。",
        "（二）化解行政争议。全年办理行政复议案件情况见下表。"))
    data = "<table><tr><td>1. 行政复议案件</td><td>37</td></tr><tr><td>2. 行政应诉案件</td><td>21</td></tr></table>"
    page = (f"<html><body><table width='980'><tr><td width='200'><a href='/'>首页</a></td>"
            f"<td>{article}{data}<p>二、存在的不足</p><p>部分乡镇执法力量薄弱，执法人员法律素养有待提升。</p></td></tr>"
            "</table></body></html>")
    src = read_bytes(page.encode("utf-8"), "layout.html")
    lines = src.text.split("\n")
    assert "一、主要做法和成效" in lines and "二、存在的不足" in lines
    assert "| 1. 行政复议案件 | 37 |" in lines and "| 2. 行政应诉案件 | 21 |" in lines
    assert [s.heading for s in parse_report(src).sections if s.level == 1 and s.heading] == ["主要做法和成效", "存在的不足"]


def test_a_list_of_documents_is_a_table_not_the_metadata() -> None:
    # a table in the article listing documents under 名称 / 文号 / 发文日期 stays in the body
    rows = "".join(f"<tr><td>{n}</td><td>松政〔2023〕{k}号</td><td>2023-0{k}-10</td></tr>"
                   for k, n in ((1, "松岭县行政执法公示办法"), (2, "松岭县重大行政决策程序规定"), (3, "松岭县规范性文件管理办法")))
    page = (PAGE.read_text(encoding="utf-8").replace(
        '<p style="text-indent:2em"><strong>二、存在的不足</strong></p>',
        f"<table><tr><th>名称</th><th>文号</th><th>发文日期</th></tr>{rows}</table>"
        '<p style="text-indent:2em"><strong>二、存在的不足</strong></p>'))
    src = read_bytes(page.encode("utf-8"), "list.html")
    lines = src.text.split("\n")
    assert "| 名称 | 文号 | 发文日期 |" in lines
    assert "| 松岭县重大行政决策程序规定 | 松政〔2023〕2号 | 2023-02-10 |" in lines
    assert parse_report(src).metadata.doc_number == "松政〔2024〕5号"  # the page's own table still read
    # and on a page without a 信息公开 table, the list is not taken for one
    small = ("<html><body><div><p>一、规范性文件管理</p><p>全年制定规范性文件三件，均按程序备案，现列表如下。</p>"
             f"<table><tr><th>名称</th><th>文号</th><th>发文日期</th></tr>{rows}</table></div></body></html>")
    src = read_bytes(small.encode("utf-8"), "small.html")
    assert "| 松岭县行政执法公示办法 | 松政〔2023〕1号 | 2023-01-10 |" in src.text.split("\n")
