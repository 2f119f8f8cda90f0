"""Render, HTML: the rows of the plan tables (the page's and the follow-up page's), in Python.

A national report's plan has hundreds of items, each with up to three passages of evidence; as a
jinja loop that was some forty escapes per item and the largest part of the page's template time.
The table itself (caption, head, the groups it is split into) stays in templates/_plan_checks.html.j2;
this draws its rows as the loop did, byte for byte, every value escaped (render/rows.escape).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup

from .rows import escape

__all__ = ["plan_rows"]


def _text(value: object) -> str:
    """A value as jinja prints it: str() of a non-string, then escaped."""
    return escape(value if type(value) is str else str(value))


def _evidence(evidence: list[Mapping[str, Any]], labels: Mapping[str, str], out: list[str]) -> None:
    """The passages cited as evidence, each a paragraph linking to its place ("—" for none)."""
    for e in evidence:
        text = _text(e["text"])
        out.append(f'<p class="ev"><a class="evlink" href="{_text(e["href"])}">{text}</a>' if e["href"]
                   else f'<p class="ev">{text}')
        if e["in_plan"]:
            out.append(f' <span class="where">{_text(labels["in_new_plan"])}</span>')
        out.append("</p>")
    if not evidence:
        out.append("—")


def _basis(item: Mapping[str, Any], labels: Mapping[str, str], out: list[str]) -> None:
    """The 「依据」 disclosure: the rule behind the status and each passage's similarity and method."""
    evidence = item["evidence"]
    if not (item["basis"] or evidence):
        return
    out.append(f'<details class="basis"><summary>{_text(labels["basis"])}</summary>')
    if item["basis"]:
        out.append(f"<p>{_text(labels['basis_rule'])}{_text(labels['colon'])}{_text(item['basis'])}</p>")
    similarity, method = _text(labels["basis_similarity"]), _text(labels["basis_method"])
    for n, e in enumerate(evidence, 1):
        out.append(f"<p>{n}. {similarity} {_text(e['score'])}")
        if e["matched_by"]:
            out.append(f" · {method} {_text(e['matched_by'])}")
        out.append("</p>")
    out.append("</details>")


def plan_rows(rows: Iterable[Mapping[str, Any]], labels: Mapping[str, str]) -> Markup:
    """One <tr> a line per plan check (render/context.plan_view rows): the item with its kind and
    link, the status with its reason, the evidence and the basis."""
    col_item, col_status, col_evidence = (_text(labels[k]) for k in ("col_item", "col_status", "col_evidence"))
    out: list[str] = []
    for item in rows:
        status = _text(item["status"])
        out.append(f'<tr id="{_text(item["anchor"])}" class="st-{status}">\n'
                   f'<td data-label="{col_item}"><span class="kind">{_text(item["kind_label"])}</span> ')
        text = _text(item["item"])
        out.append(f'<a href="{_text(item["item_href"])}">{text}</a>' if item["item_href"] else text)
        out.append(f'</td>\n<td data-label="{col_status}"><span class="badge st-{status}">'
                   f'{_text(item["status_label"])}</span>')
        if item["reason"]:
            out.append(f' <span class="reason">{_text(item["reason"])}</span>')
        out.append(f'</td>\n<td data-label="{col_evidence}">')
        _evidence(item["evidence"], labels, out)
        _basis(item, labels, out)
        out.append("</td>\n</tr>\n")
    return Markup("".join(out))
