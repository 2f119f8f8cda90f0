"""The 「新增或删去的章节」 highlights leave out appendix entries: a glossary term added or gone is no
news, and on real district reports such entries were 87 of the 93 sections added or removed."""

from __future__ import annotations

from compare.pipeline import compare_texts
from compare.render.context import build_context

OLD = """某区2021年政府工作报告

一、2020年工作回顾
过去一年，全区地区生产总值增长5%，新建公园三个。

二、2021年主要工作
推进老旧小区改造，完成加装电梯一百台。

附件：名词解释
1.青苗计划：指我区针对青年技能人才实施的培育计划，主要内容包括技能培训、岗位补贴和竞赛奖励等，由区人力资源部门组织实施。
2.口袋公园：指规模较小、形状多样、面向公众开放的小型公园，一般利用城市零散空地建设，方便居民就近休闲。
"""

NEW = """某区2022年政府工作报告

一、2021年工作回顾
过去一年，全区地区生产总值增长6%，加装电梯一百零五台。

二、2022年主要工作
推进城市更新。

三、持续加强政府自身建设
坚持依法行政，推进政务公开。

附件：名词解释
1.城市更新单元：指在城市建成区内，按照规划统筹实施拆除重建或综合整治的一定范围的区域，需编制单元规划并经批准后实施。
2.政务服务一网通办：指依托统一的网上政务服务平台，实现政务服务事项网上申请、网上受理、网上办理和结果网上反馈。
"""


def _section_highlights() -> list[str]:
    ctx = build_context(compare_texts(OLD, NEW, old_name="2021.txt", new_name="2022.txt"))
    group = next(g for g in ctx["highlights"] if g["key"] == "sections")
    return [e["text"] for e in group["entries"]] + ([group["more"]] if group["more"] else [])


def test_glossary_entries_are_not_highlighted_as_sections() -> None:
    shown = _section_highlights()
    assert any("政府自身建设" in t for t in shown), shown  # the new part is news
    assert not any(term in t for t in shown for term in ("青苗", "口袋公园", "城市更新单元", "一网通办")), shown


def test_the_section_counts_say_how_many_are_appendix_entries() -> None:
    c = compare_texts(OLD, NEW, old_name="2021.txt", new_name="2022.txt")
    ctx = build_context(c)
    cards = {card["key"]: card for g in ctx["dashboard"] if g["key"] == "sections" for card in g["cards"]}
    added, removed = cards["added"], cards["removed"]
    # one new part and two new glossary entries; two glossary entries gone (other terms are never
    # one entry renamed): counted, and said to be appendix entries
    assert added["count"] == 3 and added.get("note") == "其中附件条目2", added
    assert removed["count"] == 2 and removed.get("note") == "其中附件条目2", removed
    from compare.render import render_html, render_markdown

    assert "其中附件条目2" in render_html(c) and "其中附件条目2" in render_markdown(c)


def test_the_json_summary_says_how_many_are_appendix_entries() -> None:
    import json

    from compare.render import render_json

    summary = json.loads(render_json(compare_texts(OLD, NEW, old_name="2021.txt", new_name="2022.txt")))["summary"]
    assert (summary["sections_added"], summary["appendix_sections_added"]) == (3, 2)
    assert (summary["sections_removed"], summary["appendix_sections_removed"]) == (2, 2)
    assert summary["sections_renamed"] == 0  # 青苗计划 is not 城市更新单元 renamed


def test_a_glossary_term_defined_anew_is_one_entry() -> None:
    """The same term with a new definition pairs with itself (wherever it stands); another term
    at the same place does not."""
    old = OLD.replace("2.口袋公园：", "2.龙腾计划：指我区制定的壮大企业计划，主要目的是扶持企业做大做强。\n3.口袋公园：")
    new = NEW.replace("1.城市更新单元：", "1.龙腾计划：我区设立的对规模以上工业企业进行分类奖励的计划，每年评定一次。\n2.城市更新单元：")
    c = compare_texts(old, new, old_name="2021.txt", new_name="2022.txt")
    heading = {("old", s.id): s.heading for s in c.old.sections} | {("new", s.id): s.heading for s in c.new.sections}
    pairs = [(heading[("old", p.old_id)][:4], heading[("new", p.new_id)][:4]) for p in c.section_pairs
             if p.old_id and p.new_id and c.old.effective_role(p.old_id).value == "appendix"]
    assert ("龙腾计划", "龙腾计划") in pairs
    assert all(a == b or a == "附件：名" for a, b in pairs), pairs
