"""Typographic spaces of typeset Chinese text are closed for reading and recorded (issue 18)."""

from __future__ import annotations

import pytest

from compare.ingest import source_from_string
from compare.ingest.spacing import close_typographic_spaces
from compare.ingest.tables import format_row, is_row_line
from compare.model import SourceText


def _close(text: str) -> str:
    return close_typographic_spaces(text, ())[0]


def _original(src: SourceText) -> str:
    out, pos = [], 0
    for e in sorted(src.edits, key=lambda e: e.span.start):
        out += [src.text[pos : e.span.start], e.original]
        pos = e.span.end
    return "".join(out) + src.text[pos:]


@pytest.mark.parametrize(("spaced", "closed"), [
    ("全年地区生产总值约 4.4 万亿元，比上年增长 5.2%。", "全年地区生产总值约4.4万亿元，比上年增长5.2%。"),
    ("新建城市道路 2315 万平方米，新增企业 115 家。", "新建城市道路2315万平方米，新增企业115家。"),
    ("一、2023 年工作回顾", "一、2023年工作回顾"),
    ("二、农 业", "二、农业"),
    ("目 录", "目录"),
    ("居民消费价格比上年下降 -0.5%。", "居民消费价格比上年下降-0.5%。"),
])
def test_spaces_closed(spaced: str, closed: str) -> None:
    assert _close(spaced) == closed


@pytest.mark.parametrize("kept", [
    "指标 单位 绝对数",  # column headers: two words a space apart stay apart
    "索 引 号 QX01200-0301-2020-00071 文号 青区政文〔2020〕187号",  # a metadata line
    "生成日期 2020-12-16",
    "编号 QX-2023 备案",  # a code, not a figure
    "会议于 09:30 开始，共审议议题五项，历时三个小时，形成会议纪要一份。",  # a time
    "| 夏粮 | 16.38 | -1.7 |",  # a table row keeps its separators
    "农 业 生 产 总 体 平 稳，粮食产量保持稳定。",  # a sentence is not a spaced heading
    # a report copied as one line: a space after a full stop is a paragraph break, and a number
    # that a colon follows is a term of the glossary, not an amount
    "完成了全年目标任务。 2024年是关键之年，全区上下团结奋斗。 名词解释 1.1310：全会提出的部署。",
])
def test_spaces_kept(kept: str) -> None:
    assert _close(kept) == kept


def test_english_text_untouched() -> None:
    text = "Revenue rose 12 % in 2023 and the plant in 深圳 opened."
    assert _close(text) == text


def test_edits_map_back_to_the_original() -> None:
    text = "一、2023 年工作回顾\n\n全年地区生产总值约 4.4 万亿元。\r\n二、农 业\n"
    src = source_from_string(text)
    assert "约4.4万亿元" in src.text and "二、农业" in src.text.split("\n")
    assert _original(src) == text
    assert sum(e.reason == "typographic_space" for e in src.edits) == 4


def test_row_format() -> None:
    assert format_row(["二、衣着", "101.3", "0.5"]) == "| 二、衣着 | 101.3 | 0.5 |"
    assert format_row(["夏粮", "", "16.38"]) == "| 夏粮 |  | 16.38 |"  # empty cells keep columns
    assert format_row(["a|b", "统计"]) == "| a¦b | 统计 |"
    assert format_row(["", " "]) == ""
    # English figures rows read as text renderings of PDFs write them
    assert format_row(["1965", "23.8", "10.0"]) == "1965 23.8 10.0"
    assert format_row(["1.", "Insurance", "23.8"]) == "| 1. | Insurance | 23.8 |"  # would read as a heading
    assert is_row_line("| 夏粮 | 16.38 |") and not is_row_line("一、综合")


def test_tab_separated_lines() -> None:
    src = source_from_string("一、综合\n指标\t全市\t城市\n一、食品烟酒\t2.6\t2.5\n二、衣着\t0.7\n第一章\t总则\n项目\t说明\n")
    assert src.text.split("\n") == ["一、综合", "| 指标 | 全市 | 城市 |", "| 一、食品烟酒 | 2.6 | 2.5 |",
                                    "| 二、衣着 | 0.7 |", "第一章\t总则", "项目\t说明", ""]
    assert _original(src) == "一、综合\n指标\t全市\t城市\n一、食品烟酒\t2.6\t2.5\n二、衣着\t0.7\n第一章\t总则\n项目\t说明\n"


def test_thin_and_no_break_spaces_closed_and_kept_as_the_original() -> None:
    text = "全年生产总值约\u20094.4\u2009万亿元，增长\u00a05.2%。"
    src = source_from_string(text)
    assert src.text == "全年生产总值约4.4万亿元，增长5.2%。"
    assert _original(src) == text  # the odd-space edit is folded into the closing edit


def test_tab_separated_metadata_table_stays_for_the_structure_stage() -> None:
    text = "索引号：\tQX-2021-0545\t发布机构：\t坪溪区人民政府\n生成日期 2021-02-02\n一、综合\n指标\t全市\t城市\n"
    src = source_from_string(text)
    lines = src.text.split("\n")
    assert lines[0] == "索引号：\tQX-2021-0545\t发布机构：\t坪溪区人民政府"  # not a row: the metadata table
    assert lines[1] == "生成日期 2021-02-02"  # its space parts a label from its value
    assert lines[3] == "| 指标 | 全市 | 城市 |"
