"""Figures: extraction from small texts we wrote, exclusions, labels, matching across years."""

from __future__ import annotations

from decimal import Decimal

import pytest

from compare.figures.extract import extract_figures, extract_figures_from_text
from compare.figures.match import match_figures
from compare.ingest import source_from_string
from compare.model import Figure, Metadata, PairStatus, Report, SectionPair, Span, Stripped
from compare.structure.parse import parse_report

from conftest import written_pairs


def _figs(text: str, language: str = "zh") -> list[tuple[str, Decimal, str]]:
    return [(text[f.span.start:f.span.end], f.value, f.unit)
            for f in extract_figures_from_text(text, language=language)]


def _one(text: str, language: str = "zh") -> Figure:
    figs = extract_figures_from_text(text, language=language)
    assert len(figs) == 1, [text[f.span.start:f.span.end] for f in figs]
    return figs[0]


@pytest.mark.parametrize(
    ("text", "written", "value", "unit", "base_value", "base_unit"),
    [
        ("全县新增减税降费4.87亿元。", "4.87亿元", "4.87", "亿元", "487000000", "元"),
        ("城镇新增就业1100万人。", "1100万人", "1100", "万人", "11000000", "人"),
        ("挽回经济损失53.64万元。", "53.64万元", "53.64", "万元", "536400", "元"),
        ("调处成功率达99.7%。", "99.7%", "99.7", "%", "99.7", "%"),
        ("全市共有３５７家企业参加。", "３５７家", "357", "家", "357", "家"),
        ("医疗救助１２．５％的家庭。", "１２．５％", "12.5", "%", "12.5", "%"),
        ("全年收入1,234,567元。", "1,234,567元", "1234567", "元", "1234567", "元"),
        ("比上年下降0.4个百分点。", "0.4个百分点", "0.4", "个百分点", "0.4", "pp"),
        ("出生率为千分之三。", "千分之三", "3", "‰", "0.3", "%"),
        ("失业保险覆盖百分之五十的职工。", "百分之五十", "50", "%", "50", "%"),
        ("建成一百二十个服务站。", "一百二十个", "120", "个", "120", "个"),
        ("培训两千三百万人次。", "两千三百万人次", "2300", "万人次", "23000000", "人次"),
        ("外贸总额1.5万亿元。", "1.5万亿元", "1.5", "万亿元", "1500000000000", "元"),
        ("农村贫困人口减少1386万。", "1386万", "1386", "万", "13860000", ""),
        ("新设企业1万6千多户。", "1万6千多户", "16000", "户", "16000", "户"),
        # visits and doses are not companies and ships: 家次 is not 家
        ("累计接种疫苗120万剂次。", "120万剂次", "120", "万剂次", "1200000", "剂次"),
        ("走访服务企业6000家次。", "6000家次", "6000", "家次", "6000", "家次"),
        ("船舶岸电接驳571艘次。", "571艘次", "571", "艘次", "571", "艘次"),
        # 负 ending the word 减负 is no minus sign
        ("全年为企业减负1369亿元。", "1369亿元", "1369", "亿元", "136900000000", "元"),
    ],
)
def test_values_and_units(text: str, written: str, value: str, unit: str, base_value: str,
                          base_unit: str) -> None:
    fig = _one(text)
    assert text[fig.span.start:fig.span.end] == written
    assert (fig.value, fig.unit) == (Decimal(value), unit)
    assert (fig.base_value, fig.base_unit) == (Decimal(base_value), base_unit)


def test_ranges_and_qualifiers() -> None:
    fig = _one("办理环节由原来的七个减为3至4个。".replace("七个", "七道"))
    assert (fig.value, fig.value_high, fig.unit) == (3, 4, "个")
    dash = _one("增长目标为6%-6.5%。")
    assert (dash.value, dash.value_high, dash.unit) == (Decimal(6), Decimal("6.5"), "%")
    for sep in ("—", "－", "~"):
        f = _one(f"增长目标为6%{sep}6.5%。")
        assert (f.value, f.value_high) == (Decimal(6), Decimal("6.5"))
    assert _one("举办讲座60余场。").qualifier == "余"
    assert _one("增长6.5%左右。").qualifier == "左右"
    assert _one("新增就业1100万人以上。").qualifier == "以上"
    assert _one("失业率控制在5.5%以内。").qualifier == "以内"
    assert _one("惠及约300户家庭。").qualifier == "约"
    assert _one("覆盖超过80%的乡镇。").qualifier == "超过"
    assert _one("改造620多万套住房。").unit == "万套"
    assert _one("受益近14亿人口。").qualifier == "近"


def test_fraction_is_a_share() -> None:
    fig = _one("审批事项削减三分之一。")
    assert fig.unit == ""
    assert fig.base_unit == "%"
    assert abs(fig.base_value - Decimal(100) / 3) < Decimal("0.0001")


@pytest.mark.parametrize(
    "text",
    [
        "2020年全面完成任务。",
        "落实《实施纲要(2015-2020年)》要求。",
        "印发通知（县委发〔2017〕5号）。",
        "县政府文件228号已经印发。",
        "发布时间：2020-12-18 17:48。",
        "2020年12月18日",
        "(联系人：张三  电话：13800001111)",
        "拨打12345便民服务热线。",
        "通过“12348”服务热线咨询。",
        "12315平台全天受理。",
        "编制“十四五”规划，开展七五普法。",
        "增强四个意识，坚定四个自信，做到两个维护。",
        "实行三级四同管理，落实“四到位、十公开”，推广“1+X”和3+X模式。",
        "一是加强领导，二是完善制度。（一）强化保障。1.高位推进。",
        "认真贯彻党的十九大和十九届五中全会精神。",
        "索引号 AB01100-0301-2020-00065",
        "2020年1-10月，工作稳步推进。",
        "第一时间成立领导小组，推行一窗受理、一次办好。",
        "五年来，三年行动取得成效。",
        "细颗粒物（PM2.5）浓度下降。",
        "严格落实中央八项规定精神。",
        "扩大先进技术、关键设备和零部件进口。",  # 零 of 零部件, 零售 is a word
        "发展社区零售网点，对腐败零容忍。",
        "推进土地二次开发，破除城乡二元结构。",  # the numeral is part of the word
        "落实省委十二届七次、八次、九次全会精神。",  # sessions, the first two listed before their 全会
        "连续五次获评全国双拥模范城。",  # a streak, as 连续9年
        "加快引进十亿级项目，培育百亿级企业。",  # a class of projects, no amount
        "今年已经过去3个多月，我们将全力以赴。",  # how far into the year, no quantity
        "今年重点做好以下八个方面工作，着力抓好五件事。",  # how the speech is laid out
    ],
)
def test_not_figures(text: str) -> None:
    assert _figs(text) == []


def test_labels_are_the_noun_phrase_before_the_figure() -> None:
    text = ("2020年1-10月新增减税降费4.87亿元，调处成功率达99.7%；城镇新增就业1100万人，"
            "国内生产总值增长6.1%，全县共聘请5名法律顾问，共受理投诉886件。")
    labels = [f.label for f in extract_figures_from_text(text)]
    assert labels == ["新增减税降费", "调处成功率", "城镇新增就业", "国内生产总值增长", "聘请法律顾问",
                      "受理投诉"]


def test_period_is_recorded() -> None:
    figs = extract_figures_from_text("2020年1-10月新增减税降费4.87亿元。今年共举办讲座12场。")
    assert [f.period for f in figs] == ["2020年1-10月", "今年"]


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # the year before, as the base of a comparison, is not the figure's period
        ("2020年，地区生产总值增长6.1%，比上年提高0.5个百分点。", ["2020年", "2020年"]),
        ("全年一般公共预算收入120亿元，比上年增长8%。", ["全年", "全年"]),
        ("今年财政收入较去年增长5%。", ["今年"]),
        ("2019年投资高于上年12%。", ["2019年"]),
        ("城镇新增就业1.2万人，与上年相比多0.1万人。", ["", ""]),
        # …nor is a several-year period said in passing before a change on the year before
        ("2007年能耗下降3.27%，排放总量近年来首次出现双下降，比上年分别下降3.14%和4.66%。",
         ["2007年", "2007年", "2007年"]),
        # a base year written out gives the years since it (five years' growth), unless the change
        # reaches the year after it; 上年 as the subject stays
        ("2007年，国内生产总值比2002年增长65.5%。", ["2002年以来"]),
        ("2015年地区生产总值比2014年增长8%。", ["2015年"]),
        ("与2010年相比，主要指标大幅增长。万元GDP能耗、水耗分别下降19.5%、43%。", ["2010年以来", "2010年以来"]),
        ("上年完成投资100亿元。", ["上年"]),
    ],
)
def test_a_comparison_base_is_not_the_period(text: str, periods: list[str]) -> None:
    assert [f.period for f in extract_figures_from_text(text)] == periods


def test_from_to_keeps_the_label_and_marks_the_start() -> None:
    figs = extract_figures_from_text("科技进步贡献率由52.2%提高到57.5%，办理环节由原来5个缩减到3至4个。")
    assert [f.label for f in figs] == ["科技进步贡献率", "科技进步贡献率", "办理环节", "办理环节"]
    assert figs[0].qualifier == "从" and figs[1].qualifier == ""
    assert figs[3].value_high == 4


def test_english_figures() -> None:
    text = ("Revenue rose to $1.2 billion in 2019, operating earnings were $27.5bn and we set aside "
            "S$3.5 billion. Productivity grew 12% and wages 2.5 per cent. We employ 1,234 employees. "
            "On 1 April 2019 Section 3 applies. The 2019 results were fine.")
    figs = extract_figures_from_text(text, language="en")
    got = [(text[f.span.start:f.span.end], f.value, f.unit, f.base_unit) for f in figs]
    assert got == [
        ("$1.2 billion", Decimal("1.2"), "$ billion", "$"),
        ("$27.5bn", Decimal("27.5"), "$ billion", "$"),
        ("S$3.5 billion", Decimal("3.5"), "S$ billion", "S$"),
        ("12%", Decimal(12), "%", "%"),
        ("2.5 per cent", Decimal("2.5"), "%", "%"),
        ("1,234 employees", Decimal(1234), "employees", "employees"),
    ]
    assert figs[0].base_value == Decimal("1200000000")
    assert figs[0].label == "Revenue"
    assert figs[1].label == "operating earnings"


def test_report_skips_stripped_text_and_assigns_sections() -> None:
    text = "联系电话：共3人值班\n一、主要成效\n全年举办讲座12场。\n二、下一步计划\n举办讲座15场。\n"
    report = parse_report(source_from_string(text, "t.txt"))
    line = Span(0, text.index("\n"))
    with_strip = Report(report.source, Metadata(), report.sections, report.paragraphs,
                        (Stripped(line, "contact"),))
    ids = {s.heading: s.id for s in report.sections}
    figs = extract_figures(with_strip)
    assert [(f.value, f.section_id) for f in figs] == [(12, ids["主要成效"]), (15, ids["下一步计划"])]
    # without the stripped record, the contact line's number is taken for a figure
    bare = Report(report.source, Metadata(), report.sections, report.paragraphs, ())
    assert [f.value for f in extract_figures(bare)] == [3, 12, 15]


def _fig(label: str, value: str, unit: str, base: str, base_unit: str, start: int,
         section: str | None = None, qualifier: str = "") -> Figure:
    return Figure(Decimal(value), unit, label, Span(start, start + 3), section, None, qualifier, "",
                  Decimal(base), base_unit)


def test_match_pairs_same_measure_and_computes_change() -> None:
    old = [
        _fig("国内生产总值增长", "6.9", "%", "6.9", "%", 10),
        _fig("城镇新增就业", "1351", "万人", "13510000", "人", 20),
        _fig("减税降费", "8000", "亿元", "800000000000", "元", 30),
        _fig("棚户区住房改造", "600", "万套", "6000000", "套", 40),
    ]
    new = [
        _fig("国内生产总值增长", "6.6", "%", "6.6", "%", 5),
        _fig("城镇新增就业", "1361", "万人", "13610000", "人", 15),
        _fig("减税降费", "1.3", "万亿元", "1300000000000", "元", 25),
        _fig("高速铁路运营里程", "4100", "公里", "4100", "公里", 35),
    ]
    pairs = match_figures(old, new)
    paired = {(p.old.label, p.new.label): p for p in pairs if p.old and p.new}
    gdp = paired[("国内生产总值增长", "国内生产总值增长")]
    assert gdp.delta == Decimal("-0.3") and gdp.pp_change == Decimal("-0.3")
    jobs = paired[("城镇新增就业", "城镇新增就业")]
    assert jobs.delta == 10 and jobs.pp_change is None
    tax = paired[("减税降费", "减税降费")]
    assert tax.delta == Decimal("0.5")  # in new's unit, 万亿元
    assert tax.pct_change == Decimal("62.5")
    assert [p.new.label for p in pairs if p.new and not p.old] == ["高速铁路运营里程"]
    assert [p.old.label for p in pairs if p.old and not p.new] == ["棚户区住房改造"]


def test_match_needs_compatible_units() -> None:
    old = [_fig("城镇新增就业", "1351", "万人", "13510000", "人", 0)]
    new = [_fig("城镇新增就业", "5", "%", "5", "%", 0)]
    assert all(p.old is None or p.new is None for p in match_figures(old, new))


def test_match_is_one_to_one_and_prefers_aligned_sections() -> None:
    old = [_fig("国内生产总值增长", "6.5", "%", "6.5", "%", 0, "s3"),
           _fig("国内生产总值增长", "6.9", "%", "6.9", "%", 50, "s2")]
    new = [_fig("国内生产总值增长", "6.6", "%", "6.6", "%", 0, "s2")]
    pairs = match_figures(old, new, section_pairs=[SectionPair("s2", "s2", PairStatus.MATCHED, 1.0)])
    assert [(p.old.value if p.old else None, p.new.value if p.new else None) for p in pairs] == [
        (Decimal("6.9"), Decimal("6.6")), (Decimal("6.5"), None)]
    # with no alignment the same top-level section id counts as the same section
    pairs = match_figures(old, new)
    assert pairs[0].old is not None and pairs[0].old.value == Decimal("6.9")


def test_match_ties_go_to_the_earlier_figure_and_from_values_lose() -> None:
    old = [_fig("科技进步贡献率", "57.5", "%", "57.5", "%", 0, qualifier="从"),
           _fig("科技进步贡献率", "57.5", "%", "57.5", "%", 10),
           _fig("科技进步贡献率", "57.5", "%", "57.5", "%", 20)]
    new = [_fig("科技进步贡献率", "58.5", "%", "58.5", "%", 0)]
    pairs = match_figures(old, new)
    assert pairs[0].old is old[1]


def test_compare_texts_carries_figure_pairs() -> None:
    from compare import compare_texts

    old = "一、工作回顾\n全年城镇新增就业1351万人，调处成功率达98.5%。\n"
    new = "一、工作回顾\n全年城镇新增就业1361万人，调处成功率达99.7%。\n"
    c = compare_texts(old, new)
    got = [(p.old.label, p.delta) for p in c.figure_pairs if p.old and p.new]
    assert got == [("城镇新增就业", Decimal(10)), ("调处成功率", Decimal("1.2"))]


def test_cli_figures_csv_and_json(tmp_path: pytest.TempPathFactory) -> None:
    import json

    from click.testing import CliRunner

    from compare.cli import main

    path = tmp_path / "r.txt"  # type: ignore[operator]
    path.write_text("一、成效\n全年调处成功率达99.7%，挽回损失53.64万元，拨打12345热线。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["figures", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("index,text,value,value_high,unit")
    assert len(lines) == 3 and "99.7%" in lines[1] and "调处成功率" in lines[1]
    assert "53.64万元" in lines[2] and "536400" in lines[2]
    result = CliRunner().invoke(main, ["figures", str(path), "--format", "json"])
    data = json.loads(result.output)
    assert data["count"] == 2
    assert [f["unit"] for f in data["figures"]] == ["%", "万元"]
    # a success rate is a level reached; the amount recovered is the year's (全年 scopes the sentence)
    assert [f["period_kind"] for f in data["figures"]] == ["point", "year"]
    missing = CliRunner().invoke(main, ["figures", str(tmp_path / "nope.txt")])  # type: ignore[operator]
    assert missing.exit_code == 1 and "Error:" in missing.output and "nope.txt" in missing.output


def test_english_labels_name_the_measure_not_the_speaker() -> None:
    text = ("I will set aside $2 billion for the Rainy Day Fund. The S&P 500 companies did well. "
            "The overall budget surplus is $2.1 billion.")
    figs = extract_figures_from_text(text, language="en")
    assert [(text[f.span.start:f.span.end], f.label) for f in figs] == [
        ("$2 billion", "set aside Rainy Day Fund"), ("$2.1 billion", "overall budget surplus")]


def test_period_from_the_opening_of_the_paragraph() -> None:
    text = "刚过去的2019年，各项任务全面完成。全县生产总值增长6.1%。\n五年来，累计减税800亿元。\n增长7%。"
    assert [f.period for f in extract_figures_from_text(text)] == ["2019年", "五年来", ""]


@pytest.mark.parametrize(
    ("old_sentence", "new_sentence", "shown"),
    [
        # two falls: the change of the amounts as written, under a label that holds the fall
        ("2015年，置换存量债务，降低利息负担约2000亿元。", "2016年，扩大置换规模，降低利息负担约4000亿元。",
         "2000亿元 → 4000亿元（+100%）"),
        ("2019年，全区刑事治安总警情下降27.6%。", "2020年，全区刑事治安总警情下降14.7%。",
         "27.6% → 14.7%（-12.9个百分点）"),
        # a rise against a fall stays signed, and the fall is shown negative (its change says so)
        ("2019年，全区刑事治安总警情增长3%。", "2020年，全区刑事治安总警情下降2%。", "3% → -2%（-5个百分点）"),
    ],
)
def test_two_falls_change_as_the_numbers_read(old_sentence: str, new_sentence: str, shown: str) -> None:
    from compare import compare_texts
    from compare.render.context import format_figure_change

    c = compare_texts("一、工作回顾\n\n" + old_sentence + "\n", "一、工作回顾\n\n" + new_sentence + "\n")
    [pair] = [fp for fp in c.figure_pairs if fp.old is not None and fp.new is not None]
    assert format_figure_change(pair, c.old, c.new, "zh") == shown


def test_table_rows_pair_by_their_columns() -> None:
    """A row of year columns restates last year's value one column over: each value pairs with the
    year after it (1,238 → 1,331, this year against last), not with its own restatement (1,238 →
    1,238, no change) nor with a value two years off (1,157 → 1,331)."""
    from compare import compare_texts

    old = "# Letter\n\nOur results were good.\n\nNet earnings … $1,238 $1,157\n\nRevenues … $16,850 $14,016\n"
    new = "# Letter\n\nOur results were good.\n\nNet earnings … $1,331 $1,238\n\nRevenues … $19,548 $16,850\n"
    c = compare_texts(old, new)
    pairs = written_pairs(c)
    assert pairs == {("$1,238", "$1,331"), ("$1,157", "$1,238"), ("$16,850", "$19,548"), ("$14,016", "$16,850")}
    # swapping the reports pairs the same figures
    back = compare_texts(new, old)
    assert {(back.new.text_of(p.new.span), back.old.text_of(p.old.span))
            for p in back.figure_pairs if p.old and p.new} == pairs


def test_a_table_row_with_a_column_more_pairs_by_its_years() -> None:
    """A row that gained a column before its years ("(our 50% share)") still pairs year by year."""
    from compare import compare_texts

    old = "# Letter\n\nOur results were good.\n\nBerkadia … $ 80 $ 35 $ 25\n"
    new = "# Letter\n\nOur results were good.\n\nBerkadia (our 50% share) … $ 122 $ 80 $ 35\n"
    c = compare_texts(old, new)
    pairs = written_pairs(c)
    assert pairs == {("$ 80", "$ 122"), ("$ 35", "$ 80"), ("$ 25", "$ 35")}


@pytest.mark.parametrize(("text", "labels"), [
    # measures listed before 分别, one per figure, the measure written once after the last noun shared
    ("全市互联网、家庭宽带普及率分别达83%和80.8%。", ["全市互联网普及率", "家庭宽带普及率"]),
    ("新能源汽车、通讯器材零售额分别增长45.9%、19.4%。", ["新能源汽车零售额增长", "通讯器材零售额增长"]),
    ("生产安全事故、道路交通事故死亡人数分别下降9.1%、11.8%。", ["生产安全事故死亡人数下降", "道路交通事故死亡人数下降"]),
    ("万元GDP建设用地、能耗和水耗分别下降10%、2.75%和4%。", ["万元GDP建设用地下降", "万元GDP能耗下降", "万元GDP水耗下降"]),
    ("安排民生支出2709亿元，其中教育、医疗支出分别增长11%和13%。", ["安排民生支出", "教育支出增长", "医疗支出增长"]),
    # or named by figures of their own before it
    ("存款余额7070亿元，贷款余额5434亿元，分别比年初增长19.5%、23.4%。",
     ["存款余额", "贷款余额", "存款余额增长", "贷款余额增长"]),
    # levels reached (分别提升至), a value per month, 再降, and a run that reads on through a comma
    ("最低工资标准、最低生活保障标准分别提升至2360元/月、1300元/月。", ["最低工资标准", "最低生活保障标准"]),
    ("对先进制造业和工商业用电成本分别再降20%和10%。", ["先进制造业用电成本降", "工商业用电成本降"]),
    ("二氧化硫、氮氧化物排放量分别下降5.6%和4%，重点城市细颗粒物浓度下降6%。",
     ["二氧化硫排放量下降", "氮氧化物排放量下降", "重点城市细颗粒物浓度下降"]),
    # a list whose count differs from the figures' is left as it was (no guessing)
    ("全区高层次人才、博士人才分别增长30%。", ["博士人才分别增长"]),
])
def test_figures_listed_with_respectively_take_their_own_measures(text: str, labels: list[str]) -> None:
    assert [f.label for f in _figs_full(text)] == labels


def _figs_full(text: str) -> list[Figure]:
    from compare.figures.extract import extract_figures
    from compare.ingest import source_from_string
    from compare.structure.parse import parse_report

    return list(extract_figures(parse_report(source_from_string("一、2020年工作回顾\n" + text + "\n", "2020.txt"))))


def test_a_fall_written_as_its_size_is_a_fall() -> None:
    fig = _figs_full("万元GDP能耗降幅4.25%。")[0]
    assert fig.change and fig.down and fig.signed_value == Decimal("-4.25")


def test_a_rise_then_a_fall_is_shown_signed_under_a_neutral_label() -> None:
    from compare import compare_texts
    from compare.render import render

    c = compare_texts("一、2020年工作回顾\n地区生产总值增长1.1%，进出口总额3000亿元。\n",
                      "一、2021年工作回顾\n地区生产总值下降7.6%，进出口总额3100亿元。\n",
                      old_name="2021.txt", new_name="2022.txt")
    md = render(c, "md")
    assert "1.1% → -7.6%（-8.7个百分点）" in md
    assert "地区生产总值下降" not in md.split("1.1% → -7.6%")[0].splitlines()[-1]


@pytest.mark.parametrize("sentence", [
    "GDP is expected to grow by 3% in 2022.",
    "Our goal is to reach 1 million customers by 2025.",
    "The scheme is projected to cost $450 million over three years.",
])
def test_english_forecasts_and_aims_are_targets(sentence: str) -> None:
    from compare.figures.extract import extract_figures
    from compare.ingest import source_from_string
    from compare.model import FigureKind
    from compare.structure.parse import parse_report

    figs = extract_figures(parse_report(source_from_string(f"# 2021 in Review\n\n{sentence} Revenue grew 5%.\n",
                                                           "2021.txt")))
    assert [f.kind for f in figs] == [FigureKind.TARGET, FigureKind.OUTCOME]
