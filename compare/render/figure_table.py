"""Render, HTML: the rows of the figures tables (figures whose value changed, and figures only one
report has), in Python.

A district's pair of reports has a hundred changed figures and several hundred unpaired ones; as
jinja loops their rows were a third of the page's template time (an escape and a lookup for
every cell, the column labels escaped again on every row). The tables themselves (caption, head,
the chart, the groups) stay in templates/_figures.html.j2; these draw their rows as the loops did,
byte for byte, every value escaped (render/rows.escape).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup

from .rows import escape

__all__ = ["figure_rows", "unpaired_figure_rows"]


def _text(value: object) -> str:
    """A value as jinja prints it: str() of a non-string, then escaped."""
    return escape(value if type(value) is str else str(value))


def _linked(href: str, text: str) -> str:
    return f'<a href="{_text(href)}">{text}</a>' if href else text


def figure_rows(figures: Iterable[Mapping[str, Any]], labels: Mapping[str, str],
                years: Mapping[str, str]) -> Markup:
    """One <tr> per changed figure (render/context._figures rows): what, with the two sentences
    in a disclosure, period, kind, the two values linking to their sentences, the change and
    the part it is in; data-sort values for the sortable columns."""
    col_what, col_period, col_kind, col_change, col_where = (
        _text(labels[k]) for k in ("col_what", "col_period", "col_kind", "col_change", "col_where"))
    old_year, new_year = _text(years["old"]), _text(years["new"])
    out: list[str] = []
    for f in figures:
        label = _text(f["label"])
        old_sentence, new_sentence = f["old_sentence"], f["new_sentence"]
        out.append(f'<tr id="{_text(f["anchor"])}" class="{"up" if f["rising"] else "down"}" '
                   f'data-order="{_text(f["order"])}">\n<td data-label="{col_what}">')
        if old_sentence or new_sentence:
            out.append(f'<details class="src"><summary>{label}</summary>')
            if old_sentence:
                out.append(f'<p class="old"><span class="y">{old_year}</span> {_text(old_sentence)}</p>')
            if new_sentence:
                out.append(f'<p class="new"><span class="y">{new_year}</span> {_text(new_sentence)}</p>')
            out.append("</details>")
        else:
            out.append(label)
        out.append(
            f'</td>\n<td data-label="{col_period}">{_text(f["period"])}</td>\n'
            f'<td data-label="{col_kind}">{_text(f["kind"])}</td>\n'
            f'<td data-label="{old_year}" data-sort="{_text(f["sort_old"])}">{_linked(f["old_href"], _text(f["old"]))}</td>\n'
            f'<td data-label="{new_year}" data-sort="{_text(f["sort_new"])}">{_linked(f["new_href"], _text(f["new"]))}</td>\n'
            f'<td data-label="{col_change}" data-sort="{_text(f["sort_change"])}"><span class="dir" aria-hidden="true">'
            f'{"▲" if f["rising"] else "▼"}</span> {_text(f["change"])}</td>\n'
            f'<td data-label="{col_where}">{_text(f["section"])}</td>\n</tr>\n')
    return Markup("".join(out))


def unpaired_figure_rows(rows: Iterable[Mapping[str, Any]], labels: Mapping[str, str]) -> Markup:
    """One <tr> per figure only one report has (render/context._unpaired rows): label and value,
    kind, and the sentence it stands in."""
    col_what, col_kind, col_sentence = (_text(labels[k]) for k in ("col_what", "col_kind", "col_sentence"))
    return Markup("".join(
        f'<tr><td data-label="{col_what}">{_text(f["label"])} <b>{_text(f["text"])}</b></td>'
        f'<td data-label="{col_kind}">{_text(f["kind"])}</td>'
        f'<td data-label="{col_sentence}">{_text(f["sentence"])}</td></tr>\n' for f in rows))
