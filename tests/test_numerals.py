"""Numerals: Chinese/Arabic/mixed numerals -> Decimal, Chinese writing, number-with-unit tokens."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.text.numerals import NumeralError, number_token_spans, parse_number, to_chinese


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234.5", "1234.5"),
        ("１２．５", "12.5"),
        ("一百二十", "120"),
        ("两千三百万", "23000000"),
        ("1.5万", "15000"),
        ("4.87亿", "487000000"),
        ("13万2", "132000"),
        ("1万6千", "16000"),
        ("一百零二", "102"),
        ("一百二", "120"),
        ("十万零一十", "100010"),
        ("一亿零五万", "100050000"),
        ("三万亿", "3000000000000"),
        ("二〇二〇", "2020"),
        ("三点五", "3.5"),
        ("百分之五", "0.05"),
        ("千分之三", "0.003"),
        ("十二", "12"),
        ("零", "0"),
    ],
)
def test_parse_number(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


def test_fraction_is_exact_enough() -> None:
    assert parse_number("三分之一") * 3 == Decimal("0.9999999999999999999999999999")
    assert parse_number("三分之二") > Decimal("0.666")


@pytest.mark.parametrize("text", ["", "一是", "abc", "12年", "百姓"])
def test_not_a_numeral(text: str) -> None:
    with pytest.raises(NumeralError):
        parse_number(text)


@pytest.mark.parametrize(
    ("value", "written"),
    [(0, "零"), (10, "十"), (12, "十二"), (105, "一百零五"), (1010, "一千零一十"),
     (100010, "十万零一十"), (23000000, "二千三百万"), (Decimal("3.25"), "三点二五")],
)
def test_to_chinese(value: int | Decimal, written: str) -> None:
    assert to_chinese(value) == written


@settings(deadline=None, max_examples=300)
@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_chinese_integers_round_trip(n: int) -> None:
    assert parse_number(to_chinese(n)) == n


@settings(deadline=None, max_examples=200)
@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_chinese_decimals_round_trip(d: Decimal) -> None:
    assert parse_number(to_chinese(d)) == d


def _tokens(text: str) -> list[str]:
    return [text[a:b] for a, b in number_token_spans(text)]


def test_number_token_spans_keep_number_and_unit_together() -> None:
    text = ("城镇新增就业1100万人以上，减税降费4.87亿元，成功率达99.7%，由5个缩减到3至4个，"
            "建成十二个中心，下降6.5个百分点。Revenue of $2.3 billion rose 12%.")
    assert _tokens(text) == ["1100万人以上", "4.87亿元", "99.7%", "5个", "3至4个", "十二个",
                             "6.5个百分点", "$2.3 billion", "12%"]


def test_number_token_spans_skip_chinese_words_but_keep_digit_runs() -> None:
    # 一是 and 十四五 are words; 12345 stays one token so a diff never splits its digits.
    assert _tokens("一是落实“十四五”规划，拨打12345热线") == ["12345"]


def test_number_token_spans_do_not_overlap_and_are_sorted() -> None:
    text = "6%－6.5%，60余场，620多万套，三分之二，百分之五，S$3.5 billion，1,234 employees"
    spans = number_token_spans(text)
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert [text[a:b] for a, b in spans] == ["6%－6.5%", "60余场", "620多万套", "三分之二", "百分之五",
                                             "S$3.5 billion", "1,234 employees"]


_ALPHABET = st.sampled_from(list("0123456789０１.,，%％‰一二两三十百千万亿零余多至到-－—个人元项次年月日第、。“”《》〔〕（）+XabS$ ") + [
    "百分之", "分之", "个百分点", "万元", "亿元", "左右", "以上", "billion", " per cent", "\n"])


@settings(deadline=None, max_examples=300)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_token_spans_are_sorted_disjoint_and_inside_the_text(text: str) -> None:
    spans = number_token_spans(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(x[1] <= y[0] for x, y in zip(spans, spans[1:]))


@settings(deadline=None, max_examples=300)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_figure_extraction_never_fails_and_spans_hold_digits(text: str) -> None:
    from compare.figures.extract import extract_figures_from_text

    for language in ("zh", "en"):
        for fig in extract_figures_from_text(text, language=language):
            assert 0 <= fig.span.start < fig.span.end <= len(text)
            if fig.value_high is not None:
                assert fig.value_high >= fig.value


# --- English tokens found by their starts (issue 16: speed) ----------------------------------------

_EN_PIECES = ["0", "1", "9", "12", ",", ".", " ", "\n", "$", "£", "€", "¥", "S", "US", "HK", "A", "C", "-", "/",
              "%", " per cent", " percentage points", " billion", " million", " bn", " new", " apples",
              "two", "Three", "SEVENTEEN", "ſix", "fourteens", "ten", "x", "十", "亿", "١٢", "_"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_EN_PIECES), max_size=30).map("".join))
def test_en_tokens_are_exactly_the_pattern_s_matches(text: str) -> None:
    from compare.text.numerals import EN_TOKEN, en_tokens

    assert [(m.span(), m.groupdict()) for m in en_tokens(text)] == \
        [(m.span(), m.groupdict()) for m in EN_TOKEN.finditer(text)]


def test_en_tokens_on_a_letter_like_a_user_s() -> None:
    from compare.text.numerals import EN_TOKEN, en_tokens

    text = ("Operating earnings rose 21% to $17.4 billion, and US$2 bn went to two new plants; "
            "HK$3.5 million, S$40 and £7 were paid. We bought 4,200 shares and twelve small firms.")
    expected = [m.group() for m in EN_TOKEN.finditer(text)]
    assert [m.group() for m in en_tokens(text)] == expected
    assert "$17.4 billion" in expected and "US$2 bn" in expected and "twelve small firms" in expected


def test_number_word_starts_cover_every_letter_case_insensitive_matching_takes() -> None:
    """The class the word starts are found by must hold every character that `(?i:[...])` matches
    for the number words' first letters (Unicode case folding: "ſ" is an "s")."""
    import re
    import sys

    from compare.text.numerals import _NUMBER_WORD_START, EN_NUMBER_WORDS

    firsts = re.compile("(?i:[" + "".join(sorted({w[0] for w in EN_NUMBER_WORDS})) + "])")
    folded = {chr(c) for c in range(sys.maxunicode + 1) if firsts.fullmatch(chr(c))}
    cls = _NUMBER_WORD_START.pattern[1:_NUMBER_WORD_START.pattern.index("]")]
    assert folded == set(cls)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789０１２３４５６７８９٣,.．a 万$£€¥", max_size=40))
def test_number_runs_opening_with_a_class_are_the_runs_of_a_repeat(text: str) -> None:
    # `re` scans ahead only for a pattern that opens with a class: one scan finds what \d+ and
    # [$£€¥] find
    import re

    from compare.text.numerals import _BARE_ARABIC, _DIGIT_RUN_OR_SIGN
    assert [m.span() for m in _DIGIT_RUN_OR_SIGN.finditer(text)] == sorted(
        [m.span() for m in re.finditer(r"\d+", text)] + [m.span() for m in re.finditer("[$£€¥]", text)])
    bare = r"[0-9０-９]+(?:,[0-9]{3})*(?![0-9０-９])(?:[.．][0-9０-９]+)?"
    assert [m.span() for m in _BARE_ARABIC.finditer(text)] == [m.span() for m in re.finditer(bare, text)]
