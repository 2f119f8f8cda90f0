"""Figures on our own fixture pairs: every changed figure of EXPECTED.md is extracted and paired."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from compare.align import align_sections
from compare.figures.extract import extract_figures
from compare.figures.match import match_figures
from compare.ingest import read_source
from compare.model import FigurePair, Report
from compare.structure.parse import parse_report

from conftest import FIXTURES, expected

CASES = ("zh-district", "en-letters")


def _reports(case: str) -> tuple[Report, Report, dict[str, Any]]:
    spec = expected(case)
    old = parse_report(read_source(str(FIXTURES / case / f"{spec['old_year']}.txt")))
    new = parse_report(read_source(str(FIXTURES / case / f"{spec['new_year']}.txt")))
    return old, new, spec


def _pairs(old: Report, new: Report) -> tuple[FigurePair, ...]:
    return match_figures(extract_figures(old), extract_figures(new), section_pairs=align_sections(old, new))


@pytest.mark.parametrize("case", CASES)
def test_every_expected_figure_is_extracted_with_its_value(case: str) -> None:
    old, new, spec = _reports(case)
    for side, report in (("old", old), ("new", new)):
        got = {(report.text_of(f.span), f.value) for f in extract_figures(report)}
        missing = [e[side] for e in spec["figures"]
                   if not any(e[side] in text and value == Decimal(e[f"{side}_value"]) for text, value in got)]
        assert missing == [], f"{case} {side}: not extracted {missing}"


@pytest.mark.parametrize("case", CASES)
def test_every_expected_figure_change_is_paired(case: str) -> None:
    old, new, spec = _reports(case)
    pairs = [(old.text_of(p.old.span), new.text_of(p.new.span), p.old.value, p.new.value)
             for p in _pairs(old, new) if p.old and p.new]
    missing = [(e["old"], e["new"]) for e in spec["figures"]
               if not any(e["old"] in o and e["new"] in n and ov == Decimal(e["old_value"])
                          and nv == Decimal(e["new_value"]) for o, n, ov, nv in pairs)]
    assert missing == [], f"{case}: not paired {missing}"


@pytest.mark.parametrize("case", CASES)
def test_not_figures_are_not_taken(case: str) -> None:
    old, new, spec = _reports(case)
    for report in (old, new):
        text = report.source.text
        figs = extract_figures(report)
        for needle in spec["not_figures"]:
            pos = text.find(needle)
            while pos != -1:
                hit = [report.text_of(f.span) for f in figs if pos <= f.span.start < pos + len(needle)]
                assert hit == [], f"{case}: {needle!r} taken as {hit}"
                pos = text.find(needle, pos + 1)
