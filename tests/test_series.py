"""`yoy series`: reports ordered by their years, figures chained into trends, commitment lineage,
targets and structure over the years; JSON, Markdown and a self-contained, escaped HTML page."""

from __future__ import annotations

import json
import random
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from series_inputs import fixture_years

from compare.cli import main
from compare.series import FLAG_YEARS, build_series, render_series, series_files, series_to_dict
from compare.series.facts import (
    DocInfo,
    FigureFact,
    FigureLink,
    PairFacts,
    PlanFact,
    PlanItemFact,
    SectionFact,
    SectionLink,
    facts_from_dict,
    facts_to_dict,
)

from conftest import CORPUS, need_shared

# ------------------------------------------------------------------ hand-made facts: exact chaining


def _doc(year: int) -> DocInfo:
    return DocInfo(f"{year}.txt", "青溪区人民政府", year, None, False, "报告", "zh")


def _fig(start: int, value: str, label: str = "办理案件") -> FigureFact:
    return FigureFact(start, start + 3, f"{value}件", label, Decimal(value), "件", "", "", "year", Decimal(value), "件")


def _item(start: int, text: str, kind: str = "commitment") -> PlanItemFact:
    return PlanItemFact(start, start + len(text), text, kind)


def _check(item: PlanItemFact, status: str, restated: tuple[int, int] | None) -> PlanFact:
    return PlanFact(item, status, "", None, None, "", restated, 0.9 if restated else 0.0)


def _facts(i: int, *, figures: tuple[FigureLink, ...], plan: tuple[PlanFact, ...],
           new_plan: tuple[PlanItemFact, ...]) -> PairFacts:
    secs = (SectionFact("s1", None, 1, "主要举措", "review"), SectionFact("s2", None, 1, "下一步工作计划", "plan"))
    return PairFacts(_doc(2020 + i), _doc(2021 + i), (("figures_changed", 1),), figures, plan, new_plan, secs, secs,
                     (SectionLink("s1", "s1", "matched"), SectionLink("s2", "s2", "matched")))


def _three_pairs() -> list[PairFacts]:
    # the figure at offset 10 of each year is one measure; offset 50 in 2021 starts a second one
    a, b, c = _item(100, "推进改革"), _item(200, "推进改革"), _item(300, "推进改革")
    d = _item(400, "推进改革")
    x = _item(120, "完善制度")
    return [
        _facts(0, figures=(FigureLink(_fig(10, "12"), _fig(10, "15"), 0.9),),
               plan=(_check(a, "partly", (200, 204)), _check(x, "addressed", None)), new_plan=(b,)),
        _facts(1, figures=(FigureLink(_fig(10, "15"), _fig(10, "18"), 0.9),
                           FigureLink(_fig(50, "3", "新增制度"), _fig(50, "4", "新增制度"), 0.8)),
               plan=(_check(b, "not_found", (300, 304)),), new_plan=(c,)),
        _facts(2, figures=(FigureLink(_fig(10, "18"), _fig(10, "20"), 0.9),),
               plan=(_check(c, "partly", (400, 404)),), new_plan=(d,)),
    ]


def test_figures_chain_across_consecutive_pairs() -> None:
    s = build_series(_three_pairs(), ["2020", "2021", "2022", "2023"])
    first = s.trends[0]
    assert [p.text if p else None for p in first.points] == ["12件", "15件", "18件", "20件"]
    assert (first.first, first.last, first.length) == (0, 3, 4)
    second = s.trends[1]
    assert [p.text if p else None for p in second.points] == [None, "3件", "4件", None]


def test_a_commitment_restated_in_every_plan_is_flagged() -> None:
    s = build_series(_three_pairs(), ["2020", "2021", "2022", "2023"])
    flagged = [c for c in s.lineage if c.flagged]
    assert len(flagged) == 1
    row = flagged[0]
    assert row.text == "推进改革" and row.stated == (0, 1, 2, 3) and row.done is None
    assert row.outcome.value == "never"
    assert [c.review for c in row.cells] == [None, "partly", "not_found", "partly"]
    done = next(c for c in s.lineage if c.text == "完善制度")
    assert done.outcome.value == "done" and done.done == 1 and not done.flagged
    assert FLAG_YEARS == 3


def test_restatement_below_the_flag_is_not_flagged() -> None:
    pairs = _three_pairs()[:1] + [_facts(1, figures=(), plan=(_check(_item(200, "推进改革"), "not_found", None),),
                                         new_plan=())]
    s = build_series(pairs, ["2020", "2021", "2022"])
    row = next(c for c in s.lineage if c.text == "推进改革")
    assert row.stated == (0, 1) and not row.flagged and row.outcome.value == "never"


def test_structure_rows_follow_section_pairs() -> None:
    s = build_series(_three_pairs(), ["2020", "2021", "2022", "2023"])
    assert [[c.heading if c else None for c in r.cells] for r in s.structure] == [
        ["主要举措"] * 4, ["下一步工作计划"] * 4]


def test_facts_survive_the_json_round_trip() -> None:
    for f in _three_pairs():
        assert facts_from_dict(json.loads(json.dumps(facts_to_dict(f)))) == f


def test_hostile_text_is_escaped_and_the_page_is_self_contained() -> None:
    hostile = '<script>alert(1)</script> & "q" </style>'
    pairs = _three_pairs()
    pairs[0] = _facts(0, figures=(FigureLink(_fig(10, "12", hostile), _fig(10, "15", hostile), 0.9),),
                      plan=(_check(_item(100, hostile), "partly", (200, 204)),), new_plan=(_item(200, hostile),))
    s = build_series(pairs, ["2020", "2021", "2022", "2023"], warnings=[hostile])
    html = render_series(s, "html")
    assert "<script" not in html  # the series page needs no script at all
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "<svg" in html and "<polyline" in html
    md = render_series(s, "md")
    assert "<script>" not in md
    assert render_series(s, "json") == render_series(s, "json")


# ------------------------------------------------------------------ our fixtures, through the CLI


def test_cli_writes_html_json_md_in_year_order(tmp_path: Path) -> None:
    files = fixture_years(tmp_path / "in")
    shuffled = [str(files[2]), str(files[0]), str(files[1])]
    out = tmp_path / "out"
    out.mkdir()
    runner = CliRunner()
    for ext in ("html", "json", "md"):
        result = runner.invoke(main, ["series", *shuffled, "-o", str(out / f"series.{ext}"), "--jobs", "1"])
        assert result.exit_code == 0, result.stderr
    data = json.loads((out / "series.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == "1.0"
    assert [y["label"] for y in data["years"]] == ["2020", "2021", "2022"]
    assert [Path(y["path"]).name for y in data["years"]] == ["2020.txt", "2021.txt", "2022.txt"]
    for key in ("figure_trends", "commitments", "targets", "structure", "pairs"):
        assert key in data
    assert (out / "series.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (out / "series.md").read_text(encoding="utf-8").startswith("# ")
    # the 2022 plan repeats the 2021 plan: its items are restated there
    assert any(c["stated"] == ["2021", "2022"] for c in data["commitments"])


def test_pairwise_pages_written_alongside_are_linked(tmp_path: Path) -> None:
    files = fixture_years(tmp_path)
    (tmp_path / "2020-2021.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    s = series_files([str(f) for f in files], pages_dir=str(tmp_path))
    assert [p.href for p in s.pairs] == ["2020-2021.html", None]
    assert 'href="2020-2021.html"' in render_series(s, "html")


def test_same_output_whatever_the_argument_order(tmp_path: Path) -> None:
    files = [str(f) for f in fixture_years(tmp_path)]
    one = render_series(series_files(files), "json")
    two = render_series(series_files(list(reversed(files))), "json")
    assert one == two


def test_fewer_than_three_reports_is_one_error_line(tmp_path: Path) -> None:
    files = fixture_years(tmp_path)
    result = CliRunner().invoke(main, ["series", str(files[0]), str(files[1]), "-o", str(tmp_path / "s.html")])
    assert result.exit_code == 1
    assert result.stderr.count("Error:") == 1 and "3 or more" in result.stderr
    assert not (tmp_path / "s.html").exists()


def test_a_second_issuer_and_a_missing_year_are_warned(tmp_path: Path) -> None:
    files = fixture_years(tmp_path)
    other = tmp_path / "2023.txt"
    other.write_text(files[2].read_text(encoding="utf-8").replace("青溪区", "白沙区"), encoding="utf-8")
    undated = tmp_path / "notes.txt"
    undated.write_text("一、工作情况\n做了一些工作。\n二、下一步计划\n继续推进改革。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["series", *map(str, files), str(other), str(undated), "--format", "json",
                                       "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    assert "more than one issuer" in result.stderr
    assert "notes.txt: no year found" in result.stderr
    data = json.loads(result.stdout)
    assert data["years"][-1]["path"].endswith("notes.txt")  # placed last


# ------------------------------------------------------------------ real series (../shared/corpus)

NATIONAL = [str(CORPUS / "cn-state-council-gwr" / f"{y}.txt") for y in range(2010, 2020)]


@pytest.fixture(scope="module")
def national() -> dict[str, object]:
    need_shared(CORPUS / "cn-state-council-gwr")
    files = NATIONAL[:]
    random.Random(15).shuffle(files)
    return series_to_dict(series_files(files, jobs=2))


@pytest.mark.corpus
def test_national_reports_are_ordered_by_their_year(national: dict[str, object]) -> None:
    years = national["years"]  # type: ignore[index]
    assert [y["label"] for y in years] == [str(y) for y in range(2010, 2020)]  # type: ignore[index]
    assert [Path(y["path"]).name for y in years] == [f"{y}.txt" for y in range(2010, 2020)]  # type: ignore[index]


@pytest.mark.corpus
def test_gdp_growth_target_is_one_trend_over_five_years_or_more(national: dict[str, object]) -> None:
    trends = national["figure_trends"]  # type: ignore[index]
    gdp = [t for t in trends if t["label"] == "国内生产总值增长"]  # type: ignore[index]
    years = [y["label"] for y in national["years"]]  # type: ignore[index]
    # the national target as the reports set it, year after year (6.5%左右 for 2018), and apart
    # from it the growth reached, as each report tells the year before (6.9% in 2017)
    target = max((t for t in gdp if (t["values"][years.index("2018")] or {}).get("qualifier") == "左右"),
                 key=lambda t: sum(v is not None for v in t["values"]))
    assert sum(v is not None for v in target["values"]) >= 5
    by_year = dict(zip(years, target["values"]))
    assert by_year["2018"]["value"] == "6.5" and by_year["2013"]["value"] == "7.5"
    reached = max((t for t in gdp if (t["values"][years.index("2018")] or {}).get("value") == "6.9"),
                  key=lambda t: sum(v is not None for v in t["values"]))
    by_year = dict(zip(years, reached["values"]))
    assert sum(v is not None for v in reached["values"]) >= 5
    # the 2011 report recalls 2010 in its plan part (「过去一年，…国内生产总值增长10.3%」): reached, not aimed at
    assert by_year["2011"]["value"] == "10.3" and by_year["2012"]["value"] == "9.2"


@pytest.mark.corpus
def test_commitments_restated_in_three_consecutive_plans_are_found(national: dict[str, object]) -> None:
    labels = [y["label"] for y in national["years"]]  # type: ignore[index]
    flagged = [c for c in national["commitments"] if c["flagged"]]  # type: ignore[index]
    assert flagged
    for c in flagged:
        positions = [labels.index(y) for y in c["stated"]]
        assert len(positions) >= 3 and positions == list(range(positions[0], positions[0] + len(positions)))
        assert c["done"] is None
    # one an inspector would recognise: the support for Chinese medicine is in every plan
    assert any("中医药" in c["text"] and len(c["stated"]) >= 3 for c in flagged)


@pytest.mark.corpus
def test_targets_over_the_years_have_met_outcomes(national: dict[str, object]) -> None:
    targets = national["targets"]  # type: ignore[index]
    statuses = [c["status"] for r in targets for c in r["cells"] if c]  # type: ignore[index]
    assert "met" in statuses
    labels = [y["label"] for y in national["years"]]  # type: ignore[index]
    gdp = next(r for r in targets if r["label"] == "国内生产总值增长")  # type: ignore[index]
    cell_2018 = gdp["cells"][labels.index("2018")]
    assert cell_2018["target"].startswith("6.5%") and cell_2018["actual"] == "6.6%" and cell_2018["status"] == "met"


@pytest.mark.corpus
def test_yantian_all_years_page_json_markdown(tmp_path: Path) -> None:
    folder = need_shared(CORPUS / "sz-yantian-gwr")
    files = sorted(str(p) for p in folder.glob("*.txt"))
    s = series_files(files, jobs=2)
    assert len(s.years) == len(files) >= 10
    html = render_series(s, "html")
    assert html.startswith("<!DOCTYPE html>") and "http://" not in html and "https://" not in html
    assert render_series(s, "html") == html  # deterministic
    data = json.loads(render_series(s, "json"))
    assert data["issuer"] and len(data["pairs"]) == len(files) - 1
    assert any(sum(v is not None for v in t["values"]) >= 5 for t in data["figure_trends"])
    assert any(c["flagged"] for c in data["commitments"])
    assert render_series(s, "md").count("\n| ") > 20


def test_byte_identical_under_any_hash_seed(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    files = [str(f) for f in fixture_years(tmp_path)]
    code = ("import sys; from compare.series import series_files, render_series; "
            "s = series_files(sys.argv[1:]); sys.stdout.write(render_series(s, 'html') + render_series(s, 'json'))")
    outs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outs.add(subprocess.run([sys.executable, "-c", code, *files], env=env, capture_output=True, check=True).stdout)
    assert len(outs) == 1
