"""Targets judged against the same indicator (issue 17): the dev set written by reading.

`fixtures/targets-devset.json` lists, for consecutive pairs of the sz-* and shenzhen-city-gwr
series, the quantitative targets of the old report's plan with what the new report's review says
(met / not_met / none = no stated outcome of the same indicator / doubtful). The tool must agree on
at least 95 % of the targets with a stated outcome, and call met or not_met on at most 5 % of the
targets without one: a wrong met / not met is worse than unknown. Reads ../shared at run time.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import cache
from typing import Any

import pytest

from compare.model import PlanCheck, PlanItemKind, PlanStatus
from compare.pipeline import followup_files

from conftest import CORPUS, FIXTURES, need_shared

pytestmark = pytest.mark.corpus

DEVSET = json.loads((FIXTURES / "targets-devset.json").read_text(encoding="utf-8"))
# issue 17 asks 0.95; main agrees on 103 of 104 (99.0 %): the one miss, 「省创新创业团队和市“孔雀计划”
# 团队10个」 against 「引进省、市创新创业团队10个」, needs to know that 孔雀计划 teams are the city's
# innovation teams, and stays unknown (no wrong call). The floor holds what is reached.
AGREEMENT_MIN = 0.99
FALSE_CALL_MAX = 0.05  # issue 17: met / not_met on targets without a stated outcome
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@cache
def _checks(series: str, old: str, new: str) -> tuple[str, tuple[PlanCheck, ...], str]:
    old_path = need_shared(CORPUS / series / f"{old}.txt")
    new_path = need_shared(CORPUS / series / f"{new}.txt")
    c = followup_files(str(old_path), str(new_path))
    return c.old.source.text, c.plan_checks, c.new.source.text


def _judged(pair: dict[str, Any], target: dict[str, Any]) -> tuple[str, PlanCheck | None]:
    """The tool's status for one dev-set target ("none" when it found no target there)."""
    old_text, checks, _ = _checks(pair["series"], pair["old"], pair["new"])
    quote = target["target"]
    at = old_text.index(quote)
    last = list(_NUMBER.finditer(quote))[-1]
    pos = at + last.start()
    hits = [c for c in checks if c.item.kind == PlanItemKind.TARGET and c.item.target is not None
            and c.item.target.span.start <= pos < c.item.target.span.end]
    if not hits:
        hits = [c for c in checks if c.item.kind == PlanItemKind.TARGET
                and c.item.span.start <= pos < c.item.span.end]
    if not hits:
        return "none", None
    check = hits[0]
    if check.status in (PlanStatus.MET, PlanStatus.NOT_MET):
        return check.status.value, check
    return "none", check


def _agrees(target: dict[str, Any], status: str, check: PlanCheck | None) -> bool:
    if status != target["outcome"]:
        return False
    if check is not None and check.actual is not None and "actual" in target:
        return check.actual.value == Decimal(target["actual"])  # the same indicator's figure
    return True


def _rows() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(p, t) for p in DEVSET["pairs"] for t in p["targets"]]


def test_devset_quotes_are_short_and_in_the_reports() -> None:
    for pair, target in _rows():
        old_text, _, new_text = _checks(pair["series"], pair["old"], pair["new"])
        assert old_text.count(target["target"]) == 1, target
        assert len(target["target"]) <= 30 and len(target.get("quote", "")) <= 30, target
        if target["outcome"] in ("met", "not_met"):
            assert target["quote"] in new_text, target


def test_devset_covers_six_consecutive_pairs() -> None:
    pairs = {(p["series"], p["old"], p["new"]) for p in DEVSET["pairs"]}
    assert len(pairs) >= 6
    assert all(int(new) == int(old) + 1 for _, old, new in pairs)


def test_targets_agree_with_the_devset() -> None:
    stated = [(p, t) for p, t in _rows() if t["outcome"] in ("met", "not_met")]
    silent = [(p, t) for p, t in _rows() if t["outcome"] == "none"]
    wrong: list[str] = []
    for pair, target in stated:
        status, check = _judged(pair, target)
        if not _agrees(target, status, check):
            actual = check.actual.value if check and check.actual else None
            wrong.append(f"{pair['series']} {pair['old']}: {target['target']} want {target['outcome']} "
                         f"{target.get('actual')}, got {status} {actual}")
    false_calls: list[str] = []
    for pair, target in silent:
        status, check = _judged(pair, target)
        if status in ("met", "not_met"):
            false_calls.append(f"{pair['series']} {pair['old']}: {target['target']} got {status} "
                               f"({check.reason if check else ''})")
    agreement = 1 - len(wrong) / len(stated)
    false_rate = len(false_calls) / len(silent)
    assert agreement >= AGREEMENT_MIN and false_rate <= FALSE_CALL_MAX, (
        f"agreement {agreement:.1%} on {len(stated)} stated outcomes, false calls {false_rate:.1%} "
        f"on {len(silent)} without:\n" + "\n".join(wrong + false_calls))
