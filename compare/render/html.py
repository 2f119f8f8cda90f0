"""HTML view: one self-contained page (CSS and JS inline, no external URL), report text escaped."""

from __future__ import annotations

from ..model import Comparison
from .context import build_context
from .environment import asset, html_environment

__all__ = ["render_html"]


def render_html(c: Comparison, *, lang: str | None = None) -> str:
    """Render the comparison as one HTML page."""
    ctx = build_context(c, lang=lang, view="html")
    return html_environment().get_template("report.html.j2").render(
        css=asset("report.css"), js=asset("report.js"), **ctx
    )
