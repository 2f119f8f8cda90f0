"""`yoy batch`: discovery, one page per consecutive pair, series pages, the index, failed rows, resume."""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from series_inputs import small_batch_folder

from compare.batch import discover_inputs, run_batch
from compare.batch.work import one_line
from compare.cli import main
from compare.series.adapter import CompareError, read_report

from conftest import CORPUS, need_shared


def _rows(csv_text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_text)))


# ------------------------------------------------------------------ discovery


def test_folder_labels_order_and_non_reports(tmp_path: Path) -> None:
    for name in ("2021b.txt", "2020.txt", "2021a.txt", "2022.html", "SOURCE.md", "notes.txt"):
        (tmp_path / "a" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "a" / name).write_text("x", encoding="utf-8")
    (tmp_path / "a" / "raw").mkdir()
    (tmp_path / "a" / "raw" / "2019.txt").write_text("x", encoding="utf-8")
    found = discover_inputs(str(tmp_path))
    assert [(i.issuer, i.label) for i in found.inputs] == [("a", "2020"), ("a", "2021a"), ("a", "2021b"),
                                                            ("a", "2022")]
    assert any("notes.txt" in w for w in found.warnings)  # a report-like file without a year is named
    assert not any("SOURCE.md" in w for w in found.warnings)


def test_one_issuers_folder_is_taken_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "qingxi"
    folder.mkdir()
    for name in ("2020.txt", "2021.txt"):
        (folder / name).write_text("x", encoding="utf-8")
    assert [(i.issuer, i.label) for i in discover_inputs(str(folder)).inputs] == [("qingxi", "2020"),
                                                                                   ("qingxi", "2021")]


def test_manifest_paths_are_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "r").mkdir()
    manifest = tmp_path / "m.csv"
    manifest.write_text("issuer,year,path\n北区,2021,r/b.txt\n北区,2020,r/a.txt\nsouth/x,2020,r/c.txt\n",
                        encoding="utf-8")
    found = discover_inputs(str(manifest))
    assert [(i.issuer, i.label, Path(i.path).name) for i in found.inputs] == [
        ("south/x", "2020", "c.txt"), ("北区", "2020", "a.txt"), ("北区", "2021", "b.txt")]


def test_bad_manifest_line_is_one_error(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("issuer,year,path\nA,twenty,a.txt\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(manifest), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.count("Error:") == 1 and "line 2" in result.stderr


# ------------------------------------------------------------------ a small batch


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    root = small_batch_folder(tmp_path_factory.mktemp("in"), with_corpus=False)
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["batch", str(root), "-o", str(out), "--json", "--jobs", "2"])
    return root, out, result


def test_every_pair_page_series_and_index_written(small: tuple[Path, Path, object]) -> None:
    _, out, _ = small
    for name in ("qingxi/2020-2021.html", "qingxi/2021-2022.html", "qingxi/2020-2021.json", "qingxi/series.html",
                 "northwind/2020-2021.html", "index.html", "index.csv"):
        assert (out / name).is_file(), name
    assert not (out / "northwind" / "series.html").exists()  # two good years make no series
    assert (out / "qingxi" / "series.html").read_text(encoding="utf-8").count('href="2020-2021.html"') == 1


def test_failed_inputs_are_rows_and_the_exit_code_says_so(small: tuple[Path, Path, object]) -> None:
    _, out, result = small
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert result.stderr.count("Error:") == 1 and "2 of" in result.stderr  # type: ignore[attr-defined]
    rows = _rows((out / "index.csv").read_text(encoding="utf-8"))
    failed = [(r["issuer"], r["kind"], r["old"]) for r in rows if r["status"] == "failed"]
    assert failed == [("northwind", "input", "2022"), ("qingxi", "input", "2019")]
    for r in rows:
        assert "\n" not in r["error"] and (r["status"] == "failed") == bool(r["error"])
    assert "empty" in next(r for r in rows if r["old"] == "2022" and r["kind"] == "input")["error"]


def test_index_counts_are_the_pairwise_summary(small: tuple[Path, Path, object]) -> None:
    import json

    _, out, _ = small
    rows = _rows((out / "index.csv").read_text(encoding="utf-8"))
    row = next(r for r in rows if r["issuer"] == "qingxi" and r["old"] == "2020" and r["kind"] == "pair")
    summary = json.loads((out / "qingxi" / "2020-2021.json").read_text(encoding="utf-8"))["summary"]
    assert int(row["new_commitments"]) == summary["changes_new_commitment"] > 0
    assert int(row["dropped"]) == summary["changes_dropped"]
    assert int(row["changed_figures"]) == summary["figures_changed"]
    assert int(row["plan_addressed"]) == summary["plan_addressed"]
    assert row["href"] == "qingxi/2020-2021.html"
    html = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="qingxi/2020-2021.html"' in html and "http://" not in html and "https://" not in html


def test_resume_skips_up_to_date_pairs_and_force_redoes_them(tmp_path: Path) -> None:
    root = small_batch_folder(tmp_path / "in", with_corpus=False)
    out = tmp_path / "out"
    first = run_batch(str(root), str(out), jobs=1)
    assert (first.computed, first.skipped) == (3, 0)
    index = (out / "index.csv").read_text(encoding="utf-8")
    second = run_batch(str(root), str(out), jobs=1)
    assert (second.computed, second.skipped) == (0, 3)
    assert (out / "index.csv").read_text(encoding="utf-8") == index
    # a newer input: only its two pairs are compared again
    later = os.stat(out / "qingxi" / "2020-2021.html").st_mtime + 10
    os.utime(root / "qingxi" / "2021.txt", (later, later))
    third = run_batch(str(root), str(out), jobs=1)
    assert (third.computed, third.skipped) == (2, 1)
    assert run_batch(str(root), str(out), jobs=1, force=True).computed == 3


def test_resume_redoes_pairs_that_other_code_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outputs made by another version of the tool (an upgrade: other findings, an older JSON
    schema) are not up to date, however new their files are."""
    import json

    from compare.batch import work

    root = small_batch_folder(tmp_path / "in", with_corpus=False)
    out = tmp_path / "out"
    assert run_batch(str(root), str(out), jobs=1).computed == 3
    row = out / ".yoy-cache" / "qingxi" / "2020-2021.row.json"
    assert json.loads(row.read_text(encoding="utf-8"))["version"] == work.made_by()
    monkeypatch.setattr(work, "made_by", lambda: "1:an-upgraded-tool")
    again = run_batch(str(root), str(out), jobs=1)
    assert (again.computed, again.skipped) == (3, 0)
    assert json.loads(row.read_text(encoding="utf-8"))["version"] == "1:an-upgraded-tool"
    assert run_batch(str(root), str(out), jobs=1).skipped == 3


def test_made_by_changes_with_the_code(tmp_path: Path) -> None:
    from compare.batch import work

    assert work.made_by().startswith(f"{work.CACHE_VERSION}:")
    code = tmp_path / "compare"
    shutil.copytree(Path(work.__file__).parents[1], code)
    before = work.tree_digest([code])
    (code / "__pycache__").mkdir(exist_ok=True)
    (code / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"bytecode")
    assert work.tree_digest([code]) == before  # compiling changes nothing
    diff = code / "diff.py"
    diff.write_text(diff.read_text(encoding="utf-8") + "\n# a local change\n", encoding="utf-8")
    assert work.tree_digest([code]) != before


def test_quiet_and_no_tty_print_no_progress(tmp_path: Path) -> None:
    root = small_batch_folder(tmp_path / "in", with_corpus=False)
    shutil.rmtree(root / "qingxi")
    result = CliRunner().invoke(main, ["batch", str(root), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert "ETA" not in result.stderr and "[" not in result.stderr  # no progress bar without a terminal
    assert "1 pairs compared, 0 up to date" in result.stderr
    quiet = CliRunner().invoke(main, ["batch", str(root), "-o", str(tmp_path / "out"), "--jobs", "1", "-q"])
    assert quiet.stderr.startswith("Error: 1 of 2 rows failed") and quiet.stderr.count("\n") == 1  # the empty 2022


def test_progress_bar_counts_pairs(tmp_path: Path) -> None:
    from compare.batch.progress import Progress

    stream = io.StringIO()
    root = small_batch_folder(tmp_path / "in", with_corpus=False)
    run_batch(str(root), str(tmp_path / "out"), jobs=1, progress=Progress(enabled=True, stream=stream))
    assert "3/3 pairs" in stream.getvalue()


@pytest.mark.corpus
def test_page_chrome_only_file_is_a_failed_row_whenever_the_pipeline_refuses_it(tmp_path: Path) -> None:
    folder = need_shared(CORPUS / "sz-pingshan-gwr")
    issuer = tmp_path / "in" / "pingshan"
    issuer.mkdir(parents=True)
    for name in ("2021.txt", "2021-pagechrome-only.txt", "2022.txt"):
        shutil.copyfile(folder / name, issuer / name)
    try:
        read_report(str(issuer / "2021-pagechrome-only.txt"))
        refused = None
    except CompareError as exc:
        refused = one_line(exc)
    result = run_batch(str(tmp_path / "in"), str(tmp_path / "out"), jobs=1)
    inputs = [r for r in result.rows if r.kind == "input"]
    pairs = [(r.old, r.new, r.status) for r in result.rows if r.kind == "pair"]
    if refused is not None:  # the structure stage refuses it: one failed row, the chain goes around it
        assert [(r.old, r.status, r.error) for r in inputs] == [("2021-pagechrome-only", "failed", refused)]
        assert pairs == [("2021", "2022", "ok")]
    else:  # accepted today: compared like any other report, nothing lost
        assert inputs == []
        assert [p[2] for p in pairs] == ["ok", "ok"]


def test_index_escapes_what_came_from_file_names_and_errors() -> None:
    from compare.batch.index import render_index_csv, render_index_html
    from compare.batch.work import Row

    hostile = '<script>alert(1)</script> & "q"'
    rows = [Row(issuer=hostile, kind="input", old="2020", new="", status="failed", error=hostile, href=""),
            Row(issuer=hostile, kind="pair", old="2020", new="2021", status="ok", error="", href='a"b/2020-2021.html')]
    html = render_index_html(rows)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="a&#34;b/2020-2021.html"' in html
    assert _rows(render_index_csv(rows))[0]["error"] == hostile


def test_series_page_of_a_batch_warns_on_a_second_issuer(tmp_path: Path) -> None:
    root = small_batch_folder(tmp_path / "in", with_corpus=False)
    third = root / "qingxi" / "2022.txt"
    third.write_text(third.read_text(encoding="utf-8").replace("青溪区", "白沙区"), encoding="utf-8")
    run_batch(str(root), str(tmp_path / "out"), jobs=1)
    page = (tmp_path / "out" / "qingxi" / "series.html").read_text(encoding="utf-8")
    assert "more than one issuer" in page and "白沙区" in page


def _die(_: object) -> object:
    os._exit(7)  # a worker killed mid-task (as by the out-of-memory killer)


def test_a_dead_worker_is_a_failed_row_and_the_pool_goes_on() -> None:
    from compare.batch.runner import PoolRunner

    runner = PoolRunner(1)
    try:
        dead = runner.submit(_die, None)
        results = []
        while runner.pending():
            results.extend(runner.wait_any())
        assert [(h is dead, exc is not None) for h, _, exc in results] == [(True, True)]
        again = runner.submit(abs, -3)  # the broken pool is replaced
        assert runner.wait_any() == [(again, 3, None)]
    finally:
        runner.close()
