"""HTML view: one self-contained page (CSS and JS inline, no external URL), report text escaped."""

from __future__ import annotations

from functools import lru_cache

import jinja2
from markupsafe import Markup

from ..model import Comparison
from .context import build_context
from .environment import templates_dir

__all__ = ["render_html"]


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    # autoescape set explicitly: select_autoescape() does not escape files named *.html.j2
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _asset(name: str) -> Markup:
    # Assets are our own files, read as text and passed in as markup (never report text).
    text = (templates_dir() / "assets" / name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"asset {name} must not contain a closing script/style tag")
    return Markup(text)


def render_html(c: Comparison, *, lang: str | None = None) -> str:
    """Render the comparison as one HTML page."""
    ctx = build_context(c, lang=lang)
    return _env().get_template("report.html.j2").render(
        css=_asset("report.css"), js=_asset("report.js"), **ctx
    )
