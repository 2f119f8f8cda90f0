"""`yoy compare` on a PDF and a .docx just works; a bad one gives one line and exit code 1."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from compare.cli import main

from _formats import layout, make_docx, make_pdf, para

OLD = ["一、主要举措和成效", "全年共办理行政复议案件二十四件，同比增长百分之十二。", "二、下一步工作计划", "推进执法信息平台建设。"]
NEW = ["一、主要举措和成效", "全年共办理行政复议案件三十七件，同比增长百分之九。", "二、下一步工作计划", "推进执法信息平台建设。"]


def test_pdf_against_docx(tmp_path: Path) -> None:
    old = tmp_path / "2020.pdf"
    new = tmp_path / "2021.docx"
    old.write_bytes(make_pdf(layout(OLD, chars=30, per_page=30)))
    new.write_bytes(make_docx("".join(para(p) for p in NEW)))
    out = tmp_path / "c.json"
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["old"]["kind"] == "pdf" and data["new"]["kind"] == "docx"
    assert [r["reason"] for r in data["old"]["removed_by_reader"]] == ["pdf_page_number"]
    assert any("三十七件" in (c["new_text"] or "") for c in data["changes"])


def test_damaged_docx_one_line_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "2021.docx"
    bad.write_bytes(make_docx(para("全年办理案件。"))[:200])
    good = tmp_path / "2020.txt"
    good.write_text("一、主要举措和成效\n全年办理案件。\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["compare", str(good), str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {bad}: ") and result.stderr.count("\n") == 1
    assert not out.exists()


def test_pdf_from_stdin(tmp_path: Path) -> None:
    new = tmp_path / "2021.txt"
    new.write_text("\n".join(NEW) + "\n", encoding="utf-8")
    pdf = make_pdf(layout(OLD, chars=30, per_page=30))
    result = CliRunner().invoke(main, ["compare", "-", str(new), "--format", "json"], input=pdf)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["old"]["kind"] == "pdf"
