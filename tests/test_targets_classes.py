"""A target is judged only by an outcome of the same class of things. Invented district pair whose
review reports a wider class (工业投资 for a 工业技改投资 target), another trade (外贸进出口总额 for
出口总额), another measure (产业增加值 for 产业产值), designations of another level (国家级 for 省级)
and a part of a class (国际专利申请量 for all patent filings): each of those targets stays unknown
rather than met or missed by a figure that measures something else."""

from __future__ import annotations

from decimal import Decimal

from compare.followthrough.targets import INDICATOR_CUTOFF, Measure, indicator_core, same_indicator
from compare.pipeline import followup_texts

from conftest import year_pair

OLD = """某区人民政府2030年政府工作报告

一、2029年工作回顾
过去一年，全区地区生产总值增长6%。

二、2030年工作安排
（一）壮大实体经济。全年工业技改投资100亿元左右，新型基础设施投资超50亿元。出口总额380亿元。
战略性新兴产业产值超4000亿元。新增省级专精特新企业50家以上。专利申请量超4万件。
（二）改善城市环境。新增立体绿化超3万平方米。
"""

NEW = """某区人民政府2031年政府工作报告

一、2030年工作回顾
全区工业投资562亿元，基础设施投资超200亿元。外贸进出口总额686亿元。战略性新兴产业增加值1587亿元。
新认定国家级专精特新“小巨人”企业28家。国际专利申请量7504件。新增立体绿化4.9万平方米。

二、2031年工作安排
（一）持续壮大实体经济。推进重大项目建设。
"""


def _statuses(new: str = NEW) -> dict[str, str]:
    follow = followup_texts(OLD, new, old_name="2030.txt", new_name="2031.txt")
    text = follow.old.source.text
    return {text[c.item.span.start:c.item.span.end]: c.status.value for c in follow.plan_checks}


def test_a_wider_class_neither_meets_nor_misses_a_target() -> None:
    statuses = _statuses()
    assert statuses["全年工业技改投资100亿元左右"] == "unknown"  # 工业投资 562: not the technical upgrades
    assert statuses["新型基础设施投资超50亿元"] == "unknown"  # all infrastructure, not the new kind


def test_another_trade_measure_or_level_is_not_the_outcome() -> None:
    statuses = _statuses()
    assert statuses["出口总额380亿元"] == "unknown"  # imports and exports together
    assert statuses["战略性新兴产业产值超4000亿元"] == "unknown"  # value added is not output
    assert statuses["新增省级专精特新企业50家以上"] == "unknown"  # 国家级, not 省级


def test_a_part_of_a_class_does_not_miss_its_target() -> None:
    assert _statuses()["专利申请量超4万件"] == "unknown"  # PCT filings are a part of all filings


def test_a_target_written_with_more_than_is_judged() -> None:
    # 「超3万平方米」: 超 is how much, not part of the indicator
    assert _statuses()["新增立体绿化超3万平方米"] == "met"
    assert indicator_core("基础设施投资超") == "基础设施投资"


def _score(target: str, outcome: str) -> float:
    return same_indicator(Measure(target, indicator_core(target), frozenset(), ""),
                          Measure(outcome, indicator_core(outcome), frozenset(), ""))


def test_words_that_only_restate_keep_one_indicator() -> None:
    # the same indicator named fuller or shorter stays one indicator
    assert _score("规模以上工业增加值增长", "规模以上工业企业增加值增长") >= INDICATOR_CUTOFF
    assert _score("地方一般公共预算收入增长", "一般公共预算收入增长") >= INDICATOR_CUTOFF
    assert _score("固定资产投资增长", "固定资产投资总额增长") >= INDICATOR_CUTOFF
    assert _score("新增国家、省、市级创新平台", "新增市级以上创新平台") >= INDICATOR_CUTOFF
    assert _score("LNG加注", "国际船舶保税LNG加注量") >= INDICATOR_CUTOFF
    assert _score("安排帮扶资金", "投入财政帮扶资金") >= INDICATOR_CUTOFF  # verbs of spending restate
    assert _score("中央财政为此将增加支出", "中央财政支出") >= INDICATOR_CUTOFF


def test_a_share_is_not_a_growth_nor_another_part_share() -> None:
    # a share of GDP is no GDP growth, nor is one part's share another part's
    assert _score("地区生产总值增长", "工业增加值占地区生产总值的比重") < INDICATOR_CUTOFF
    assert _score("公共财政预算收入增长", "税收分成收入占地方公共财政预算收入比重") < INDICATOR_CUTOFF
    assert _score("研究与开发支出占国内生产总值的比重达", "增加值占国内生产总值的比重") < INDICATOR_CUTOFF
    # one share, written with or without what it is a share of
    assert _score("社会投资比重", "社会投资占总投资比重") >= INDICATOR_CUTOFF
    assert _score("努力实现公办幼儿园在园儿童占比", "公办幼儿园在园儿童占比从4%提高到") >= INDICATOR_CUTOFF


def test_funds_for_one_purpose_are_not_all_funds() -> None:
    assert _score("中央财政拟投入社会保障资金", "中央财政投入资金") < INDICATOR_CUTOFF
    assert _score("中央财政拟投入社会保障资金", "中央财政安排社会保障资金") >= INDICATOR_CUTOFF


def test_money_put_in_names_no_indicator_before_the_figure() -> None:
    # 「中央财政安排429亿元，解决…」 and 「今年拟安排430亿元，用于…」 say what the money is for after it
    assert _score("安排", "鼓励企业加快技术改造安排") < INDICATOR_CUTOFF
    assert _score("中央财政拟安排资金", "中央财政安排") < INDICATOR_CUTOFF
    assert _score("中央财政拟投入", "中央财政投入资金") < INDICATOR_CUTOFF
    # an input that is a noun, and verbs without a noun done again, stay one indicator
    assert _score("全社会研发投入增长", "全社会研发投入增长") >= INDICATOR_CUTOFF
    assert _score("筹集建设", "建设筹集保障性住房") >= INDICATOR_CUTOFF


def test_a_count_of_members_takes_the_scheme_named_before_it() -> None:
    old = OLD.replace("（二）改善城市环境。", "（二）改善城市环境。建立少儿医疗保险制度，参保人数达到30万人。")
    new = NEW.replace("新增立体绿化4.9万平方米。", "新增立体绿化4.9万平方米。劳务工医疗保险参保人数595万。少儿医疗保险参保人数33.5万人。")
    follow = followup_texts(old, new, old_name="2030.txt", new_name="2031.txt")
    check = next(c for c in follow.plan_checks if c.item.target is not None and c.item.target.value == 30)
    assert check.actual is not None and check.actual.value == Decimal("33.5")


def test_a_sentence_whose_topic_is_a_later_year_sets_targets_for_that_year() -> None:
    # 「2035年，…达到…」 in the 2031 plan: due in 2035, so the 2032 report cannot close it
    from compare import compare_texts
    from compare.render.labels import reason_text

    old, new = year_pair("2035年，城镇居民人均可支配收入达到9万元左右，农民人均纯收入5万元以上。",
                         "城镇居民人均可支配收入6.1万元，农民人均纯收入3.2万元。")
    checks = [c for c in compare_texts(old, new).plan_checks if c.item.target]
    assert [(c.status.value, reason_text(c.reason, "en")) for c in checks] == [
        ("unknown", "a target for 2035; the new report does not close it")] * 2


def test_each_stage_of_a_housing_list_is_judged_by_its_own_stage() -> None:
    # 「开工…1350套、竣工3106套、供应5060套」: 竣工 and 供应 act on the housing of the first member; a
    # count of homes started is never the outcome of homes supplied
    from compare import compare_texts

    old, new = year_pair("开工建设保障性住房1350套、竣工3106套、供应5060套。", "新开工建设保障性住房1850套，竣工10516套。")
    got = {old[c.item.span.start:c.item.span.end]: (c.status.value, c.actual.value if c.actual else None)
           for c in compare_texts(old, new).plan_checks if c.item.target}
    assert got == {"开工建设保障性住房1350套": ("met", Decimal(1850)), "竣工3106套": ("met", Decimal(10516)),
                   "供应5060套": ("unknown", None)}


def test_a_pollutant_level_is_a_ceiling_and_money_raised_an_amount_to_reach() -> None:
    from compare import compare_texts

    old, new = year_pair("PM2.5年平均浓度18微克/立方米、力争更好。发行利用地方政府专项债券1000亿元。",
                         "PM2.5年平均浓度降至16微克/立方米。发行利用地方政府专项债券1063亿元。")
    got = {c.item.target.label: (c.status.value, c.item.direction.value if c.item.direction else None)
           for c in compare_texts(old, new).plan_checks if c.item.target}
    assert got == {"PM2.5年平均浓度": ("met", "ceiling"), "发行利用地方政府专项债券": ("met", "point")}
