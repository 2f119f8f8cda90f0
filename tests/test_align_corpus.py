"""Alignment and diff on real reports in ../shared (skipped when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.diff import unaccounted
from compare.model import Comparison, PairStatus
from compare.pipeline import compare_files

from conftest import CORPUS, SEED, need_shared

pytestmark = pytest.mark.corpus

GWR = CORPUS / "cn-state-council-gwr"


def _compare(old: Path, new: Path) -> Comparison:
    return compare_files(str(need_shared(old)), str(need_shared(new)))


def _kinds(c: Comparison) -> list[tuple[str, tuple[int, int] | None, tuple[int, int] | None]]:
    return sorted(
        (r.kind.value, r.old and (r.old.start, r.old.end), r.new and (r.new.start, r.new.end))
        for d in c.diffs for r in d.rows if r.kind is not None
    )


def test_gwr_2018_2019_review_targets_and_tasks_pair_with_each_other() -> None:
    c = _compare(GWR / "2018.txt", GWR / "2019.txt")
    top = {(c.old.section(p.old_id).heading, c.new.section(p.new_id).heading)
           for p in c.section_pairs if p.old_id and p.new_id
           and c.old.section(p.old_id).level == 1 and c.new.section(p.new_id).level == 1}
    def find(old_word: str, new_word: str) -> bool:
        return any(old_word in o and new_word in n for o, n in top)
    assert find("工作回顾", "工作回顾")
    assert find("总体要求", "总体要求")
    assert find("政府工作的建议", "政府工作任务")
    # nothing else at the top pairs a review with a plan
    assert not find("工作回顾", "任务") and not find("建议", "回顾")


def test_gwr_2018_2019_plan_items_pair_by_topic() -> None:
    c = _compare(GWR / "2018.txt", GWR / "2019.txt")
    pairs = {(c.old.section(p.old_id).heading[:6], c.new.section(p.new_id).heading[:6])
             for p in c.section_pairs if p.old_id and p.new_id and c.old.section(p.old_id).level == 2}
    for old_head, new_head in (("扎实推进区域", "促进区域协调"), ("推动形成全面", "推动全方位对"),
                               ("提高保障和改", "加快发展社会")):
        assert (old_head, new_head) in pairs, pairs


@pytest.mark.parametrize("series,old,new", [
    ("cn-state-council-gwr", 2017, 2018), ("cn-state-council-gwr", 2018, 2019),
    ("berkshire-letters", 2019, 2020), ("sg-budget-speech", 2018, 2019),
])
def test_every_character_of_real_pairs_is_accounted_for(series: str, old: int, new: int) -> None:
    c = _compare(CORPUS / series / f"{old}.txt", CORPUS / series / f"{new}.txt")
    assert unaccounted(c) == ()
    for d in c.diffs:  # and no character is in two rows
        for side in ("old", "new"):
            spans = sorted(getattr(r, side) for r in d.rows if getattr(r, side) is not None)
            assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


@pytest.mark.parametrize("path", [GWR / "2019.txt", CORPUS / "berkshire-letters" / "2020.txt", SEED])
def test_a_real_report_compared_with_itself_has_no_changes(path: Path) -> None:
    c = _compare(path, path)
    assert _kinds(c) == []
    assert all(p.status == PairStatus.MATCHED for p in c.section_pairs)
    assert unaccounted(c) == ()


def test_swapping_a_real_pair_swaps_the_kinds() -> None:
    fwd = _compare(GWR / "2018.txt", GWR / "2019.txt")
    back = _compare(GWR / "2019.txt", GWR / "2018.txt")
    # one-sided rows swap sides; which one-sided kind they get is not symmetric (issue 17: dropped
    # and completed come from the old plan's follow-through)
    side = {"added": "new_only", "new_commitment": "new_only", "removed": "old_only", "dropped": "old_only",
            "completed": "old_only"}
    flip = {"new_only": "old_only", "old_only": "new_only"}
    assert sorted((side.get(k, k), o, n) for k, o, n in _kinds(fwd)) == sorted(
        (flip[side[k]] if k in side else k, n, o) for k, o, n in _kinds(back))
    assert {(p.old_id, p.new_id) for p in fwd.section_pairs} == {(p.new_id, p.old_id) for p in back.section_pairs}
