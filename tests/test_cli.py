"""What a user of `yoy compare` sees: outputs, exit codes, one-line errors, no leftover files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli import main

OLD = "一、主要举措和成效\n（一）加强组织领导。全年办理案件12件。\n二、下一步工作计划\n（一）推进改革。\n"
NEW = "一、主要举措和成效\n（一）加强组织领导。全年办理案件15件。\n二、下一步工作计划\n（一）推进改革。\n（二）完善制度。\n"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "2020.txt"
    new = tmp_path / "2021.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_html_output_file_is_self_contained(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    code, _, err = run("compare", str(pair[0]), str(pair[1]), "-o", str(out))
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "http://" not in html and "https://" not in html
    assert "<link" not in html
    assert "15件" in html


def test_format_from_extension_and_flag(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    assert run("compare", str(pair[0]), str(pair[1]), "-o", str(out))[0] == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"]
    for key in ("old", "new", "section_pairs", "changes", "figures", "plan_checks"):
        assert key in data
    code, stdout, _ = run("compare", str(pair[0]), str(pair[1]), "--format", "md")
    assert code == 0 and stdout.startswith("# ")


def test_stdin_is_read_for_dash(pair: tuple[Path, Path]) -> None:
    code, stdout, err = run("compare", "-", str(pair[1]), "--format", "json",
                            input=OLD.encode("gb18030"))
    assert code == 0, err
    data = json.loads(stdout)
    assert data["old"]["path"] == "-"
    assert data["old"]["encoding"] == "gb18030"


BAD_INPUTS = {
    "missing": None,
    "empty": b"",
    "whitespace": b" \n\t\r\n  \xe3\x80\x80\n",
    "png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "undecodable": bytes([0x80, 0xFF, 0xFE, 0x81, 0x30]) * 50,
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS) + ["directory"])
def test_bad_input_gives_one_line_and_exit_1(case: str, pair: tuple[Path, Path], tmp_path: Path) -> None:
    bad = tmp_path / f"bad-{case}.txt"
    if case == "directory":
        bad.mkdir()
    elif BAD_INPUTS[case] is not None:
        bad.write_bytes(BAD_INPUTS[case])  # type: ignore[arg-type]
    out = tmp_path / "out.html"
    code, stdout, stderr = run("compare", str(bad), str(pair[1]), "-o", str(out))
    assert code == 1
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    assert str(bad) in lines[0]
    assert "Traceback" not in stderr + stdout
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".yoy-")] == []


def test_failed_run_keeps_previous_output(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("previous", encoding="utf-8")
    code, _, _ = run("compare", str(tmp_path / "nope.txt"), str(pair[1]), "-o", str(out))
    assert code == 1
    assert out.read_text(encoding="utf-8") == "previous"


def test_usage_error_is_exit_2(pair: tuple[Path, Path]) -> None:
    assert run("compare", str(pair[0]))[0] == 2
    assert run("compare", str(pair[0]), str(pair[1]), "--format", "pdf")[0] == 2


def test_missing_output_folder_is_one_line(pair: tuple[Path, Path], tmp_path: Path) -> None:
    code, _, stderr = run("compare", str(pair[0]), str(pair[1]), "-o", str(tmp_path / "no" / "r.html"))
    assert code == 1 and stderr.startswith("Error: ") and len(stderr.strip().splitlines()) == 1


def test_help_has_an_example() -> None:
    code, stdout, _ = run("compare", "--help")
    assert code == 0 and "yoy compare 2020.txt 2021.txt" in stdout


def test_output_file_gets_the_users_usual_file_mode(pair: tuple[Path, Path], tmp_path: Path) -> None:
    # a report is made to be shared: not the 0600 of a temporary file
    import os
    old_mask = os.umask(0o022)
    try:
        out = tmp_path / "report.html"
        code, _, err = run("compare", str(pair[0]), str(pair[1]), "-o", str(out))
    finally:
        os.umask(old_mask)
    assert code == 0, err
    assert out.stat().st_mode & 0o777 == 0o644


def test_reports_of_two_issuers_warn_but_still_compare(tmp_path: Path) -> None:
    # picking another district's report by mistake is easy: say so on stderr and on the page
    head = "{name}关于{year}年法治政府建设情况的报告\n一、主要举措和成效\n（一）加强组织领导。全年办理案件12件。\n"
    tail = "\n{name}\n{year}年12月20日\n"
    old = tmp_path / "a.txt"
    new = tmp_path / "b.txt"
    old.write_text(head.format(name="甲市乙区人民政府", year=2020) + tail.format(name="甲市乙区人民政府", year=2020),
                   encoding="utf-8")
    new.write_text(head.format(name="丙市丁区人民政府", year=2021) + tail.format(name="丙市丁区人民政府", year=2021),
                   encoding="utf-8")
    out = tmp_path / "r.md"
    code, _, err = run("compare", str(old), str(new), "-o", str(out))
    assert code == 0
    assert "different issuers" in err and "甲市乙区人民政府" in err and "丙市丁区人民政府" in err
    assert "发布单位不同" in out.read_text(encoding="utf-8")


def test_reports_of_one_issuer_do_not_warn(pair: tuple[Path, Path], tmp_path: Path) -> None:
    code, _, err = run("compare", str(pair[0]), str(pair[1]), "-o", str(tmp_path / "r.md"))
    assert code == 0 and err == ""
