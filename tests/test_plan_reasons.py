"""The reason of each plan check is data (a code and values); the page words it in its language,
and JSON keeps the English sentence. No reason is parsed back from prose."""

from __future__ import annotations

import pytest

from compare.model import Reason, ReasonCode, TargetRule
from compare.render.labels import PLAN_REASONS, TARGET_RULES, TARGET_RULES_MISSED, reason_text

from conftest import year_pair


def _judged(target: str, direction: str, actual: str, rule: TargetRule, tolerance: str = "",
            points: str = "", held: str = "yes") -> Reason:
    return Reason(ReasonCode.TARGET_JUDGED, (("target", target), ("direction", direction), ("actual", actual),
                                             ("rule", rule.value), ("tolerance", tolerance), ("points", points),
                                             ("held", held)))


@pytest.mark.parametrize("reason, english, chinese", [
    (Reason(ReasonCode.REVIEW_PASSAGE, (("review", "0.79"),)),
     "best review passage scored 0.79", "回顾部分最相关段落相似度0.79"),
    (Reason(ReasonCode.NO_PASSAGE, (("review", "0.16"), ("partly", "0.25"))),
     "best review passage scored 0.16 < 0.25", "回顾部分最相关段落相似度0.16 < 0.25"),
    (Reason(ReasonCode.REVIEW_PASSAGE_BEGUN, (("review", "0.96"), ("hedge", "试点"))),
     "best review passage scored 0.96, but it says the work is only begun (试点)",
     "回顾部分最相关段落相似度0.96，但原文表明工作尚在起步（“试点”）"),
    (Reason(ReasonCode.RESTATED, (("elsewhere", "0.46"),)),
     "not in the review; only the new plan restates it (scored 0.46)",
     "回顾部分未提及；仅本年计划再次提出（相似度0.46）"),
    (Reason(ReasonCode.TARGET_RESTATED, (("elsewhere", "1.00"),)),
     "no reported outcome; the new plan sets the target again (scored 1.00)",
     "本年报告未报告实际完成值；本年计划再次提出该目标（相似度1.00）"),
    (Reason(ReasonCode.NO_OUTCOME), "no reported outcome found in the new report", "本年报告未报告实际完成值"),
    (_judged("90%以上", "floor", "93.5%", TargetRule.AT_LEAST),
     "target 90%以上 (floor), actual 93.5%: actual ≥ target", "目标90%以上（下限），实际93.5%：实际 ≥ 目标"),
    (_judged("6.5%左右", "point", "6.6%", TargetRule.NEAR, "0.2", "yes"),
     "target 6.5%左右 (point), actual 6.6%: |actual − target| ≤ 0.2pp",
     "目标6.5%左右（点目标），实际6.6%：|实际 − 目标| ≤ 0.2个百分点"),
    (_judged("3%左右", "ceiling", "2.1%", TargetRule.AT_MOST),
     "target 3%左右 (ceiling), actual 2.1%: actual ≤ target", "目标3%左右（上限），实际2.1%：实际 ≤ 目标"),
    # a target missed says the comparison that failed, not the rule it missed
    (_judged("10.3%", "point", "9.2%", TargetRule.NEAR_OR_ABOVE, "0.2", "yes", held="no"),
     "target 10.3% (point), actual 9.2%: actual < target − 0.2pp",
     "目标10.3%（点目标），实际9.2%：实际 < 目标 − 0.2个百分点"),
    (_judged("3%以内", "ceiling", "3.4%", TargetRule.AT_MOST, held="no"),
     "target 3%以内 (ceiling), actual 3.4%: actual > target", "目标3%以内（上限），实际3.4%：实际 > 目标"),
    (Reason(ReasonCode.TARGET_DUE_LATER, (("year", "2025"),)),
     "a target for 2025; the new report does not close it", "2025年的目标，本年报告尚未到期"),
])
def test_reasons_read_in_the_page_language(reason: Reason, english: str, chinese: str) -> None:
    assert reason_text(reason, "en") == english
    assert reason_text(reason, "zh") == chinese


def test_every_code_and_rule_has_a_sentence_in_both_languages() -> None:
    for lang in ("en", "zh"):
        assert set(PLAN_REASONS[lang]) == set(ReasonCode)
        assert set(TARGET_RULES[lang]) == set(TargetRule) == set(TARGET_RULES_MISSED[lang])


def test_every_reason_on_the_fixture_page_is_in_chinese() -> None:
    from compare import compare_files
    from compare.render.context import build_context

    from conftest import FIXTURES

    c = compare_files(str(FIXTURES / "zh-district/2020.txt"), str(FIXTURES / "zh-district/2021.txt"))
    reasons = [row["reason"] for row in build_context(c)["plan"]]
    assert reasons and all(not any(w in r for w in ("scored", "target", "review", "actual")) for r in reasons)


def test_every_not_met_check_of_the_fixtures_says_what_failed() -> None:
    """Through the pipeline: a check that is not met never states, as its reason, a comparison that held."""
    from compare import compare_texts

    old, new = year_pair("主要预期目标：地区生产总值增长7%左右；城镇调查失业率控制在5%以内。", "地区生产总值增长5.1%，城镇调查失业率5.6%。")
    checks = {c.item.target.label if c.item.target else "": c for c in compare_texts(old, new).plan_checks}
    reasons = {label: reason_text(c.reason, "en") for label, c in checks.items() if c.status.value == "not_met"}
    assert len(reasons) == 2, {k: (c.status, reason_text(c.reason, "en")) for k, c in checks.items()}
    assert all("<" in r or ">" in r for r in reasons.values()), reasons
    assert not any("≥" in r or "≤" in r for r in reasons.values()), reasons


def test_the_csv_reason_is_the_sentence_not_a_python_value() -> None:
    from compare import compare_files, render

    from conftest import FIXTURES

    c = compare_files(str(FIXTURES / "zh-district/2020.txt"), str(FIXTURES / "zh-district/2021.txt"))
    plan_rows = [line for line in render(c, "csv").splitlines() if line.startswith("plan_check,")]
    assert plan_rows and not any("Reason(" in line or "ReasonCode" in line for line in plan_rows)
    assert any("best review passage scored" in line for line in plan_rows)


def test_a_tolerance_is_said_in_the_targets_own_unit_and_revenue_above_target_is_met() -> None:
    from compare import compare_texts

    old, new = year_pair("主要预期目标：地区生产总值1880亿元；一般公共预算收入226亿元。",
                         "实现地区生产总值1908亿元，一般公共预算收入262亿元。")
    got = {c.item.target.label: (c.status.value, reason_text(c.reason, "zh"))
           for c in compare_texts(old, new).plan_checks if c.item.target}
    assert got == {"地区生产总值": ("met", "目标1880亿元（点目标），实际1908亿元：实际 ≥ 目标 − 94亿元"),
                   "一般公共预算收入": ("met", "目标226亿元（点目标），实际262亿元：实际 ≥ 目标 − 11.3亿元")}
