"""`yoy compare --fail-on`: exit 3 when a listed finding is present, for monitoring jobs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from compare.cli import FAIL_ON_EXIT, main
from compare.findings import Finding, parse_findings, present_findings

from conftest import FIXTURES

OLD = str(FIXTURES / "zh-district" / "2020.txt")
NEW = str(FIXTURES / "zh-district" / "2021.txt")
SAME = "一、主要举措和成效\n（一）加强组织领导。全年办理案件12件。\n二、下一步工作计划\n（一）推进改革。\n"


def test_present_finding_exits_3_after_writing_the_output(tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    result = CliRunner().invoke(main, ["compare", OLD, NEW, "-o", str(out), "--fail-on", "dropped,not_met"])
    assert result.exit_code == FAIL_ON_EXIT == 3
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    assert f"dropped ({summary['changes_dropped']})" in result.stderr
    assert f"not_met ({summary['plan_not_met']})" in result.stderr


def test_absent_findings_exit_0(tmp_path: Path) -> None:
    old, new = tmp_path / "2020.txt", tmp_path / "2021.txt"
    old.write_text(SAME, encoding="utf-8")
    new.write_text(SAME, encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "-o", str(tmp_path / "c.html"),
                                       "--fail-on", "dropped,new_commitment,section_removed,figure_changed"])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "c.html").exists()


def test_unknown_finding_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["compare", OLD, NEW, "-o", str(tmp_path / "c.html"), "--fail-on", "dropd"])
    assert result.exit_code == 2
    assert "unknown finding 'dropd'" in result.stderr
    assert not (tmp_path / "c.html").exists()


def test_every_finding_names_a_summary_count() -> None:
    from compare.pipeline import compare_files
    from compare.render.summary import summary_counts

    summary = summary_counts(compare_files(OLD, NEW))
    assert {f.summary_key for f in Finding} <= set(summary)
    found = present_findings(summary, parse_findings("section_added, figure_new,met,partly"))
    assert [f.value for f, _ in found] == ["section_added", "figure_new", "met", "partly"]
    assert all(n > 0 for _, n in found)
