"""Stage 7, render: `Comparison` -> HTML, JSON or Markdown text; atomic writing."""

from __future__ import annotations

from ..errors import RenderError
from ..model import Comparison
from .csv_table import render_csv
from .html import render_html
from .json import comparison_to_dict, render_json
from .markdown import render_markdown
from .paths import shareable
from .write import write_output

__all__ = ["render", "render_html", "render_json", "render_markdown", "render_csv", "comparison_to_dict",
           "write_output", "FORMATS"]

FORMATS = ("html", "json", "md", "csv")


def render(c: Comparison, fmt: str, *, lang: str | None = None, full_paths: bool = False) -> str:
    """Render in one of FORMATS. Inputs are named by file name only unless `full_paths`."""
    c = shareable(c, full_paths=full_paths)
    if fmt == "html":
        return render_html(c, lang=lang)
    if fmt == "json":
        return render_json(c)
    if fmt == "md":
        return render_markdown(c, lang=lang)
    if fmt == "csv":
        return render_csv(c)
    raise RenderError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
