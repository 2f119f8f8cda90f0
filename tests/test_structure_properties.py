"""Property: nothing is lost — paragraphs, heading lines and stripped spans cover every
non-whitespace character of any generated report exactly once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.ingest import source_from_string
from compare.structure.parse import parse_report, uncovered

MARKERS = ["一、", "二、", "（一）", "(二)", "一)", "()", ")", "1.", "2、", "（3）", "①", "第一，", "# ",
           "I. ", "A. ", "一是", "索 引 号 ", "文号 ", "发布时间:", "(此件主动公开)", "联系人:", "**Mr Speaker**",
           ": ", "---", "本作品是", "2030年12月20日", "某区人民政府", "Insurance", "12"]
WORDS = ["推进改革", "完善制度", "全年完成任务。", "增长6.5%", "“放管服”", "《纲要》", "，", "。", "The Annual Meeting",
         "We did well.", "<&\">", "3.5", "报", "告", "  ", "\u3000\u3000"]

line = st.builds(
    lambda m, ws: m + "".join(ws),
    st.sampled_from(MARKERS + [""] * 6),
    st.lists(st.sampled_from(WORDS), max_size=8),
)
separator = st.sampled_from(["\n", "\n\n", "\n  \n", "  ", "\n\u3000\u3000\n"])


@st.composite
def reports(draw: st.DrawFn) -> str:
    lines = draw(st.lists(line, min_size=1, max_size=25))
    out = []
    for ln in lines:
        out.append(ln)
        out.append(draw(separator))
    text = "".join(out)
    return text if text.strip() else "正文。"


@settings(deadline=None, max_examples=300)
@given(reports())
def test_nothing_is_lost(text: str) -> None:
    report = parse_report(source_from_string(text))
    assert uncovered(report) == []
    # spans nest and stay inside the text
    for s in report.sections:
        assert 0 <= s.span.start <= s.span.end <= len(report.source.text)
        if s.parent:
            parent = report.section(s.parent)
            assert parent.span.start <= s.span.start and s.span.end <= parent.span.end
    ids = {s.id for s in report.sections}
    assert all(p.section_id in ids for p in report.paragraphs)


@settings(deadline=None, max_examples=100)
@given(reports())
def test_collapsed_into_one_long_line(text: str) -> None:
    one_line = "  ".join(t for t in text.split("\n") if t.strip()) * 3
    report = parse_report(source_from_string(one_line or "正文。"))
    assert uncovered(report) == []
