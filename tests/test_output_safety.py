"""`-o` never destroys an input, never replaces a device, and leaves no temp file when stopped."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli import main

from conftest import FIXTURES

OLD = FIXTURES / "zh-district" / "2020.txt"
NEW = FIXTURES / "zh-district" / "2021.txt"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "2020.txt", tmp_path / "2021.txt"
    shutil.copy(OLD, old)
    shutil.copy(NEW, new)
    return old, new


@pytest.mark.parametrize("command", ["compare", "followup"])
def test_output_onto_an_input_is_refused(pair: tuple[Path, Path], command: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = pair
    before = new.read_bytes()
    monkeypatch.chdir(new.parent)
    for target in (str(new), "./2021.txt", "2021.txt"):
        result = CliRunner().invoke(main, [command, str(old), str(new), "-o", target])
        assert result.exit_code == 1
        assert "also an input" in result.output
        assert new.read_bytes() == before


def test_output_onto_an_input_through_a_link_is_refused(pair: tuple[Path, Path]) -> None:
    old, new = pair
    link = new.parent / "latest.html"
    link.symlink_to(new)
    before = new.read_bytes()
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "-o", str(link)])
    assert result.exit_code == 1
    assert new.read_bytes() == before and link.is_symlink()


def test_figures_output_onto_its_input_is_refused(pair: tuple[Path, Path]) -> None:
    old, _ = pair
    before = old.read_bytes()
    result = CliRunner().invoke(main, ["figures", str(old), "-o", str(old)])
    assert result.exit_code == 1 and old.read_bytes() == before


def test_dev_null_stays_a_device(pair: tuple[Path, Path]) -> None:
    if not os.access("/dev/null", os.W_OK) or not stat.S_ISCHR(os.stat("/dev/null").st_mode):
        pytest.skip("/dev/null is not a writable character device here")
    old, new = pair
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "-o", "/dev/null"])
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_through_a_link_keeps_the_link(pair: tuple[Path, Path]) -> None:
    old, new = pair
    real = new.parent / "out" / "report.html"
    real.parent.mkdir()
    real.write_text("old page", encoding="utf-8")
    link = new.parent / "report.html"
    link.symlink_to(real)
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_sigterm_leaves_no_temp_file(pair: tuple[Path, Path], tmp_path: Path) -> None:
    """Stop `yoy compare` repeatedly at different moments: never a temp file, never a half page."""
    old, new = pair
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "report.html"
    code = "from compare.entry import run; run()"
    for delay in (0.3, 0.6, 0.9, 1.2):
        proc = subprocess.Popen([sys.executable, "-c", code, "compare", str(old), str(new), "-o", str(target)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(delay)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
        # -15: stopped while Python itself was starting, before `yoy` could install its handler
        assert proc.returncode in (0, -signal.SIGTERM, 128 + signal.SIGTERM), err
        assert b"Traceback" not in err
        leftovers = [p.name for p in out_dir.iterdir() if p.name != "report.html"]
        assert leftovers == []
        if target.exists():
            assert target.read_text(encoding="utf-8").rstrip().endswith("</html>")
