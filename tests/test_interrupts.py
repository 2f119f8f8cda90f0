"""Ctrl-C at any moment and a reader that goes away (issue 16, item 4): the `yoy` process ends the
way a shell user expects — one line and exit 130 for Ctrl-C, silence and exit 141 for a closed
pipe — never a traceback, never a file left behind.

These run `yoy`'s real entry point in a child process, since signals and pipes are what a shell
hands over.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES

OLD = FIXTURES / "zh-district" / "2020.txt"
NEW = FIXTURES / "zh-district" / "2021.txt"
RUN = "from compare.entry import run; run()"
ENV = dict(os.environ, LC_ALL="C.UTF-8", PYTHONPATH=str(Path(__file__).parents[1]))


def _spawn(*args: str, stdout: int = subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", RUN, *args], stdin=subprocess.DEVNULL, stdout=stdout,
                            stderr=subprocess.PIPE, env=ENV)


def _handlers_installed(pid: int) -> bool:
    """True once `yoy` handles SIGTERM itself: the bit for signal 15 in the process's caught-signal
    mask. Python's start-up installs a SIGINT handler of its own but never one for SIGTERM, so this
    marks the moment `run` took over, before it imports click, the commands and the pipeline."""
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("SigCgt:"):
                return bool(int(line.split()[1], 16) >> (signal.SIGTERM - 1) & 1)
    return False


def _wait_for_handlers(proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while not _handlers_installed(proc.pid):
        assert proc.poll() is None, "yoy ended before installing its signal handlers"
        assert time.monotonic() < deadline, "yoy did not install its signal handlers within 60 s"
        time.sleep(0.001)


@pytest.mark.skipif(not os.path.exists(f"/proc/{os.getpid()}/status"), reason="needs Linux /proc")
def test_ctrl_c_at_any_moment_is_one_line_and_exit_130(tmp_path: Path) -> None:
    """From the first moment `yoy` runs — while click, the commands and the pipeline are still being
    imported — through the comparison and the write: Ctrl-C gives `Error: interrupted.` and 130."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "report.html"
    outcomes = []
    for delay in (0.0, 0.002, 0.01, 0.03, 0.06, 0.1, 0.2, 0.4, 0.8, 1.6):
        target.unlink(missing_ok=True)
        proc = _spawn("compare", str(OLD), str(NEW), "-o", str(target))
        _wait_for_handlers(proc)
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _, raw = proc.communicate(timeout=120)
        err = raw.decode("utf-8", "replace")
        assert "Traceback" not in err, (delay, err)
        assert len(err.splitlines()) <= 1, (delay, err)
        leftovers = [p.name for p in out_dir.iterdir() if p.name != "report.html"]
        assert leftovers == [], (delay, leftovers)
        if proc.returncode == 0:  # finished before the signal came: the page is whole
            assert err == "" and target.read_text(encoding="utf-8").rstrip().endswith("</html>")
        else:
            assert proc.returncode == 130, (delay, proc.returncode, err)
            assert err.strip() == "Error: interrupted.", (delay, err)
            assert not target.exists(), delay
        outcomes.append(proc.returncode)
    assert outcomes.count(130) >= 3, outcomes  # the early signals did land while yoy was working


@pytest.mark.skipif(not os.path.exists(f"/proc/{os.getpid()}/status"), reason="needs Linux /proc")
def test_a_second_ctrl_c_while_the_first_unwinds_is_still_one_line(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    proc = _spawn("compare", str(OLD), str(NEW), "-o", str(target))
    _wait_for_handlers(proc)
    time.sleep(0.05)
    for _ in range(5):
        proc.send_signal(signal.SIGINT)
    _, raw = proc.communicate(timeout=120)
    err = raw.decode("utf-8", "replace")
    if proc.returncode == 0:
        pytest.skip("the comparison ended before the signals came")
    assert proc.returncode == 130 and err.strip() == "Error: interrupted.", (proc.returncode, err)
    assert [p.name for p in tmp_path.iterdir()] == []


@pytest.mark.parametrize("args", [
    ("compare", str(OLD), str(NEW)),
    ("compare", str(OLD), str(NEW), "--format", "json"),
    ("compare", str(OLD), str(NEW), "--format", "md"),
    ("followup", str(OLD), str(NEW)),
    ("outline", str(OLD)),
    ("outline", str(OLD), "--format", "json"),
    ("figures", str(OLD)),
    ("--help",),
    ("--version",),
], ids=lambda a: " ".join(x if x.startswith("-") or "/" not in x else Path(x).name for x in a))
def test_a_reader_that_went_away_ends_yoy_quietly(args: tuple[str, ...]) -> None:
    """`yoy compare A B | head -3`: the reader closes the pipe before yoy writes. The conventional
    ending is that of a program stopped by SIGPIPE (exit 141), with nothing on stderr."""
    proc = _spawn(*args, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.close()  # the only read end: every write from here on meets a closed pipe
    _, err = proc.communicate(timeout=120)
    assert err == b"", err.decode("utf-8", "replace")
    assert proc.returncode == 141


def test_a_reader_that_reads_a_little_then_goes_away(tmp_path: Path) -> None:
    """The shell pipeline itself, as a user types it: no message whatever the timing."""
    if shutil.which("head") is None or shutil.which("sh") is None:
        pytest.skip("needs sh and head")
    cmd = f'"{sys.executable}" -c "{RUN}" compare "{OLD}" "{NEW}" | head -3'
    done = subprocess.run(["sh", "-c", cmd], capture_output=True, env=ENV, timeout=120)
    assert done.stderr == b"", done.stderr.decode("utf-8", "replace")
    assert done.stdout.decode("utf-8").splitlines()[0].startswith("<!DOCTYPE html>")


def test_a_full_disk_under_help_is_one_line() -> None:
    # bug: `yoy --help > /dev/full` printed click's OSError traceback
    if not os.path.exists("/dev/full"):
        pytest.skip("/dev/full is absent on this system")
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-c", RUN, "--help"], stdin=subprocess.DEVNULL, stdout=full,
                              stderr=subprocess.PIPE, env=ENV, timeout=120)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1
    assert "Traceback" not in err and len(err.splitlines()) == 1 and err.startswith("Error: "), err
