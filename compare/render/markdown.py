"""Markdown view of the same context as the HTML page, for pasting into issues and mail."""

from __future__ import annotations

import re
from functools import lru_cache

import jinja2

from ..model import Comparison
from .context import build_context
from .templates import templates_dir

__all__ = ["render_markdown", "escape_md"]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape_md(text: object) -> str:
    """Escape Markdown control characters and fold newlines, so report text stays text."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = escape_md
    return env


def render_markdown(c: Comparison, *, lang: str | None = None) -> str:
    return _env().get_template("report.md.j2").render(**build_context(c, lang=lang))
