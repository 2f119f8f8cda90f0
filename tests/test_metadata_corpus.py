"""Metadata, roles and header years on the real series beside the repository (../shared/corpus).

Skips when ../shared is absent. What each series states, read from the files:
- 国务院政府工作报告 2000–2019: only 2017 opens with a title, a date line and the speaker; every year
  says "我代表国务院" in its opening, 15 of 20 call themselves 政府工作报告 there; every plan is for
  the year the report is delivered in (its file name) and says 今年.
- Singapore budget speeches: one "# Budget Speech" title over the whole Hansard text, no headings.
- Berkshire letters: the year reported on, signed early the next year.
"""

from __future__ import annotations

import pytest

from compare.ingest import read_source
from compare.model import Role
from compare.pipeline import compare_files
from compare.render.context import build_context
from compare.structure.parse import parse_report

from conftest import CORPUS, need_shared

GWR = CORPUS / "cn-state-council-gwr"
# years whose opening says only 作报告 / 报告…的工作, without 政府工作
_GWR_UNTITLED = {2001, 2003, 2008}


def _parse(path):  # noqa: ANN001, ANN202
    return parse_report(read_source(str(need_shared(path))))


@pytest.mark.parametrize("year", range(2000, 2020))
def test_work_report_metadata(year: int) -> None:
    m = _parse(GWR / f"{year}.txt").metadata
    assert m.issuer == "国务院"
    assert m.year == year - 1  # the year reported on
    assert (m.plan_year, m.plan_year_is_current) == (year, True)
    assert m.title == (None if year in _GWR_UNTITLED else "政府工作报告")
    assert m.date == ("2017-03-05" if year == 2017 else None)  # no other year states its date


def test_work_report_header_names_the_years_delivered() -> None:
    c = compare_files(str(need_shared(GWR / "2018.txt")), str(GWR / "2019.txt"))
    ctx = build_context(c)
    assert ctx["heading"] == "国务院 2018 → 2019"
    assert ctx["new"]["years"] == "回顾2018年，部署2019年工作"
    assert "2019年报告回顾2018年" in ctx["years_note"]


@pytest.mark.parametrize("year", range(2012, 2026))
def test_budget_speech_title_is_not_a_plan(year: int) -> None:
    r = _parse(CORPUS / "sg-budget-speech" / f"{year}.txt")
    assert all(s.role is not Role.PLAN for s in r.sections)
    assert r.metadata.issuer == "Minister for Finance"  # what the speaker line states
    assert r.metadata.title == "Budget Speech"


def test_budget_speech_header() -> None:
    sg = CORPUS / "sg-budget-speech"
    ctx = build_context(compare_files(str(need_shared(sg / "2018.txt")), str(sg / "2019.txt")))
    assert ctx["heading"] == "Minister for Finance 2018 → 2019"


@pytest.mark.parametrize("year", range(2010, 2022))
def test_berkshire_letters(year: int) -> None:
    r = _parse(CORPUS / "berkshire-letters" / f"{year}.txt")
    m = r.metadata
    assert (m.issuer, m.year, m.plan_year) == ("Berkshire Hathaway Inc.", year, None)
    assert m.date is not None and m.date.startswith(str(year + 1))  # signed early the next year
    roles = {s.heading: s.role for s in r.sections if s.level == 1}
    assert Role.PLAN not in roles.values()  # no part of a letter sets next year's plan
    if "The Year at Berkshire" in roles:
        assert roles["The Year at Berkshire"] is Role.REVIEW


def test_berkshire_header_keeps_the_years_reported_on() -> None:
    bk = CORPUS / "berkshire-letters"
    ctx = build_context(compare_files(str(need_shared(bk / "2019.txt")), str(bk / "2020.txt")))
    assert ctx["heading"] == "Berkshire Hathaway Inc. 2019 → 2020"
    assert ctx["years_note"] == "Years are the years reported on."
