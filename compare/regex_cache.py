"""Compiled regular expressions kept between runs (issue 16: start-up).

Python's `re` compiles a pattern in Python code, and a class of CJK ideographs costs it 2–4 ms
(it walks every code point of the range): the patterns a Chinese report needs cost about 0.09 s
of every `yoy compare`, more than anything else left at start-up. What the compiler produces is
plain data (a list of integers, the flags and the group names), so it is kept in a file of the
user's cache directory, one per Python version and regular-expression engine, and handed straight
to the engine (`_sre.compile`, what `re.compile` itself calls) on the next run. The engine checks
that code before it accepts it; a pattern built from the cache equals (`==`) the one `re.compile`
builds. Anything unexpected (another Python, an unreadable or damaged file, a read-only disk)
falls back to `re.compile`; `YOY_NO_REGEX_CACHE=1` turns the cache off.

The file is a `marshal` dump (the format of Python's own bytecode cache, read in C) of a dict
{key: the entry, itself marshalled}: a run decodes only the entries of the patterns it compiles.
Reading the whole cache as JSON cost 7–10 ms of every run that compiled a pattern (with a few
hundred patterns held), more than `yoy outline` spends on the patterns it needs. marshal is no format for untrusted
data; the file lives in the user's own cache folder (created 0700), as trusted as the bytecode
caches Python itself loads and runs.

Used by `compare.lazy.lazy_pattern` for the module-level patterns.
"""

from __future__ import annotations

import atexit
import importlib
import marshal
import os
import re
import sys
from typing import Any

__all__ = ["compile_cached"]

# "flags\0pattern" -> marshal.dumps([flags, code, groups, groupindex, indexgroup])
_entries: dict[str, bytes] | None = None
_added = False


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, with the compiler's work read from the cache when it holds it."""
    global _added
    flags = int(flags)
    entries = _load()
    if entries is None:
        return re.compile(pattern, flags)
    key = f"{flags}\0{pattern}"
    stored = entries.get(key)
    if stored is not None:
        try:
            return _from_entry(pattern, marshal.loads(stored))
        except Exception:  # noqa: BLE001 - a damaged entry: compile as usual
            entries.pop(key, None)
    try:
        compiled, entry = _compile(pattern, flags)
    except Exception:  # noqa: BLE001 - a bad pattern (re.compile says so) or the compiler's internals moved
        return re.compile(pattern, flags)
    entries[key] = marshal.dumps(entry)
    _added = True
    return compiled


def _from_entry(pattern: str, entry: list[Any]) -> re.Pattern[str]:
    _sre = importlib.import_module("_sre")  # the engine re.compile hands its code to
    all_flags, code, groups, groupindex, indexgroup = entry
    compiled: re.Pattern[str] = _sre.compile(pattern, all_flags, code, groups, groupindex, tuple(indexgroup))
    return compiled


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], list[Any]]:
    """What `re._compiler.compile` does, keeping the engine's input (Python 3.11)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # plain ints: the compiler's opcodes and flags are int subclasses, which marshal does not write
    entry = [int(flags | parsed.state.flags), list(map(int, code)), parsed.state.groups - 1, groupindex, indexgroup]
    return _from_entry(pattern, entry), entry


def _path() -> str | None:
    if os.environ.get("YOY_NO_REGEX_CACHE"):
        return None
    try:
        _sre = importlib.import_module("_sre")
        tag = f"{sys.implementation.cache_tag}-sre{_sre.MAGIC}-{_sre.CODESIZE}"
    except (ImportError, AttributeError):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "yoy-compare", f"regex-{tag}.marshal")


def _load() -> dict[str, bytes] | None:
    global _entries
    if _entries is None:
        path = _path()
        if path is None:
            return None
        try:
            with open(path, "rb") as f:
                data = marshal.load(f)
        except (OSError, ValueError, EOFError, TypeError):  # no file yet, or not a marshal dump
            data = None
        _entries = _valid(data)
        atexit.register(_save)
    return _entries


def _valid(data: object) -> dict[str, bytes]:
    """The entries of a file's contents, or none when they are not {str: bytes} (another program's
    file, a damaged one): an entry's own contents are checked when it is used."""
    if isinstance(data, dict) and all(type(k) is str and type(v) is bytes for k, v in data.items()):
        return data
    return {}


def _save() -> None:
    """Write the cache back when this run compiled something new (atomically: a temporary file
    renamed over it; two runs writing at once leave one complete file)."""
    path = _path()
    if not _added or _entries is None or path is None:
        return
    try:
        import tempfile

        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".regex-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                marshal.dump(_entries, f)  # keys may hold lone surrogates: marshal keeps any str
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no cache
        return
