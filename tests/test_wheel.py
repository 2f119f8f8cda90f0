"""The built wheel carries the templates: install it into a fresh venv and run `yoy` outside the tree."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_installed_wheel_renders_a_fixture_pair(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(REPO)], tmp_path)
    assert built.returncode == 0, built.stderr
    wheels = list(dist.glob("yoy_compare-*.whl"))
    assert len(wheels) == 1
    with zipfile.ZipFile(wheels[0]) as whl:
        names = whl.namelist()
    assert "compare/py.typed" in names  # type checkers read the package's annotations
    assert any(n.endswith("LICENSE") for n in names)
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    installed = _run([str(py), "-m", "pip", "install", "-q", str(wheels[0])], tmp_path)
    assert installed.returncode == 0, installed.stderr
    work = tmp_path / "elsewhere"
    work.mkdir()
    out = work / "report.html"
    case = FIXTURES / "zh-district"
    ran = _run(
        [str(env_dir / "bin" / "yoy"), "compare", str(case / "2020.txt"), str(case / "2021.txt"), "-o", str(out)],
        work,
    )
    assert ran.returncode == 0, ran.stderr
    html = out.read_text(encoding="utf-8")
    assert "<style>" in html and "<script>" in html
    # the installed package, not the source tree, supplied the templates
    where = _run([str(py), "-c", "from compare.render.environment import templates_dir; print(templates_dir())"], work)
    assert str(env_dir) in where.stdout, where.stdout
