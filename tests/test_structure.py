"""Section trees of small reports written for these tests: levels, damaged markers, inline
headings, collapsed and broken lines, English headings, and the nothing-is-lost check."""

from __future__ import annotations

from compare.ingest import source_from_string
from compare.model import Report, Role, Span
from compare.structure.parse import parse_report, uncovered


def parse(text: str) -> Report:
    return parse_report(source_from_string(text))


def outline(r: Report) -> list[tuple[str, int, str, str]]:
    return [(s.id, s.level, s.heading, s.role.value) for s in r.sections]


CLEAN = """\
市人民政府：

  今年以来，我县认真落实各项部署，现将有关情况报告如下。

  一、主要举措和成效

  （一）健全工作机制

  1.压实责任。县政府常务会议专题研究三次。

  2.强化考核。把考核结果纳入年度绩效。

  （二）规范执法行为。全面推行执法公示制度，全年办理案件一百二十件。

  二、存在问题

  个别部门重视程度还不够。

  三、下一步工作计划

  （一）深化改革。继续推进审批事项下放。

  （二）加强队伍建设。每年组织两次集中培训。
"""


def test_clean_report_levels_ids_and_roles() -> None:
    r = parse(CLEAN)
    assert outline(r) == [
        ("s1", 1, "", "preamble"),
        ("s2", 1, "主要举措和成效", "review"),
        ("s2.1", 2, "健全工作机制", "review"),
        ("s2.1.1", 3, "压实责任", "review"),
        ("s2.1.2", 3, "强化考核", "review"),
        ("s2.2", 2, "规范执法行为", "review"),
        ("s3", 1, "存在问题", "problems"),
        ("s4", 1, "下一步工作计划", "plan"),
        ("s4.1", 2, "深化改革", "plan"),
        ("s4.2", 2, "加强队伍建设", "plan"),
    ]
    assert [s.parent for s in r.sections][:4] == [None, None, "s2", "s2.1"]
    assert uncovered(r) == []


def test_top_level_spans_tile_the_body_and_nest() -> None:
    r = parse(CLEAN)
    tops = [s for s in r.sections if s.level == 1]
    for a, b in zip(tops, tops[1:]):
        assert a.span.end == b.span.start
    for s in r.sections:
        if s.parent:
            p = r.section(s.parent)
            assert p.span.start <= s.span.start and s.span.end <= p.span.end


def test_inline_heading_is_one_paragraph_and_heading_span_is_the_heading() -> None:
    r = parse(CLEAN)
    sec = r.section("s2.2")
    assert r.text_of(sec.heading_span) == "规范执法行为"
    paras = [p for p in r.paragraphs if p.section_id == "s2.2"]
    assert len(paras) == 1
    assert r.text_of(paras[0].span).startswith("（二）规范执法行为。全面推行")
    # a heading line without body is not a paragraph
    assert not [p for p in r.paragraphs if p.section_id == "s2.1"]
    assert r.text_of(r.section("s2.1").heading_span) == "（一）健全工作机制"


def test_enumeration_is_not_a_heading_but_a_run_in_item() -> None:
    # issue 13: 一是…二是… in a review are items one level down (with spans), never headings of
    # their own family; a lone 二是 that does not count on from an item is prose
    r = parse("一、工作回顾\n\n一是加强领导。二是压实责任。\n\n二是也可以出现在段首，它仍然只是列举。\n")
    assert [(s.heading, s.level, s.marker) for s in r.sections] == [
        ("工作回顾", 1, "一、"), ("加强领导", 2, "一是"), ("压实责任", 2, "二是")]
    assert [r.text_of(p.span) for p in r.paragraphs] == [
        "一是加强领导。", "二是压实责任。", "二是也可以出现在段首，它仍然只是列举。"]


DAMAGED = """\
一、主要做法

一)加强组织领导

1.建立专班。每月调度一次。

2.完善制度。出台三项制度。

二)推进依法决策

1.规范程序。重大事项全部经过合法性审查。

()深化审批改革

1.精简事项。取消审批事项十二项。

2.优化流程。办理时限压缩一半。

)完善监督体系

1.接受人大监督。办理建议四十件。

2.推进政务公开。公开信息八百条。

强化基层治理能力建设

1.建设服务中心。覆盖全部乡镇。

2.培育调解组织。新建调解室六个。

)提升干部法治素养

1.开展培训。组织专题培训四期。

二、下一步打算

（一）继续深化改革。推进事项下放。

)加强队伍建设。配齐执法人员。
"""


def test_damaged_markers_are_recovered_with_their_rule_and_number() -> None:
    r = parse(DAMAGED)
    level2 = [s for s in r.sections if s.parent == "s1"]
    assert [(s.marker, s.recovered_marker, s.number, s.matched_by) for s in level2] == [
        ("一)", "（一）", 1, "recovered:lost_left_paren"),
        ("二)", "（二）", 2, "recovered:lost_left_paren"),
        ("()", "（三）", 3, "recovered:lost_numeral"),
        (")", "（四）", 4, "recovered:bare_paren"),
        ("", "（五）", 5, "recovered:no_marker"),
        (")", "（六）", 6, "recovered:bare_paren"),
    ]
    assert level2[4].heading == "强化基层治理能力建设"
    assert all(s.level == 2 for s in level2)
    plan = [s for s in r.sections if s.parent == "s2"]
    assert [(s.heading, s.recovered_marker, s.role) for s in plan] == [
        ("继续深化改革", "", Role.PLAN),
        ("加强队伍建设", "（二）", Role.PLAN),
    ]
    assert uncovered(r) == []


def test_short_line_without_sibling_evidence_stays_a_paragraph() -> None:
    # no numbering restarts after it: it is a short paragraph, not a lost heading
    r = parse("一、工作情况\n\n1.完善制度。出台三项制度。\n\n全年工作稳步推进\n\n2.优化流程。办理时限压缩。\n")
    assert [s.heading for s in r.sections] == ["工作情况", "完善制度", "优化流程"]


def test_collapsed_paragraph_breaks_still_give_the_structure() -> None:
    body = "  ".join([
        "区人民政府：", "现将本年度工作情况报告如下，请审阅。" * 3,
        "一、主要举措和成效", "（一）健全机制。建立联席会议制度，每季度召开一次会议，研究解决重点难点问题。" * 2,
        "（二）规范执法。推行执法全过程记录，全年开展专项检查十二次，发现并整改问题四十项。" * 2,
        "二、存在问题", "基层执法力量仍然不足，执法人员专业化水平有待提高，信息化建设相对滞后。" * 2,
        "三、下一步工作计划", "（一）加强队伍建设。组织执法人员参加专题培训，全面提升依法行政能力和水平。" * 3,
    ])
    assert "\n" not in body and len(body) > 400
    r = parse(body)
    tops = [(s.heading, s.role.value) for s in r.sections if s.level == 1]
    assert tops == [("", "preamble"), ("主要举措和成效", "review"), ("存在问题", "problems"), ("下一步工作计划", "plan")]
    assert len([s for s in r.sections if s.level == 2]) == 3
    assert uncovered(r) == []


def test_report_on_one_line_with_single_spaces_for_breaks_keeps_its_parts() -> None:
    # a page's text taken with its whitespace collapsed: every line break and indent is one space,
    # the metadata table's label and value too ("发布机构 青溪区人民政府")
    lines = [
        "索 引 号 QX01200-0301-2021-00012", "发布机构 青溪区人民政府", "生成日期 2021-03-02",
        "各位代表：", "现在，我代表区人民政府向大会报告工作，请予审议。",
        "一、2020年工作回顾", "过去一年，全区上下攻坚克难，较好完成了全年目标任务。" * 4,
        "（一）经济稳中向好。地区生产总值增长5.1%，规模以上工业增加值增长6.3%。" * 3,
        "（二）民生持续改善。新增学位4200个，建成社区健康服务机构12家。" * 3,
        "二、2021年主要工作", "2021年是“十四五”开局之年，做好今年工作意义重大。" * 3,
        "（一）推动产业升级。新引进重点项目30个，完成固定资产投资500亿元。" * 3,
        "附件", "名词解释", "1. 产业园区：区内集中布局的先进制造业园区。", "2. 一网通办：政务服务事项网上办理。",
    ]
    body = " ".join(lines)
    assert "\n" not in body and "  " not in body
    r = parse(body)
    tops = [(s.heading, s.role.value) for s in r.sections if s.level == 1]
    assert tops == [("", "preamble"), ("2020年工作回顾", "review"), ("2021年主要工作", "plan"),
                    ("附件", "appendix"), ("名词解释", "appendix")]
    # the same outline as the report with its line breaks
    assert outline(r) == outline(parse("\n".join(lines)))
    assert [x.reason.value for x in r.stripped][:1] == ["metadata_block"]
    assert uncovered(r) == []


def test_next_steps_inside_a_problems_part_are_a_plan_section() -> None:
    r = parse("一、主要举措和成效\n全年召开专题会议4次。\n二、存在的问题和下一步工作打算\n"
              "基层执法力量仍显薄弱，法治宣传的针对性有待增强。今后仍需加强。下一步，我区将完成执法人员轮训，"
              "建设智慧复议平台。\n")
    part = next(s for s in r.sections if s.heading == "存在的问题和下一步工作打算")
    assert part.role is Role.PROBLEMS
    steps = [s for s in r.sections if s.parent == part.id]
    assert [(s.heading, s.role, s.matched_by) for s in steps] == [("下一步", Role.PLAN, "runin:next_steps")]
    assert r.plan_parts == (steps[0].id,)
    assert r.text_of(steps[0].span).startswith("下一步，我区将完成执法人员轮训")
    assert uncovered(r) == []


def test_plan_sub_section_of_a_problems_part_is_a_plan() -> None:
    r = parse("一、主要举措和成效\n全年召开专题会议4次。\n二、存在问题和工作打算\n（一）存在问题\n"
              "执法监督不到位，缺乏统筹安排。\n（二）工作打算\n完成执法人员轮训，建设智慧复议平台。\n")
    assert [(s.heading, s.role) for s in r.sections if s.level == 2] == [
        ("存在问题", Role.PROBLEMS), ("工作打算", Role.PLAN)]
    assert [r.by_id[i].heading for i in r.plan_parts] == ["工作打算"]


def test_problems_part_without_next_steps_stays_problems() -> None:
    # a problems heading that names no plan: only a paragraph opening with 下一步 would be a plan
    r = parse("一、主要举措和成效\n全年召开专题会议4次。\n二、存在问题\n"
              "基层执法力量仍显薄弱。2031年，执法任务将更加繁重，今后仍需加强队伍建设。\n")
    assert [s.role for s in r.sections if s.level == 2] == []
    assert r.plan_parts == ()


def test_budget_report_in_chapters() -> None:
    # a budget report: 第一部分 / 第二部分 above 一、; the draft budget is the plan
    r = parse("各位代表：\n现将有关情况报告如下。\n第一部分 2021年预算执行情况\n一、一般公共预算\n"
              "全市一般公共预算收入完成120亿元，增长5%。\n二、政府性基金预算\n政府性基金收入完成40亿元。\n"
              "第二部分 2022年预算草案\n一、一般公共预算\n2022年一般公共预算收入预计125亿元，增长4%。\n")
    assert [(s.level, s.heading, s.role) for s in r.sections if s.level <= 2] == [
        (1, "", Role.PREAMBLE), (1, "2021年预算执行情况", Role.REVIEW), (2, "一般公共预算", Role.REVIEW),
        (2, "政府性基金预算", Role.REVIEW), (1, "2022年预算草案", Role.PLAN), (2, "一般公共预算", Role.PLAN)]
    assert [r.by_id[i].heading for i in r.plan_parts] == ["2022年预算草案"]


WIKI = """\
各位代表：

　　现在，我代表政府向大会报告工作，请予审议。


一、去年工作回顾


　　去年，我们完成了全年主要目标任务，经济运行稳中向好，各项事业取得新的进展，为今后发展打下了基础。

　　
经济结构继续优化。
服务业比重进一步提高，新兴产业保持较快增长，传统产业改造升级步伐加快，区域发展更加协调。

　　
城乡居民收入稳步增长。
居民人均可支配收入实际增长，农村居民收入增幅高于城镇居民。


二、今年工作任务


（一）扩大国内需求。
　　要坚持扩大内需战略，落实好促进消费的各项政策，今年要继续加大对重点领域的投入，积极稳妥推进政府工作报
告提出的重点项目建设。
"""


def test_wiki_stray_breaks_and_lead_sentences() -> None:
    r = parse(WIKI)
    assert [(s.id, s.level, s.heading, s.matched_by) for s in r.sections] == [
        ("s1", 1, "", ""),
        ("s2", 1, "去年工作回顾", "marker:cn_comma"),
        ("s2.1", 2, "经济结构继续优化", "line:lead_sentence"),
        ("s2.2", 2, "城乡居民收入稳步增长", "line:lead_sentence"),
        ("s3", 1, "今年工作任务", "marker:cn_comma"),
        ("s3.1", 2, "扩大国内需求", "marker:paren_cn"),
    ]
    # the word broken across lines ("报\\n告") stays inside one paragraph
    last = r.paragraphs[-1]
    assert last.section_id == "s3.1" and r.text_of(last.span).endswith("重点项目建设。")
    assert "报\n告" in r.text_of(last.span)
    assert uncovered(r) == []


def test_one_paragraph_per_line_without_blank_lines() -> None:
    r = parse("一、工作回顾\n全年完成任务。\n各项指标达到预期。\n二、下一步打算\n继续推进改革。\n")
    assert [(s.heading, s.paragraph_count) for s in r.sections] == [("工作回顾", 2), ("下一步打算", 1)]


ENGLISH = """\
To the Shareholders of Example Holdings Inc.:

     Our net worth grew during 2030 by a pleasing amount, and the operating businesses did well.
The year brought several acquisitions.

Insurance

     Float rose again. Underwriting was profitable for the tenth year in a row.

                                                     Percentage of
                                                        Company
Shares            Company                                 Owned
1,000             Alpha Corp . . . . . . . . . . . .      10.0

The Annual Meeting

     Come to the meeting in May.

                                  7
"""


def test_english_title_lines_and_tables() -> None:
    r = parse(ENGLISH)
    assert r.metadata.language == "en"
    assert [(s.level, s.heading) for s in r.sections] == [(1, ""), (1, "Insurance"), (1, "The Annual Meeting")]
    assert [x.reason for x in r.stripped] == ["page_chrome"]
    assert uncovered(r) == []


def test_markdown_headings_nest() -> None:
    r = parse("# Budget Speech\n\nOpening words.\n\n## Outlook\n\nGrowth will be modest.\n\n## Measures\n\nWe will act.\n")
    assert [(s.id, s.level, s.heading) for s in r.sections] == [
        ("s1", 1, "Budget Speech"), ("s1.1", 2, "Outlook"), ("s1.2", 2, "Measures"),
    ]


def test_text_without_headings_is_one_preamble() -> None:
    r = parse("Just one paragraph.\n\nAnd another one.\n")
    assert [(s.id, s.role) for s in r.sections] == [("s1", Role.PREAMBLE)]
    assert len(r.paragraphs) == 2


def test_stripped_text_is_in_no_paragraph() -> None:
    text = "标题 某区人民政府关于2030年工作情况的报告\n\n一、工作回顾\n\n全年完成任务。\n\n（联系人：张三  电话：12345678901）\n"
    r = parse(text)
    stripped = [x.span for x in r.stripped]
    for p in r.paragraphs:
        assert not any(s.start < p.span.end and p.span.start < s.end for s in stripped)
    assert {x.reason for x in r.stripped} == {"metadata_block", "contact"}
    assert uncovered(r) == []


def test_uncovered_reports_lost_and_double_counted_text() -> None:
    from dataclasses import replace

    r = parse(CLEAN)
    dropped = replace(r, paragraphs=r.paragraphs[1:])
    lost = uncovered(dropped)
    assert [r.text_of(x) for x in lost] == ["市人民政府："]
    doubled = replace(r, paragraphs=r.paragraphs + r.paragraphs[:1])
    assert uncovered(doubled)


def test_fixture_damaged_markers_match_expected() -> None:
    from compare.ingest import read_source

    from conftest import FIXTURES, expected

    exp = expected("zh-district")
    r = parse_report(read_source(str(FIXTURES / "zh-district" / "2020.txt")))
    recovered = [
        {"written": s.marker, "heading_starts": s.heading[:6], "recovered": s.recovered_marker}
        for s in r.sections if s.recovered_marker
    ]
    assert recovered == [{**d, "heading_starts": d["heading_starts"][:6]} for d in exp["damaged_markers"]]
    assert (r.metadata.issuer, r.metadata.year, r.metadata.doc_number) == (
        exp["issuer"], exp["old_year"], exp["old_doc_number"])
    assert "duplicate_metadata" in {x.reason for x in r.stripped}
    assert uncovered(r) == []


def test_fixture_english_letters() -> None:
    from compare.ingest import read_source

    from conftest import FIXTURES, expected

    exp = expected("en-letters")
    for year in (exp["old_year"], exp["new_year"]):
        r = parse_report(read_source(str(FIXTURES / "en-letters" / f"{year}.txt")))
        assert r.metadata.year == year and r.metadata.language == "en"
        review = next(s for s in r.sections if s.heading == f"{year} in Review")
        assert review.role is Role.REVIEW and review.level == 2
        assert next(s for s in r.sections if s.heading.startswith("Priorities for")).role is Role.PLAN
        assert uncovered(r) == []


def test_english_letter_on_one_line_keeps_its_outline() -> None:
    """A Markdown letter whose line breaks became spaces (a page copied as one line) keeps its
    headings, levels and roles; the `#` title line no longer swallows the whole text."""
    from compare.ingest import read_source

    from conftest import FIXTURES

    path = FIXTURES / "en-letters" / "2021.txt"
    original = parse_report(read_source(str(path)))
    text = path.read_text(encoding="utf-8")
    wanted = [(s.level, s.heading, s.role) for s in original.sections]
    # blank lines became two spaces: every heading is recovered exactly
    spaced = parse(text.replace("\n", " "))
    assert [(s.level, s.heading, s.role) for s in spaced.sections] == wanted
    assert spaced.metadata.title == original.metadata.title == "Letter to Shareholders"
    assert len(spaced.paragraphs) > 1 and uncovered(spaced) == []
    # every break one space: the same parts; a heading may take the body's first words only
    # where the body opens with more Title Case ("Software Northwind Cloud")
    single = parse(" ".join(text.split()))
    assert [(s.level, s.role) for s in single.sections] == [(lv, role) for lv, _, role in wanted]
    for s, (_, heading, _) in zip(single.sections, wanted):
        assert s.heading.startswith(heading) and len(s.heading.split()) <= len(heading.split()) + 2
    assert uncovered(single) == []


def test_heading_hints_from_structured_formats() -> None:
    from dataclasses import replace

    text = "Annual Report\n\nOpening words of the chair.\n\nOperations\n\nPlants ran well.\n"
    src = source_from_string(text)
    title, ops = text.index("Annual Report"), text.index("Operations")
    src = replace(src, heading_hints=((Span(title, title + 13), 1), (Span(ops, ops + 10), 2)))
    r = parse_report(src)
    assert [(s.id, s.level, s.heading, s.matched_by) for s in r.sections] == [
        ("s1", 1, "Annual Report", "hint:heading_style"),
        ("s1.1", 2, "Operations", "hint:heading_style"),
    ]
    assert uncovered(r) == []


def test_chinese_lines_that_end_a_sentence_end_their_paragraph() -> None:
    # blank lines separate most paragraphs, but two consecutive full sentences are two paragraphs
    r = parse("一、工作回顾\n\n全年完成任务。\n各项指标达到预期。\n\n二、下一步打算\n\n继续推进改革。\n")
    assert [r.text_of(p.span) for p in r.paragraphs] == ["全年完成任务。", "各项指标达到预期。", "继续推进改革。"]
