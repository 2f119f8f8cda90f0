"""Issue 13 on small invented reports: plan vocabulary and years, the government and appendix roles,
unmarked part headings, run-in items, one-line text, and what the pipeline does with each."""

from __future__ import annotations

import pytest

from compare import compare_texts
from compare.ingest import source_from_string
from compare.model import ChangeKind, Report, Role
from compare.structure.parse import parse_report, uncovered
from compare.structure.roles import role_of_heading


def parse(text: str, name: str = "2031.txt") -> Report:
    return parse_report(source_from_string(text, name))


def tops(r: Report) -> list[tuple[str, Role]]:
    return [(s.heading, s.role) for s in r.sections if s.level == 1 and s.role is not Role.PREAMBLE]


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("2031年主要工作", Role.PLAN),
        ("主要工作任务", Role.PLAN),
        ("今年工作安排", Role.PLAN),
        ("重点工作", Role.PLAN),
        ("对2031年政府工作的建议", Role.PLAN),
        ("未来五年奋斗目标和主要任务", Role.PLAN),
        ("发展形势和总体要求", Role.TARGETS),
        ("持之以恒加强政府自身建设", Role.GOVERNMENT),
        ("加快建设人民满意政府", Role.GOVERNMENT),
        ("名词解释", Role.APPENDIX),
        ("附件2：某区民生实事项目表", Role.APPENDIX),
        ("政府工作报告名词、术语注释", Role.APPENDIX),
        ("某区十件民生实事一览表", Role.APPENDIX),
    ],
)
def test_plan_vocabulary_of_the_genre(heading: str, role: Role) -> None:
    assert role_of_heading(heading, language="zh") is role


def test_main_work_of_a_past_year_is_review() -> None:
    # 主要工作 reviews when its year is earlier than the year the report plans
    assert role_of_heading("“十五五”时期发展成就和2030年主要工作", language="zh", plan_year=2031) is Role.REVIEW
    assert role_of_heading("2030年主要工作", language="zh", plan_year=2031) is Role.REVIEW
    assert role_of_heading("2031年主要工作", language="zh", plan_year=2031) is Role.PLAN


REPORT = """各位代表：
　　现在，我代表区人民政府向大会报告工作，请予审议。
　　一、2030年工作回顾
　　过去一年，我们完成了全年目标任务，地区生产总值增长6%。
　　二、2031年主要工作
　　今年要抓好三个方面的工作。
　　（一）推进产业升级。新建产业园区2个。
　　（二）办好民生实事。新增学位3000个。
　　三、持之以恒加强政府自身建设
　　要坚持依法行政，建设法治政府。
　　各位代表，让我们团结奋斗，再创佳绩！
名词解释
　　1.产业园区：指集中建设的产业用地。
　　2.民生实事：指每年确定的惠民项目。
"""


def test_plan_part_government_part_and_appendix() -> None:
    r = parse(REPORT)
    assert tops(r) == [("2030年工作回顾", Role.REVIEW), ("2031年主要工作", Role.PLAN),
                       ("持之以恒加强政府自身建设", Role.GOVERNMENT), ("名词解释", Role.APPENDIX)]
    gov = next(s for s in r.sections if s.role is Role.GOVERNMENT)
    appendix = next(s for s in r.sections if s.role is Role.APPENDIX and s.level == 1)
    # the government part is followed through as plan; the appendix never is
    assert gov.id in r.plan_ids and r.plan_role(gov.id) is Role.PLAN
    entries = [s for s in r.sections if s.parent == appendix.id]
    assert len(entries) == 2 and all(r.effective_role(s.id) is Role.APPENDIX for s in entries)
    assert not any(s.id in r.plan_ids for s in entries)
    assert (r.metadata.year, r.metadata.plan_year) == (2030, 2031)
    assert (r.metadata.year_source, r.metadata.plan_year_source) == ("text:heading", "text:heading")
    assert uncovered(r) == []


def test_appendix_gives_no_commitments_and_pairs_only_with_an_appendix() -> None:
    entry = "2.民生实事：指每年确定的惠民项目。"
    new = REPORT.replace(entry, entry + "\n　　3.推进产业升级：将加快建设新的产业园区。")
    c = compare_texts(REPORT, new)
    for d in c.diffs:
        pair = c.section_pairs[d.pair_index]
        if pair.new_id and c.new.effective_role(pair.new_id) is Role.APPENDIX:
            assert all(row.kind is not ChangeKind.NEW_COMMITMENT for row in d.rows)
    for p in c.section_pairs:
        if p.old_id and p.new_id:
            assert (c.old.effective_role(p.old_id) is Role.APPENDIX) == (c.new.effective_role(p.new_id) is Role.APPENDIX)


def test_unmarked_part_headings_hold_the_numbered_parts_below_them() -> None:
    text = """各位代表：
　　现在，我代表区人民政府向大会报告工作。
2030年工作回顾
　　过去一年，我们完成了各项任务。
　　（一）产业加快发展。新增企业10家。
2031年发展形势和总体要求
　　今年政府工作的总体要求是：稳中求进。
2031年主要工作任务
　　一、全力推进产业升级
　　（一）培育新产业。新建园区1个。
　　二、全力办好民生实事
　　（一）扩充学位。新增学位500个。
"""
    r = parse(text)
    assert tops(r) == [("2030年工作回顾", Role.REVIEW), ("2031年发展形势和总体要求", Role.TARGETS),
                       ("2031年主要工作任务", Role.PLAN)]
    plan = next(s for s in r.sections if s.heading == "2031年主要工作任务")
    assert [s.heading for s in r.sections if s.parent == plan.id] == ["全力推进产业升级", "全力办好民生实事"]
    assert all(s.level == 3 for s in r.sections if s.marker == "（一）" and s.span.start > plan.span.start)


def test_a_short_line_before_a_run_of_items_is_a_sub_heading_not_a_part() -> None:
    text = """一、2030年工作回顾
　　完成了任务。
二、2031年主要工作
　　今年要抓好两件大事。
两个突破
第一，改革实现新突破。要深化改革。
第二，开放实现新突破。要扩大开放。
三项保障
第一，保障用地。要盘活存量。
第二，保障资金。要用好债券。
"""
    r = parse(text)
    assert [h for h, _ in tops(r)] == ["2030年工作回顾", "2031年主要工作"]
    subs = [s for s in r.sections if s.matched_by == "line:sub_heading"]
    assert [(s.heading, s.level) for s in subs] == [("两个突破", 2), ("三项保障", 2)]


def test_the_report_title_is_a_preamble_never_plan() -> None:
    r = parse_report(source_from_string("2031年政府工作报告\n\n各位代表：\n\n一、2030年工作回顾\n\n完成了各项任务。\n",
                                        "t.txt"))
    assert all(s.role is not Role.PLAN for s in r.sections)


def test_run_in_items_of_a_plan_paragraph_are_sections_with_spans() -> None:
    text = "一、2030年工作回顾\n\n主要做了以下工作。一是稳住了增长，全年增长6%。二是改善了民生，新增学位800个。三是守住了底线。\n"
    r = parse(text)
    items = [s for s in r.sections if s.matched_by == "runin:shi"]
    assert [(s.marker, s.heading, s.level) for s in items] == [
        ("一是", "稳住了增长，全年增长6%", 2), ("二是", "改善了民生，新增学位800个", 2), ("三是", "守住了底线", 2)]
    assert [r.text_of(s.span)[:2] for s in items] == ["一是", "二是", "三是"]
    assert uncovered(r) == []


def test_a_list_of_problems_is_not_split_into_items() -> None:
    text = "一、2030年工作回顾\n\n完成了任务。同时还存在一些问题：一是产业不强，二是配套不足。\n"
    r = parse(text)
    assert not [s for s in r.sections if s.matched_by.startswith("runin:")]


def test_one_line_report_keeps_its_parts() -> None:
    lines = REPORT.split("\n")
    one_line = "".join(line.strip("\u3000") for line in lines)
    assert tops(parse(one_line)) == tops(parse(REPORT))


def test_a_year_only_in_the_file_name_is_said_to_come_from_it() -> None:
    r = parse("一、工作回顾\n\n完成了各项任务，取得了新成效。\n", "report_2031.txt")
    assert (r.metadata.year, r.metadata.year_source) == (2031, "filename")


STATISTICS = """某市2030年国民经济和社会发展统计公报

某市统计局

一、综合

初步核算，全年地区生产总值1200亿元，比上年增长5.2%。其中，第一产业增加值30亿元，比上年增长2.1%。

二、农业

全年粮食产量20万吨，比上年增长1.5%。继续实施高标准农田建设工程，新建农田1万亩。

三、工业和建筑业

全年规模以上工业增加值比上年增长6.0%。建筑业总产值比上年增长3.2%。
"""


def test_a_statistical_communique_has_statistics_parts_and_no_plan() -> None:
    r = parse(STATISTICS, "2030.txt")
    assert [role for _, role in tops(r)] == [Role.STATISTICS] * 3
    assert r.plan_parts == () and not r.plan_ids
    new = STATISTICS.replace("2030", "2031").replace("新建农田1万亩", "新建农田2万亩")
    c = compare_texts(STATISTICS, new)
    assert c.plan_checks == ()
    assert not any(row.kind is ChangeKind.NEW_COMMITMENT for d in c.diffs for row in d.rows)


def test_the_speaker_line_names_the_issuer_and_the_title_block_is_no_plan() -> None:
    text = ("2031年政府工作报告\n\n——2031年1月10日在某省第十届人民代表大会第五次会议上\n\n某省人民政府省长　张三\n\n"
            "各位代表：\n\n一、2030年工作回顾\n\n过去一年，我们完成了全年目标任务。\n\n二、2031年工作安排\n\n今年要稳住经济大盘。\n")
    r = parse(text, "t.txt")
    assert r.metadata.issuer == "某省人民政府"
    assert [role for _, role in tops(r)] == [Role.REVIEW, Role.PLAN]
    assert r.sections[0].role is Role.PREAMBLE


def test_the_page_shows_an_appendix_folded() -> None:
    from compare.render import render

    new = REPORT.replace("2031年", "2032年").replace("2030年", "2031年")
    page = render(compare_texts(REPORT, new), "html")
    glossary = page[page.index("名词解释"):]
    head = page[: page.index("名词解释")]
    # the appendix pair's <details> is the last one opened before its heading, and it is not open
    assert head.rfind("<details>") > head.rfind("<details open>")
    assert "2031年主要工作" in page and "<details open>" in page and glossary


def test_tasks_numbered_past_fifty_stay_headings() -> None:
    # district reports number their tasks through the whole plan, and glossaries run past 50 entries
    tasks = "".join(f"　　{n}.完成第{n}项任务。推进相关工作落地见效。\n" for n in range(49, 53))
    more = "".join(f"　　{n}.强化第{n}项保障。加强督查问效。\n" for n in range(53, 56))
    glossary = "".join(f"　　{n}.术语{n}：一个名词的解释\n" for n in range(1, 58))
    text = (f"一、2030年工作回顾\n　　全区经济平稳运行。\n二、2031年工作安排\n　　（七）改善民生\n{tasks}"
            f"　　（八）建设法治政府\n{more}名词解释\n{glossary}")
    r = parse(text)
    by_heading = {s.heading: s for s in r.sections}
    seventh, eighth = by_heading["改善民生"], by_heading["建设法治政府"]
    assert [s.heading for s in r.sections if s.parent == seventh.id] == [f"完成第{n}项任务" for n in range(49, 53)]
    assert [s.heading for s in r.sections if s.parent == eighth.id] == [f"强化第{n}项保障" for n in range(53, 56)]
    glossary_part = by_heading["名词解释"]
    assert len([s for s in r.sections if s.parent == glossary_part.id]) == 57
