"""Fixtures typeset as PDFs read like their .txt: the same outline, the same table rows, the same
figures (issue 18: a typeset communiqué lost its parts and three quarters of its figures). The
PDFs are made here from fixtures/zh-statistics and fixtures/zh-district (`_typeset.items_of`)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from _typeset import items_of, typeset

from compare.figures.extract import extract_figures
from compare.ingest import read_bytes, read_source
from compare.model import Report
from compare.pipeline import compare_sources
from compare.structure.parse import parse_report

from _formats import make_docx, para

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module", params=["zh-statistics/2022", "zh-district/2020"])
def pair(request: pytest.FixtureRequest) -> tuple[Report, Report]:
    path = FIXTURES / f"{request.param}.txt"
    from_txt = parse_report(read_source(str(path)))
    pdf = typeset(items_of(path.read_text(encoding="utf-8")))
    return from_txt, parse_report(read_bytes(pdf, f"{request.param}.pdf"))


def _rows(report: Report) -> list[str]:
    # ("| | | |" is page chrome of the district fixture, not a row)
    return [ln for ln in report.source.text.split("\n") if ln.startswith("| ") and ln.strip("| ")]


def test_same_outline(pair: tuple[Report, Report]) -> None:
    from_txt, from_pdf = pair
    outline = [(s.id, s.heading, s.marker, s.recovered_marker) for s in from_txt.sections if s.heading]
    assert len([s for s in from_txt.sections if s.level == 1 and s.heading]) in (3, 10)
    assert [(s.id, s.heading, s.marker, s.recovered_marker) for s in from_pdf.sections if s.heading] == outline


def test_same_table_rows(pair: tuple[Report, Report]) -> None:
    from_txt, from_pdf = pair
    rows = _rows(from_txt)
    if "统计公报" in from_txt.source.text:
        assert len(rows) == 10 and rows[2].startswith("| 一、食品烟酒 | ")
    # regression: a line of prose ending in a figure ("…工作 4" / "次,…") was read as a row
    assert _rows(from_pdf) == rows


def test_same_figures(pair: tuple[Report, Report]) -> None:
    from_txt, from_pdf = pair
    txt = Counter((f.value, f.unit) for f in extract_figures(from_txt))
    pdf = Counter((f.value, f.unit) for f in extract_figures(from_pdf))
    assert sum(txt.values()) >= 40
    assert pdf == txt, (sorted((txt - pdf).elements()), sorted((pdf - txt).elements()))


def _docx_of(text: str) -> bytes:
    """The report as a .docx: one paragraph a line, tab-separated lines as a table."""
    body, rows = [], []
    for line in [*text.split("\n"), ""]:
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            body.append("<w:tbl>" + "".join("<w:tr>" + "".join(f"<w:tc>{para(escape(c))}</w:tc>" for c in r)
                                            + "</w:tr>" for r in rows) + "</w:tbl>")
            rows = []
        if line.strip():
            body.append(para(escape(line)))
    return make_docx("".join(body))


def test_pdf_against_docx_pairs_like_txt_against_txt() -> None:
    # issue 18: a typeset PDF and the next year's .docx linked 15 of their figures; read alike,
    # they pair sections and figures as the two texts do
    old_path, new_path = FIXTURES / "zh-statistics" / "2022.txt", FIXTURES / "zh-statistics" / "2023.txt"
    as_text = compare_sources(read_source(str(old_path)), read_source(str(new_path)))
    pdf = read_bytes(typeset(items_of(old_path.read_text(encoding="utf-8"))), "2022.pdf")
    docx = read_bytes(_docx_of(new_path.read_text(encoding="utf-8")), "2023.docx")
    mixed = compare_sources(pdf, docx)
    assert [(p.status, p.old_id, p.new_id) for p in mixed.section_pairs] == [
        (p.status, p.old_id, p.new_id) for p in as_text.section_pairs]
    assert len(as_text.figure_pairs) >= 100
    assert len(mixed.figure_pairs) == len(as_text.figure_pairs)
