"""Sentence splitting keeps offsets: Chinese and English ends, paragraph breaks, wrapped lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.model import Span
from compare.text.sentences import split_sentences, subtract_spans


def sents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, [Span(0, len(text))])]


def test_chinese_sentence_ends_keep_closing_quotes() -> None:
    text = "我们推进“放管服”改革。全年减税降费1.3万亿元！还有问题吗？要抓好落实；确保完成。"
    assert sents(text) == ["我们推进“放管服”改革。", "全年减税降费1.3万亿元！", "还有问题吗？", "要抓好落实；", "确保完成。"]


def test_closing_quote_after_full_stop_stays_with_the_sentence() -> None:
    assert sents("他说：“要干实事。”随后散会。") == ["他说：“要干实事。”", "随后散会。"]


def test_decimal_point_is_not_a_sentence_end() -> None:
    assert sents("国内生产总值增长6.6%，总量突破90万亿元。") == ["国内生产总值增长6.6%，总量突破90万亿元。"]


def test_wrapped_line_inside_a_word_stays_one_sentence() -> None:
    # regression: wiki scrapes break lines inside words (政府工作报\n告)
    text = "现在我代表国务院向大会报告政府工作报\n告，请予审议。"
    assert sents(text) == ["现在我代表国务院向大会报告政府工作报\n告，请予审议。"]


def test_blank_line_and_heading_like_line_end_sentences() -> None:
    text = "没有句号的段落\n\n加强队伍建设\n全面落实行政执法责任制，严格执法。"
    assert sents(text) == ["没有句号的段落", "加强队伍建设", "全面落实行政执法责任制，严格执法。"]


def test_english_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Mr. Buffett met Charles T. Munger in the U.S. in 1959. They talked! Did it last? Yes."
    assert sents(text) == [
        "Mr. Buffett met Charles T. Munger in the U.S. in 1959.", "They talked!", "Did it last?", "Yes.",
    ]


def test_english_wrapped_lines_join_and_table_rows_split() -> None:
    text = ("          That figure needs a word. It came from a new rule\nthat requires a company to act.\n\n"
            "  Year      Berkshire      S&P\n  1965      49.5      10.0\n")
    assert sents(text) == [
        "That figure needs a word.",
        "It came from a new rule\nthat requires a company to act.",
        "Year      Berkshire      S&P",
        "1965      49.5      10.0",
    ]


def test_only_newline_splits_lines_not_other_separators() -> None:
    # str.splitlines() would split at U+2028 and \x0c; the splitter must not
    assert sents("第一句\u2028仍是同一句。第二句\x0c也是。") == ["第一句\u2028仍是同一句。", "第二句\x0c也是。"]


def test_list_marker_on_next_line_starts_a_sentence() -> None:
    assert sents("主要任务有\n1.加强监督\n2.推进改革") == ["主要任务有", "1.加强监督", "2.推进改革"]


def test_subtract_spans() -> None:
    assert subtract_spans([Span(0, 10)], [Span(2, 4), Span(3, 5), Span(8, 12)]) == [Span(0, 2), Span(5, 8)]


ALPHABET = st.sampled_from(list("政府工作报告加强推进一二（）、。！？；，.!? \n\n\u3000Ab1%2<&\">：”"))


@settings(deadline=None, max_examples=300)
@given(st.text(ALPHABET, max_size=80), st.integers(0, 10), st.integers(0, 10))
def test_sentences_cover_every_non_space_character_once(text: str, cut1: int, cut2: int) -> None:
    a, b = sorted((min(cut1, len(text)), max(0, len(text) - cut2)))
    ranges = [Span(0, a), Span(a, max(a, b))]
    spans = split_sentences(text, ranges)
    covered = [0] * len(text)
    for s in spans:
        assert s.end > s.start
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        assert any(r.start <= s.start and s.end <= r.end for r in ranges)
        for k in range(s.start, s.end):
            covered[k] += 1
    assert all(c <= 1 for c in covered)
    for r in ranges:
        for k in range(r.start, r.end):
            if not text[k].isspace():
                assert covered[k] == 1, (text, k)
    assert list(spans) == sorted(spans)
