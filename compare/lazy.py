"""Lazy package attributes: a public name is imported from its home module on first use.

`compare` and `compare.render` keep `import compare` and `yoy --help` cheap this way:
jinja2 and the pipeline load only when a caller first touches a name that needs them.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["lazy_attributes"]


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
