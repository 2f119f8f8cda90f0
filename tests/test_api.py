"""The Python API that the CLI wraps: compare strings or files, render three formats, deterministically."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare import Comparison, InputError, compare_files, compare_texts, render

from conftest import FIXTURES

CASES = ["zh-district", "en-letters"]


def _pair(case: str) -> tuple[Path, Path]:
    return FIXTURES / case / "2020.txt", FIXTURES / case / "2021.txt"


@pytest.mark.parametrize("case", CASES)
def test_same_inputs_give_byte_identical_outputs(case: str) -> None:
    old, new = _pair(case)
    first = compare_files(str(old), str(new))
    second = compare_files(str(old), str(new))
    for fmt in ("html", "json", "md"):
        assert render(first, fmt) == render(second, fmt)


@pytest.mark.parametrize("case", CASES)
def test_json_has_the_documented_keys_in_order(case: str) -> None:
    old, new = _pair(case)
    data = json.loads(render(compare_files(str(old), str(new)), "json"))
    assert list(data) == ["schema_version", "old", "new", "summary", "section_pairs", "changes",
                          "figures", "plan_checks"]
    assert data["old"]["year"] == 2020 and data["new"]["year"] == 2021
    assert data["schema_version"] == "1.3"
    for side in ("old", "new"):
        for s in data[side]["sections"]:
            assert set(s) >= {"id", "parent", "level", "heading", "role", "span"}
        for s in data[side]["stripped"]:
            assert set(s) >= {"span", "reason"}
    statuses = {"matched", "renamed", "moved", "split", "merged", "added", "removed"}
    assert all(p["status"] in statuses for p in data["section_pairs"])
    kinds = {"new_commitment", "dropped", "completed", "changed_figure", "reworded", "moved", "added", "removed"}
    assert all(c["kind"] in kinds for c in data["changes"])


def test_compare_texts_returns_a_comparison() -> None:
    c = compare_texts("一、工作回顾\n全年办理案件12件。\n", "一、工作回顾\n全年办理案件15件。\n")
    assert isinstance(c, Comparison)
    assert [p.status.value for p in c.section_pairs][-1] in ("matched", "renamed")
    assert any(r.kind is not None for d in c.diffs for r in d.rows)


def test_a_report_compared_with_itself_has_no_changes() -> None:
    old, _ = _pair("zh-district")
    c = compare_files(str(old), str(old))
    assert [r for d in c.diffs for r in d.rows if r.kind is not None] == []


def test_empty_string_is_an_input_error() -> None:
    with pytest.raises(InputError):
        compare_texts("  \n", "一、工作回顾\n")


@pytest.mark.parametrize("case", CASES)
def test_json_says_where_each_year_was_read_as_the_outline_does(case: str) -> None:
    """Issue 13: a reader of the JSON can tell a year read from a heading from one taken from the
    file name; the same words `yoy outline` shows, beside the year they explain."""
    from compare.pipeline import report_file
    from compare.render.outline import outline_to_dict

    old, new = _pair(case)
    data = json.loads(render(compare_files(str(old), str(new)), "json"))
    for side, path in (("old", old), ("new", new)):
        report = data[side]
        keys = list(report)
        assert keys.index("year_source") == keys.index("year") + 1
        assert keys.index("plan_year_source") == keys.index("plan_year_is_current") + 1
        outline = outline_to_dict(report_file(str(path)))["metadata"]
        assert (report["year_source"], report["plan_year_source"]) == (outline["year_source"],
                                                                       outline["plan_year_source"])
        assert report["year_source"].startswith(("text:", "derived:", "filename"))
        if report["plan_year"] is None:
            assert report["plan_year_source"] == ""
        else:
            assert report["plan_year_source"].startswith(("text:", "derived:"))


def test_a_year_known_only_from_the_file_name_says_so(tmp_path: Path) -> None:
    old, new = tmp_path / "2020.txt", tmp_path / "2021.txt"
    old.write_text("一、基本情况\n推进依法行政。\n", encoding="utf-8")
    new.write_text("一、基本情况\n推进依法行政，加强队伍建设。\n", encoding="utf-8")
    data = json.loads(render(compare_files(str(old), str(new)), "json"))
    assert (data["old"]["year"], data["old"]["year_source"]) == (2020, "filename")
    assert (data["new"]["year"], data["new"]["year_source"]) == (2021, "filename")
