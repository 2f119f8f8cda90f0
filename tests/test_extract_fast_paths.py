"""The fast paths of figure extraction (issue 16, speed) read what the patterns they replace read.

`zh_tokens` tries the figure pattern only where a figure can start; the period, area and noun
helpers of `figures.extract` stand for regular expressions that each cost a millisecond or more to
compile (classes of Chinese characters). The corpus check (`yoy figures --format json` identical
before and after) is in the closing note of issue 16; these keep the equivalences.
"""

from __future__ import annotations

import re
from dataclasses import fields

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.figures.extract import (
    _CEILING_BEFORE,
    _EN_PERIOD,
    _EN_PERIOD_CUE,
    _FLOOR_BEFORE,
    _FLOOR_BEFORE_MAX,
    _READ_FIELDS,
    _ZH_PERIOD,
    _ZH_PERIOD_CUE,
    _cjk_run,
    _clause_start,
    _inside_number,
    _is_zh_multi_year,
    _is_zh_n_years,
    _strip_leading_periods,
    _zh_scope,
)
from compare.model import Figure
from compare.text.numerals import ZH_TOKEN, zh_tokens
from compare.text.sentences import ZH_CLAUSE_STOPS

# characters figures are made of, and some they are not
_ALPHABET = "0123456789０１２３４５６７８９.,，．%％百千万亿分之点至到-～零〇一二两三四五六七八九十多余个人元年月项家件左右以上内" \
            "增长的是和第号a "


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_zh_tokens_are_the_matches_of_the_pattern(text: str) -> None:
    assert [(m.span(), m.groupdict()) for m in zh_tokens(text)] == \
           [(m.span(), m.groupdict()) for m in ZH_TOKEN.finditer(text)]


def test_zh_tokens_on_a_sentence() -> None:
    text = "全年城镇新增就业1361万人，居民消费价格上涨2.1%，百分之五十的家庭，三分之一，第3次。"
    assert [m.group() for m in zh_tokens(text)] == [m.group() for m in ZH_TOKEN.finditer(text)]
    assert "1361万人" in [m.group() for m in zh_tokens(text)]


def test_leading_periods_are_stripped_with_their_commas() -> None:
    assert _strip_leading_periods("2017年，今年以来，地区生产总值") == "地区生产总值"
    assert _strip_leading_periods("过去五年、全年新增") == "新增"
    assert _strip_leading_periods("地区生产总值2017年") == "地区生产总值2017年"  # only at the start
    assert _strip_leading_periods("") == ""


def test_period_kinds_of_a_number_of_years() -> None:
    assert _is_zh_multi_year("过去五年") and _is_zh_multi_year("2013年以来") and _is_zh_multi_year("“十三五”时期")
    assert not _is_zh_multi_year("2019年") and not _is_zh_multi_year("今年")
    assert _is_zh_n_years("五年") and _is_zh_n_years("十五年") and _is_zh_n_years("10年") and _is_zh_n_years("１０年")
    assert not _is_zh_n_years("一年") and not _is_zh_n_years("123年") and not _is_zh_n_years("年")


def test_area_words_a_label_opens_with() -> None:
    assert _zh_scope("全市地区生产总值") == "全市"
    assert _zh_scope("深汕特别合作区地区生产总值") == "深汕特别合作区"
    assert _zh_scope("前海蛇口自贸片区新增企业") == "前海蛇口自贸片区"
    assert _zh_scope("特别合作区") == "特别合作区"  # 特别 are the two characters before 合作区
    assert _zh_scope("区合作区") == ""  # two characters at least before the zone word
    assert _zh_scope("一二三四五六七八九十一特别合作区") == ""  # at most ten
    assert _zh_scope("城镇新增就业") == ""


def test_the_noun_after_a_number() -> None:
    assert _cjk_run("共聘请2名法律顾问，", 4, 16) == "名法律顾问"
    assert _cjk_run("3个abc", 1, 16) == "个"
    assert len(_cjk_run("1" + "字" * 20, 1, 16)) == 16


def _clause_start_by_steps(text: str, pos: int, stops: set[str], limit: int) -> int:
    """`_clause_start` as it was written first: one character at a time."""
    lo = max(0, pos - limit)
    i = pos
    while i > lo and (text[i - 1] not in stops or _inside_number(text, i - 1)):
        i -= 1
    return i


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="1234，,.;：:（）()——\n增长a ", max_size=40), st.integers(-1, 41), st.integers(0, 45))
def test_the_clause_start_is_the_last_stop_before_it(text: str, pos: int, limit: int) -> None:
    pos = min(pos, len(text))
    for stops in (ZH_CLAUSE_STOPS, set(".;:\n,()")):
        assert _clause_start(text, pos, stops, limit) == _clause_start_by_steps(text, pos, stops, limit)


def test_a_point_between_digits_is_no_clause_stop() -> None:
    text = "Revenue, up 27.5 percent"
    assert _clause_start(text, len(text), set(".,"), 80) == len("Revenue,")


# what periods are made of (every branch of _ZH_PERIOD / _EN_PERIOD), and some other characters
_ZH_PERIOD_ALPHABET = "0123456789过去近今后未来前两二三四五六七八九十一年来间中里以内累计共新增合计这些几多“”期时党的大度月份" \
                      "-－—~～至到上全截止目季第半个度，增长a "
_EN_PERIOD_WORDS = ["over", "in", "the", "past", "last", "next", "coming", "years", "decade", "across", "since",
                    "FY", "FY2019", "2019", "1998", "cumulative", "Cumulatively", "five-year", "3-year", "to", "-",
                    "–", "this", "financial", "year", "YEAR", "Decade", "revenue", "grew", "ſince", "İn"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ZH_PERIOD_ALPHABET, max_size=30))
def test_every_chinese_period_holds_its_cue(text: str) -> None:
    # the period scans skip a stretch with no cue character: no period may lie there
    for m in _ZH_PERIOD.finditer(text):
        assert _ZH_PERIOD_CUE.search(m.group()), m.group()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_EN_PERIOD_WORDS), max_size=8))
def test_every_english_period_holds_its_cue(words: list[str]) -> None:
    for m in _EN_PERIOD.finditer(" ".join(words)):
        assert _EN_PERIOD_CUE.search(m.group()), m.group()


def test_the_period_cues_of_each_form() -> None:
    for period in ("过去五年", "五年来", "这些年", "近年来", "“十三五”时期", "十三五以来", "党的十八大以来", "2013年以来",
                   "2016-2020年", "2019年度", "2020年1-10月", "1-9月", "今年以来", "去年", "全年", "截至目前", "目前",
                   "前三季度", "一季度", "上半年", "前10个月"):
        assert _ZH_PERIOD.fullmatch(period) and _ZH_PERIOD_CUE.search(period), period
    assert not _ZH_PERIOD_CUE.search("国内生产总值增长")
    for period in ("over the past five years", "since FY2015", "cumulatively", "two-year", "2016 to 2019",
                   "FY2020", "this financial year"):
        assert _EN_PERIOD.fullmatch(period) and _EN_PERIOD_CUE.search(period), period


def test_a_figure_read_anew_gets_every_field() -> None:
    # `_Semantics._read` builds each figure field by field (not with dataclasses.replace)
    assert _READ_FIELDS == tuple(f.name for f in fields(Figure))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="至少不低于控制在超过以内建成家，。；、\n 3a", max_size=40))
def test_the_bound_words_before_a_figure_are_read_at_the_end_of_its_lead(lead: str) -> None:
    assert bool(_FLOOR_BEFORE.search(lead, max(0, len(lead) - _FLOOR_BEFORE_MAX))) == \
           bool(re.search(r"(?:至少|不少于|不低于)[^，。；、]{0,8}$", lead))
    assert lead.rstrip().endswith(_CEILING_BEFORE) == bool(re.search(r"(?:控制在|不超过|以内)$", lead.rstrip()))
