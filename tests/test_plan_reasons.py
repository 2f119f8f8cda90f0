"""The reason of each plan check is data (a code and values); the page words it in its language,
and JSON keeps the English sentence. No reason is parsed back from prose."""

from __future__ import annotations

import pytest

from compare.model import Reason, ReasonCode, TargetRule
from compare.render.labels import PLAN_REASONS, TARGET_RULES, reason_text


def _judged(target: str, direction: str, actual: str, rule: TargetRule, tolerance: str = "",
            points: str = "") -> Reason:
    return Reason(ReasonCode.TARGET_JUDGED, (("target", target), ("direction", direction), ("actual", actual),
                                             ("rule", rule.value), ("tolerance", tolerance), ("points", points)))


@pytest.mark.parametrize("reason, english, chinese", [
    (Reason(ReasonCode.REVIEW_PASSAGE, (("review", "0.79"),)),
     "best review passage scored 0.79", "回顾部分最相关段落相似度0.79"),
    (Reason(ReasonCode.NO_PASSAGE, (("review", "0.16"), ("partly", "0.25"))),
     "best review passage scored 0.16 < 0.25", "回顾部分最相关段落相似度0.16 < 0.25"),
    (Reason(ReasonCode.REVIEW_PASSAGE_BEGUN, (("review", "0.96"), ("hedge", "试点"))),
     "best review passage scored 0.96, but it says the work is only begun (试点)",
     "回顾部分最相关段落相似度0.96，但原文表明工作尚在起步（“试点”）"),
    (Reason(ReasonCode.RESTATED, (("elsewhere", "0.46"),)),
     "not in the review; the new plan or another part restates it (scored 0.46)",
     "回顾部分未提及；本年计划等部分再次提出（相似度0.46）"),
    (Reason(ReasonCode.NO_OUTCOME), "no reported outcome found in the new report", "本年报告未报告实际完成值"),
    (_judged("90%以上", "floor", "93.5%", TargetRule.AT_LEAST),
     "target 90%以上 (floor), actual 93.5%: actual ≥ target", "目标90%以上（下限），实际93.5%：实际 ≥ 目标"),
    (_judged("6.5%左右", "point", "6.6%", TargetRule.NEAR, "0.2", "yes"),
     "target 6.5%左右 (point), actual 6.6%: |actual − target| ≤ 0.2pp",
     "目标6.5%左右（点目标），实际6.6%：|实际 − 目标| ≤ 0.2个百分点"),
    (_judged("3%左右", "ceiling", "2.1%", TargetRule.AT_MOST),
     "target 3%左右 (ceiling), actual 2.1%: actual ≤ target", "目标3%左右（上限），实际2.1%：实际 ≤ 目标"),
    (Reason(ReasonCode.TARGET_DUE_LATER, (("year", "2025"),)),
     "a target for 2025; the new report does not close it", "2025年的目标，本年报告尚未到期"),
])
def test_reasons_read_in_the_page_language(reason: Reason, english: str, chinese: str) -> None:
    assert reason_text(reason, "en") == english
    assert reason_text(reason, "zh") == chinese


def test_every_code_and_rule_has_a_sentence_in_both_languages() -> None:
    for lang in ("en", "zh"):
        assert set(PLAN_REASONS[lang]) == set(ReasonCode)
        assert set(TARGET_RULES[lang]) == set(TargetRule)


def test_every_reason_on_the_fixture_page_is_in_chinese() -> None:
    from compare import compare_files
    from compare.render.context import build_context

    from conftest import FIXTURES

    c = compare_files(str(FIXTURES / "zh-district/2020.txt"), str(FIXTURES / "zh-district/2021.txt"))
    reasons = [row["reason"] for row in build_context(c)["plan"]]
    assert reasons and all(not any(w in r for w in ("scored", "target", "review", "actual")) for r in reasons)
