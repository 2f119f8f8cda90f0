"""Follow-through on the fixture pairs: every plan item of EXPECTED.md gets its status."""

from __future__ import annotations

from typing import Any

import pytest

from compare.followthrough.evidence import check_followthrough
from compare.ingest import read_source
from compare.model import PlanCheck, Report
from compare.structure.parse import parse_report

from conftest import FIXTURES, expected

CASES = ("zh-district", "en-letters")


def run(case: str) -> tuple[Report, Report, tuple[PlanCheck, ...]]:
    data = expected(case)
    old = parse_report(read_source(str(FIXTURES / case / f"{data['old_year']}.txt")))
    new = parse_report(read_source(str(FIXTURES / case / f"{data['new_year']}.txt")))
    return old, new, check_followthrough(old, new)


def items(case: str) -> list[tuple[str, dict[str, Any]]]:
    return [(case, item) for item in expected(case)["plan_items"]]


@pytest.mark.parametrize(("case", "want"), [p for c in CASES for p in items(c)],
                         ids=lambda v: v["item_starts"][:24] if isinstance(v, dict) else v)
def test_plan_item_status(case: str, want: dict[str, Any]) -> None:
    old, new, checks = run(case)
    hits = [c for c in checks if old.text_of(c.item.span).lstrip("-• ").startswith(want["item_starts"])]
    assert len(hits) == 1, f"{want['item_starts']!r}: {len(hits)} items " \
        f"{[old.text_of(c.item.span) for c in checks]}"
    check = hits[0]
    assert check.item.kind.value == want["kind"]
    assert check.status.value == want["status"], check.reason
    if want["evidence_contains"]:
        texts = [new.text_of(e.span) for e in check.evidence]
        assert any(want["evidence_contains"] in t for t in texts), texts


@pytest.mark.parametrize("case", CASES)
def test_every_item_in_the_old_plan(case: str) -> None:
    old, _, checks = run(case)
    assert len(checks) >= len(expected(case)["plan_items"])
    assert all(c.item.span.end <= len(old.source.text) for c in checks)


def test_followup_page_speaks_chinese_and_marks_evidence_from_the_new_plan() -> None:
    from compare.pipeline import followup_files
    from compare.render.followup import render_followup

    from conftest import FIXTURES

    c = followup_files(str(FIXTURES / "zh-district/2020.txt"), str(FIXTURES / "zh-district/2021.txt"))
    html = render_followup(c, "html")
    assert "90%以上 · 下限" in html and "· floor" not in html
    assert "见于本年计划" in html
