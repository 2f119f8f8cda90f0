"""Hostile report text through every renderer: it must come out as the same text, never as markup."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.model import (
    Comparison,
    Metadata,
    PairStatus,
    Paragraph,
    Report,
    Role,
    Section,
    SectionDiff,
    SectionPair,
    SentenceRow,
    SourceText,
    Span,
)
from compare.render import render_html, render_json, render_markdown
from compare.render.environment import escape_md

from pages import NEW_ZH, OLD_ZH, zh_comparison

HOSTILE = (
    "<script>alert(1)</script>",
    "</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}",
    "&amp;",
    "{% raw %}",
    "' onmouseover='x",
)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def _collect(html: str) -> _Collect:
    c = _Collect()
    c.feed(html)
    c.close()
    return c


def _hostile_comparison(bad: str) -> Comparison:
    """Every place report text reaches the page: headings, sentences, figures, plan, stripped, metadata."""
    old_text = OLD_ZH.replace("区财政投入", f"区财政{bad}投入").replace("能力不足。", f"能力不足{bad}。")
    new_text = NEW_ZH.replace("区财政投入", f"区{bad}财政投入").replace("公示制度。", f"公示制度{bad}。")
    old_text = old_text.replace("标准化建设。", f"标准化建设{bad}。").replace("第1页", f"第1页{bad}")
    new_text = new_text.replace("培训执法人员520人，", f"培训执法人员520人，{bad}")
    c = zh_comparison(old_text, new_text, title=f"报告{bad}", issuer=f"{bad}人民政府")
    return replace(c, old=replace(c.old, source=replace(c.old.source, path=f"{bad}.txt")))


def test_hostile_text_renders_literally_in_html() -> None:
    for bad in HOSTILE:
        c = _hostile_comparison(bad)
        html = render_html(c)
        page = _collect(html)
        # no tag, attribute or script comes from the report text
        assert page.tags.count("script") == 2, bad
        assert "img" not in page.tags, bad
        assert not any(name.startswith("on") for name, _ in page.attrs), bad
        # the text is there, literally, once parsed back
        text = "".join(page.text)
        assert bad in text, bad
        assert text.count(bad) >= 6, bad  # title, issuer, path, sentences, plan item, stripped text
        # the script blocks are the page's own: no report text in them
        assert all(bad not in s for s in page.scripts), bad
        # `{{ 7*7 }}` was not evaluated
        assert "49" not in text.replace("2020", "").replace("2021", ""), bad


def test_escaping_happens_once() -> None:
    html = render_html(_hostile_comparison("&amp;"))
    assert "&amp;amp;" in html          # the literal text "&amp;" escaped once
    assert "&amp;amp;amp;" not in html  # not twice


def test_hostile_text_in_markdown_is_inert() -> None:
    for bad in HOSTILE:
        md = render_markdown(_hostile_comparison(bad))
        # every "<" from the report is backslash-escaped, so no Markdown viewer sees a tag
        assert not re.search(r"(?<!\\)<", md), bad
        assert "script\\>" in md or "script" not in bad, bad
        assert "{{ 7*7 }}" not in md, bad  # braces are escaped, never evaluated
        assert "49" not in md.replace("2020", "").replace("2021", ""), bad


def test_hostile_text_in_json_round_trips() -> None:
    for bad in HOSTILE:
        data = json.loads(render_json(_hostile_comparison(bad)))
        assert data["old"]["issuer"] == f"{bad}人民政府"
        assert data["old"]["path"] == f"{bad}.txt"


# ---------------------------------------------------------------- property: text in, same text out

ALPHABET = st.sampled_from(list(
    "法治政府建设年度报告一二三十、（）()1.0%万亿元"
    "<>&\"'/=;{}%#*_`[]|\\!-+ \n\t"
    "，。：；！？“”《》　"
    "abcXYZ"
))
TEXT = st.text(ALPHABET, min_size=1, max_size=40)


def _one_row(text: str) -> Comparison:
    """A comparison whose only sentence, heading, title and file name are all `text`."""
    src = SourceText(text, text, "utf-8")
    span = Span(0, len(text))
    sec = Section("s1", None, 1, text, span, span, Role.OTHER)
    report = Report(src, Metadata(issuer=text, year=2020, title=text, language="zh"), (sec,),
                    (Paragraph(span, "s1"),), ())
    return Comparison(report, report, (SectionPair("s1", "s1", PairStatus.MATCHED, 1.0),),
                      (SectionDiff(0, (SentenceRow(span, span, None),)),))


def _baseline_tags() -> list[str]:
    return _collect(render_html(_one_row("x"))).tags


@settings(deadline=None, max_examples=60)
@given(TEXT)
def test_any_text_round_trips_through_html_and_adds_no_tag(text: str) -> None:
    html = render_html(_one_row(text))
    page = _collect(html)
    assert page.tags == _baseline_tags()
    # the row's cells hold exactly the text
    cells = re.findall(r'<div class="(?:old|new)" data-side="2020">(.*?)</div>', html, re.S)
    assert len(cells) == 2
    for cell in cells:
        parsed = _collect(cell)
        assert parsed.tags == []
        assert "".join(parsed.text) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("+45个百分点", "+45个百分点"),      # not a list item: no space after "+"
    ("- 删去", "\\- 删去"),
    ("1. 完善制度", "1\\. 完善制度"),
    ("2020.txt", "2020.txt"),
    ("# 标题", "\\# 标题"),
    ("a|b", "a\\|b"),
    ("<b>x</b>", "\\<b\\>x\\</b\\>"),
    ("[链接](x)", "\\[链接\\](x)"),
    ("第一行\n第二行", "第一行 第二行"),
])
def test_markdown_escape(text: str, expected: str) -> None:
    assert escape_md(text) == expected


@settings(deadline=None, max_examples=40)
@given(TEXT, TEXT)
def test_changed_sentences_round_trip_through_html(old: str, new: str) -> None:
    """Insertions and deletions split the text into <ins>/<del>, yet each cell reads as its sentence."""
    from compare.model import ChangeKind

    from pages import segments

    def report(text: str) -> Report:
        span = Span(0, len(text))
        sec = Section("s1", None, 1, "甲", Span(0, 0), span, Role.OTHER)
        return Report(SourceText("r.txt", text, "utf-8"), Metadata(year=2020), (sec,), (Paragraph(span, "s1"),), ())

    row = SentenceRow(Span(0, len(old)), Span(0, len(new)), ChangeKind.REWORDED, segments(old, new), 0.5)
    c = Comparison(report(old), report(new), (SectionPair("s1", "s1", PairStatus.MATCHED, 0.5),),
                   (SectionDiff(0, (row,)),))
    html = render_html(c)
    cells = re.findall(r'<div class="(old|new)" data-side="2020">(.*?)</div>', html, re.S)
    assert [side for side, _ in cells] == ["old", "new"]
    for (side, cell), text in zip(cells, (old, new)):
        parsed = _collect(cell)
        assert set(parsed.tags) <= {"span", "ins", "del"}
        assert "".join(parsed.text).removeprefix("表述调整 ") == text
        assert ("ins" in parsed.tags) <= (side == "new") and ("del" in parsed.tags) <= (side == "old")
