"""Compiled patterns kept between runs (compare.regex_cache): the same patterns, whatever the file holds."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"

# In a child: every lazy pattern of the package, built through the cache, must equal re.compile's
# (a compiled pattern's == compares its code); prints how many different ones there are.
_CHECK = """
import importlib, pkgutil, re, sys
import compare
from compare.lazy import LazyPattern
seen = set()
for m in pkgutil.walk_packages(compare.__path__, "compare."):
    if m.name.startswith(("compare.batch", "compare.ingest.pdf", "compare.ingest.docx")):
        continue  # optional readers and engines: not what this checks
    mod = importlib.import_module(m.name)
    for name, p in vars(mod).items():
        if isinstance(p, LazyPattern):
            seen.add((p.pattern, p._flags))
            assert p.compiled == re.compile(p.pattern, p._flags), (m.name, name)
print(len(seen))
"""


def _child(code: str, cache_home: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "PYTHONPATH": str(REPO), **extra}
    env.pop("YOY_NO_REGEX_CACHE", None)
    env.update(extra)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300,
                          check=False)


def _cache_file(cache_home: Path) -> Path:
    files = list((cache_home / "yoy-compare").glob("regex-*.marshal"))
    assert len(files) == 1, files
    return files[0]


def test_patterns_read_back_from_the_cache_equal_freshly_compiled_ones(tmp_path: Path) -> None:
    first = _child(_CHECK, tmp_path)  # compiles every pattern and writes the cache
    assert first.returncode == 0, first.stderr
    entries = marshal.loads(_cache_file(tmp_path).read_bytes())
    assert len(entries) >= int(first.stdout) > 100
    second = _child(_CHECK, tmp_path)  # builds every pattern from the file
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout


@pytest.mark.parametrize("damage", [
    b"not marshal at all",
    marshal.dumps({"0\x00[一-鿿]+": marshal.dumps([0, [1, 2, 3], 0, {}, []])}),
    marshal.dumps({"0\x00[一-鿿]+": b"\xff\x00 not an entry"}),
    marshal.dumps({"0\x00[一-鿿]+": [0, [1, 2, 3], 0, {}, []]}),
    marshal.dumps(["a list"]),
    marshal.dumps({"0\x00[一-鿿]+": marshal.dumps([0, [1, 2, 3], 0, {}, []])})[:-7],
])
def test_a_damaged_cache_changes_nothing(tmp_path: Path, damage: bytes) -> None:
    """A broken or cut-off file, an entry whose code the engine refuses or that is no entry, or a
    file of the wrong shape: the patterns are compiled as usual and a comparison comes out the
    same as without the cache."""
    job = ("from compare import compare_files, render\n"
           f"c = compare_files({str(FIXTURES / 'zh-district/2020.txt')!r}, {str(FIXTURES / 'zh-district/2021.txt')!r})\n"
           "print(render(c, 'json'))")
    plain = _child(job, tmp_path / "off", YOY_NO_REGEX_CACHE="1")
    assert plain.returncode == 0, plain.stderr
    assert not (tmp_path / "off" / "yoy-compare").exists()  # turned off: nothing written
    folder = tmp_path / "damaged" / "yoy-compare"
    folder.mkdir(parents=True)
    warm = _child(_CHECK, tmp_path / "damaged")  # learns the file's name for this Python
    assert warm.returncode == 0, warm.stderr
    _cache_file(tmp_path / "damaged").write_bytes(damage)
    damaged = _child(_CHECK, tmp_path / "damaged")
    assert damaged.returncode == 0, damaged.stderr
    again = _child(job, tmp_path / "damaged")
    assert again.returncode == 0, again.stderr
    assert again.stdout == plain.stdout


def test_the_cache_is_used_only_for_what_re_compile_accepts() -> None:
    from compare.regex_cache import compile_cached

    with pytest.raises(re.error):
        compile_cached("(unclosed")
