"""Render: the one place the jinja environments are built and the templates folder is found.

Every view (comparison page, Markdown, follow-up page) renders through `html_environment()` or
`markdown_environment()`, so escaping and strictness are set once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .figure_table import figure_rows, unpaired_figure_rows
from .plan_table import plan_rows
from .rows import TEMPLATE_GLOBALS

__all__ = ["templates_dir", "html_environment", "markdown_environment", "asset", "escape_md"]


def templates_dir() -> Path:
    """The wheel ships `templates/` as `compare/templates`; a source checkout has it beside the package."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "templates", package.parent / "templates"):
        if (candidate / "report.html.j2").is_file():
            return candidate
    raise FileNotFoundError(f"templates not found beside {package}; reinstall yoy-compare")


class _DictFirstEnvironment(jinja2.Environment):
    """`x.key` on a view-model dict looks the key up first.

    Jinja tries `getattr(x, "key")` before `x["key"]`; on a dict that is a failed attribute lookup
    per key per row, about a third of the page's render time. The view model is dicts of plain
    values (render/context.py), whose keys never name a dict method, so the bytes are the same.
    """

    def getattr(self, obj: object, attribute: str) -> object:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept between runs (a per-user folder under the temp dir, mode 0700).

    Compiling the templates is about a tenth of a second, more than rendering a page; the cache
    is keyed by each template's source checksum, so an edited template is compiled again. Where no
    safe folder can be had, every run compiles.
    """
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


def _environment(*, autoescape: bool) -> jinja2.Environment:
    return _DictFirstEnvironment(
        bytecode_cache=_bytecode_cache(),
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # templates ship with the package and never change while a page renders: without this,
        # every {% include %} in a loop stats its file again (2,000 checks on a large page)
        auto_reload=False,
    )


@lru_cache(maxsize=1)
def html_environment() -> jinja2.Environment:
    """HTML templates, report text escaped."""
    # autoescape set explicitly: select_autoescape() does not escape files named *.html.j2
    env = _environment(autoescape=True)
    # the hot inner loops, drawn in Python: the paragraph blocks and their sentence rows
    # (render/rows.py), the rows of the plan tables (render/plan_table.py) and of the figures
    # tables (render/figure_table.py)
    env.globals.update(TEMPLATE_GLOBALS, plan_rows=plan_rows, figure_rows=figure_rows,
                       unpaired_figure_rows=unpaired_figure_rows)
    return env


@lru_cache(maxsize=1)
def markdown_environment() -> jinja2.Environment:
    """Markdown templates: no HTML escaping; report text goes through the `md` filter."""
    env = _environment(autoescape=False)
    env.filters["md"] = escape_md
    return env


def asset(name: str) -> Markup:
    """One of our own asset files, read as text and passed in as markup (never report text)."""
    text = (templates_dir() / "assets" / name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"asset {name} must not contain a closing script/style tag")
    return Markup(text)


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
