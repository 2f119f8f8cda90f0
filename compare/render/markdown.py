"""Markdown view of the same context as the HTML page, for pasting into issues and mail."""

from __future__ import annotations

import re
from functools import lru_cache

import jinja2

from ..model import Comparison
from .context import build_context
from .environment import templates_dir

__all__ = ["render_markdown", "escape_md"]

# Characters that mark up anywhere in a line.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~!&])")
# At the start of a line: "# ", "- ", "+ ", "---", "===", "1. ", "2) " open headings, lists and rules
# (">" is escaped above already). "+45%" or "2020.txt" are plain text and stay unescaped.
_MD_LINE_START = re.compile(r"^(\s*)(?:([#+\-=])(?=[\s#+\-=]|$)|(\d+)([.)])(?=\s|$))")


def escape_md(text: object) -> str:
    """Escape Markdown control characters and fold newlines, so report text stays text."""
    folded = " ".join(str(text).replace("\r", "\n").split("\n"))
    escaped = _MD_SPECIAL.sub(r"\\\1", folded)
    return _MD_LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(m: re.Match[str]) -> str:
    # a backslash escapes punctuation only: "1." becomes "1\.", "+" becomes "\+"
    if m.group(2):
        return m.group(1) + "\\" + m.group(2)
    return m.group(1) + m.group(3) + "\\" + m.group(4)


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
