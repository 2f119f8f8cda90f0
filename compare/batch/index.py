"""Batch stage 4: the rows of a batch -> OUTDIR/index.csv and a self-contained, sortable OUTDIR/index.html."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import fields
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from ..series.adapter import templates_dir
from .work import Row

__all__ = ["INDEX_COLUMNS", "render_index_csv", "render_index_html"]

INDEX_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Row))

_COUNT_COLUMNS = ("new_commitments", "dropped", "changed_figures", "plan_addressed", "plan_partly",
                  "plan_not_found", "targets_met", "targets_not_met")


def render_index_csv(rows: Sequence[Row]) -> str:
    """One line per row, the columns of `Row` in order, `\\n` line ends."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(INDEX_COLUMNS)
    for row in rows:
        writer.writerow([getattr(row, c) for c in INDEX_COLUMNS])
    return buf.getvalue()


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    # autoescape set explicitly: select_autoescape() does not escape files named *.html.j2
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir())), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)


def _asset(name: str) -> Markup:
    text = (templates_dir() / "assets" / name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"asset {name} must not contain a closing script/style tag")
    return Markup(text)


def _context(rows: Sequence[Row]) -> dict[str, Any]:
    issuers = sorted({r.issuer for r in rows})
    pairs = [r for r in rows if r.kind == "pair"]
    return {
        "rows": [dict(r.to_dict(), counts=[getattr(r, c) for c in _COUNT_COLUMNS]) for r in rows],
        "count_columns": list(_COUNT_COLUMNS),
        "issuers": issuers,
        "totals": {"issuers": len(issuers), "pairs": len(pairs),
                   "ok": sum(1 for r in pairs if r.status == "ok"),
                   "failed": sum(1 for r in rows if r.status == "failed")},
    }


def render_index_html(rows: Sequence[Row]) -> str:
    """The index page: one row per pair, failed input and series page; sortable and filterable."""
    return _env().get_template("batch_index.html.j2").render(css=_asset("series.css"), js=_asset("index.js"),
                                                              **_context(rows))
