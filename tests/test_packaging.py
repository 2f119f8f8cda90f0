"""What a Python user expects of the package: a cheap import, `python -m compare`, a licence file
matching the declared one, and type information."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

HEAVY = ("numpy", "jinja2", "rapidfuzz", "compare.pipeline", "compare.render")


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)


def test_importing_compare_and_the_cli_loads_no_stage() -> None:
    # `yoy --help` must stay fast: neither the package nor the CLI module imports the pipeline
    ran = _python("import sys, compare, compare.cli; print(','.join(m for m in %r if m in sys.modules))" % (HEAVY,))
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == ""


def test_yoy_help_loads_no_stage() -> None:
    code = ("import sys\nfrom click.testing import CliRunner\nfrom compare.cli import main\n"
            "r = CliRunner().invoke(main, ['--help'])\nassert r.exit_code == 0, r.output\n"
            "print(','.join(m for m in %r if m in sys.modules))" % (HEAVY,))
    ran = _python(code)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == ""


def test_public_names_load_on_first_use() -> None:
    ran = _python("import compare; print(compare.compare_texts.__module__, compare.Comparison.__name__)")
    assert ran.stdout.split() == ["compare.pipeline", "Comparison"], ran.stderr


def test_python_dash_m_compare_runs_the_command() -> None:
    ran = subprocess.run([sys.executable, "-m", "compare", "--help"], cwd=REPO, capture_output=True, text=True,
                         timeout=120)
    assert ran.returncode == 0, ran.stderr
    assert "Usage: yoy" in ran.stdout and "compare" in ran.stdout


# What reading one report never needs: the scorers (rapidfuzz), the page (jinja2), the comparison's
# values, and a temp file when the outline goes to standard output.
_NOT_FOR_ONE_REPORT = ("rapidfuzz", "jinja2", "compare.text.similarity", "compare.comparison", "compare.pipeline",
                       "tempfile", "numpy")


def _outline_loads(report: str, *args: str) -> tuple[str, list[str]]:
    """(stdout of `yoy outline - ARGS` given `report` on stdin, the modules of _NOT_FOR_ONE_REPORT it loaded)."""
    code = ("import io, sys\n"
            f"sys.stdin = io.TextIOWrapper(io.BytesIO({report.encode()!r}))\n"
            f"sys.argv = ['yoy', 'outline', '-', *{list(args)!r}]\n"
            # `run` ends the process itself once the exit hooks have run: the list is printed by one
            "import atexit\n"
            f"atexit.register(lambda: print('LOADED', *(m for m in {_NOT_FOR_ONE_REPORT!r} if m in sys.modules),"
            " file=sys.stderr))\n"
            "from compare.entry import run\n"
            "run()\n")
    ran = _python(code)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout, ran.stderr.split("LOADED", 1)[1].split()


def test_yoy_outline_of_a_headed_report_loads_no_scorer_and_no_page() -> None:
    # issue 16: `yoy outline` starts as fast as `yoy --help` plus reading; a report with headings
    # is never segmented into topics, so nothing of the comparison loads (text and JSON outline)
    report = "一、总体要求\n推进依法行政。\n二、主要任务\n（一）完善制度。\n"
    for args in ((), ("--format", "json")):
        out, loaded = _outline_loads(report, *args)
        assert "主要任务" in out and loaded == [], (args, loaded)


def test_yoy_outline_of_a_speech_without_headings_segments_it() -> None:
    # the one outline that needs the scorers: topics are found by lexical cohesion
    out, loaded = _outline_loads(_speech(2020), "--format", "json")
    assert "topic:" in out and "rapidfuzz" in loaded and "jinja2" not in loaded, out


def test_licence_file_matches_the_declared_licence() -> None:
    declared = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'license = { text = "MIT" }' in declared
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert (REPO / "compare" / "py.typed").is_file()


# A budget speech without headings: 48 paragraphs on four subjects, so that the structure stage
# segments it into topics (structure.topics), the one path that once needed numpy.
_SPEECH_TOPICS = (
    ("schools", "teachers", "classrooms", "pupils", "curriculum", "universities"),
    ("hospitals", "nurses", "clinics", "patients", "vaccines", "eldercare"),
    ("railways", "buses", "roads", "commuters", "stations", "cycling"),
    ("exporters", "factories", "startups", "tariffs", "investors", "productivity"),
)


def _speech(year: int) -> str:
    paragraphs = [f"Budget Statement {year}"]
    for k, words in enumerate(_SPEECH_TOPICS):
        for n in range(12):
            a, b, c = words[n % 6], words[(n + 1) % 6], words[(n + 3) % 6]
            paragraphs.append(f"In {year} we will spend {n + k + 2} billion dollars on {a} and {b}, "
                              f"because {c} and {a} need steady support over the next {n + 3} years.")
    return "\n\n".join(paragraphs) + "\n"


def test_a_full_comparison_imports_no_numpy() -> None:
    # numpy's import alone costs about a tenth of a second; align and topic segmentation use
    # plain Python instead, so no comparison (Chinese, English, a heading-less speech) loads it
    code = f"""
import sys
from compare import compare_files, compare_texts
from compare.render import render
runs = [compare_files(r"{REPO}/fixtures/zh-district/2020.txt", r"{REPO}/fixtures/zh-district/2021.txt"),
        compare_files(r"{REPO}/fixtures/en-letters/2020.txt", r"{REPO}/fixtures/en-letters/2021.txt"),
        compare_texts({_speech(2019)!r}, {_speech(2020)!r})]
for c in runs:
    for fmt in ("html", "json", "md", "csv"):
        render(c, fmt)
topics = sum(s.matched_by.startswith("topic:") for s in runs[2].new.sections)
print(topics, "numpy" in sys.modules)
"""
    ran = _python(code)
    assert ran.returncode == 0, ran.stderr
    topics, numpy_loaded = ran.stdout.split()
    assert int(topics) >= 2 and numpy_loaded == "False", ran.stdout
