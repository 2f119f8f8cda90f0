"""The 统计公报 fixture pair typeset as PDFs reads like its .txt: the same ten parts, the same
table rows, the same figures (issue 18: a typeset communiqué lost its parts and three quarters of
its figures). The PDFs are made here from fixtures/zh-statistics (see `_typeset.items_of`)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from _typeset import items_of, typeset

from compare.figures import extract_figures
from compare.ingest import read_bytes, read_source
from compare.model import Report
from compare.structure import parse_report

CASE = Path(__file__).resolve().parents[1] / "fixtures" / "zh-statistics"


@pytest.fixture(scope="module", params=[2022, 2023])
def pair(request: pytest.FixtureRequest) -> tuple[Report, Report]:
    path = CASE / f"{request.param}.txt"
    from_txt = parse_report(read_source(str(path)))
    pdf = typeset(items_of(path.read_text(encoding="utf-8")))
    return from_txt, parse_report(read_bytes(pdf, f"{request.param}.pdf"))


def test_same_parts(pair: tuple[Report, Report]) -> None:
    from_txt, from_pdf = pair
    parts = [s.heading for s in from_txt.sections if s.level == 1 and s.heading]
    assert len(parts) == 10
    assert [s.heading for s in from_pdf.sections if s.level == 1 and s.heading] == parts


def test_same_table_rows(pair: tuple[Report, Report]) -> None:
    from_txt, from_pdf = pair
    rows = [ln for ln in from_txt.source.text.split("\n") if ln.startswith("| ")]
    assert len(rows) == 10 and rows[2].startswith("| 一、食品烟酒 | ")
    assert [ln for ln in from_pdf.source.text.split("\n") if ln.startswith("| ")] == rows


def test_same_figures(pair: tuple[Report, Report]) -> None:
    from_txt, from_pdf = pair
    txt = Counter((f.value, f.unit) for f in extract_figures(from_txt))
    pdf = Counter((f.value, f.unit) for f in extract_figures(from_pdf))
    assert sum(txt.values()) >= 100
    assert pdf == txt, (sorted((txt - pdf).elements()), sorted((pdf - txt).elements()))
