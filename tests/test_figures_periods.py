"""Figures: the period a figure covers (one year, several years, a level reached) and how it limits
matching across years. All texts are invented for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from compare import compare_texts
from compare.figures.extract import extract_figures, extract_figures_from_text
from compare.figures.match import match_figures
from compare.figures.rules import heads_agree, periods_compatible
from compare.ingest import source_from_string
from compare.model import Figure, PeriodKind, Span
from compare.structure.parse import parse_report

from conftest import written_pairs

MULTI, YEAR, POINT, UNSTATED = (PeriodKind.MULTI_YEAR, PeriodKind.YEAR, PeriodKind.POINT,
                                PeriodKind.UNSTATED)


def _kinds(text: str, language: str = "zh") -> dict[str, tuple[str, PeriodKind]]:
    """Figure as written -> (period, kind)."""
    return {text[f.span.start:f.span.end]: (f.period, f.period_kind)
            for f in extract_figures_from_text(text, language=language)}


def test_a_paragraph_opening_with_several_years_scopes_all_its_sentences() -> None:
    text = ("过去五年，全县面貌焕然一新。修建乡村道路380公里。安置移民2700户。\n"
            "全县修建乡村道路95公里。\n")
    got = _kinds(text)
    assert got["380公里"] == ("过去五年", MULTI)
    assert got["2700户"] == ("过去五年", MULTI)
    assert got["95公里"] == ("", UNSTATED)  # the next paragraph is not in that scope


def test_a_later_sentence_opening_with_a_period_scopes_the_rest_of_its_paragraph() -> None:
    text = "2023年是规划收官之年，新建公园4座。近五年，全县新建公园17座，绿地增加90公顷。\n"
    got = _kinds(text)
    assert got["4座"] == ("2023年", YEAR)
    assert got["17座"] == ("近五年", MULTI)
    assert got["90公顷"] == ("近五年", MULTI)


def test_a_later_one_year_opening_ends_a_several_year_scope_without_a_comma() -> None:
    text = ("2016年以来，全县实行新的补贴办法，成效明显。今年要适当压减补贴规模。"
            "拟安排补贴资金3.5亿元。\n")
    assert _kinds(text)["3.5亿元"] == ("今年", YEAR)
    # a several-year phrase in passing does not open a scope
    text = "今年全县新建学校4所。五年来的实践证明，办法管用。新建幼儿园9所。\n"
    assert _kinds(text)["9所"] == ("今年", YEAR)


def test_a_part_of_the_year_in_passing_scopes_nothing_after_it() -> None:
    # 「上半年开通」 says when one line opens: the later sentences are not of the first half
    text = "今年要加快交通建设。推动地铁5号线上半年开通，推进8号线建设。打通滨河路等6条断头路。\n"
    assert _kinds(text)["6条"][1] is not PeriodKind.YEAR_TO_DATE
    # as the topic of a later sentence, with its comma, it does
    text = "全县经济稳中有进。1—11月，规上工业增加值增长6.2%，工业投资增长9%。\n"
    assert _kinds(text)["9%"][1] is PeriodKind.YEAR_TO_DATE


def test_a_price_base_year_is_no_period() -> None:
    # 「（2010年价）」「（2010年不变价）」 say at which prices a value is counted, not when; a scraped line
    # break may even put the base first in its paragraph
    text = ("今年预期目标：规模以上工业总产值（2010年价）5200亿元，增长9%。\n"
            "（2010年不变价），增长8%，工业增加值1300亿元。\n2029年价格总水平基本稳定，涨幅2%。\n")
    got = _kinds(text)
    assert got["5200亿元"][0] == "今年"
    assert got["1300亿元"] == ("", UNSTATED)
    assert got["2%"] == ("2029年", YEAR)


def test_a_period_stated_in_the_sentence_beats_the_paragraph_scope() -> None:
    text = "五年来，全县累计植树1200万株。2023年，全县植树260万株。\n"
    got = _kinds(text)
    assert got["1200万株"][1] is MULTI
    assert got["260万株"] == ("2023年", YEAR)


@pytest.mark.parametrize(
    ("text", "written", "kind"),
    [
        ("“十四五”以来，全区新增学位8600个。", "8600个", MULTI),
        ("2019年以来，全区新增学位8600个。", "8600个", MULTI),
        ("党的十九大以来，全区新增学位8600个。", "8600个", MULTI),
        ("全区累计新增学位8600个。", "8600个", MULTI),
        ("今年累计新增学位860个。", "860个", YEAR),
        ("全区地区生产总值年均增长6.4%。", "6.4%", MULTI),
        ("全区细颗粒物年均浓度下降4.5%。", "4.5%", UNSTATED),  # one year's mean concentration
        ("一年来，全区新增学位860个。", "860个", YEAR),  # the year just past, not several
        ("今年新增学位860个。", "860个", YEAR),
        ("“十四五”前三年累计新增学位8600个。", "8600个", MULTI),
        ("三年内新增学位8600个。", "8600个", MULTI),
        ("五年新设外资企业4.4万家，新建学校30所。", "4.4万家", MULTI),
        ("五年累计，新增学位8600个。", "8600个", MULTI),
        ("全区居民人均可支配收入达到41200元。", "41200元", POINT),  # a per-head level
        ("全区居民人均可支配收入增长5.1%。", "5.1%", UNSTATED),
        ("五年来，新建学校占全部学校的30%。", "30%", POINT),  # a share is a level
        ("2023年1-9月新增学位860个。", "860个", PeriodKind.YEAR_TO_DATE),  # issue 19: part of a year
    ],
)
def test_period_kinds(text: str, written: str, kind: PeriodKind) -> None:
    assert _kinds(text)[written][1] is kind


def test_a_level_reached_is_a_point_whatever_the_scope() -> None:
    got = _kinds("五年来，全区森林覆盖率由41.3%提高到47.8%，公交线路总里程达860公里，"
                 "新能源公交车增加到530辆，共治理河道64条。\n")
    assert got["47.8%"][1] is POINT
    assert got["860公里"][1] is POINT  # a total length
    assert got["530辆"][1] is POINT
    assert got["64条"][1] is MULTI
    # 收到, 得到 end in 到 but reach no level
    assert _kinds("今年，区政府共收到行政复议申请10起。")["10起"][1] is YEAR
    assert _kinds("人均收入从3万元到3.6万元。")["3.6万元"][1] is POINT
    # a share kept over the years is a level too; a change in a share is not
    shares = _kinds("五年来，研发投入占地区生产总值比重保持在3%以上，服务业比重提高6个百分点。\n")
    assert shares["3%以上"][1] is POINT
    assert shares["6个百分点"][1] is MULTI


def test_english_periods() -> None:
    text = ("Over the past five years, we have built 4,200 homes. This year we built 900 homes. "
            "Payouts rose to $3.2 billion.")
    got = _kinds(text, "en")
    assert got["4,200 homes"][1] is MULTI
    assert got["900 homes"] == ("This year", YEAR)
    assert got["$3.2 billion"][1] is POINT
    assert _kinds("The scheme will support up to 70% of costs.", "en")["70%"][1] is UNSTATED  # a cap
    scoped = _kinds("Over the past five years, we spent $1.5 billion on roads. We built 4,200 homes.\n"
                    "We built 900 homes.", "en")
    assert scoped["4,200 homes"][1] is MULTI  # the scope runs past the point of $1.5 and the full stop
    assert scoped["900 homes"][1] is UNSTATED


def _report(text: str):  # noqa: ANN202 - a Report
    return parse_report(source_from_string(text, "t.txt"))


def test_a_heading_gives_its_period_to_sections_that_state_none() -> None:
    text = ("一、过去五年工作回顾\n"
            "（一）坚持生态优先。全县治理水土流失面积210平方公里。\n"
            "刚刚过去的2023年，全县治理水土流失面积46平方公里。\n"
            "二、2024年工作安排\n"
            "治理水土流失面积50平方公里。\n"
            "三、2023年工作和五年来的经验\n"
            "治理水土流失面积48平方公里。\n")
    report = _report(text)
    got = {report.text_of(f.span): (f.period, f.period_kind) for f in extract_figures(report)}
    assert got["210平方公里"] == ("过去五年", MULTI)  # from the heading of the parent section
    assert got["46平方公里"] == ("2023年", YEAR)  # its paragraph says which year
    assert got["50平方公里"] == ("2024年", YEAR)
    assert got["48平方公里"] == ("", UNSTATED)  # a heading naming both kinds decides nothing


def _f(label: str, value: str, base_unit: str, kind: PeriodKind, start: int) -> Figure:
    return Figure(Decimal(value), base_unit, label, Span(start, start + 3), base_value=Decimal(value),
                  base_unit=base_unit, period_kind=kind)


def test_several_year_totals_pair_only_with_several_year_totals() -> None:
    old = [_f("棚户区改造", "2600", "套", MULTI, 0), _f("城镇新增就业", "1351", "人", YEAR, 10)]
    new = [_f("棚户区改造", "620", "套", UNSTATED, 0), _f("城镇新增就业", "1361", "人", UNSTATED, 10),
           _f("棚户区改造", "3100", "套", MULTI, 20)]
    pairs = match_figures(old, new)
    got = [(p.old.value if p.old else None, p.new.value if p.new else None) for p in pairs]
    assert (Decimal(2600), Decimal(620)) not in got
    assert (None, Decimal(620)) in got  # new, not a -76% change
    assert (Decimal(2600), Decimal(3100)) in got
    assert (Decimal(1351), Decimal(1361)) in got


def test_levels_pair_only_with_levels() -> None:
    # issue 19: a pair joins one period kind; a level reached (POINT) is not a year's amount or addition
    level = _f("高铁运营里程", "25000", "公里", POINT, 0)
    assert not periods_compatible(level, _f("高铁运营里程", "29000", "公里", YEAR, 0))
    assert not periods_compatible(level, _f("新增高铁运营里程", "4100", "公里", YEAR, 0))
    assert not periods_compatible(_f("高铁运营里程", "9000", "公里", MULTI, 0), level)
    assert periods_compatible(_f("科技进步贡献率", "57.5", "%", POINT, 0),
                              _f("科技进步贡献率", "58.5", "%", POINT, 0))
    assert periods_compatible(_f("城镇新增就业", "1351", "人", YEAR, 0),
                              _f("城镇新增就业", "1361", "人", UNSTATED, 0))  # unstated = the report's year


@pytest.mark.parametrize(
    ("old", "new", "same"),
    [
        ("中央对地方一般性转移支付增长", "中央对地方均衡性转移支付增长", False),
        ("赤字率比去年预算低", "赤字率比去年预算高", False),
        ("城镇调查失业率", "城镇登记失业率", False),
        ("全区财政支出", "财政支出", True),
        ("安排地方专项债券", "安排地方政府专项债券", True),
        ("安排财政赤字比去年预算增加", "安排财政赤字比上年增加", True),
        ("企业退休人员基本养老金继续提高", "企业退休人员基本养老金水平提高", True),
        ("实际使用外资", "实际利用外资", True),
        ("居民人均可支配收入增长", "居民人均可支配收入提高", True),
        ("set aside over the next three years", "set aside over the next five years", False),
        ("overall budget deficit", "overall Budget deficit", True),
    ],
)
def test_labels_name_the_same_measure_unless_words_are_substituted(old: str, new: str, same: bool) -> None:
    assert heads_agree(old, new) is same


def test_compare_leaves_a_five_year_total_unpaired_and_keeps_the_yearly_pairs() -> None:
    old = ("一、过去五年工作回顾\n"
           "五年来，全县改造老旧小区860个，城镇新增就业5.2万人，森林覆盖率由41.3%提高到47.8%。\n"
           "刚刚过去的2023年，城镇新增就业1.1万人，地区生产总值增长5.9%，实际使用外资2.3亿美元。\n"
           "二、2024年工作安排\n"
           "地区生产总值增长6%左右，城镇新增就业1万人以上。\n")
    new = ("一、2024年工作回顾\n"
           "地区生产总值增长6.1%，城镇新增就业1.2万人，实际利用外资2.6亿美元。"
           "全年改造老旧小区170个，森林覆盖率提高到48.4%。\n"
           "二、2025年工作安排\n"
           "地区生产总值增长5.5%左右，城镇新增就业1万人以上。\n")
    c = compare_texts(old, new)
    got = {(c.old.text_of(p.old.span) if p.old else None, c.new.text_of(p.new.span) if p.new else None)
           for p in c.figure_pairs}
    assert ("1.1万人", "1.2万人") in got
    assert ("5.9%", "6.1%") in got
    assert ("2.3亿美元", "2.6亿美元") in got
    assert ("47.8%", "48.4%") in got  # levels reached compare across periods
    assert ("6%左右", "5.5%左右") in got
    assert ("860个", None) in got and (None, "170个") in got  # five-year total vs one year: unpaired
    assert ("5.2万人", None) in got


def test_the_from_value_of_an_old_report_pairs_with_no_later_value() -> None:
    # 由120元提高到200元 / 由200元提高到260元: 120元 is two years older than 260元; a from-value is a
    # baseline (issue 19) and baselines pair with nothing, so the levels reached pair: 200元 -> 260元
    c = compare_texts("一、工作回顾\n补助标准由每人每年120元提高到200元。\n",
                      "一、工作回顾\n补助标准由每人每年200元提高到260元。\n")
    got = {(c.old.text_of(p.old.span) if p.old else None, c.new.text_of(p.new.span) if p.new else None)
           for p in c.figure_pairs}
    assert ("200元", "260元") in got
    assert ("120元", None) in got and (None, "200元") in got


def test_the_point_of_a_decimal_does_not_end_the_sentence() -> None:
    text = "Across our ten-year plan, grants reached $13.5 million, and $800,000 of it went to schools."
    got = _kinds(text, "en")
    assert got["$800,000"] == ("ten-year", MULTI)


def test_an_average_yearly_rate_does_not_pair_with_one_years_rate() -> None:
    # issue 19: a five-year average (年均上涨1.6%) is not one year's rate; both are listed unpaired
    old = ("一、过去五年工作回顾\n五年来，全市居民消费价格年均上涨1.6%，累计新建公租房3.2万套。\n"
           "二、今年工作安排\n继续推进公租房建设。\n")
    new = ("一、2024年工作回顾\n2024年，全市居民消费价格上涨0.8%，新建公租房6800套。\n"
           "二、今年工作安排\n继续推进公租房建设。\n")
    c = compare_texts(old, new)
    got = written_pairs(c)
    assert ("1.6%", "0.8%") not in got
    assert not any(o == "3.2万套" for o, _ in got)  # a five-year total is not one year's 6800套


def test_a_long_label_is_shortened_after_its_lead_in_verb_not_inside_a_word() -> None:
    text = "全年主持召开区政府常务会议专题研究法治政府建设工作4次。"
    (fig,) = extract_figures_from_text(text, language="zh")
    assert fig.label == "区政府常务会议专题研究法治政府建设工作"


def test_a_count_is_named_by_what_it_counts_not_by_how_it_was_done() -> None:
    labels = {text: [f.label for f in extract_figures_from_text(text, language="zh")]
              for text in ("高质量完成12项年度民生实事。", "顺利完成8项改革任务。", "高标准打造3个示范社区。",
                           "全面完成320亩高标准农田改造提升。")}
    assert labels["高质量完成12项年度民生实事。"] == ["年度民生实事"]
    assert labels["顺利完成8项改革任务。"] == ["改革任务"]
    assert labels["高标准打造3个示范社区。"] == ["打造示范社区"]
    # a term that opens like a manner word keeps it
    assert "高标准农田" in labels["全面完成320亩高标准农田改造提升。"][0]


def test_a_change_on_a_base_year_written_out_is_of_that_base_not_of_the_year_it_reaches() -> None:
    # 与2025年相比…2030年: five years' growth, not the 2030 growth; the year before stays one year's
    kinds = _kinds("与2025年相比，预计2030年全县一般财政预算收入、税收收入分别增长180%、95%。\n"
                   "与2029年相比，2030年全县一般财政预算收入增长9%。\n"
                   "到2035年全县生产总值比2025年翻一番，“十五五”时期年均增长保持在6%以上。\n")
    assert kinds["180%"] == ("2025年以来", MULTI) and kinds["95%"] == ("2025年以来", MULTI)
    assert kinds["9%"] == ("2030年", YEAR)
    assert kinds["6%以上"][1] is MULTI  # a base year of one clause does not date the next


def test_a_count_of_years_is_a_figure_only_as_a_measure_of_time() -> None:
    # a streak, an age or a horizon is no quantity compared across years; years of schooling are
    got = _kinds("粮食产量连续6年增产，全县建区20年来面貌一新。劳动年龄人口平均受教育年限达到11.2年。\n"
                 "地区生产总值480亿元，3年突破两个百亿大关，增长9%。\n")
    assert "6年" not in got and "20年" not in got and "3年" not in got
    assert "11.2年" in got
    labels = {f.label for f in extract_figures_from_text("地区生产总值480亿元，3年突破两个百亿大关，增长9%。\n")}
    assert "地区生产总值增长" in labels  # the years still end the clause before the growth


def test_names_written_in_latin_letters_stay_in_the_label_and_a_unit_per_quantity_is_one_unit() -> None:
    # GDP, PM2.5, PCT and 5G name the measure; a number opening a clause (12345热线) is a code
    text = ("全年GDP增长6%。PM2.5年均浓度17.2微克/立方米。新建5G基站1000个。12345热线受理诉求80万件。\n"
            "PM2.5浓度由每立方米19.1微克降至17.2微克。臭氧评价浓度由每立方米159微克降至141微克。\n")
    figs = [(text[f.span.start:f.span.end], f.label, f.unit) for f in extract_figures_from_text(text)]
    assert ("6%", "GDP增长", "%") in figs
    assert ("1000个", "新建5G基站", "个") in figs
    assert ("80万件", "热线受理诉求", "万件") in figs
    per = [(label, unit) for written, label, unit in figs if "微克" in written]
    assert per == [("PM2.5年均浓度", "微克/立方米"), ("PM2.5浓度", "微克/立方米"), ("PM2.5浓度", "微克/立方米"),
                   ("臭氧评价浓度", "微克/立方米"), ("臭氧评价浓度", "微克/立方米")]


def test_an_appendix_listing_the_plan_years_projects_states_targets() -> None:
    # 「附件 2031年民生实事」 in the 2031 report (reviewing 2030) lists what is planned, not done
    text = ("某区2031年政府工作报告\n\n一、2030年工作回顾\n全区新建公园5个。\n\n二、2031年工作安排\n"
            "推进城市更新，新建公园3个。\n\n附件2\n\n2031年区政府民生实事\n\n1. 新增幼儿园学位2000个。\n\n2. 完成150公里污水管网建设。\n")
    report = parse_report(source_from_string(text, "2031.txt"))
    kinds = {text[f.span.start:f.span.end]: f.kind.value for f in extract_figures(report)}
    assert kinds["5个"] == "outcome"
    assert kinds["3个"] == "target"
    assert kinds["2000个"] == "target" and kinds["150公里"] == "target"


def test_an_appendix_titled_on_the_line_under_its_bare_heading_states_targets() -> None:
    # 「附件2」 alone, the title 「某区政府2031年民生实事」 on the next line, then the table's rows
    text = ("某区2031年政府工作报告\n\n一、2030年工作回顾\n全区新建公园5个。\n\n二、2031年工作安排\n"
            "推进城市更新，新建公园3个。\n附件2\n　　某区政府2031年民生实事\n　　序号\n\t　　项目内容\n　　1\n"
            "\t　　新增幼儿园学位2000个，新建学校2所。\n\t　　区教育局\n")
    report = parse_report(source_from_string(text, "2031.txt"))
    kinds = {text[f.span.start:f.span.end]: (f.kind.value, f.period) for f in extract_figures(report)}
    assert kinds["5个"][0] == "outcome"
    assert kinds["2000个"] == ("target", "2031年") and kinds["2所"] == ("target", "2031年")


def test_a_level_due_in_five_years_is_no_target_of_one_year() -> None:
    from dataclasses import replace

    from compare.model import FigureKind

    fig = extract_figures_from_text("天然气普及率达75%以上。")[0]
    five = replace(fig, period="未来五年", period_kind=POINT, kind=FigureKind.TARGET)
    year = replace(fig, period="2022年", period_kind=POINT, kind=FigureKind.TARGET)
    assert not periods_compatible(five, year) and not periods_compatible(year, five)
    assert periods_compatible(year, replace(year, period="2023年"))
    assert periods_compatible(five, replace(five, period="到2025年"))
    reached = replace(year, kind=FigureKind.OUTCOME)  # a level reached compares with any level
    assert periods_compatible(five, reached)


def test_a_limit_kept_against_a_value_is_no_headline_move() -> None:
    old = "一、2030年工作回顾\n城镇登记失业率保持在2%以下，地区生产总值增长6.1%。\n"
    new = "一、2031年工作回顾\n城镇登记失业率0.39%，地区生产总值增长5.2%。\n"
    pairs = {fp.old.label: fp.headline for fp in compare_texts(old, new).figure_pairs if fp.old and fp.new}
    assert pairs == {"城镇登记失业率": False, "地区生产总值增长": True}
