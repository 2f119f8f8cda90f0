"""A plan item the new plan says again in far fewer words is `restated`, not dropped (issue 17).

The old item and its terse restatement share one distinctive term (rare in both reports) inside a
new plan clause that names a task; a term shared by accident — a stock phrase the old report
repeats, a verb and a common noun, a phrase with 的 — restates nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from compare.followthrough.evidence import check_followthrough
from compare.followthrough.key_terms import KeyTerms
from compare.ingest import source_from_string
from compare.model import ChangeKind, FollowUp, PlanCheck, PlanStatus
from compare.pipeline import compare_texts, followup_files
from compare.structure.parse import parse_report

from conftest import CORPUS, need_shared

OLD = """某市人民政府2030年政府工作报告

一、2029年工作回顾
过去一年，全市经济运行平稳，城市更新稳步推进。

二、2030年工作安排
（一）推动产业升级。加大低效工业园区整合清退和连片改造力度，妥善做好企业搬迁安置和用地收回工作。
（二）改善城市环境。推进城市绿道建设，提升城市绿道品质，完善城市绿道配套。
（三）提升公共服务。加强社区卫生服务中心标准化建设，让群众看病更方便。
"""

NEW = """某市人民政府2031年政府工作报告

一、2030年工作回顾
过去一年，全市经济运行平稳。

二、2031年工作安排
（一）推动产业升级。稳妥推进低效工业园区整合清退。
（二）改善城市环境。实施河湖水系连通工程。
（三）提升公共服务。加强基层医疗队伍建设。
"""


def _check(needle: str) -> PlanCheck:
    old = parse_report(source_from_string(OLD, "2030.txt"))
    new = parse_report(source_from_string(NEW, "2031.txt"))
    hits = [c for c in check_followthrough(old, new) if needle in old.text_of(c.item.span)]
    assert len(hits) == 1, needle
    return hits[0]


def test_a_terse_restatement_in_the_new_plan_is_restated() -> None:
    check = _check("低效工业园区整合清退和连片改造")
    assert check.status == PlanStatus.RESTATED
    assert any("key_term" in e.matched_by for e in check.evidence)


def test_an_item_the_new_plan_does_not_mention_is_not_found() -> None:
    assert _check("社区卫生服务中心").status == PlanStatus.NOT_FOUND


def test_a_terse_restatement_is_not_a_dropped_row() -> None:
    c = compare_texts(OLD, NEW, old_name="2030.txt", new_name="2031.txt")
    dropped = [c.old.text_of(r.old) for d in c.diffs for r in d.rows if r.kind == ChangeKind.DROPPED and r.old]
    assert not any("低效工业园区" in s for s in dropped)
    assert any("社区卫生服务中心" in s for s in dropped)


def _terms(sentences: list[str], old_text: str) -> tuple[KeyTerms, Callable[[int], bool], Callable[[str], float]]:
    return KeyTerms(sentences, old_text), (lambda i: True), (lambda g: 1.0)


def test_a_term_the_old_report_repeats_is_no_key_term() -> None:
    item = "推进城市绿道建设"
    terms, allowed, weight = _terms(["加快城市绿道建设。"], item)
    assert [m.term for m in terms.restatements(item, allowed, weight)] == ["城市绿道"]
    terms, allowed, weight = _terms(["加快城市绿道建设。"], item + "城市绿道。" * 3)  # a stock phrase of the old report
    assert terms.restatements(item, allowed, weight) == []


@pytest.mark.parametrize("clause", ["加强国家安全能力建设。", "切实把宝贵的资金用好。"])
def test_a_verb_with_a_common_noun_or_a_phrase_is_no_key_term(clause: str) -> None:
    item = "加强国家创新体系建设" if "国家" in clause else "把宝贵的资金更多用于民生"
    terms, allowed, weight = _terms([clause], item)
    assert terms.restatements(item, allowed, weight) == []


@cache
def _national() -> FollowUp:
    old_path = need_shared(CORPUS / "cn-state-council-gwr" / "2018.txt")
    new_path = need_shared(CORPUS / "cn-state-council-gwr" / "2019.txt")
    return followup_files(str(old_path), str(new_path))


@pytest.mark.corpus
@pytest.mark.parametrize("term", ["僵尸企业", "人工智能", "精细化服务", "全域旅游"])
def test_national_2018_items_restated_tersely_in_2019(term: str) -> None:
    follow = _national()
    hits = [c for c in follow.plan_checks if term in follow.old.text_of(c.item.span)]
    assert hits and all(c.status == PlanStatus.RESTATED for c in hits), [(c.status, term) for c in hits]
