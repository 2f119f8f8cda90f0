"""Stage 5, figures: extract `Figure` values from a report and pair them across years.

Foundation version: Arabic numbers with a unit of %, 万元, 亿元, 人, 件, 个, 家 and the like; pairs by the
label before the number. The figures issue replaces this with full numeral parsing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from .model import Figure, FigurePair, Report, Span

__all__ = ["extract_figures", "match_figures"]

_FIGURE = re.compile(r"(\d+(?:\.\d+)?)(%|万元|亿元|万人|人|件|个|家|起|场|次|宗)")
_LABEL = re.compile(r"([\u4e00-\u9fff]{2,8})(?:达|为|是|共|约)?$")


def extract_figures(report: Report) -> tuple[Figure, ...]:
    """Every number-with-unit in the body of `report`, in document order."""
    text = report.source.text
    figs: list[Figure] = []
    for sec in report.sections:
        if sec.level != 1:
            continue
        for m in _FIGURE.finditer(text, sec.span.start, sec.span.end):
            before = text[max(0, m.start() - 12) : m.start()]
            lm = _LABEL.search(before)
            figs.append(Figure(Decimal(m.group(1)), m.group(2), lm.group(1) if lm else "",
                               Span(m.start(), m.end()), sec.id))
    return tuple(figs)


def match_figures(old: Sequence[Figure], new: Sequence[Figure]) -> tuple[FigurePair, ...]:
    """Pair figures with the same label and unit; the rest are dropped / new."""
    pairs: list[FigurePair] = []
    used: set[int] = set()
    for o in old:
        hit = next((j for j, n in enumerate(new) if j not in used and o.label and n.label == o.label
                    and n.unit == o.unit), None)
        if hit is None:
            pairs.append(FigurePair(o, None))
            continue
        used.add(hit)
        n = new[hit]
        delta = n.value - o.value
        pct = (delta / o.value * 100) if o.value else None
        pairs.append(FigurePair(o, n, 1.0, delta, pct, delta if o.unit == "%" else None))
    pairs.extend(FigurePair(None, n) for j, n in enumerate(new) if j not in used)
    return tuple(pairs)
