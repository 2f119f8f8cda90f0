"""What a user of `yoy outline` sees: the tree with recovered markers, metadata, stripped text."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from compare.cli import main

REPORT = """\
标题 某区人民政府关于2030年工作情况的报告

一、主要举措和成效

一)加强组织领导

1.建立专班。每月调度一次。

()推进依法决策

1.规范程序。全部经过审查。

二、下一步工作计划

（一）深化改革。推进事项下放。

某区人民政府

2030年12月20日

（联系人：赵六  电话：13900000000）
"""


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_text_outline(tmp_path: Path) -> None:
    f = tmp_path / "2030.txt"
    f.write_text(REPORT, encoding="utf-8")
    code, out, err = run("outline", str(f))
    assert code == 0, err
    assert "issuer:     某区人民政府" in out
    assert "year:       2030" in out
    lines = out.splitlines()
    review = next(ln for ln in lines if "主要举措和成效" in ln)
    assert "<review>" in review and "[L1]" in review
    item = next(ln for ln in lines if "加强组织领导" in ln)
    assert "一) → （一）" in item and "recovered:lost_left_paren" in item and "[L2]" in item
    assert "() → （二）" in next(ln for ln in lines if "推进依法决策" in ln)
    assert any(ln.strip().startswith("contact") and "13900000000" in ln for ln in lines)
    assert any(ln.strip().startswith("signature") for ln in lines)


def test_json_outline_from_stdin() -> None:
    code, out, err = run("outline", "-", "--format", "json", input=REPORT)
    assert code == 0, err
    data = json.loads(out)
    assert data["schema_version"] == "1.0"
    assert data["metadata"]["year"] == 2030
    secs = {s["id"]: s for s in data["sections"]}
    assert secs["s1.2"]["recovered_marker"] == "（二）" and secs["s1.2"]["number"] == 2
    assert secs["s2"]["role"] == "plan"
    assert [x["reason"] for x in data["stripped"]] == ["metadata_block", "signature", "signature", "contact"]
    # same input, same bytes
    assert run("outline", "-", "--format", "json", input=REPORT)[1] == out


def test_missing_file_is_one_error_line(tmp_path: Path) -> None:
    code, out, err = run("outline", str(tmp_path / "nope.txt"))
    assert code == 1
    assert out == ""
    assert err.count("Error:") == 1 and "nope.txt" in err


def test_bad_format_is_a_usage_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(REPORT, encoding="utf-8")
    assert run("outline", str(f), "--format", "html")[0] == 2
