"""The 统计公报 fixture pair agrees with its EXPECTED.md, and ingest reads its tables as rows."""

from __future__ import annotations

import pytest

from compare.ingest import read_source
from compare.structure.parse import parse_report

from conftest import FIXTURES, expected

CASE = "zh-statistics"


def _text(year: int) -> str:
    return (FIXTURES / CASE / f"{year}.txt").read_text(encoding="utf-8")


def test_expected_strings_stand_in_their_files() -> None:
    exp = expected(CASE)
    old, new = _text(exp["old_year"]), _text(exp["new_year"])
    for fig in exp["figures"]:
        assert fig["old"] in old and fig["new"] in new, fig
    for s in exp["new_sentences"]:
        assert s in new and s not in old
    for s in exp["dropped_sentences"]:
        assert s in old and s not in new
    assert exp["titles"][0] in old and exp["titles"][1] in new
    assert old.count(exp["issuer"]) == 1 and new.count(exp["issuer"]) == 1


def test_ten_parts_and_the_price_table_as_rows() -> None:
    exp = expected(CASE)
    for k, year in enumerate((exp["old_year"], exp["new_year"])):
        src = read_source(str(FIXTURES / CASE / f"{year}.txt"))
        rows = [ln for ln in src.text.split("\n") if ln.startswith("| ")]
        assert len(rows) == exp["table_rows_per_year"]
        parts = [s.heading for s in parse_report(src).sections if s.level == 1 and s.heading]
        assert parts == [p.split("|")[min(k, p.count("|"))] for p in exp["parts"]]


def test_no_passage_copied_from_shared() -> None:
    # the project rule, as tests/test_fixtures_consistent.py checks it for the other cases
    from test_fixtures_consistent import COPY_WINDOW, SHARED

    if not SHARED.exists():
        pytest.skip(f"{SHARED} is absent: ../shared is not beside this checkout")
    windows: set[str] = set()
    for path in [*sorted((FIXTURES / CASE).glob("*.txt")), FIXTURES / "formats" / "county_report.html"]:
        text = path.read_text(encoding="utf-8")
        windows.update(text[i : i + COPY_WINDOW] for i in range(len(text) - COPY_WINDOW + 1))
    holdout = SHARED / "holdout"
    for path in sorted(SHARED.rglob("*")):
        if not path.is_file() or holdout in path.parents or path.suffix.lower() in {".pdf", ".zip", ".gz"}:
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        hits = [w for w in windows if w in text] if len(text) < 2_000_000 else []
        assert not hits, f"{path} shares a {COPY_WINDOW}-character passage with a fixture: {hits[0]!r}"


def test_every_part_is_statistics_and_the_pair_has_no_plan() -> None:
    # issue 18 item 5 (structure): a communiqué is recognised; its parts give no plan items and
    # no commitments; title, issuer, year and date come from its title block
    from compare import compare_files
    from compare.model import ChangeKind

    exp = expected(CASE)
    for year, title, date in zip((exp["old_year"], exp["new_year"]), exp["titles"], exp["dates"]):
        r = parse_report(read_source(str(FIXTURES / CASE / f"{year}.txt")))
        assert {s.role.value for s in r.sections if s.level == 1 and s.heading} == {exp["role_of_every_part"]}
        m = r.metadata
        assert (m.title, m.issuer, m.year, m.year_source, m.date) == (title, exp["issuer"], year, "text:title", date)
    c = compare_files(str(FIXTURES / CASE / f"{exp['old_year']}.txt"), str(FIXTURES / CASE / f"{exp['new_year']}.txt"))
    assert len(c.plan_checks) == exp["plan_items"]
    assert not any(row.kind is ChangeKind.NEW_COMMITMENT for d in c.diffs for row in d.rows)
    renamed = [(c.old.section(p.old_id).heading, c.new.section(p.new_id).heading)
               for p in c.section_pairs if p.status.value == "renamed" and p.old_id and p.new_id]
    assert renamed == [tuple(x) for x in exp["sections"]["renamed"]]
