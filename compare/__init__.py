"""yoy-compare: compare yearly reports of one issuer and show what changed.

    >>> from compare import compare_files, render
    >>> comparison = compare_files("2020.txt", "2021.txt")
    >>> html = render(comparison, "html")
"""

from __future__ import annotations

from .errors import CompareError, InputError, RenderError
from .model import Comparison
from .pipeline import compare_files, compare_sources, compare_texts
from .render import render, render_html, render_json, render_markdown, write_output

__all__ = [
    "Comparison",
    "CompareError",
    "InputError",
    "RenderError",
    "compare_files",
    "compare_sources",
    "compare_texts",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "write_output",
]
