"""Compiled patterns kept between runs (compare.compile_cache): the same patterns, whatever the file holds."""

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
    env.pop("YOY_NO_COMPILE_CACHE", None)
    env.update(extra)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300,
                          check=False)


def _cache_file(cache_home: Path) -> Path:
    files = list((cache_home / "yoy-compare").glob("compiled-*.marshal"))
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
    from compare.compile_cache import compile_cached

    with pytest.raises(re.error):
        compile_cached("(unclosed")


# In a child: the code and the signature data of every method `dataclasses` wrote for the package's
# classes, as text (after `cache_dataclass_code` when the first argument is "cached").
_METHODS = """
import dataclasses, importlib, pkgutil, sys
if sys.argv[1] == "cached":
    from compare.compile_cache import cache_dataclass_code
    cache_dataclass_code()
import compare
rows = []
for m in pkgutil.walk_packages(compare.__path__, "compare."):
    if m.name.startswith(("compare.batch", "compare.ingest.pdf", "compare.ingest.docx")):
        continue
    for name, cls in sorted(vars(importlib.import_module(m.name)).items()):
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == m.name):
            continue
        for method in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
            f = cls.__dict__.get(method)
            c = getattr(getattr(f, "__wrapped__", f), "__code__", None)
            if c is None:
                continue
            rows.append(repr((m.name, name, method, c.co_code, c.co_consts, c.co_names, c.co_varnames,
                              c.co_freevars, c.co_flags, c.co_argcount, c.co_kwonlyargcount, c.co_filename,
                              c.co_qualname, sorted(map(str, getattr(f, "__annotations__", {}).items())),
                              repr(getattr(f, "__defaults__", None)), repr(getattr(f, "__kwdefaults__", None)))))
print(len(rows))
print("\\n".join(rows))
"""


def test_dataclass_methods_from_the_cache_are_the_ones_exec_writes(tmp_path: Path) -> None:
    plain = _child("import sys; sys.argv[1:] = ['plain']\n" + _METHODS, tmp_path / "off", YOY_NO_COMPILE_CACHE="1")
    code = "import sys; sys.argv[1:] = ['cached']\n" + _METHODS
    first = _child(code, tmp_path)  # compiles every method and writes the cache
    second = _child(code, tmp_path)  # reads every method from it
    for ran in (plain, first, second):
        assert ran.returncode == 0, ran.stderr
    assert int(plain.stdout.split("\n", 1)[0]) > 150
    assert first.stdout == plain.stdout and second.stdout == plain.stdout
    entries = marshal.loads(_cache_file(tmp_path).read_bytes())
    assert sum(key.startswith("exec\0") for key in entries) > 150


def test_a_damaged_code_entry_is_compiled_again(tmp_path: Path) -> None:
    code = "import sys; sys.argv[1:] = ['cached']\n" + _METHODS
    first = _child(code, tmp_path)
    assert first.returncode == 0, first.stderr
    path = _cache_file(tmp_path)
    entries = marshal.loads(path.read_bytes())
    for n, key in enumerate(k for k in list(entries) if k.startswith("exec\0")):
        entries[key] = (b"\xff not marshal", marshal.dumps([1, 2]), marshal.dumps(compile("x = 1", "<s>", "exec")))[n % 3]
    path.write_bytes(marshal.dumps(entries))
    again = _child(code, tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout
