"""Section alignment over the whole tree: statuses, ties by position, pair order, symmetry."""

from __future__ import annotations

from compare.align import align_sections
from compare.ingest import source_from_string
from compare.model import PairStatus, Report, SectionPair
from compare.structure.parse import parse_report

REVIEW = ("全面推行行政执法公示制度，执法全过程记录制度和重大执法决定法制审核制度，"
          "全年办理行政复议案件一百二十件，纠错率明显提高。")
PEOPLE = ("深入开展普法宣传进社区、进学校、进企业活动，建设法治文化公园三处，"
          "举办领导干部学法讲座十二场，群众法治意识持续增强。")
PROBLEM = "基层执法队伍力量不足，执法人员专业素质参差不齐，执法规范化水平有待提高。"
PLAN = "下一步将加强执法队伍培训，完善执法考核评价机制，推进执法信息平台建设。"
CITY = "城市管理领域综合执法改革稳步推进，占道经营和违法建设得到有效治理，市容明显改观。"


def report(text: str, name: str = "r") -> Report:
    return parse_report(source_from_string(text, name))


def by_ids(pairs: tuple[SectionPair, ...], old: Report, new: Report) -> dict[tuple[str | None, str | None], PairStatus]:
    return {(p.old_id and old.section(p.old_id).heading, p.new_id and new.section(p.new_id).heading): p.status
            for p in pairs}


def named(pairs: tuple[SectionPair, ...], old: Report, new: Report) -> list[tuple[str | None, str | None, PairStatus]]:
    """Pairs as (old heading, new heading, status); ids depend on the structure stage, headings do not."""
    return [(p.old_id and old.section(p.old_id).heading, p.new_id and new.section(p.new_id).heading, p.status)
            for p in pairs]


def check_rule(pairs: tuple[SectionPair, ...], old: Report, new: Report) -> None:
    """Every section in exactly one pair, except the shared side of split / merged pairs."""
    for side, rep in (("old", old), ("new", new)):
        for s in rep.sections:
            mine = [p for p in pairs if (p.old_id if side == "old" else p.new_id) == s.id]
            assert mine, f"{side} {s.id} in no pair"
            if len(mine) > 1:
                shared = PairStatus.SPLIT if side == "old" else PairStatus.MERGED
                assert all(p.status == shared for p in mine), (side, s.id, mine)


def test_year_in_heading_is_normalised_and_children_are_paired() -> None:
    old = report(f"一、2019年工作回顾\n（一）依法行政\n{REVIEW}\n（二）普法宣传\n{PEOPLE}\n二、存在问题\n{PROBLEM}\n")
    new = report(f"一、2020年工作回顾\n（一）依法行政\n{REVIEW}\n（二）普法宣传\n{PEOPLE}\n二、存在问题\n{PROBLEM}\n")
    pairs = align_sections(old, new)
    assert named(pairs, old, new) == [
        ("2019年工作回顾", "2020年工作回顾", PairStatus.MATCHED), ("依法行政", "依法行政", PairStatus.MATCHED),
        ("普法宣传", "普法宣传", PairStatus.MATCHED), ("存在问题", "存在问题", PairStatus.MATCHED),
    ]
    assert all(p.score > 0.9 for p in pairs)


def test_renamed_section_keeps_its_content() -> None:
    old = report(f"一、主要举措和成效\n{REVIEW}\n二、存在问题\n{PROBLEM}\n")
    new = report(f"一、法治政府建设推进情况\n{REVIEW}\n二、存在问题\n{PROBLEM}\n")
    got = by_ids(align_sections(old, new), old, new)
    assert got[("主要举措和成效", "法治政府建设推进情况")] == PairStatus.RENAMED
    assert got[("存在问题", "存在问题")] == PairStatus.MATCHED


def test_moved_added_and_removed_sections() -> None:
    old = report(f"一、行政执法\n{REVIEW}\n二、普法宣传\n{PEOPLE}\n三、城市管理\n{CITY}\n")
    new = report(f"一、普法宣传\n{PEOPLE}\n二、行政执法\n{REVIEW}\n三、下一步工作计划\n{PLAN}\n")
    pairs = align_sections(old, new)
    check_rule(pairs, old, new)
    got = by_ids(pairs, old, new)
    # two parts swapped places: one of them is moved (the larger one stays in place)
    assert {got[("普法宣传", "普法宣传")], got[("行政执法", "行政执法")]} == {PairStatus.MATCHED, PairStatus.MOVED}
    assert got[("城市管理", None)] == PairStatus.REMOVED
    assert got[(None, "下一步工作计划")] == PairStatus.ADDED
    # new order, a removed section right after its old predecessor's pair
    assert [(o, n) for o, n, _ in named(pairs, old, new)] == [
        ("普法宣传", "普法宣传"), ("城市管理", None), ("行政执法", "行政执法"), (None, "下一步工作计划")]


def test_split_and_merged_sections() -> None:
    old = report(f"一、工作回顾\n{REVIEW}\n{PEOPLE}\n二、存在问题\n{PROBLEM}\n")
    new = report(f"一、依法行政\n{REVIEW}\n二、普法宣传\n{PEOPLE}\n三、存在问题\n{PROBLEM}\n")
    pairs = align_sections(old, new)
    check_rule(pairs, old, new)
    assert named(pairs, old, new) == [
        ("工作回顾", "依法行政", PairStatus.SPLIT), ("工作回顾", "普法宣传", PairStatus.SPLIT),
        ("存在问题", "存在问题", PairStatus.MATCHED),
    ]
    back = align_sections(new, old)  # the same alignment read the other way is a merge
    check_rule(back, new, old)
    assert named(back, new, old) == [
        ("依法行政", "工作回顾", PairStatus.MERGED), ("普法宣传", "工作回顾", PairStatus.MERGED),
        ("存在问题", "存在问题", PairStatus.MATCHED),
    ]


def test_repeated_stock_headings_pair_by_position_not_first_match() -> None:
    body = "加强组织领导，压实工作责任，确保各项任务落到实处。"
    old = report(f"一、行政执法\n（一）工作措施\n{body}\n二、普法宣传\n（一）工作措施\n{body}\n")
    new = report(f"一、行政执法\n（一）工作措施\n{body}\n二、普法宣传\n（一）工作措施\n{body}\n")
    pairs = align_sections(old, new)
    pos_old = {s.id: k for k, s in enumerate(old.sections)}
    pos_new = {s.id: k for k, s in enumerate(new.sections)}
    assert [(pos_old[p.old_id], pos_new[p.new_id], p.status) for p in pairs if p.old_id and p.new_id] == [
        (k, k, PairStatus.MATCHED) for k in range(4)]


def test_children_of_different_parents_pair_across_parents_when_identical() -> None:
    old = report(f"一、工作回顾\n（一）城市管理\n{CITY}\n（二）依法行政\n{REVIEW}\n二、存在问题\n{PROBLEM}\n")
    new = report(f"一、工作回顾\n（一）依法行政\n{REVIEW}\n二、存在问题\n{PROBLEM}\n（一）城市管理\n{CITY}\n")
    pairs = align_sections(old, new)
    check_rule(pairs, old, new)
    cross = [p for p in pairs if p.matched_by.startswith("content:cross-parent")]
    assert [(o, n, st) for o, n, st in named(tuple(cross), old, new)] == [("城市管理", "城市管理", PairStatus.MOVED)]
    assert new.section(cross[0].new_id).parent != old.section(cross[0].old_id).parent


def test_swapping_old_and_new_keeps_the_pairs() -> None:
    old = report(f"一、行政执法\n{REVIEW}\n二、普法宣传\n{PEOPLE}\n三、城市管理\n{CITY}\n")
    new = report(f"一、普法宣传\n{PEOPLE}\n二、法治政府建设推进情况\n{REVIEW}\n三、下一步工作计划\n{PLAN}\n")
    fwd = {(p.old_id, p.new_id, p.status) for p in align_sections(old, new)}
    flip = {PairStatus.ADDED: PairStatus.REMOVED, PairStatus.REMOVED: PairStatus.ADDED,
            PairStatus.SPLIT: PairStatus.MERGED, PairStatus.MERGED: PairStatus.SPLIT}
    back = {(p.new_id, p.old_id, flip.get(p.status, p.status)) for p in align_sections(new, old)}
    assert fwd == back


def test_alignment_is_deterministic() -> None:
    old = report(f"一、行政执法\n{REVIEW}\n二、普法宣传\n{PEOPLE}\n")
    new = report(f"一、普法宣传\n{PEOPLE}\n二、行政执法\n{REVIEW}\n")
    assert align_sections(old, new) == align_sections(old, new)


# --- the fixtures' deliberate section changes (fixtures/*/EXPECTED.md) ---------------------------

import pytest  # noqa: E402

from conftest import FIXTURES, expected  # noqa: E402

CASES = ["zh-district", "en-letters"]


def fixture_pairs(case: str) -> tuple[Report, Report, tuple[SectionPair, ...]]:
    folder = FIXTURES / case
    if not (folder / "EXPECTED.md").exists():
        pytest.skip(f"fixtures/{case} has not landed")
    years = sorted(folder.glob("*.txt"))
    old = parse_report(source_from_string(years[0].read_text("utf-8"), years[0].name))
    new = parse_report(source_from_string(years[1].read_text("utf-8"), years[1].name))
    return old, new, align_sections(old, new)


@pytest.mark.parametrize("case", CASES)
def test_fixture_section_changes_are_found_with_the_right_status(case: str) -> None:
    old, new, pairs = fixture_pairs(case)
    check_rule(pairs, old, new)
    rows = named(pairs, old, new)
    want = expected(case)["sections"]
    for old_head, new_head in want["renamed"]:
        assert any(o and n and old_head in o and new_head in n and st == PairStatus.RENAMED for o, n, st in rows), \
            (old_head, new_head, rows)
    moved = [st for old_head, new_head in want["moved"] for o, n, st in rows
             if o and n and old_head in o and new_head in n]
    assert len(moved) == len(want["moved"]) and PairStatus.MOVED in moved, moved
    for head in want["added"]:
        assert [st for o, n, st in rows if n and head in n] == [PairStatus.ADDED]
    for head in want["removed"]:
        assert [st for o, n, st in rows if o and head in o] == [PairStatus.REMOVED]


@pytest.mark.parametrize("case", CASES)
def test_fixture_headings_that_only_renumber_or_change_year_are_not_renamed(case: str) -> None:
    old, new, pairs = fixture_pairs(case)
    from compare.text.similarity import normalise_heading
    for o, n, st in named(pairs, old, new):
        if o and n and normalise_heading(o) == normalise_heading(n):
            assert st in (PairStatus.MATCHED, PairStatus.MOVED), (o, n, st)
