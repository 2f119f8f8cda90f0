"""Stage 7, render: `Comparison` -> HTML, JSON or Markdown text; atomic writing.

The views are loaded on first use (`compare.lazy`, as in `compare/__init__`): `yoy outline`
and `yoy figures` import `compare.render.outline` without pulling in jinja2 and the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import RenderError
from ..lazy import lazy_attributes

if TYPE_CHECKING:
    from ..model import Comparison
    from .csv_table import render_csv
    from .html import render_html
    from .json import comparison_to_dict, render_json
    from .markdown import render_markdown
    from .write import write_output

__all__ = ["render", "render_html", "render_json", "render_markdown", "render_csv", "comparison_to_dict",
           "write_output", "FORMATS"]

FORMATS = ("html", "json", "md", "csv")

# public name -> the module that defines it
_HOMES = {
    "render_html": ".html",
    "render_json": ".json",
    "comparison_to_dict": ".json",
    "render_markdown": ".markdown",
    "render_csv": ".csv_table",
    "write_output": ".write",
}


__getattr__ = lazy_attributes(__name__, _HOMES)


def render(c: Comparison, fmt: str, *, lang: str | None = None, full_paths: bool = False) -> str:
    """Render in one of FORMATS. Inputs are named by file name only unless `full_paths`."""
    from .paths import shareable

    c = shareable(c, full_paths=full_paths)
    if fmt == "html":
        from .html import render_html

        return render_html(c, lang=lang)
    if fmt == "json":
        from .json import render_json

        return render_json(c)
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(c, lang=lang)
    if fmt == "csv":
        from .csv_table import render_csv

        return render_csv(c)
    raise RenderError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
