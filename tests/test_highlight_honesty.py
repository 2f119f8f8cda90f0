"""Issue 14 leftovers: the highlights claim only what the figures and the plan checks support.

bug 1: the 「变化最大的数据」 group took any pair with a change and the same period kind, so the
pairs most likely to be two measures under one label came first (中央财政拟安排 200亿元 →
3185亿元, ×16; 财政收入 of the year set against 从1997年的8651亿元). `rules.headline_refusal` is
the gate: the pairing rules plus one year or a level on both sides, consecutive years, a label
that names a measure, at most ×10 apart.
bug 2: 「未达成的目标：无」 was shown beside 11 targets that could not be judged.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from compare.figures.rules import HEADLINE_MAX_RATIO, headline_refusal, stated_year
from compare.model import Figure, FigureKind, FigurePair, Metadata, PeriodKind, Span
from compare.pipeline import compare_texts
from compare.render import render_html, render_json, render_markdown

# a 政府工作报告 pair: the 2019 report reviews 2018 and calls 2019 今年
OLD_META = Metadata(year=2017, plan_year=2018, plan_year_is_current=True)
NEW_META = Metadata(year=2018, plan_year=2019, plan_year_is_current=True)
YEAR, MULTI = PeriodKind.YEAR, PeriodKind.MULTI_YEAR


def _fig(label: str, value: str, unit: str = "亿元", period: str = "", kind: FigureKind = FigureKind.OUTCOME,
         period_kind: PeriodKind = PeriodKind.UNSTATED) -> Figure:
    return Figure(Decimal(value), unit, label, Span(0, 3), None, None, "", period, Decimal(value), unit,
                  period_kind, kind)


def _pair(old: Figure, new: Figure) -> FigurePair:
    return FigurePair(old, new, 1.0, new.value - old.value)


def test_stated_year_reads_written_and_relative_years() -> None:
    assert stated_year(_fig("财政收入", "8651", period="1997年", period_kind=YEAR), NEW_META) == 1997
    assert stated_year(_fig("财政收入", "1", period="去年", period_kind=YEAR), NEW_META) == 2018
    assert stated_year(_fig("财政收入", "1", period="今年", period_kind=YEAR), NEW_META) == 2019
    assert stated_year(_fig("财政收入", "1"), NEW_META) == 2018  # an outcome: the year reviewed
    assert stated_year(_fig("财政收入", "1", kind=FigureKind.TARGET), NEW_META) == 2019  # a target: the plan's
    assert stated_year(_fig("财政收入", "1", period="过去五年", period_kind=MULTI), NEW_META) is None


@pytest.mark.parametrize(("old", "new", "why"), [
    # the later report's figure is about a year long gone (从1997年的8651亿元增加到…)
    (_fig("全国财政收入", "16371", period="全年", period_kind=YEAR),
     _fig("全国财政收入", "8651", period="1997年", period_kind=YEAR), "years"),
    # both about 2018: no move from one year to the next
    (_fig("污水管网建设", "150", "公里", period="2018年", period_kind=YEAR),
     _fig("污水管网建设", "290", "公里", period="2018年", period_kind=YEAR), "years"),
    # running totals over windows that differ
    (_fig("推广应用新能源汽车", "6363", "辆", period="累计", period_kind=MULTI),
     _fig("推广应用新能源汽车", "10000", "辆", period="五年来", period_kind=MULTI), "period"),
    # an amount set aside, for what the label does not say
    (_fig("安排", "200", kind=FigureKind.TARGET), _fig("安排", "832", kind=FigureKind.TARGET), "label"),
    (_fig("中央财政拟安排", "200", kind=FigureKind.TARGET), _fig("中央财政拟安排", "3185", kind=FigureKind.TARGET),
     "ratio"),
])
def test_pairs_that_may_not_headline(old: Figure, new: Figure, why: str) -> None:
    assert headline_refusal(_pair(old, new), OLD_META, NEW_META) == why


@pytest.mark.parametrize(("label", "may"), [
    # an action and its cost, or what a new measure brings: another scheme next year
    ("cost the Government", False), ("extend", False), ("make available", False),
    ("additional revenue per year", False), ("receive a total", False),
    # the recurring measures of a budget or a letter
    ("overall deficit", True), ("basic deficit to GDP", True), ("Net earnings", True),
    ("resident unemployment rate", True), ("gain in net worth during", True), ("Revenues", True),
])
def test_an_english_label_headlines_only_when_it_names_a_measure(label: str, may: bool) -> None:
    pair = _pair(_fig(label, "330", "$ million"), _fig(label, "717", "$ million"))
    assert (headline_refusal(pair, OLD_META, NEW_META) is None) is may


def test_pairs_that_may_headline() -> None:
    jobs = (_fig("城镇新增就业", "1351", "万人"), _fig("城镇新增就业", "1361", "万人"))
    assert headline_refusal(_pair(*jobs), OLD_META, NEW_META) is None
    bonds = (_fig("安排地方政府专项债券", "13500", kind=FigureKind.TARGET, period="今年", period_kind=YEAR),
             _fig("安排地方政府专项债券", "21500", kind=FigureKind.TARGET, period="今年", period_kind=YEAR))
    assert headline_refusal(_pair(*bonds), OLD_META, NEW_META) is None
    # rates are not held to the ratio (赤字率 0.3% → 13.9% of GDP is one measure)
    rate = (_fig("deficit to GDP", "0.3", "%"), _fig("deficit to GDP", "13.9", "%"))
    assert Decimal("13.9") / Decimal("0.3") > HEADLINE_MAX_RATIO
    assert headline_refusal(_pair(*rate), OLD_META, NEW_META) is None
    # read in time order whichever report is passed first
    assert headline_refusal(_pair(jobs[1], jobs[0]), NEW_META, OLD_META) is None


OLD_TEXT = ("一、2020年工作回顾\n全年完成固定资产投资370亿元，城镇新增就业1.1万人。\n"
            "二、2021年工作安排\n城镇新增就业1万人以上，单位地区生产总值能耗下降3%。\n")
NEW_TEXT = ("一、2021年工作回顾\n全年完成固定资产投资5147.3亿元，城镇新增就业1.3万人。\n"
            "二、2022年工作安排\n城镇新增就业1万人以上。\n")


def _highlights(html: str) -> str:
    start = html.index('<section id="highlights"')
    return html[start:html.index("</section>", start)]


def test_the_figures_table_keeps_a_pair_the_highlights_leave_out() -> None:
    c = compare_texts(OLD_TEXT, NEW_TEXT)
    html = render_html(c)
    table = html[html.index('<section id="figures"'):]
    assert "370亿元" in table and "5147.3亿元" in table  # paired, shown with its sentences
    block = _highlights(html)
    assert "城镇新增就业" in block and "1.1万人 → 1.3万人" in block
    assert "5147.3" not in block  # ×13.9: not a headline


def test_json_says_which_pairs_may_headline() -> None:
    import json

    figures = json.loads(render_json(compare_texts(OLD_TEXT, NEW_TEXT)))["figures"]
    headline = {(f["old"]["text"], f["new"]["text"]): f["headline"] for f in figures if f["status"] == "paired"}
    assert headline[("370亿元", "5147.3亿元")] is False  # ×13.9: in the table, never a headline
    assert headline[("1.1万人", "1.3万人")] is True


def test_not_met_says_how_many_targets_could_not_be_judged() -> None:
    c = compare_texts(OLD_TEXT, NEW_TEXT)
    statuses = sorted(pc.status.value for pc in c.plan_checks if pc.item.kind.value == "target")
    assert statuses == ["met", "unknown"], statuses
    block = _highlights(render_html(c))
    group = block[block.index("hl-not_met"):block.index("hl-sections")]
    assert "无：可判断的1项目标均已达成。" in group
    assert re.search(r'<a class="more unjudged" href="#only-plan-unknown">1项目标无法判断</a>', group)
    assert "<p class=\"empty-note\">无。</p>" not in group
    md = render_markdown(c)
    assert "- 无：可判断的1项目标均已达成。\n- 1项目标无法判断\n" in md
