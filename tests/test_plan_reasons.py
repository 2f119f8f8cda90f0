"""The reason of each plan check reads in the page's language; JSON keeps the English line."""

from __future__ import annotations

import pytest

from compare.render.reasons import plan_reason


@pytest.mark.parametrize("english, chinese", [
    ("best review passage scored 0.79", "回顾部分最相关段落相似度0.79"),
    ("best review passage scored 0.16 < 0.25", "回顾部分最相关段落相似度0.16 < 0.25"),
    ("best review passage scored 0.96, but it says the work is only begun (试点)",
     "回顾部分最相关段落相似度0.96，但原文表明工作尚在起步（“试点”）"),
    ("not in the review; the new plan or another part restates it (scored 0.46)",
     "回顾部分未提及；本年计划等部分再次提出（相似度0.46）"),
    ("no reported outcome found in the new report", "本年报告未报告实际完成值"),
    ("target 90%以上 (floor), actual 93.5%: actual ≥ target", "目标90%以上（下限），实际93.5%：实际 ≥ 目标"),
    ("target 6.5%左右 (point), actual 6.6%: |actual − target| ≤ 0.2pp",
     "目标6.5%左右（点目标），实际6.6%：|实际 − 目标| ≤ 0.2个百分点"),
    ("target 3%左右 (ceiling), actual 2.1%: actual ≤ target", "目标3%左右（上限），实际2.1%：实际 ≤ 目标"),
    ("a target for 2025; the new report does not close it", "2025年的目标，本年报告尚未到期"),
])
def test_known_reasons_read_in_chinese(english: str, chinese: str) -> None:
    assert plan_reason(english, "zh") == chinese
    assert plan_reason(english, "en") == english


def test_an_unknown_reason_is_shown_as_written() -> None:
    assert plan_reason("something new", "zh") == "something new"


def test_every_reason_on_the_fixture_page_is_in_chinese() -> None:
    from conftest import FIXTURES

    from compare import compare_files
    from compare.render.context import build_context

    c = compare_files(str(FIXTURES / "zh-district/2020.txt"), str(FIXTURES / "zh-district/2021.txt"))
    reasons = [row["reason"] for row in build_context(c)["plan"]]
    assert reasons and all(not any(w in r for w in ("scored", "target", "review", "actual")) for r in reasons)
