"""Tables of a .docx (w:tbl, or tab-aligned paragraphs) are rows, never headings (issue 18)."""

from __future__ import annotations

from compare.ingest import read_bytes
from compare.structure.parse import parse_report

from _formats import make_docx, para


def _cell(text: str) -> str:
    return "<w:tc>" + para(text) + "</w:tc>"


def _row(*cells: str) -> str:
    return "<w:tr>" + "".join(_cell(c) for c in cells) + "</w:tr>"


def _tab_para(*cells: str) -> str:
    return "<w:p><w:r>" + "<w:tab/>".join(f"<w:t>{c}</w:t>" for c in cells) + "</w:r></w:p>"


BODY = "".join([
    para("一、财政收支"),
    para("全年一般公共预算收入完成预算，各项支出保障有力，财政运行总体平稳。"),
    "<w:tbl>" + _row("项目", "金额（亿元）", "增长%") + _row("（1）税收收入", "69.10", "12.5")
    + _row("（2）非税收入", "21.36", "-3.4") + "</w:tbl>",
    para("二、居民消费价格"),
    para("全年居民消费价格比上年上涨2.1%，各类商品和服务价格涨跌互现。"),
    _tab_para("1. 食品烟酒", "2.6"),
    _tab_para("2. 衣着", "0.9"),
    para("三、下一步工作"),
    para("继续加强财政收支管理，全力保障基本民生支出。"),
])


def test_docx_rows_are_rows_not_sections() -> None:
    src = read_bytes(make_docx(BODY), "budget.docx")
    lines = src.text.split("\n")
    assert "| （1）税收收入 | 69.10 | 12.5 |" in lines
    assert "| （2）非税收入 | 21.36 | -3.4 |" in lines
    assert "| 1. 食品烟酒 | 2.6 |" in lines  # a tab-aligned paragraph is a row too
    assert "| 2. 衣着 | 0.9 |" in lines
    report = parse_report(src)
    assert [s.heading for s in report.sections if s.heading] == ["财政收支", "居民消费价格", "下一步工作"]
    # the edit that made a tab-aligned paragraph a row keeps the original
    assert any(e.reason == "table_row" and e.original == "1. 食品烟酒\t2.6" for e in src.edits)


def test_docx_report_set_in_a_one_cell_table_keeps_its_paragraphs() -> None:
    # a Word file that boxes the whole report in a one-cell table: its cell is text, not a row
    inner = "".join(para(t) for t in ("一、主要举措", "全年办理行政复议案件十二件，依法纠正违法行为两件，行政争议得到有效化解。",
                                      "二、下一步工作", "继续加强执法人员培训，全年组织专题培训不少于四次。"))
    data = "<w:tbl>" + _row("项目", "件数") + _row("1. 复议案件", "12") + "</w:tbl>"
    body = "<w:tbl><w:tr><w:tc>" + inner + data + "</w:tc></w:tr></w:tbl>"
    src = read_bytes(make_docx(body), "boxed.docx")
    lines = src.text.split("\n")
    assert "一、主要举措" in lines and "二、下一步工作" in lines
    assert "| 1. 复议案件 | 12 |" in lines  # the data table inside the box is still rows
    assert [s.heading for s in parse_report(src).sections if s.heading] == ["主要举措", "下一步工作"]
