"""Roles of top-level parts come from keywords, never from position."""

from __future__ import annotations

import pytest

from compare.model import Role
from compare.roles import role_of_body, role_of_heading, subsection_role


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("主要举措和成效", Role.REVIEW),
        ("2018年工作回顾", Role.REVIEW),
        ("过去一年工作回顾", Role.REVIEW),
        ("存在问题与短板", Role.PROBLEMS),
        ("存在的不足", Role.PROBLEMS),
        ("下一步工作计划", Role.PLAN),
        ("下一步工作打算", Role.PLAN),
        ("2021年工作安排", Role.PLAN),
        ("2019年政府工作任务", Role.PLAN),
        ("2010年主要任务", Role.PLAN),
        ("2019年经济社会发展总体要求和政策取向", Role.TARGETS),
        ("主要预期目标", Role.TARGETS),
        ("党政主要负责人履行推进法治建设第一责任人职责情况", Role.DUTY),
        ("关于外交工作", Role.OTHER),
    ],
)
def test_chinese_roles(heading: str, role: Role) -> None:
    assert role_of_heading(heading, language="zh") is role


def test_english_roles() -> None:
    assert role_of_heading("Performance Review", language="en") is Role.REVIEW
    assert role_of_heading("Important Risks", language="en") is Role.PROBLEMS
    assert role_of_heading("Priorities for the Year Ahead", language="en") is Role.PLAN
    assert role_of_heading("The Annual Meeting", language="en") is Role.OTHER


def test_body_cues_only_decide_plan_for_a_plan_like_part() -> None:
    plan = "今年要继续加快改革，进一步抓好落实，要将各项任务分解到位。" * 3
    review = "去年我们完成了各项任务，取得了显著成效，实现了预期目标。" * 3
    assert role_of_body(plan, language="zh") is Role.PLAN
    assert role_of_body(review, language="zh") is Role.OTHER
    assert role_of_body(plan, language="en") is Role.OTHER


def test_subsections_inherit_unless_their_heading_is_plain() -> None:
    # "问题" inside an ordinary sub-heading does not make it a problems section
    assert subsection_role("坚持把解决“三农”问题放在突出位置", Role.REVIEW, language="zh") == (Role.REVIEW, False)
    assert subsection_role("存在的问题", Role.REVIEW, language="zh") == (Role.PROBLEMS, True)
