"""Targets judged the way reports of other issuers write their reviews and indicators. Invented
district pair: a review headed 「2030年以来工作回顾」 (the year under review, not several years), an
industrial-investment target overshot, and sector indicators that share only their measure (金融业
增加值 is not measured by 规上工业增加值)."""

from __future__ import annotations

from compare.pipeline import followup_texts

OLD = """某区人民政府2030年政府工作报告

一、2029年工作回顾
过去一年，全区地区生产总值增长6%。

二、2030年工作安排
（一）壮大实体经济。全年力争实现工业投资500亿元左右。金融业增加值增长8%。
（二）办好民生实事。新增基础教育学位6000个以上。
"""

NEW = """某区人民政府2031年政府工作报告

一、2030年以来工作回顾
全区工业投资562亿元、增长12%。规上工业增加值增长15.6%。新增基础教育学位7880个。

二、2031年工作安排
（一）持续壮大实体经济。推进重大项目建设。
"""


def _statuses(new: str = NEW) -> dict[str, str]:
    follow = followup_texts(OLD, new, old_name="2030.txt", new_name="2031.txt")
    text = follow.old.source.text
    return {text[c.item.span.start:c.item.span.end]: c.status.value for c in follow.plan_checks}


def test_a_review_since_the_start_of_its_own_year_reports_that_year() -> None:
    # 「2030年以来」 in the 2030 report is its year: the target is judged, not left unknown
    assert _statuses()["新增基础教育学位6000个以上"] == "met"


def test_an_investment_target_overshot_is_met() -> None:
    # 500亿元左右 against 562亿元: an amount to reach, not a budget to keep to
    assert _statuses()["全年力争实现工业投资500亿元左右"] == "met"


def test_another_sector_is_not_the_outcome() -> None:
    # only industry's value added is reported: the finance target stays unknown, never met by it
    assert _statuses(NEW.replace("2030年以来工作回顾", "2030年工作回顾"))["金融业增加值增长8%"] == "unknown"


def test_the_year_so_far_reported_in_the_plan_part_is_no_target() -> None:
    old = OLD.replace("二、2030年工作安排\n", "二、2030年工作安排\n今年一季度，全区经济开局良好，固定资产投资增长40%。\n")
    follow = followup_texts(old, NEW, old_name="2030.txt", new_name="2031.txt")
    text = follow.old.source.text
    targets = [text[c.item.span.start:c.item.span.end] for c in follow.plan_checks if c.item.target is not None]
    assert not any("40%" in t for t in targets)
    assert "全年力争实现工业投资500亿元左右" in targets
