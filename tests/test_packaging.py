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


def test_licence_file_matches_the_declared_licence() -> None:
    declared = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'license = { text = "MIT" }' in declared
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert (REPO / "compare" / "py.typed").is_file()
