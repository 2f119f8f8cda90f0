"""Targets: direction from the words around a figure, outcome matching, met / not_met / unknown."""

from __future__ import annotations

from decimal import Decimal

import pytest

from compare.followthrough.targets import (
    clause_label,
    direction_of,
    find_actual,
    horizon_year,
    is_multi_year,
    judge_target,
)
from compare.model import Figure, PlanStatus, ReasonCode, Span, TargetDirection, TargetRule
from compare.render.labels import reason_text
from compare.text.similarity import label_similarity


def fig(value: str, unit: str = "%", label: str = "", qualifier: str = "", high: str | None = None) -> Figure:
    return Figure(Decimal(value), unit, label, Span(0, 1), qualifier=qualifier,
                  value_high=Decimal(high) if high else None)


@pytest.mark.parametrize(
    ("clause", "figure", "qualifier", "expected"),
    [
        ("城镇新增就业1100万人以上", fig("1100", "万人"), "以上", TargetDirection.FLOOR),
        ("城镇调查失业率5.5%以内", fig("5.5"), "以内", TargetDirection.CEILING),
        # a price rise written 左右 is a ceiling: 3%左右 is met by any lower rise
        ("居民消费价格涨幅3%左右", fig("3"), "左右", TargetDirection.CEILING),
        ("国内生产总值增长6.5%左右", fig("6.5"), "左右", TargetDirection.POINT),
        ("国内生产总值增长6%-6.5%", fig("6", high="6.5"), "", TargetDirection.RANGE),
        ("全年培训不少于3次", fig("3", "次"), "", TargetDirection.FLOOR),  # not a ceiling although it contains 少于
        ("赤字率不超过3%", fig("3"), "", TargetDirection.CEILING),
        ("单位国内生产总值能耗下降3%以上", fig("3"), "以上", TargetDirection.FLOOR),
    ],
)
def test_direction(clause: str, figure: Figure, qualifier: str, expected: str) -> None:
    assert direction_of(clause, figure, qualifier) == expected


def test_price_target_met_by_lower_rise() -> None:
    status, reason = judge_target(fig("3", label="居民消费价格涨幅", qualifier="左右"), TargetDirection.CEILING,
                                  fig("2.1", label="居民消费价格上涨"))
    assert status == PlanStatus.MET
    assert reason.get("rule") == TargetRule.AT_MOST.value
    assert reason_text(reason, "en").endswith(": actual ≤ target")
    status, _ = judge_target(fig("3", label="居民消费价格涨幅", qualifier="左右"), TargetDirection.CEILING, fig("0.2"))
    assert status == PlanStatus.MET
    status, _ = judge_target(fig("3", label="居民消费价格涨幅"), TargetDirection.CEILING, fig("3.4"))
    assert status == PlanStatus.NOT_MET


def test_floor_in_another_unit_scale() -> None:
    target = fig("1100", "万人", label="城镇新增就业", qualifier="以上")
    assert judge_target(target, TargetDirection.FLOOR, fig("1361", "万人"))[0] == PlanStatus.MET
    assert judge_target(target, TargetDirection.FLOOR, fig("10500000", "人"))[0] == PlanStatus.NOT_MET


def test_point_tolerance_for_growth() -> None:
    target = fig("6.5", label="国内生产总值增长", qualifier="左右")
    assert judge_target(target, TargetDirection.POINT, fig("6.6"))[0] == PlanStatus.MET
    assert judge_target(target, TargetDirection.POINT, fig("6.4"))[0] == PlanStatus.MET  # within 0.2 points
    assert judge_target(target, TargetDirection.POINT, fig("6.2"))[0] == PlanStatus.NOT_MET
    assert judge_target(target, TargetDirection.POINT, fig("7.1"))[0] == PlanStatus.MET  # overshooting growth is no miss


def test_point_without_direction_word_is_two_sided() -> None:
    target = fig("100", label="重大行政决策合法性审查率")
    assert judge_target(target, TargetDirection.POINT, fig("100"))[0] == PlanStatus.MET
    assert judge_target(target, TargetDirection.POINT, fig("96"))[0] == PlanStatus.NOT_MET


def test_range() -> None:
    growth = fig("6", label="国内生产总值增长", high="6.5")
    assert judge_target(growth, TargetDirection.RANGE, fig("6.1"))[0] == PlanStatus.MET
    assert judge_target(growth, TargetDirection.RANGE, fig("5.8"))[0] == PlanStatus.NOT_MET


def test_unknown_without_actual() -> None:
    status, reason = judge_target(fig("4.5", label="城镇登记失业率"), TargetDirection.CEILING, None)
    assert status == PlanStatus.UNKNOWN
    assert reason.code is ReasonCode.NO_OUTCOME
    assert reason_text(reason, "en") == "no reported outcome found in the new report"


def test_find_actual_prefers_the_same_measure() -> None:
    target = fig("6.5", label="国内生产总值增长", qualifier="左右")
    energy = (fig("3.1"), "单位国内生产总值能耗下降", Span(0, 5), "s2")
    gdp = (fig("6.6"), "国内生产总值增长", Span(10, 20), "s2")
    found = find_actual(target, [energy, gdp])
    assert found is not None and found.figure.value == Decimal("6.6")
    # the energy figure alone is never read as GDP growth: its verb goes the other way
    assert find_actual(target, [energy]) is None


def test_find_actual_rejects_a_different_rate_and_unit() -> None:
    target = fig("4.5", label="城镇登记失业率", qualifier="以内")
    surveyed = (fig("5"), "调查失业率稳定在", Span(0, 5), "s2")
    assert find_actual(target, [surveyed]) is None
    jobs = fig("1100", "万人", label="城镇新增就业")
    assert find_actual(jobs, [(fig("1361"), "城镇新增就业", Span(0, 5), None)]) is None


def test_labels() -> None:
    assert label_similarity("居民消费价格涨幅", "居民消费价格上涨") > 0.6
    assert label_similarity("城镇登记失业率", "调查失业率稳定在") < 0.5
    text = "国内生产总值达到67.7万亿元，增长6.9%。"
    start = text.index("增长")
    assert clause_label(text, start, text.index("6.9"), 0).startswith("国内生产总值")
    clause = "今年再压减钢铁产能3000万吨"
    assert clause_label(clause, 0, clause.index("3000")) == "压减钢铁产能"


def test_horizon_and_multi_year() -> None:
    assert horizon_year("到2020年，全员劳动生产率提高到12万元以上") == 2020
    assert horizon_year("今年国内生产总值增长6.5%左右") is None
    assert is_multi_year("过去五年，贫困人口减少6800多万")
    assert not is_multi_year("农村贫困人口减少1386万")
