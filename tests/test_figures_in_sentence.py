"""Figures read in sentences, through `yoy figures --format json` (issue 19).

Each case of fixtures/numerals/cn2an_cases.json["issue19"]["in_sentence"] is one invented
sentence and the figures a reader sees in it: value (sign kept), unit, a change or a level,
floor / ceiling / about, what it measures, its kind, period kind and scope; sentences that only
name things (8号线二期, 第十四届, 十四五, 20条措施) state no figure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from compare.cli import main

from conftest import FIXTURES

SENTENCES: list[dict[str, Any]] = json.loads(
    (FIXTURES / "numerals" / "cn2an_cases.json").read_text(encoding="utf-8"))["issue19"]["in_sentence"]


def _figures(tmp_path: Path, text: str) -> list[dict[str, Any]]:
    path = tmp_path / "report.txt"
    path.write_text(text + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["figures", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return list(json.loads(result.output)["figures"])


@pytest.mark.parametrize("case", SENTENCES, ids=lambda c: c["text"][:16])
def test_sentence_reads_right(tmp_path: Path, case: dict[str, Any]) -> None:
    got = _figures(tmp_path, case["text"])
    if not case["figures"]:
        assert got == [], [g["text"] for g in got]
        return
    for want in case["figures"]:
        same = [g for g in got if g["text"] == want["written"]]
        assert same, f"{want['written']} not read; read {[g['text'] for g in got]}"
        fig = same[0]
        for key, value in want.items():
            if key == "written":
                continue
            if key == "label_has":
                assert value in fig["label"], (want["written"], fig["label"])
            else:
                assert fig.get(key, "<missing>") == value, (want["written"], key, fig.get(key, "<missing>"))
