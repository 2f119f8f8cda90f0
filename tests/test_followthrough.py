"""Follow-through: plan items of the old report checked against the new report."""

from __future__ import annotations

import pytest

from compare.followthrough.evidence import check_followthrough, score_followthrough
from compare.followthrough.plan_items import extract_plan_items
from compare.ingest import source_from_string
from compare.model import PlanCheck, PlanItemKind, PlanStatus, Report
from compare.structure.parse import parse_report

from conftest import year_pair

OLD = """某区2030年法治政府建设情况报告

一、主要举措和成效
（一）深化审批制度改革。全年办理审批事项1200件，群众满意度持续提升。

二、存在问题
（一）执法队伍能力有待提高，少数执法人员程序意识不强。

三、下一步工作计划
（一）推进“放管服”改革。持续推进“证照分离”改革，做好照后减证的流程优化。完善“双随机、一公开”监管，推动日常监管全覆盖。
（二）提升行政决策水平。保持重大行政决策合法性审查率100%。建立行政规范性文件备案审查信息平台。
（三）加强执法队伍建设。组织开展行政执法人员专题培训，全年培训不少于3次。一是建设智慧法院示范中心；二是开展法律进乡村巡回宣讲活动。
"""

NEW = """某区2031年法治政府建设情况报告

一、主要举措和成效
（一）推进“放管服”改革。“证照分离”改革全面推开，照后减证流程持续优化。
（二）规范重大行政决策。全年重大行政决策合法性审查率达100%，未发生决策失误。
（三）加强执法队伍建设。全年组织行政执法人员专题培训2次。法律进乡村巡回宣讲活动覆盖全部乡镇。

二、存在问题
（一）基层执法力量仍然薄弱。

三、下一步工作计划
（一）建设智慧法院示范中心，提升审判信息化水平。
"""


def report(text: str, name: str) -> Report:
    return parse_report(source_from_string(text, name))


def checks() -> tuple[Report, Report, tuple[PlanCheck, ...]]:
    old, new = report(OLD, "2030.txt"), report(NEW, "2031.txt")
    return old, new, check_followthrough(old, new)


def status_of(old: Report, found: tuple[PlanCheck, ...], needle: str) -> PlanCheck:
    hits = [c for c in found if needle in old.text_of(c.item.span)]
    assert len(hits) == 1, f"{needle!r}: {len(hits)} items"
    return hits[0]


def test_items_come_from_the_plan_only_and_point_into_the_old_text() -> None:
    old, _, found = checks()
    plan_start = OLD.index("三、下一步工作计划")
    texts = [old.text_of(c.item.span) for c in found]
    assert all(c.item.span.start > plan_start for c in found)
    assert "全年办理审批事项1200件" not in "".join(texts)  # review, not plan
    # 一是…二是… are two commitments, not one
    assert any(t.startswith("一是建设智慧法院") for t in texts)
    assert any(t.startswith("二是开展法律进乡村") for t in texts)
    # items are in document order
    assert [c.item.span.start for c in found] == sorted(c.item.span.start for c in found)


def test_statuses() -> None:
    old, new, found = checks()
    zz = status_of(old, found, "证照分离")
    assert zz.status == PlanStatus.ADDRESSED
    assert "“证照分离”改革全面推开" in new.text_of(zz.evidence[0].span)
    assert "anchor" in zz.evidence[0].matched_by  # the quoted term is a strong anchor
    assert status_of(old, found, "二是开展法律进乡村").status == PlanStatus.ADDRESSED
    # restated in the new plan only: still planned, not reported done (issue 17: `restated`)
    wisdom = status_of(old, found, "智慧法院")
    assert wisdom.status == PlanStatus.RESTATED
    assert new.text_of(wisdom.evidence[0].span).startswith("（一）建设智慧法院")
    assert status_of(old, found, "备案审查信息平台").status == PlanStatus.NOT_FOUND
    assert status_of(old, found, "双随机").status == PlanStatus.NOT_FOUND
    assert status_of(old, found, "双随机").evidence == ()


def test_targets_met_and_not_met() -> None:
    old, new, found = checks()
    review = status_of(old, found, "合法性审查率100%")
    assert review.item.kind == PlanItemKind.TARGET
    assert review.status == PlanStatus.MET
    assert review.actual is not None and new.text_of(review.actual.span) == "100%"
    training = status_of(old, found, "不少于3次")
    assert training.item.direction == "floor"
    assert training.status == PlanStatus.NOT_MET  # 2 trainings against at least 3
    assert "2次" in new.text_of(training.evidence[0].span)


def test_scorecard_counts() -> None:
    _, _, found = checks()
    card = score_followthrough(found)
    counts = dict(card.counts)
    assert card.total == len(found) == sum(counts.values())
    assert card.targets == 2 and counts["met"] == 1 and counts["not_met"] == 1
    assert 0 < card.share_addressed < 1


def test_no_plan_part_gives_no_items() -> None:
    text = "一、主要举措和成效\n（一）推进依法行政。全年培训3次。\n"
    assert check_followthrough(report(text, "a.txt"), report(text, "b.txt")) == ()


def test_target_list_sentence_splits_into_targets() -> None:
    text = ("一、工作回顾\n去年经济平稳。\n二、今年工作安排\n"
            "今年发展主要预期目标是：地区生产总值增长6%左右；居民消费价格涨幅3%左右；"
            "城镇新增就业11万人以上，城镇调查失业率5.5%以内；居民收入增长和经济增长基本同步。\n")
    old = report(text, "a.txt")
    from compare.figures.extract import extract_figures

    items = extract_plan_items(old, extract_figures(old))
    targets = [old.text_of(i.span) for i in items if i.kind == PlanItemKind.TARGET]
    assert targets == ["地区生产总值增长6%左右", "居民消费价格涨幅3%左右", "城镇新增就业11万人以上",
                       "城镇调查失业率5.5%以内"]
    rest = [old.text_of(i.span) for i in items if i.kind == PlanItemKind.COMMITMENT]
    assert rest == ["居民收入增长和经济增长基本同步"]  # no figure, kept as part of the target list
    assert [i.direction for i in items if i.kind == PlanItemKind.TARGET] == ["point", "ceiling", "floor", "ceiling"]


def test_descriptive_figure_is_not_a_target() -> None:
    text = "一、工作回顾\n去年经济平稳。\n二、今年工作安排\n淘汰关停不达标的30万千瓦以下煤电机组。\n"
    old = report(text, "a.txt")
    from compare.figures.extract import extract_figures

    items = extract_plan_items(old, extract_figures(old))
    assert [i.kind for i in items] == [PlanItemKind.COMMITMENT]


def test_the_year_just_past_recalled_in_the_plan_sets_no_target() -> None:
    # the plan part opens by recalling last year (过去一年，… / 一年来，…): those figures were reached,
    # they are no target of the plan year; the targets after them are
    text = ("一、工作回顾\n各项工作稳步推进。\n二、2031年工作安排\n"
            "2031年是规划开局之年。过去一年，我们的工作取得了新成绩。地区生产总值增长6.8%，"
            "城镇新增就业12万人。这为今年的工作打下了基础。\n"
            "今年主要预期目标是：地区生产总值增长6%左右；城镇新增就业11万人以上。\n")
    old = report(text, "a.txt")
    from compare.figures.extract import extract_figures

    figures = extract_figures(old)
    items = extract_plan_items(old, figures)
    targets = [old.text_of(i.span) for i in items if i.kind == PlanItemKind.TARGET]
    assert targets == ["地区生产总值增长6%左右", "城镇新增就业11万人以上"]
    recalled = {old.text_of(f.span): (f.period, f.kind.value) for f in figures if f.span.start < text.find("今年主要")}
    assert recalled == {"6.8%": ("过去一年", "outcome"), "12万人": ("过去一年", "outcome")}


def test_deterministic() -> None:
    assert checks()[2] == checks()[2]


# --- the `yoy followup` command -------------------------------------------------------------

import json  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402

from click.testing import CliRunner  # noqa: E402

from compare.cli import main  # noqa: E402


def write_pair(tmp_path: Path, old: str = OLD, new: str = NEW) -> tuple[str, str]:
    (tmp_path / "2030.txt").write_text(old, encoding="utf-8")
    (tmp_path / "2031.txt").write_text(new, encoding="utf-8")
    return str(tmp_path / "2030.txt"), str(tmp_path / "2031.txt")


def test_cli_json(tmp_path: Path) -> None:
    old, new = write_pair(tmp_path)
    result = CliRunner().invoke(main, ["followup", old, new, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data)[:1] == ["schema_version"]
    assert data["scorecard"]["counts"]["met"] == 1
    by_text = {p["item"]["text"]: p for p in data["plan_checks"]}
    assert by_text["保持重大行政决策合法性审查率100%"]["status"] == "met"
    assert by_text["保持重大行政决策合法性审查率100%"]["actual"]["value"] == "100"
    assert by_text["建立行政规范性文件备案审查信息平台"]["status"] == "not_found"


def test_cli_html_links_every_evidence_to_its_passage(tmp_path: Path) -> None:
    old, new = write_pair(tmp_path)
    out = tmp_path / "f.html"
    result = CliRunner().invoke(main, ["followup", old, new, "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    hrefs = set(re.findall(r'href="#(ev-\d+-\d+)"', page))
    assert hrefs
    for anchor in hrefs:
        assert f'id="{anchor}"' in page
    assert "http://" not in page and "https://" not in page


def test_cli_escapes_report_text(tmp_path: Path) -> None:
    hostile = OLD.replace("建立行政规范性文件备案审查信息平台", "建立<script>alert(1)</script>信息平台")
    old, new = write_pair(tmp_path, old=hostile)
    result = CliRunner().invoke(main, ["followup", old, new, "--format", "html"])
    assert result.exit_code == 0, result.output
    assert "<script>alert(1)" not in result.output
    assert "&lt;script&gt;alert(1)" in result.output


def test_cli_markdown(tmp_path: Path) -> None:
    old, new = write_pair(tmp_path)
    result = CliRunner().invoke(main, ["followup", old, new, "--format", "md", "--lang", "en"])
    assert result.exit_code == 0, result.output
    # issue 14: the reason states the result in words ("close to the target" for a point target)
    assert "| 保持重大行政决策合法性审查率100% (target 100%) | met: actual 100% is close to the target 100% |" in result.output


def test_cli_missing_file(tmp_path: Path) -> None:
    old, _ = write_pair(tmp_path)
    out = tmp_path / "f.json"
    result = CliRunner().invoke(main, ["followup", old, str(tmp_path / "nope.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.count("Error:") == 1
    assert not out.exists()


# A 法治政府建设 report that closes with one part for its problems and its next steps.
MIXED_OLD = """某区2030年法治政府建设情况报告

一、主要举措和成效
（一）加强组织领导。全年召开专题会议4次。

二、存在的问题和下一步工作打算
一是基层执法力量仍显薄弱；二是法治宣传的针对性有待增强。
下一步，我区将重点做好以下工作：一是完成执法人员轮训；二是建设智慧复议平台，实现复议案件网上办理；三是开展法治宣传进社区活动。
"""

MIXED_NEW = """某区2031年法治政府建设情况报告

一、主要举措和成效
（一）规范行政执法。完成全区执法人员轮训。建成智慧复议平台，复议案件全部实现网上办理。

二、存在的问题和下一步工作打算
执法信息化水平不高。下一步，我区将继续深化法治政府建设。
"""


def test_next_steps_inside_a_problems_part_are_checked() -> None:
    old, new = report(MIXED_OLD, "2030.txt"), report(MIXED_NEW, "2031.txt")
    found = check_followthrough(old, new)
    texts = [old.text_of(c.item.span) for c in found]
    # the three steps are items; the problems and the words announcing the list are not
    assert [t[:4] for t in texts] == ["一是完成", "二是建设", "三是开展"]
    assert status_of(old, found, "执法人员轮训").status is PlanStatus.ADDRESSED
    assert status_of(old, found, "智慧复议平台").status is PlanStatus.ADDRESSED
    assert status_of(old, found, "法治宣传进社区").status is PlanStatus.NOT_FOUND


def test_list_lead_in_is_no_commitment() -> None:
    text = OLD.replace("三、下一步工作计划\n", "三、下一步工作计划\n2031年，我区将着力抓好以下几个方面工作：\n")
    items = [report(text, "2030.txt").text_of(i.span) for i in extract_plan_items(report(text, "2030.txt"))]
    assert not any("以下几个方面" in t for t in items)
    assert any("证照分离" in t for t in items)


def test_a_task_ending_in_a_noun_in_wei_is_no_list_lead_in() -> None:
    # 「…违法行为」 ends in 为 as 「主要预期目标为」 does; the first is a task, the second a lead-in
    text = OLD.replace("三、下一步工作计划\n", "三、下一步工作计划\n严厉打击伪造票据和做假账等违法行为。\n主要预期目标为：\n")
    items = [report(text, "2030.txt").text_of(i.span) for i in extract_plan_items(report(text, "2030.txt"))]
    assert "严厉打击伪造票据和做假账等违法行为" in items
    assert not any(t.endswith("目标为") for t in items)


def test_a_fall_misses_a_growth_target_of_the_same_indicator() -> None:
    old = report("一、2020年工作回顾\n过去一年，全市经济平稳运行。\n二、2021年主要工作\n"
                 "主要预期目标是：一般公共预算收入增长5%；固定资产投资增长10%；城镇登记失业率控制在3%以内；"
                 "单位地区生产总值能耗下降3%。\n", "2021.txt")
    new = report("一、2021年工作回顾\n过去一年，一般公共预算收入下降2.1%，工业投资增长15%，固定资产投资下降1.5%，"
                 "城镇调查失业率为5.1%，单位地区生产总值能耗下降3.5%。\n二、2022年主要工作\n继续推动经济高质量发展。\n",
                 "2022.txt")
    found = check_followthrough(old, new)
    revenue = status_of(old, found, "一般公共预算收入")
    assert revenue.status is PlanStatus.NOT_MET and revenue.reason.get("actual") == "-2.1%"
    investment = status_of(old, found, "固定资产投资")
    assert investment.status is PlanStatus.NOT_MET and new.text_of(investment.actual.span) == "1.5%"
    # another indicator (调查 vs 登记失业率) is no outcome; a fall meets a target to cut
    assert status_of(old, found, "登记失业率").status is PlanStatus.UNKNOWN
    assert status_of(old, found, "能耗").status is PlanStatus.MET


def test_the_page_shows_a_fall_against_a_growth_target_as_negative() -> None:
    from compare import compare_texts
    from compare.render import render

    c = compare_texts("一、2020年工作回顾\n全市经济平稳运行。\n二、2021年主要工作\n主要预期目标是：一般公共预算收入增长5%。\n",
                      "一、2021年工作回顾\n过去一年，一般公共预算收入下降2.1%。\n二、2022年主要工作\n继续推动高质量发展。\n",
                      old_name="2021.txt", new_name="2022.txt")
    md = render(c, "md")
    assert "实际-2.1%" in md and "实际2.1%" not in md


PLAN_FRAMED = """某区2030年政府工作报告

一、2029年工作回顾
全区推进城市更新，建成公园5个。

二、2030年工作安排
今年将召开区第七次党代会，做好今年工作意义重大、责任重大。重点做好以下三个方面工作。
（一）推进城市更新。新建公园3个，取消社区及社区以下相关资金配套要求。保障群众安居乐业，是政府应尽的责任。
（二）改善民生。完成老旧小区改造。
"""


def test_what_the_years_work_means_and_a_list_lead_are_no_items() -> None:
    # 「…意义重大、责任重大」 and 「…，是政府应尽的责任」 say why, 「重点做好以下三个方面工作。」 announces
    # the parts after it: a reader
    # counting the measures not found must not count them; 「…以下相关资金配套要求」 is a measure
    old = report(PLAN_FRAMED, "2030.txt")
    texts = [old.source.text[i.span.start:i.span.end] for i in extract_plan_items(old)]
    assert not any("意义重大" in t or "以下三个方面" in t or "应尽的责任" in t for t in texts)
    assert any("社区以下相关资金配套要求" in t for t in texts)
    assert any("完成老旧小区改造" in t for t in texts)


def test_a_task_due_in_a_later_year_is_not_dropped_when_the_next_report_is_silent() -> None:
    from compare import compare_texts
    from compare.model import ChangeKind

    old, new = year_pair("到2035年，实现10分钟抵达高快速路站点。完善社区养老服务网络。", "全区经济平稳运行。")
    c = compare_texts(old, new)
    got = {old[pc.item.span.start:pc.item.span.end]: pc.status for pc in c.plan_checks}
    assert got == {"到2035年，实现10分钟抵达高快速路站点": PlanStatus.UNKNOWN,
                   "完善社区养老服务网络": PlanStatus.NOT_FOUND}
    dropped = [old[r.old.start:r.old.end] for d in c.diffs for r in d.rows if r.kind is ChangeKind.DROPPED and r.old]
    assert dropped == ["完善社区养老服务网络。"]


def test_this_years_step_of_a_several_year_plan_is_judged_this_year() -> None:
    from decimal import Decimal

    # 「计划到2035年完成160个…，今年完成60个以上」: the second figure is due this year, whatever the sentence's horizon
    from compare import compare_texts

    old, new = year_pair("计划到2035年完成160个城中村综合治理，今年完成60个以上。", "完成城中村综合治理72个。")
    got = {old[pc.item.span.start:pc.item.span.end]: (pc.status, pc.actual.value if pc.actual else None)
           for pc in compare_texts(old, new).plan_checks if pc.item.target}
    assert got["今年完成60个以上"] == (PlanStatus.MET, Decimal(72))


def test_a_task_of_a_five_year_part_is_not_due_in_one_year() -> None:
    from compare import compare_texts

    old, new = year_pair("全面建成现代化综合交通枢纽。\n三、“十五五”规划的主要思路及2031年工作安排\n完善社区养老服务网络。",
                         "全区经济平稳运行。", plan_heading="二、今后五年的主要任务")
    got = {old[pc.item.span.start:pc.item.span.end]: pc.status for pc in compare_texts(old, new).plan_checks}
    assert got == {"全面建成现代化综合交通枢纽": PlanStatus.UNKNOWN, "完善社区养老服务网络": PlanStatus.NOT_FOUND}


def test_a_list_of_year_end_levels_is_judged_by_the_totals() -> None:
    from decimal import Decimal

    # 「力争到年底…达78家、…、…超过1000家」: every item of the list is the level at year end, so the
    # new report's 总量 judges it, not what the year added (新增540 against a total of 1000 is no miss)
    from compare import compare_texts

    old, new = year_pair("力争到年底上市公司达60家、国家高新技术企业超过1000家。",
                         "新增国家高新技术企业540家，总量超过1300家。")
    got = {old[pc.item.span.start:pc.item.span.end]: (pc.status, pc.actual.value if pc.actual else None)
           for pc in compare_texts(old, new).plan_checks if pc.item.target}
    assert got["国家高新技术企业超过1000家"] == (PlanStatus.MET, Decimal(1300))


def test_a_net_gain_does_not_judge_a_number_to_add() -> None:
    # 新增商事主体10万户 counts what is added; 净增 counts it less what closed: no outcome of the
    # target, so no "not met" for 6.8万 against 10万
    from compare import compare_texts

    old, new = year_pair("力争新增商事主体10万户。", "净增商事主体6.8万户，总量85.5万户。")
    got = {old[pc.item.span.start:pc.item.span.end]: (pc.status, pc.actual)
           for pc in compare_texts(old, new).plan_checks if pc.item.target}
    assert got["力争新增商事主体10万户"] == (PlanStatus.UNKNOWN, None)


def test_another_kind_of_the_same_thing_does_not_judge_a_target() -> None:
    # 普惠性托育机构 and 省级示范性托育机构 are two kinds of nurseries: one designated model nursery is no
    # outcome of three new affordable ones (a kind on one side only is left to the label scores)
    from compare import compare_texts

    old, new = year_pair("新增普惠性托育机构3家。", "创建省级示范性托育机构1家。")
    got = {old[pc.item.span.start:pc.item.span.end]: (pc.status, pc.actual)
           for pc in compare_texts(old, new).plan_checks if pc.item.target}
    assert got["新增普惠性托育机构3家"] == (PlanStatus.UNKNOWN, None)
    old, new = year_pair("新增普惠性托育机构3家。", "新增普惠性托育机构4家。")
    got = {old[pc.item.span.start:pc.item.span.end]: pc.status
           for pc in compare_texts(old, new).plan_checks if pc.item.target}
    assert got["新增普惠性托育机构3家"] is PlanStatus.MET


@pytest.mark.parametrize(("plan", "review"), [
    ("完成基础设施投资2200亿元。", "发行基础设施领域不动产投资信托基金162.9亿元。"),  # a fund, not the investment
    ("完成固定资产投资100亿元。", "完成审计项目389个，核减政府固定资产投资造价4648万元。"),  # a cost cut by audit
    ("新增体育场地10万平方米。", "人均体育场地面积超2.4平方米。"),  # per head, not a total
    ("光纤入户增加到100万户。", "新增光纤入户30万户。"),  # the level raised to, not what is added
])
def test_an_outcome_of_another_measure_does_not_judge_a_target(plan: str, review: str) -> None:
    from compare import compare_texts

    old, new = year_pair(plan, review)
    got = [(pc.status, pc.actual) for pc in compare_texts(old, new).plan_checks if pc.item.target]
    assert got == [(PlanStatus.UNKNOWN, None)]


def test_an_outcome_given_only_as_a_bound_does_not_settle_a_target() -> None:
    # 「保持在11%以上」 is at least 11 %: it may or may not reach 11.1 %, so neither met nor missed
    from compare import compare_texts, render_html
    from compare.model import ReasonCode

    old, new = year_pair("全社会研发投入占GDP比重不低于11.1%。", "全社会研发投入占GDP比重保持在11%以上。")
    c = compare_texts(old, new)
    (check,) = [pc for pc in c.plan_checks if pc.item.target]
    assert check.status is PlanStatus.UNKNOWN and check.actual is not None
    assert check.reason is not None and check.reason.code is ReasonCode.TARGET_BOUND_ONLY
    assert "本年报告仅表述为11%以上，不足以判断是否达到目标不低于11.1%" in render_html(c)


def test_an_outcome_in_a_run_of_values_of_one_label_does_not_judge_a_target() -> None:
    # 「人均公用经费500元和300元」 does not say which is the primary schools'; the two targets stay unknown
    from compare import compare_texts

    old, new = year_pair("把小学、初中学生人均公用经费分别提高到300元和500元。",
                         "提前一年实现农村中小学生人均公用经费500元和300元的目标。")
    got = [(pc.status, pc.actual) for pc in compare_texts(old, new).plan_checks if pc.item.target]
    assert got == [(PlanStatus.UNKNOWN, None), (PlanStatus.UNKNOWN, None)]


def test_an_outcome_of_the_months_so_far_is_said_so_and_does_not_miss_an_amount() -> None:
    # 1—11月: a growth rate so far stands for the year's (judged, the months shown); an amount so far
    # short of the year's may still reach it (unknown)
    from compare import compare_texts

    old, new = year_pair("固定资产投资增长25%以上。完成工业投资500亿元。",
                         "1—11月，固定资产投资增长17.9%，完成工业投资420亿元。")
    checks = {old[pc.item.span.start:pc.item.span.end]: pc for pc in compare_texts(old, new).plan_checks
              if pc.item.target}
    growth, amount = checks["固定资产投资增长25%以上"], checks["完成工业投资500亿元"]
    assert growth.status is PlanStatus.NOT_MET and growth.reason is not None
    assert growth.reason.get("actual") == "17.9%（1—11月）"
    assert amount.status is PlanStatus.UNKNOWN and amount.actual is not None


def test_a_target_the_new_plan_sets_again_is_carried_over_not_dropped() -> None:
    # no outcome of the 10% growth target, but the new plan sets a growth target of the same indicator:
    # restated, shown with the new target's sentence, and its row is not 'dropped'
    from compare import compare_texts
    from compare.model import ChangeKind, ReasonCode

    old = "一、2030年工作回顾\n全区经济稳步发展。\n二、2031年工作安排\n今年主要预期目标是：地区生产总值增长10%以上。\n"
    new = ("一、2031年工作回顾\n地区生产总值增速继续领跑全市。\n二、2032年工作安排\n"
           "综合考虑各方面因素，今年主要预期目标是：地区生产总值增长8%以上，规模以上工业增加值增长9%。\n")
    c = compare_texts(old, new)
    (check,) = [pc for pc in c.plan_checks if pc.item.target]
    assert check.status is PlanStatus.RESTATED and check.reason is not None
    assert check.reason.code is ReasonCode.TARGET_SET_AGAIN and check.reason.get("again") == "8%以上"
    assert "8%以上" in c.new.text_of(check.evidence[0].span)
    dropped = [r for d in c.diffs for r in d.rows if r.kind is ChangeKind.DROPPED]
    assert dropped == []


def test_one_stage_of_other_works_is_no_outcome() -> None:
    # 开工建设碧道 and 开工建设综合管廊 share a stage, not a thing: no outcome of the greenway target
    from compare import compare_texts

    old, new = year_pair("开工建设碧道40公里以上。", "开工建设综合管廊2.7公里。")
    got = [(pc.status, pc.actual) for pc in compare_texts(old, new).plan_checks if pc.item.target]
    assert got == [(PlanStatus.UNKNOWN, None)]


def test_exports_are_not_the_whole_of_a_thing() -> None:
    # 新能源汽车出口 (exports) is not measured by 新推广新能源汽车 (cars put on the road), nor the reverse
    from compare import compare_texts

    old, new = year_pair("新能源汽车出口30万辆。", "新推广新能源汽车23.9万辆。")
    assert [(pc.status, pc.actual) for pc in compare_texts(old, new).plan_checks if pc.item.target] == [
        (PlanStatus.UNKNOWN, None)]
    old, new = year_pair("新增新能源汽车11.5万辆。", "新能源汽车出口4.2万辆，新推广新能源汽车23.9万辆。")
    got = [(pc.status, pc.actual.label if pc.actual else None) for pc in compare_texts(old, new).plan_checks
           if pc.item.target]
    assert got == [(PlanStatus.MET, "新推广新能源汽车")]


def test_a_sentence_partly_done_is_not_dropped() -> None:
    # the places met, the schools named with them not found: the sentence is not what NEW dropped
    from compare import compare_texts
    from compare.model import ChangeKind

    old, new = year_pair("力争朝阳九年一贯制学校等3所新建学校顺利开学，新增公办学位5850个。",
                         "新增中小学公办学位7200个。")
    c = compare_texts(old, new)
    statuses = sorted(pc.status.value for pc in c.plan_checks)
    assert statuses == ["met", "not_found"]
    kinds = [r.kind for d in c.diffs for r in d.rows if r.old is not None and r.new is None
             and "5850" in c.old.text_of(r.old)]
    assert kinds == [ChangeKind.REMOVED]


@pytest.mark.parametrize(("plan", "review"), [
    ("全年安排帮扶资金24亿元。", "投入财政帮扶资金48亿元。"),  # aid: more than planned is no miss
    ("全年安排九大类民生支出71.4亿元。", "九大类重点民生支出85.6亿元。"),
    ("电子元器件国际交易中心交易额800亿元。", "电子元器件国际交易中心交易额905亿元。"),
    ("会议经费压缩20%，培训经费压缩36%。", "全年压减会议经费31.7%、培训经费43.1%。"),  # a deeper cut
])
def test_more_than_planned_of_an_amount_to_reach_is_met(plan: str, review: str) -> None:
    from compare import compare_texts

    old, new = year_pair(plan, review)
    statuses = [pc.status for pc in compare_texts(old, new).plan_checks if pc.item.target]
    assert statuses and all(s is PlanStatus.MET for s in statuses)
