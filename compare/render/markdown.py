"""Markdown view of the same context as the HTML page, for pasting into issues and mail."""

from __future__ import annotations

from ..model import Comparison
from .context import build_context
from .environment import markdown_environment

__all__ = ["render_markdown"]


def render_markdown(c: Comparison, *, lang: str | None = None) -> str:
    return markdown_environment().get_template("report.md.j2").render(**build_context(c, lang=lang, view="md"))
