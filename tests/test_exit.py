"""How `yoy` ends (issue 16, speed): it leaves without tearing the interpreter down, yet nothing an
exit owes the user is skipped — the page written to a pipe arrives whole, the exit status is the
command's, and the regular-expression cache is saved by its exit hook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES

OLD = FIXTURES / "zh-district" / "2020.txt"
NEW = FIXTURES / "zh-district" / "2021.txt"
RUN = "from compare.entry import run; run()"


def _yoy(*args: str, cache: Path) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, LC_ALL="C.UTF-8", PYTHONPATH=str(Path(__file__).parents[1]), XDG_CACHE_HOME=str(cache))
    env.pop("YOY_NO_REGEX_CACHE", None)
    env.pop("YOY_NO_COMPILE_CACHE", None)
    return subprocess.run([sys.executable, "-c", RUN, *args], stdin=subprocess.DEVNULL, capture_output=True,
                          env=env, timeout=300, check=False)


def test_a_page_written_to_standard_output_arrives_whole(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    to_file = _yoy("compare", str(OLD), str(NEW), "-o", str(page), cache=tmp_path / "cache")
    to_pipe = _yoy("compare", str(OLD), str(NEW), "--format", "html", cache=tmp_path / "cache")
    assert (to_file.returncode, to_pipe.returncode) == (0, 0)
    assert len(to_pipe.stdout) > 50_000
    assert to_pipe.stdout == page.read_bytes()
    assert to_pipe.stdout.rstrip().endswith(b"</html>")


def test_the_exit_status_and_the_error_line_are_the_commands(tmp_path: Path) -> None:
    missing = _yoy("compare", str(tmp_path / "absent.txt"), str(NEW), cache=tmp_path / "cache")
    assert missing.returncode == 1
    assert missing.stderr.decode().count("\n") == 1 and missing.stderr.startswith(b"Error: ")
    flagged = _yoy("compare", str(OLD), str(NEW), "-o", str(tmp_path / "p.json"), "--fail-on", "dropped",
                   cache=tmp_path / "cache")
    assert flagged.returncode == 3, flagged.stderr
    assert (tmp_path / "p.json").read_bytes().rstrip().endswith(b"}")


def test_the_regex_cache_is_saved_on_the_way_out(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    done = _yoy("compare", str(OLD), str(NEW), "-o", str(tmp_path / "p.html"), cache=cache)
    assert done.returncode == 0
    saved = list((cache / "yoy-compare").glob("compiled-*.marshal"))
    assert len(saved) == 1 and saved[0].stat().st_size > 10_000
    assert not list((cache / "yoy-compare").glob(".compiled-*.tmp"))
