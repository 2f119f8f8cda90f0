"""Roles of top-level parts come from keywords, never from position."""

from __future__ import annotations

import pytest

from compare.model import Role
from compare.structure.roles import role_of_body, role_of_heading, subsection_role


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
        # how the reviews of other issuers are headed: a report of how work went is a review,
        # whatever work it names (「主要工作」「2020年…工作」 alone would read as a plan)
        ("2020年工作开展情况", Role.REVIEW),
        ("主要工作开展情况", Role.REVIEW),
        ("重点工作推进情况", Role.REVIEW),
        ("2020年预算执行情况", Role.REVIEW),
        ("2020年推进法治政府建设的主要做法", Role.REVIEW),
        ("一年来的工作", Role.REVIEW),
        ("工作亮点", Role.REVIEW),
        ("存在问题情况", Role.PROBLEMS),
        # difficulties as the part's subject are its problems; people in difficulty are a task
        ("面临的困难和挑战", Role.PROBLEMS),
        ("工作中存在的困难", Role.PROBLEMS),
        ("薄弱环节", Role.PROBLEMS),
        ("做好困难群众帮扶", Role.OTHER),
        # plans headed by what comes next, not by a plan word
        ("今后工作重点", Role.PLAN),
        ("今后的工作", Role.PLAN),
        ("努力方向", Role.PLAN),
        ("工作展望", Role.PLAN),
        ("2021年推进法治政府建设的主要安排", Role.PLAN),
    ],
)
def test_chinese_roles(heading: str, role: Role) -> None:
    assert role_of_heading(heading, language="zh") is role


def test_english_roles() -> None:
    assert role_of_heading("Performance Review", language="en") is Role.REVIEW
    assert role_of_heading("Important Risks", language="en") is Role.PROBLEMS
    assert role_of_heading("Areas for Improvement", language="en") is Role.PROBLEMS
    assert role_of_heading("Priorities for the Year Ahead", language="en") is Role.PLAN
    assert role_of_heading("The Annual Meeting", language="en") is Role.OTHER


@pytest.mark.parametrize("heading", ["Appendix A: Key Figures", "Annex", "Glossary of Terms", "Definitions"])
def test_english_appendix_headings(heading: str) -> None:
    assert role_of_heading(heading, language="en") is Role.APPENDIX


@pytest.mark.parametrize("heading", ["Looking Forward", "Moving Forward", "Our Commitments", "Agenda for 2022",
                                     "Strategy for 2022", "The Coming Year", "What We Will Do"])
def test_english_plan_headings_of_other_reports(heading: str) -> None:
    assert role_of_heading(heading, language="en") is Role.PLAN


def test_body_cues_decide_plan_review_or_targets_when_the_heading_says_nothing() -> None:
    plan = "今年要继续加快改革，进一步抓好落实，要将各项任务分解到位。" * 3
    review = "去年我们完成了各项任务，取得了显著成效，实现了预期目标。" * 3
    assert role_of_body(plan, language="zh") is Role.PLAN
    # issue 13: review cues with a time that has passed (去年, 过去一年) make a review
    assert role_of_body(review, language="zh") is Role.REVIEW
    assert role_of_body("我们完成了任务，取得了成效，实现了目标。" * 3, language="zh") is Role.OTHER
    assert role_of_body("今年政府工作的总体要求是：稳中求进。", language="zh") is Role.TARGETS
    assert role_of_body(plan, language="en") is Role.OTHER


def test_subsections_inherit_unless_their_heading_is_plain() -> None:
    # "问题" inside an ordinary sub-heading does not make it a problems section
    assert subsection_role("坚持把解决“三农”问题放在突出位置", Role.REVIEW, language="zh") == (Role.REVIEW, False)
    assert subsection_role("存在的问题", Role.REVIEW, language="zh") == (Role.PROBLEMS, True)


@pytest.mark.parametrize("title", ["Budget Speech", "Budget Statement 2031", "Letter to Shareholders",
                                   "Annual Letter to Our Shareholders", "2030 Annual Report"])
def test_an_english_document_title_gets_no_role(title: str) -> None:
    # a title stands over the whole text: "Budget" in "Budget Speech" once made a whole speech a plan
    assert role_of_heading(title, language="en") is Role.OTHER


def test_english_review_and_outlook_keywords() -> None:
    assert role_of_heading("The Year at Example Corp", language="en") is Role.REVIEW
    assert role_of_heading("2030 in Review", language="en") is Role.REVIEW
    # a part named for a budget may report its outturn: "budget" alone says no plan
    assert role_of_heading("The Capital Budget", language="en") is Role.OTHER
    # an outlook over decades sets no plan a next report could be checked against
    assert role_of_heading("The Road Ahead", language="en") is Role.OTHER
    assert role_of_heading("Priorities for 2031", language="en") is Role.PLAN


def test_a_budget_speech_under_one_title_has_no_plan_part() -> None:
    from compare.ingest import source_from_string
    from compare.structure.parse import parse_report

    r = parse_report(source_from_string(
        "# Budget Speech\n\n---\n\n**The Minister for Finance (Mr A)**\n\n"
        ": Mr Speaker, I move that this House approve the fiscal plans of our Government "
        "for the year from 1 April 2031 to 31 March 2032.\n\nOur economy grew last year. We will "
        "raise the grant this year.\n"))
    assert [s.role for s in r.sections if s.heading == "Budget Speech"] == [Role.OTHER]
    assert all(s.role is not Role.PLAN for s in r.sections)


@pytest.mark.parametrize(("heading", "role"), [
    ("工作打算", Role.PLAN), ("2021年工作思路", Role.PLAN), ("整改措施", Role.PLAN), ("下步工作打算", Role.PLAN),
    ("缺乏统筹安排", Role.PROBLEMS), ("工作思路不够清晰", Role.PROBLEMS), ("存在问题", Role.PROBLEMS),
])
def test_plan_sub_heading_inside_a_problems_part(heading: str, role: Role) -> None:
    assert subsection_role(heading, Role.PROBLEMS, language="zh")[0] is role


def test_plan_sub_heading_elsewhere_keeps_its_part_role() -> None:
    assert subsection_role("工作打算", Role.REVIEW, language="zh")[0] is Role.REVIEW


@pytest.mark.parametrize("heading", ["名词解释", "注释", "附录", "附录一 名词解释", "本报告有关用语说明", "名词注解",
                                     "名词术语说明", "注：", "备注"])
def test_glossary_after_the_plan_is_an_appendix_not_plan(heading: str) -> None:
    from compare.ingest import source_from_string
    from compare.structure.parse import parse_report

    text = ("一、2020年工作回顾\n过去一年，我们完成了全部任务，取得了显著成效。\n二、2021年工作安排\n"
            f"（一）推进产业升级。新建产业园区2个，推行一网通办。\n{heading}\n"
            "1.产业园区：指区内集中布局的先进制造业园区。\n2.一网通办：指政务服务事项全部网上办理。\n")
    r = parse_report(source_from_string(text, "2021.txt"))
    last = [s for s in r.sections if s.level == 1][-1]
    assert last.role is Role.APPENDIX
    # the glossary's entries are not sections of the plan
    assert not any(s.role is not Role.APPENDIX and s.heading.startswith("产业园区") for s in r.sections)


def test_words_like_a_note_are_no_appendix() -> None:
    for heading in ("注重实效", "注册企业", "说明"):
        assert role_of_heading(heading, language="zh") is not Role.APPENDIX


def test_a_plan_headed_by_what_comes_next_is_followed_through() -> None:
    from compare.pipeline import followup_texts

    old = ("2020年法治政府建设工作报告\n\n一、工作成效\n\n全年办理行政复议案件120件。\n\n"
           "二、面临的困难和挑战\n\n基层执法力量仍然薄弱。\n\n"
           "三、今后工作重点\n\n（一）推进基层综合执法改革，年内完成街道执法队伍整合。\n\n"
           "（二）开展行政规范性文件清理，建立动态管理机制。\n")
    new = ("2021年法治政府建设工作报告\n\n一、工作成效\n\n完成街道执法队伍整合，推进基层综合执法改革。\n\n"
           "二、存在的不足\n\n规范性文件管理仍需加强。\n")
    follow = followup_texts(old, new)
    roles = {s.heading: follow.old.effective_role(s.id) for s in follow.old.sections if s.level == 1}
    assert roles["面临的困难和挑战"] is Role.PROBLEMS
    assert roles["今后工作重点"] is Role.PLAN
    assert [c.status.value for c in follow.plan_checks] == ["addressed", "not_found"]
