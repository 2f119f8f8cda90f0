"""The page header names both documents by the years a reader knows them by, and says what they are.

A 政府工作报告 delivered in 2031 reviews 2030 and plans 2031: readers call it the 2031 report. A
report titled for the year it reviews, or a letter whose plan is for next year, is known by the year
reported on. Invented texts only; the corpus checks are in test_metadata_corpus.py.
"""

from __future__ import annotations

from compare.pipeline import compare_texts
from compare.render.context import build_context
from compare.render.html import render_html
from compare.render.markdown import render_markdown

from pages import visible_text


def work_report(year: int) -> str:
    return (f"各位代表：\n\n现在，我代表某省人民政府，向大会作政府工作报告，请予审议。\n\n"
            f"一、{year - 1}年工作回顾\n\n过去一年，全省地区生产总值增长{year % 10}%。\n\n"
            f"二、{year}年主要任务\n\n今年要稳住增长。今年要扩大开放。今年要办好民生实事。\n")


def district_report(year: int) -> str:
    return (f"标题 某区人民政府关于{year}年法治政府建设情况的报告\n\n一、主要举措和成效\n\n"
            f"今年以来办理复议案件{year % 100}件。\n\n二、{year + 1}年工作打算\n\n明年将继续推进改革。\n\n"
            f"某区人民政府\n\n{year}年12月20日\n")


def letter(year: int) -> str:
    return (f"# Letter to Shareholders\n\n## {year} in Review\n\nRevenue grew {year % 10}% in {year}.\n\n"
            f"## Priorities for {year + 1}\n\n- We will open a plant in Lyon.\n")


def test_work_reports_are_named_by_the_year_they_are_delivered_in_and_plan() -> None:
    ctx = build_context(compare_texts(work_report(2031), work_report(2032)))
    assert ctx["years"] == {"old": "2031", "new": "2032"}
    assert ctx["heading"] == "某省人民政府 2031 → 2032"
    assert "2031年报告回顾2030年" in ctx["years_note"] and "2032年报告回顾2031年" in ctx["years_note"]
    assert ctx["old"]["years"] == "回顾2030年，部署2031年工作"
    assert ctx["new"]["years"] == "回顾2031年，部署2032年工作"
    # labels that name a report by its year use the same years as the header
    assert ctx["labels"]["col_item"].startswith("2031年报告")


def test_reports_titled_for_the_year_reviewed_keep_that_year() -> None:
    ctx = build_context(compare_texts(district_report(2030), district_report(2031)))
    assert ctx["years"] == {"old": "2030", "new": "2031"}
    assert ctx["heading"] == "某区人民政府 2030 → 2031"
    assert ctx["years_note"] == "年份为报告所述年度。"
    assert ctx["old"]["years"] == "2030年度，计划2031年"


def test_letters_keep_the_year_reported_on_and_show_the_plan_year() -> None:
    c = compare_texts(letter(2030), letter(2031))
    ctx = build_context(c)
    assert ctx["heading"] == "Letter to Shareholders 2030 → 2031"
    assert ctx["years_note"] == "Years are the years reported on."
    assert (ctx["old"]["years"], ctx["new"]["years"]) == ("2030; plan for 2031", "2031; plan for 2032")
    text = visible_text(render_html(c))
    assert "Letter to Shareholders 2030 → 2031" in text and "2030; plan for 2031" in text


def test_a_mixed_pair_falls_back_to_the_years_reported_on() -> None:
    # only one side is known by its plan year: both sides show the year reported on
    ctx = build_context(compare_texts(work_report(2031), district_report(2031)))
    assert ctx["years"] == {"old": "2030", "new": "2031"}
    assert ctx["old"]["years"] == "2030年度，计划2031年"


def test_html_and_markdown_say_what_the_years_are() -> None:
    c = compare_texts(work_report(2031), work_report(2032))
    text = visible_text(render_html(c))
    assert "某省人民政府 2031 → 2032" in text
    assert "年份为作报告、部署工作的年份" in text and "回顾2031年，部署2032年工作" in text
    md = render_markdown(c)
    assert md.startswith("# 年度对比：某省人民政府 2031 → 2032\n")
    assert "| 内容 | 回顾2030年，部署2031年工作 | 回顾2031年，部署2032年工作 |" in md


def test_followup_page_names_the_reports_by_the_same_years() -> None:
    from compare.pipeline import followup_texts
    from compare.render.followup import render_followup

    c = followup_texts(work_report(2031), work_report(2032))
    assert render_followup(c, "md").startswith("# 计划落实情况: 2031 → 2032\n")
    c = followup_texts(letter(2030), letter(2031))
    assert render_followup(c, "md").startswith("# Plan follow-through: 2030 → 2031\n")
