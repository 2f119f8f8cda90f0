"""yoy-compare: compare yearly reports of one issuer and show what changed.

    >>> from compare import compare_files, render
    >>> comparison = compare_files("2020.txt", "2021.txt")
    >>> html = render(comparison, "html")

Importing `compare` is cheap: the names below are loaded on first use (module `__getattr__`), so
`yoy --help` and `import compare` do not pull in jinja2 or the pipeline.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

from .lazy import lazy_attributes

if TYPE_CHECKING:
    from .errors import CompareError, InputError, RenderError
    from .model import Comparison, FollowUp
    from .pipeline import compare_files, compare_sources, compare_texts, followup_files, followup_texts
    from .render import render, render_html, render_json, render_markdown, write_output

__all__ = [
    "Comparison",
    "FollowUp",
    "CompareError",
    "InputError",
    "RenderError",
    "compare_files",
    "compare_sources",
    "compare_texts",
    "followup_files",
    "followup_texts",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "write_output",
]

# public name -> the module that defines it
_HOMES = {
    "Comparison": ".model",
    "FollowUp": ".model",
    "CompareError": ".errors",
    "InputError": ".errors",
    "RenderError": ".errors",
    "compare_files": ".pipeline",
    "compare_sources": ".pipeline",
    "compare_texts": ".pipeline",
    "followup_files": ".pipeline",
    "followup_texts": ".pipeline",
    "render": ".render",
    "render_html": ".render",
    "render_json": ".render",
    "render_markdown": ".render",
    "write_output": ".render",
}


__getattr__ = lazy_attributes(__name__, _HOMES)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """`compare.render` is the public function, as documented, not the subpackage of that name.

    The import system sets `compare.render = <module compare.render>` the first time the subpackage
    loads, which (imports being lazy here) may happen after `from compare import render` was
    meant to give the function. The subpackage stays reachable as `sys.modules["compare.render"]`
    and by `from compare.render import …`.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "render" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
