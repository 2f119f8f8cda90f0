"""Heading markers of Chinese (GB/T 9704) and English reports, including damaged markers."""

from __future__ import annotations

import pytest

from compare.structure.headings import (
    MARKDOWN_HEADING_MAX,
    format_marker,
    is_title_line,
    markdown_heading_end,
    match_marker,
    split_heading,
)
from compare.text.numerals import parse_ordinal


@pytest.mark.parametrize(
    ("line", "family", "number", "rule"),
    [
        ("一、总体情况", "cn_comma", 1, "marker:cn_comma"),
        ("十二、其他事项", "cn_comma", 12, "marker:cn_comma"),
        ("（三）加强监督", "paren_cn", 3, "marker:paren_cn"),
        ("(三)加强监督", "paren_cn", 3, "marker:paren_cn"),
        ("1.完善制度", "arabic", 1, "marker:arabic"),
        ("2、完善制度", "arabic", 2, "marker:arabic"),
        ("3．完善制度", "arabic", 3, "marker:arabic"),
        ("（4）细化措施", "paren_arabic", 4, "marker:paren_arabic"),
        ("②细化措施", "circled", 2, "marker:circled"),
        ("第三，改进作风。", "ordinal_di", 3, "marker:ordinal_di"),
        ("二)依法防控", "paren_cn", 2, "recovered:lost_left_paren"),
        ("()深化改革", "paren_cn", None, "recovered:lost_numeral"),
        ("（）深化改革", "paren_cn", None, "recovered:lost_numeral"),
        (")完善体系", "paren_cn", None, "recovered:bare_paren"),
        ("第一部分 2021年预算执行情况", "chapter", 1, "marker:chapter"),
        ("第二章　主要任务", "chapter", 2, "marker:chapter"),
    ],
)
def test_chinese_markers(line: str, family: str, number: int | None, rule: str) -> None:
    m = match_marker(line, language="zh")
    assert m is not None
    assert (m.family, m.number, m.rule) == (family, number, rule)


@pytest.mark.parametrize(
    "line",
    [
        "一是加强领导，二是压实责任。",  # an enumeration inside a paragraph, not a heading
        "3.5%的增长来自消费。",  # a figure, not item 3
        "2020年，全区完成各项任务。",
        "各位代表：",
        "))",
    ],
)
def test_not_markers(line: str) -> None:
    assert match_marker(line, language="zh") is None


def test_english_markers() -> None:
    assert match_marker("# Budget Speech", language="en").family == "markdown1"  # type: ignore[union-attr]
    assert match_marker("## Outlook", language="en").family == "markdown2"  # type: ignore[union-attr]
    roman = match_marker("IV. Capital Allocation", language="en")
    assert roman is not None and (roman.family, roman.number) == ("roman", 4)
    letter = match_marker("B. Insurance Operations", language="en")
    assert letter is not None and (letter.family, letter.number) == ("letter", 2)
    # a numbered sentence is a list item, not a heading
    assert match_marker("1. We bought more shares this year.", language="en") is None


def test_heading_ordinals_use_the_one_numeral_parser() -> None:
    assert [parse_ordinal(s) for s in ("一", "十", "十一", "二十", "三十二", "9")] == [1, 10, 11, 20, 32, 9]
    assert parse_ordinal("一二三四") is None


def test_format_marker_recovers_the_written_form() -> None:
    assert format_marker("paren_cn", 3) == "（三）"
    assert format_marker("paren_cn", 10) == "（十）"
    assert format_marker("cn_comma", 2) == "二、"
    assert format_marker("arabic", 4) == "4."


def test_split_heading_line_and_inline() -> None:
    assert split_heading("强化组织保障") == (6, 6, False)
    rest = "推进改革。全年完成任务。"
    end, body, inline = split_heading(rest)
    assert (rest[:end], inline) == ("推进改革", True)
    assert rest[body:] == "全年完成任务。"
    # a heading line that ends with a stop keeps no stop in the heading
    end, _, inline = split_heading("坚持加强宏观调控。")
    assert (end, inline) == (8, False)


def test_title_lines() -> None:
    assert is_title_line("The Annual Meeting")
    assert is_title_line("Regulated, Capital-Intensive Businesses")
    assert is_title_line("IMPORTANT RISKS")
    assert not is_title_line("I will now conclude.")
    assert not is_title_line("we then bought the rest")
    assert not is_title_line("And the Answer Is Yes?”")


_BODY = " We closed the year with no net debt, and the balance sheet remains strong." * 3


@pytest.mark.parametrize(
    ("rest", "heading"),
    [
        # a heading line of its own is all heading, however it ends
        ("Management's Discussion and Analysis of Financial Condition", None),
        # glued to its body (line breaks lost): the heading ends at a thematic break or bold text
        ("Budget Speech --- **The Minister for Finance (Mr Tan)** : Mr Speaker, I beg to move." + _BODY,
         "Budget Speech"),
        ("Budget Speech **The Minister for Finance**" + _BODY, "Budget Speech"),
        # … or where its Title Case run meets the body's first sentence
        ("2021 in Review Revenue grew 13% to $468.3 million." + _BODY, "2021 in Review"),
        ("Sustainability This year we set our first climate targets." + _BODY, "Sustainability"),
        ("Field Instruments Our portable analysers are used by technicians." + _BODY, "Field Instruments"),
        ("The Annual Meeting The meeting will be held on May 4th." + _BODY, "The Annual Meeting"),
        ("Priorities for 2022 - Bring the new platform to all customers." + _BODY, "Priorities for 2022"),
        # no break and no Title Case: the heading is cut at the first words, never the whole line
        ("x" * 300, "x" * MARKDOWN_HEADING_MAX),
    ],
)
def test_markdown_heading_glued_to_its_body_ends_at_its_first_break(rest: str, heading: str | None) -> None:
    end, inline = markdown_heading_end(rest, language="en")
    if heading is None:
        assert (end, inline) == (len(rest), False)
    else:
        assert inline and rest[:end].strip() == heading


def test_chinese_markdown_heading_glued_to_its_body_ends_like_an_inline_heading() -> None:
    rest = "2021年工作回顾。" + "过去一年，我们坚持稳中求进，完成了全年目标任务。" * 6
    end, inline = markdown_heading_end(rest, language="zh")
    assert inline and rest[:end] == "2021年工作回顾"
    assert markdown_heading_end("2021年工作回顾", language="zh") == (len("2021年工作回顾"), False)
