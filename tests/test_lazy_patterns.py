"""Module-level patterns compiled on first use (issue 16): the same answers as `re.compile`, none
compiled by importing the pipeline, and every one of them a valid regular expression."""

from __future__ import annotations

import importlib
import pickle
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import compare
from compare.lazy import LazyPattern, lazy_pattern

from conftest import REPO

CASES = [
    (r"(?P<num>[0-9０-９]+)(?P<unit>[万亿]?元)", 0, "收入12万元，支出３亿元，余0元。"),
    (r"\b(?P<word>target|goal)s?\b", re.I, "Targets and a GOAL; goalkeeper."),
    (r"^[（(][一二三四五六七八九十]+[）)]", re.M, "（一）甲\n(二)乙\n三"),
    (r"[\u4e00-\u9fff]", 0, "a甲b乙"),
    (r"x*", 0, "axxb"),
]


def _same(lazy: re.Pattern[str], real: re.Pattern[str], text: str) -> None:
    def spans(found: Iterator[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | Any, ...]]]:
        return [(m.span(), m.groups()) for m in found]

    def one(m: re.Match[str] | None) -> object:
        # == on patterns compares their compiled code (the regex cache builds an equal object)
        return None if m is None else (m.span(), m.groups(), m.groupdict(), m.re == real)

    assert one(lazy.match(text)) == one(real.match(text))
    assert one(lazy.match(text, 1, len(text) - 1)) == one(real.match(text, 1, len(text) - 1))
    assert one(lazy.search(text, pos=2)) == one(real.search(text, pos=2))
    assert one(lazy.fullmatch(text)) == one(real.fullmatch(text))
    assert spans(lazy.finditer(text)) == spans(real.finditer(text))
    assert lazy.findall(text) == real.findall(text)
    assert lazy.sub("<\\g<0>>", text) == real.sub("<\\g<0>>", text)
    assert lazy.sub(lambda m: m.group().upper(), text, count=1) == real.sub(lambda m: m.group().upper(), text, count=1)
    assert lazy.subn("#", text) == real.subn("#", text)
    assert lazy.split(text, maxsplit=2) == real.split(text, maxsplit=2)
    assert (lazy.pattern, lazy.flags, lazy.groups, dict(lazy.groupindex)) == \
           (real.pattern, real.flags, real.groups, dict(real.groupindex))


@pytest.mark.parametrize(("pattern", "flags", "text"), CASES)
def test_a_lazy_pattern_answers_as_the_compiled_one(pattern: str, flags: int, text: str) -> None:
    real = re.compile(pattern, flags)
    lazy = lazy_pattern(pattern, flags)
    assert isinstance(lazy, LazyPattern) and "match" not in vars(lazy)  # nothing compiled yet
    _same(lazy, real, text)  # the first calls compile it
    assert vars(lazy)["match"].__self__ == real  # later calls are the compiled pattern's own methods
    _same(lazy, real, text)
    first_calls = {  # whichever method is called first compiles it
        "search": lambda p: p.search(text).span() if p.search(text) else None,
        "fullmatch": lambda p: p.fullmatch(text) is None,
        "finditer": lambda p: [m.span() for m in p.finditer(text)],
        "findall": lambda p: p.findall(text),
        "sub": lambda p: p.sub("-", text),
        "subn": lambda p: p.subn("-", text, 1),
        "split": lambda p: p.split(text),
        "flags": lambda p: p.flags,
        "groups": lambda p: (p.groups, dict(p.groupindex)),
    }
    for name, call in first_calls.items():
        assert call(lazy_pattern(pattern, flags)) == call(real), name


def test_a_lazy_pattern_survives_pickling() -> None:
    lazy = lazy_pattern(r"(\d+)亿", re.M)
    again = pickle.loads(pickle.dumps(lazy))
    assert again.findall("1亿 22亿") == ["1", "22"] and again.flags == re.compile("", re.M).flags
    lazy.match("1亿")
    assert pickle.loads(pickle.dumps(lazy)).findall("3亿") == ["3"]


def _lazy_patterns() -> Iterator[tuple[str, LazyPattern]]:
    """Every LazyPattern held at module level (directly or in a tuple, list or dict) in `compare`."""
    seen: set[int] = set()
    for info in pkgutil.walk_packages(compare.__path__, "compare."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional dependency of one input kind or of `yoy batch --dask`
            continue
        stack: list[tuple[str, object]] = [(f"{info.name}.{k}", v) for k, v in vars(module).items()]
        while stack:
            where, value = stack.pop()
            if isinstance(value, LazyPattern) and id(value) not in seen:
                seen.add(id(value))
                yield where, value
            elif isinstance(value, (tuple, list)):
                stack.extend((where, item) for item in value)
            elif isinstance(value, dict):
                stack.extend((where, item) for item in value.values())


def test_every_module_pattern_compiles() -> None:
    # a typo in a pattern no longer fails the import: it would fail the first report that runs it
    found = list(_lazy_patterns())
    assert len(found) > 200
    for where, lazy in found:
        try:
            assert lazy.compiled.pattern == lazy.pattern
        except re.error as exc:
            raise AssertionError(f"{where}: {exc}") from None


def test_importing_the_pipeline_compiles_no_lazy_pattern() -> None:
    code = (
        "import gc, sys\n"
        "import compare.reading, compare.pipeline, compare.render.html\n"
        "from compare.lazy import LazyPattern\n"
        "lazy = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]\n"
        "print(len(lazy), sum(1 for p in lazy if 'match' in vars(p)))\n"
    )
    ran = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stderr
    made, compiled = map(int, ran.stdout.split())
    assert made > 200 and compiled == 0
