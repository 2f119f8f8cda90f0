"""Things loaded on first use, to keep a `yoy` process's start-up to what it runs (issue 16).

`lazy_attributes`: a public name of a package is imported from its home module on first use;
`compare` and `compare.render` keep `import compare` and `yoy --help` cheap this way:
jinja2 and the pipeline load only when a caller first touches a name that needs them.

`lazy_pattern`: a module-level regular expression compiled on its first use. Compiling the
lexicon alternations and CJK character ranges of the parsing and extraction modules cost more
than any other part of importing them (Python's `re` walks every code point of a range of CJK
ideographs); a Chinese report runs few of the English-only patterns and an English one few of the
Chinese-only ones, and `yoy outline` runs none of the figures' or follow-through's.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Mapping
from typing import Any, cast

__all__ = ["lazy_attributes", "lazy_pattern"]


def lazy_attributes(package: str, homes: dict[str, str]) -> Callable[[str], Any]:
    """The module `__getattr__` of `package`: `homes` maps a public name to the module (relative to
    `package`) that defines it. The value is stored on the package, so later lookups skip this."""
    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home, package), name)
        vars(sys.modules[package])[name] = value  # not setattr: a package may refuse some names
        return value

    return __getattr__


def lazy_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when one of its methods is first called.

    Typed as the `re.Pattern` it stands for: it answers `match`, `fullmatch`, `search`, `finditer`,
    `findall`, `sub`, `subn`, `split`, `pattern`, `flags`, `groups` and `groupindex` exactly as
    the compiled pattern does (after the first call, with the compiled pattern's own methods). It
    is no `re.Pattern` instance: not for `re.sub(p, …)` or `isinstance`; use `p.sub(…)`.
    """
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))


# The methods a LazyPattern hands over to its compiled pattern on first use.
_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A regular expression compiled on first use (see `lazy_pattern`).

    On its first call a method compiles the pattern and stores the compiled pattern's bound methods
    in the instance, where attribute lookup finds them before the class's: every later
    `p.match(…)` is the compiled pattern's own `match`, at the same speed. Two threads that both
    make the first call compile the same pattern twice; both results are equal and either will do.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            from .compile_cache import compile_cached  # not at import: `yoy --help` compiles nothing

            compiled = compile_cached(self.pattern, self._flags)
            attributes = vars(self)
            for name in _METHODS:
                attributes[name] = getattr(compiled, name)
            self._compiled = compiled
        return compiled

    @property
    def flags(self) -> int:
        return self.compiled.flags

    @property
    def groups(self) -> int:
        return self.compiled.groups

    @property
    def groupindex(self) -> Mapping[str, int]:
        return self.compiled.groupindex

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.fullmatch(*args, **kwargs)

    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.search(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.finditer(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.findall(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.split(*args, **kwargs)

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str, int]]:
        return LazyPattern, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return repr(self.compiled)
