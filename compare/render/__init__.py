"""Stage 7, render: `Comparison` -> HTML, JSON or Markdown text; atomic writing."""

from __future__ import annotations

from ..errors import RenderError
from ..model import Comparison
from .html import render_html
from .json import comparison_to_dict, render_json
from .markdown import render_markdown
from .write import write_output

__all__ = ["render", "render_html", "render_json", "render_markdown", "comparison_to_dict",
           "write_output", "FORMATS"]

FORMATS = ("html", "json", "md")


def render(c: Comparison, fmt: str, *, lang: str | None = None) -> str:
    """Render in one of FORMATS."""
    if fmt == "html":
        return render_html(c, lang=lang)
    if fmt == "json":
        return render_json(c)
    if fmt == "md":
        return render_markdown(c, lang=lang)
    raise RenderError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
