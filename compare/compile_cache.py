"""What Python compiles at every start-up, kept between runs (issue 16: start-up): regular
expressions, and the methods `dataclasses` writes for each of our classes.

Patterns. Python's `re` compiles a pattern in Python code, and a class of CJK ideographs costs it
2–4 ms (it walks every code point of the range): the patterns a Chinese report needs cost about
0.09 s of every `yoy compare`, more than anything else left at start-up. What the compiler
produces is plain data (a list of integers, the flags and the group names), so it is kept in a
file of the user's cache directory, one per Python version and regular-expression engine, and
handed straight to the engine (`_sre.compile`, what `re.compile` itself calls) on the next run.
The engine checks that code before it accepts it; a pattern built from the cache equals (`==`)
the one `re.compile` builds. Used by `compare.lazy.lazy_pattern` for the module-level patterns.

Dataclass methods. `@dataclass` writes the source of `__init__`, `__repr__`, `__eq__`, `__hash__`,
`__setattr__` and `__delattr__` of every class and compiles each with `exec`: about 250 compiles,
0.03 s of every `yoy compare` (7 % of a corpus job). `cache_dataclass_code` (called by the `yoy`
command, never on import) has `dataclasses` compile through `exec_cached`, which keeps the code
object of each source text, the form of Python's own bytecode cache: the same source gives the
same code, so every class is the class `exec` would have made.

Anything unexpected (another Python, an unreadable or damaged file, a read-only disk) falls back
to compiling; `YOY_NO_COMPILE_CACHE=1` (or the older `YOY_NO_REGEX_CACHE=1`) turns the cache off.

The file is a `marshal` dump (the format of Python's own bytecode cache, read in C) of a dict
{key: the entry, itself marshalled}: a run decodes only the entries it uses. Reading the whole
cache as JSON cost 7–10 ms of every run that compiled a pattern (with a few hundred patterns
held), more than `yoy outline` spends on the patterns it needs. marshal is no format for untrusted
data; the file lives in the user's own cache folder (created 0700), as trusted as the bytecode
caches Python itself loads and runs.
"""

from __future__ import annotations

import atexit
import importlib
import marshal
import os
import re
import sys
from types import CodeType
from typing import Any

__all__ = ["compile_cached", "exec_cached", "cache_dataclass_code"]

# "flags\0pattern" -> marshal.dumps([flags, code, groups, groupindex, indexgroup]);
# "exec\0source" -> marshal.dumps(code object)
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


def exec_cached(source: object, globals: dict[str, Any] | None = None,  # noqa: A002 - exec's own names
                locals: dict[str, Any] | None = None) -> None:  # noqa: A002
    """`exec(source, globals, locals)`, the source's code object read from the cache when it holds it.

    Compiled as `exec` compiles a string for `dataclasses` (file name "<string>", no `__future__`
    flag of the caller), so the code is the same whichever way it was made.
    """
    global _added
    entries = _load() if type(source) is str else None
    if entries is None:
        exec(source, globals, locals)  # type: ignore[arg-type]  # noqa: S102 - what was asked, unchanged
        return
    key = f"exec\0{source}"
    stored = entries.get(key)
    code = None
    if stored is not None:
        try:
            code = marshal.loads(stored)
        except Exception:  # noqa: BLE001 - a damaged entry: compile as usual
            code = None
        if type(code) is not CodeType or code.co_filename != "<string>":  # not what compile() made of a source
            entries.pop(key, None)
            code = None
    if code is None:
        code = compile(source, "<string>", "exec", dont_inherit=True)  # type: ignore[call-overload]
        entries[key] = marshal.dumps(code)
        _added = True
    exec(code, globals, locals)  # noqa: S102 - dataclasses' own generated source


def cache_dataclass_code() -> None:
    """From now on, `dataclasses` compiles the methods it writes through `exec_cached` (in this process).

    `dataclasses` calls `exec` by its module-level name, so a module attribute of that name is
    what it finds first; nothing else of the module changes. Called by the `yoy` command before it
    loads the pipeline; a library caller's process is left as it is.
    """
    if _path() is None:
        return
    import dataclasses

    vars(dataclasses)["exec"] = exec_cached


def _path() -> str | None:
    if os.environ.get("YOY_NO_COMPILE_CACHE") or os.environ.get("YOY_NO_REGEX_CACHE"):
        return None
    try:
        _sre = importlib.import_module("_sre")
        # the interpreter's bytecode magic number: a code object is read back only by the Python that wrote it
        magic = importlib.import_module("_frozen_importlib_external").MAGIC_NUMBER.hex()
        tag = f"{sys.implementation.cache_tag}-{magic}-sre{_sre.MAGIC}-{_sre.CODESIZE}"
    except (ImportError, AttributeError):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "yoy-compare", f"compiled-{tag}.marshal")


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
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".compiled-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                marshal.dump(_entries, f)  # keys may hold lone surrogates: marshal keeps any str
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no cache
        return
