"""Render the figures of one report (`yoy figures`) as CSV or JSON; no I/O here."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from ..errors import RenderError
from ..model import Figure, Report
from .json import SCHEMA_VERSION, _num, figure_to_dict

__all__ = ["FIGURE_FORMATS", "FIGURE_COLUMNS", "render_figures"]

FIGURE_FORMATS = ("csv", "json")
FIGURE_COLUMNS = ("index", "text", "value", "value_high", "unit", "qualifier", "label", "period",
                  "period_kind", "kind", "bound", "change", "down", "scope", "section", "start", "end",
                  "base_value", "base_unit", "sentence")


def _row(index: int, fig: Figure, report: Report) -> dict[str, Any]:
    d = figure_to_dict(fig, report)
    assert d is not None
    return {
        "index": index,
        "text": d["text"],
        "value": d["value"],
        "value_high": d["value_high"],
        "unit": d["unit"],
        "qualifier": d["qualifier"],
        "label": d["label"],
        "period": d["period"],
        "period_kind": d["period_kind"],
        "kind": d["kind"],
        "bound": d["bound"],
        "change": d["change"],
        "down": d["down"],
        "scope": d["scope"],
        "section": d["section"],
        "start": fig.span.start,
        "end": fig.span.end,
        "base_value": _num(fig.base_value),
        "base_unit": fig.base_unit,
        "sentence": d["sentence"],
    }


def render_figures(report: Report, figures: Sequence[Figure], fmt: str) -> str:
    """The figures of `report` as CSV (one row each, header first) or JSON."""
    rows = [_row(i, f, report) for i, f in enumerate(figures, 1)]
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=FIGURE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
        return buf.getvalue()
    if fmt == "json":
        payload = {"schema_version": SCHEMA_VERSION, "file": report.source.path, "count": len(rows),
                   "figures": rows}
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    raise RenderError(f"unknown figures format {fmt!r}; use one of {', '.join(FIGURE_FORMATS)}.")
