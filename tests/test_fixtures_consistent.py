"""The fixtures agree with their EXPECTED.md, and no fixture text is copied from ../shared.

Every substring an EXPECTED.md json block names must stand in the file it refers to, otherwise the
stage tests built on it would assert against text that does not exist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, expected

CASES = ("zh-district", "en-letters")
KEYS = {
    "old_year", "new_year", "issuer", "old_doc_number", "new_doc_number", "sections",
    "damaged_markers", "figures", "new_commitments", "dropped", "completed", "removed_measures", "reworded",
    "moved_sentences",
    "plan_items", "not_figures", "stripped_reasons_expected",
}
PLAN_STATUSES = {"addressed", "partly", "restated", "not_found", "met", "not_met", "unknown"}
# A passage this long shared with a real report counts as copied (project rule).
COPY_WINDOW = 40
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _texts(case: str) -> tuple[str, str, dict[str, Any]]:
    exp = expected(case)
    old = (FIXTURES / case / f"{exp['old_year']}.txt").read_text(encoding="utf-8")
    new = (FIXTURES / case / f"{exp['new_year']}.txt").read_text(encoding="utf-8")
    return old, new, exp


def _heading_lines(text: str) -> list[str]:
    return [line.strip().lstrip("#").strip() for line in text.splitlines()]


def _heading_present(text: str, heading: str) -> bool:
    return any(line.endswith(heading) and len(line) <= len(heading) + 4 for line in _heading_lines(text))


def _review(text: str) -> str:
    """Everything before the problems part (zh) or the risks section (en)."""
    for marker in ("二、存在问题与短板", "## Risks and Challenges"):
        if marker in text:
            return text[: text.index(marker)]
    raise AssertionError("no problems/risks part")


def _plan(text: str) -> str:
    for marker in ("三、下一步工作计划", "## Priorities for"):
        if marker in text:
            return text[text.index(marker):]
    raise AssertionError("no plan part")


@pytest.mark.parametrize("case", CASES)
def test_json_block_has_the_agreed_keys(case: str) -> None:
    exp = expected(case)
    assert set(exp) == KEYS
    assert exp["new_year"] == exp["old_year"] + 1
    assert set(exp["sections"]) == {"renamed", "moved", "added", "removed"}


@pytest.mark.parametrize("case", CASES)
def test_sections_exist_where_expected(case: str) -> None:
    old, new, exp = _texts(case)
    sec = exp["sections"]
    for o, n in sec["renamed"] + sec["moved"]:
        assert _heading_present(old, o), o
        assert _heading_present(new, n), n
    for o, n in sec["renamed"]:
        assert not _heading_present(new, o) and not _heading_present(old, n)
    for h in sec["added"]:
        assert _heading_present(new, h) and h not in old
    for h in sec["removed"]:
        assert _heading_present(old, h) and h not in new
    # The moved pairs swap places: their order differs between the years.
    (a, _), (b, _) = sec["moved"]
    assert (old.index(a) < old.index(b)) != (new.index(a) < new.index(b))


@pytest.mark.parametrize("case", CASES)
def test_sentence_changes_are_where_they_say(case: str) -> None:
    old, new, exp = _texts(case)
    for s in exp["new_commitments"]:
        assert s in _plan(new) or s in new, s
        assert s not in old
    for s in exp["dropped"] + exp["completed"] + exp["removed_measures"]:
        assert s in old and s not in new
    for s in exp["dropped"] + exp["completed"]:  # old plan items
        assert s in _plan(old), s
    done = [i["item_starts"] for i in exp["plan_items"] if i["status"] in ("addressed", "met")]
    assert all(any(d.startswith(s) or s.startswith(d) for d in done) for s in exp["completed"])
    for o, n in exp["reworded"]:
        assert o in old and n in new and o not in new and n not in old
    for o, n in exp["moved_sentences"]:
        assert old.count(o) == 1 and new.count(n) == 1
    for f in exp["figures"]:
        assert f["old"] in f["old_context"] and f["new"] in f["new_context"], f
        assert old.count(f["old_context"]) == 1, f["old_context"]
        assert new.count(f["new_context"]) == 1, f["new_context"]
        assert f["old_context"] not in new and f["new_context"] not in old, f
    for s in exp["not_figures"]:
        assert s in old or s in new, s
    if exp["old_doc_number"]:
        assert exp["old_doc_number"] in old and exp["new_doc_number"] in new
    assert exp["issuer"] in old and exp["issuer"] in new


@pytest.mark.parametrize("case", CASES)
def test_plan_items_and_evidence(case: str) -> None:
    old, new, exp = _texts(case)
    kinds = {p["status"] for p in exp["plan_items"]}
    assert {"addressed", "partly", "not_found", "met", "not_met", "unknown"} <= kinds
    for p in exp["plan_items"]:
        assert p["status"] in PLAN_STATUSES and p["kind"] in {"commitment", "target"}
        assert _plan(old).count(p["item_starts"]) == 1, p["item_starts"]
        if p["evidence_contains"] is None:
            assert p["status"] in {"not_found", "unknown"}
        else:
            assert p["evidence_contains"] in _review(new), p["evidence_contains"]


def test_damaged_markers_are_written_as_listed() -> None:
    old, new, exp = _texts("zh-district")
    assert exp["damaged_markers"]
    for d in exp["damaged_markers"]:
        assert f"\n  {d['written']}{d['heading_starts']}" in old, d
    for bad in ("\n  二)", "\n  ()", "\n  )"):
        assert bad not in new
    assert old.count("索 引 号") == 2 and new.count("索 引 号") == 1


@pytest.mark.parametrize("case", CASES)
def test_fixture_lengths(case: str) -> None:
    old, new, _ = _texts(case)
    low, high = (3500, 6000) if case == "zh-district" else (2500, 4500)
    for text in (old, new):
        assert low <= len(text) <= high


def test_no_fixture_passage_copied_from_shared() -> None:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is absent: ../shared is not beside this checkout")
    windows: set[str] = set()
    for case in CASES:
        for path in sorted((FIXTURES / case).glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            windows.update(text[i : i + COPY_WINDOW] for i in range(len(text) - COPY_WINDOW + 1))
    holdout = SHARED / "holdout"
    for path in sorted(SHARED.rglob("*")):
        if not path.is_file() or holdout in path.parents or path.suffix.lower() in {".pdf", ".zip", ".gz"}:
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        hits = [w for w in windows if w in text] if len(text) < 2_000_000 else []
        assert not hits, f"{path} shares a {COPY_WINDOW}-character passage with a fixture: {hits[0]!r}"
