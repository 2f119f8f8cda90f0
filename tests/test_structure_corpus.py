"""The real reports beside the repository (../shared): the seed's outline as the issue states it,
the State Council reports' review and plan parts, and no crash or lost text anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.ingest import read_source
from compare.model import Report, Role
from compare.structure.parse import parse_report, uncovered

from conftest import CORPUS, SEED, need_shared

pytestmark = pytest.mark.corpus


def _files(pattern: str) -> list[Path]:
    return sorted(CORPUS.glob(pattern)) if CORPUS.exists() else []


def _parse(path: Path) -> Report:
    return parse_report(read_source(str(need_shared(path))))


def test_seed_outline() -> None:
    r = _parse(SEED)
    tops = [s for s in r.sections if s.level == 1 and s.role is not Role.PREAMBLE]
    assert [s.role for s in tops] == [Role.REVIEW, Role.PROBLEMS, Role.PLAN]
    first = [s for s in r.sections if s.parent == tops[0].id]
    assert len(first) == 9
    assert [s.marker for s in first] == ["一)", "二)", "()", ")", "", "", "", "", ")"]
    assert [s.recovered_marker for s in first[2:]] == ["（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）"]
    assert [s.number for s in first] == list(range(1, 10))
    assert first[2].heading.startswith("深化“放管服”改革")
    assert first[3].heading.startswith("完善依法行政制度体系")
    assert first[8].heading.startswith("强化法治思维")
    assert [s.matched_by for s in first[4:8]] == ["recovered:no_marker"] * 4
    assert all(s.level == 2 for s in first)
    second = [s for s in r.sections if s.parent == tops[1].id]
    third = [s for s in r.sections if s.parent == tops[2].id]
    assert len(second) == 4 and len(third) == 4
    assert (third[-1].marker, third[-1].recovered_marker, third[-1].heading) == (")", "（四）", "提升干部队伍法治建设能力")
    m = r.metadata
    assert (m.issuer, m.year, m.doc_number, m.date) == ("宁德市蕉城区人民政府", 2020, "宁区政文〔2020〕228号", "2020-12-18")
    got = {x.reason for x in r.stripped}
    assert {"metadata_block", "duplicate_metadata", "contact", "page_chrome", "signature", "public_notice"} <= got
    # the contact number is listed as stripped, never left in the body
    body = "".join(r.text_of(p.span) for p in r.paragraphs)
    assert "19959339217" not in body and "扫一扫" not in body and "索 引 号" not in body
    assert uncovered(r) == []


@pytest.mark.parametrize("path", _files("cn-state-council-gwr/*.txt"), ids=lambda p: p.stem)
def test_state_council_review_and_plan_parts(path: Path) -> None:
    r = _parse(path)
    roles = [s.role for s in r.sections if s.level == 1]
    assert Role.REVIEW in roles, [s.heading for s in r.sections if s.level == 1]
    assert Role.PLAN in roles
    # the review comes before the plan in every year, but roles were found by keywords
    assert roles.index(Role.REVIEW) < roles.index(Role.PLAN)
    assert [x.reason for x in r.stripped][-1] == "licence_footer"
    assert "Public domain" not in "".join(r.text_of(p.span) for p in r.paragraphs)


def test_state_council_2019_outline() -> None:
    r = _parse(CORPUS / "cn-state-council-gwr" / "2019.txt")
    tops = [(s.heading, s.role) for s in r.sections if s.level == 1]
    assert tops[1:] == [
        ("2018年工作回顾", Role.REVIEW),
        ("2019年经济社会发展总体要求和政策取向", Role.TARGETS),
        ("2019年政府工作任务", Role.PLAN),
    ]
    plan = next(s for s in r.sections if s.role is Role.PLAN and s.level == 1)
    items = [s for s in r.sections if s.parent == plan.id]
    assert [s.number for s in items] == list(range(1, 11))
    assert r.metadata.year == 2018


@pytest.mark.parametrize("path", _files("*/*.txt"), ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_every_corpus_file_parses_and_loses_nothing(path: Path) -> None:
    r = _parse(path)
    assert r.sections
    assert uncovered(r) == []


def test_budget_speech_procedure_is_stripped() -> None:
    r = _parse(CORPUS / "sg-budget-speech" / "2019.txt")
    assert [s.heading for s in r.sections if s.level == 1] == ["Budget Speech"]
    procedural = [r.text_of(x.span) for x in r.stripped if x.reason == "speaker_procedure"]
    assert any("Mr Speaker" in t for t in procedural)
    assert r.metadata.language == "en" and r.metadata.year == 2019


def test_berkshire_letter_headings_and_page_numbers() -> None:
    r = _parse(CORPUS / "berkshire-letters" / "2015.txt")
    headings = [s.heading for s in r.sections if s.level == 1]
    for h in ("Insurance", "Regulated, Capital-Intensive Businesses", "Investments", "Important Risks",
              "The Annual Meeting"):
        assert h in headings
    # table column headers are not headings
    assert "Company" not in headings and "Percentage of" not in headings
    assert any(x.reason == "page_chrome" and r.text_of(x.span).strip().isdigit() for x in r.stripped)
    assert any(x.reason == "signature" for x in r.stripped)
    assert (r.metadata.issuer, r.metadata.year) == ("Berkshire Hathaway Inc.", 2015)
