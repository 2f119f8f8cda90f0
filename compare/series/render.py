"""Series views: `Series` -> JSON, self-contained HTML (inline CSS and SVG, no script) or Markdown.

`series_context` is the view model both templates read: every count, label, order and sparkline
coordinate is decided here; the templates only loop. Report text reaches the HTML only through
Jinja's autoescape.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from .adapter import RenderError, escape_md, templates_dir
from .build import FLAG_YEARS
from .facts import DocInfo
from .labels import REVIEW_MARKS, SERIES_LABELS
from .model import FigureTrend, Lineage, Series, StructureCell, TrendPoint

__all__ = ["SERIES_SCHEMA_VERSION", "SERIES_FORMATS", "series_to_dict", "series_context", "render_series",
           "sparkline"]

SERIES_SCHEMA_VERSION = "1.0"
SERIES_FORMATS = ("html", "json", "md")

# Sparkline box in CSS pixels: wide enough for 20 years at 6 px apart, as tall as a table row.
SPARK_WIDTH = 120
SPARK_HEIGHT = 24
_PAD = 3



def _num(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _doc(d: DocInfo) -> dict[str, Any]:
    return {"path": d.path, "issuer": d.issuer, "year": d.year, "plan_year": d.plan_year, "title": d.title,
            "language": d.language}


def _point(p: TrendPoint | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"text": p.text, "label": p.label, "value": _num(p.value), "unit": p.unit, "qualifier": p.qualifier,
            "period": p.period, "period_kind": p.period_kind, "base_value": _num(p.base_value)}


def series_to_dict(s: Series) -> dict[str, Any]:
    """The series as JSON data; lists indexed by year follow `years`."""
    labels = [y.label for y in s.years]
    return {
        "schema_version": SERIES_SCHEMA_VERSION,
        "issuer": s.issuer,
        "language": s.language,
        "years": [{"label": y.label, **_doc(y.doc)} for y in s.years],
        "warnings": list(s.warnings),
        "pairs": [{"old": labels[p.old], "new": labels[p.new], "href": p.href, "summary": dict(p.counts)}
                  for p in s.pairs],
        "figure_trends": [{"label": t.label, "base_unit": t.base_unit, "first": labels[t.first],
                           "last": labels[t.last], "values": [_point(p) for p in t.points]} for t in s.trends],
        "commitments": [{"text": c.text, "first": labels[c.first], "stated": [labels[i] for i in c.stated],
                         "done": labels[c.done] if c.done is not None else None, "outcome": c.outcome.value,
                         "flagged": c.flagged,
                         "cells": [{"stated": x.stated, "review": x.review, "text": x.text} for x in c.cells]}
                        for c in s.lineage],
        "targets": [{"label": r.label,
                     "cells": [None if x is None else {"target": x.target, "actual": x.actual, "status": x.status,
                                                       "reason": x.reason} for x in r.cells]}
                    for r in s.targets],
        "structure": [{"level": r.level,
                       "cells": [None if x is None else {"heading": x.heading, "status": x.status} for x in r.cells]}
                      for r in s.structure],
    }


def _float(p: TrendPoint) -> float:
    return float(p.base_value if p.base_value is not None else p.value)


def sparkline(trend: FigureTrend, years: int) -> dict[str, Any]:
    """Polyline points for the trend's values, x by year position, y scaled to the row's range."""
    values = [(i, _float(p)) for i, p in enumerate(trend.points) if p is not None]
    lo = min(v for _, v in values)
    hi = max(v for _, v in values)
    step = (SPARK_WIDTH - 2 * _PAD) / max(1, years - 1)
    coords: list[tuple[float, float]] = []
    for i, v in values:
        y = SPARK_HEIGHT / 2 if hi == lo else _PAD + (hi - v) / (hi - lo) * (SPARK_HEIGHT - 2 * _PAD)
        coords.append((round(_PAD + i * step, 1), round(y, 1)))
    return {"width": SPARK_WIDTH, "height": SPARK_HEIGHT,
            "points": " ".join(f"{x:g},{y:g}" for x, y in coords),
            "last_x": coords[-1][0], "last_y": coords[-1][1]}


def _lineage_row(c: Lineage, labels: list[str], words: dict[str, str]) -> dict[str, Any]:
    if c.done is not None:
        outcome = words["outcome_done"].format(year=labels[c.done])
    else:
        outcome = words[f"outcome_{c.outcome.value}"]
    cells = []
    for x in c.cells:
        mark = ("●" if x.stated else "") + (REVIEW_MARKS.get(x.review, "") if x.review else "")
        cells.append({"mark": mark, "review": x.review or "", "stated": x.stated, "text": x.text})
    return {"text": c.text, "outcome": outcome, "outcome_key": c.outcome.value, "flagged": c.flagged,
            "years": len(c.stated), "cells": cells}


def _structure_cells(cells: Sequence[StructureCell | None], words: dict[str, str]) -> list[dict[str, str] | None]:
    """A part's headings by year: "new" where it first appears after the first year, "gone" in the
    year after its last appearance, the section pair status (renamed, moved…) in between."""
    present = [i for i, x in enumerate(cells) if x is not None]
    out: list[dict[str, str] | None] = []
    for i, x in enumerate(cells):
        if x is None:
            gone = bool(present) and i == present[-1] + 1
            out.append({"heading": "", "status": "gone", "status_label": words["st_gone"]} if gone else None)
            continue
        status = "new" if x.status == "first" and i > 0 else x.status
        label = "" if status in ("first", "matched") else words.get(f"st_{status}", status)
        out.append({"heading": x.heading, "status": status, "status_label": label})
    return out


def series_context(s: Series, *, lang: str | None = None) -> dict[str, Any]:
    """Everything the series templates show, in display order."""
    language = lang or ("zh" if s.language == "zh" else "en")
    words = SERIES_LABELS[language]
    labels = [y.label for y in s.years]
    years = [{"label": y.label, "title": y.doc.title or "", "file": y.doc.path, "issuer": y.doc.issuer or ""}
             for y in s.years]
    # the counts a series computes itself (it skips the sentence diff; the pairwise pages have the rest)
    count_keys = ("figures_changed", "plan_addressed", "plan_not_found", "plan_met", "plan_not_met")
    count_words = ("count_changed_figure", "count_addressed", "count_not_found", "count_met", "count_not_met")
    pairs = []
    for p in s.pairs:
        counts = dict(p.counts)
        pairs.append({"old": labels[p.old], "new": labels[p.new], "href": p.href or "",
                      "counts": [{"label": words[w], "value": counts.get(k, 0)} for k, w in zip(count_keys, count_words)]})
    trends = []
    for i, t in enumerate(s.trends):
        trends.append({"id": f"t{i}", "label": t.label, "years": t.length, "spark": sparkline(t, len(labels)),
                       "cells": [None if p is None else {"text": p.text,
                                                         "kind": p.period if p.period else p.period_kind}
                                 for p in t.points]})
    lineage_all = [_lineage_row(c, labels, words) for c in s.lineage]
    repeated = [r for r in lineage_all if r["years"] > 1 or r["outcome_key"] == "done"]
    once = [r for r in lineage_all if not (r["years"] > 1 or r["outcome_key"] == "done")]
    targets = [{"label": r.label,
                "cells": [None if x is None else {"target": x.target, "actual": x.actual or "",
                                                  "status": x.status, "status_label": words[f"status_{x.status}"]
                                                  if f"status_{x.status}" in words else x.status,
                                                  "reason": x.reason} for x in r.cells]}
               for r in s.targets]
    structure = [{"level": r.level, "cells": _structure_cells(r.cells, words)} for r in s.structure]
    first, last = labels[0], labels[-1]
    heading = f"{s.issuer} {first}–{last}" if s.issuer else f"{first}–{last}"
    return {
        "lang": language,
        "words": words,
        "page_title": f"{words['title']}: {heading}",
        "heading": heading,
        "warnings": list(s.warnings),
        "years": years,
        "labels": labels,
        "pairs": pairs,
        "trends": trends,
        "flagged_title": words["flagged"].format(n=FLAG_YEARS),
        "flagged_count": sum(1 for r in lineage_all if r["flagged"]),
        "lineage": repeated,
        "once": once,
        "once_title": words["once"].format(n=len(once)),
        "targets": targets,
        "structure": structure,
    }


def _asset(name: str) -> Markup:
    # our own file, read as text and passed in as markup (never report text)
    text = (templates_dir() / "assets" / name).read_text(encoding="utf-8")
    if "</style" in text.lower():
        raise ValueError(f"asset {name} must not contain a closing style tag")
    return Markup(text)


@lru_cache(maxsize=2)
def _env(html: bool) -> jinja2.Environment:
    # autoescape set explicitly: select_autoescape() does not escape files named *.html.j2
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir())), autoescape=html,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters["md"] = escape_md
    return env


def render_series(s: Series, fmt: str, *, lang: str | None = None) -> str:
    """The series in one of SERIES_FORMATS."""
    if fmt == "json":
        return json.dumps(series_to_dict(s), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return _env(True).get_template("series.html.j2").render(css=_asset("series.css"),
                                                                  **series_context(s, lang=lang))
    if fmt == "md":
        return _env(False).get_template("series.md.j2").render(**series_context(s, lang=lang))
    raise RenderError(f"unknown format {fmt!r}; use one of {', '.join(SERIES_FORMATS)}.")
