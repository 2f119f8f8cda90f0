"""Scores the figure pairs of a comparison against fixtures/figure-pairs.json (issue 19).

A dev-set row names each side by a short label quote and the value as written; the value is looked
for at most `LABEL_REACH` characters after the label, and a figure of the tool stands for that row
when its span covers the value's first character.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from compare.model import Comparison, Figure, FigurePair

from conftest import FIXTURES

DEVSET = FIXTURES / "figure-pairs.json"
LABEL_REACH = 40  # the fixture's own rule: the label stands at most 40 characters before the value


def cases() -> list[dict[str, Any]]:
    return list(json.loads(DEVSET.read_text(encoding="utf-8"))["cases"])


def offsets(text: str, label: str, value: str) -> set[int]:
    """Where `value` starts after each occurrence of `label` (first occurrence within reach)."""
    found: set[int] = set()
    pos = text.find(label)
    while pos != -1:
        end = pos + len(label)
        at = text.find(value, end, end + LABEL_REACH + len(value))
        if at != -1:
            found.add(at)
        pos = text.find(label, pos + 1)
    return found


def _covers(fig: Figure | None, where: set[int]) -> bool:
    return fig is not None and any(fig.span.start <= o < fig.span.end for o in where)


@dataclass(frozen=True)
class Score:
    found: int
    total: int
    missed: tuple[str, ...]
    wrong: tuple[str, ...]


def _show(row: list[str]) -> str:
    return f"{row[0]} {row[1]} -> {row[2]} {row[3]}"


def score(comparison: Comparison, case: dict[str, Any]) -> Score:
    """Dev-set pairs found, and wrong pairs: a listed not-pair made, or a dev-set figure paired with
    something other than its partner."""
    old_text, new_text = comparison.old.source.text, comparison.new.source.text
    made = [p for p in comparison.figure_pairs if p.old is not None and p.new is not None]
    found = 0
    missed: list[str] = []
    wrong: list[str] = []
    wrong_ids: set[int] = set()

    def where(row: list[str]) -> tuple[set[int], set[int]]:
        o, n = offsets(old_text, row[0], row[1]), offsets(new_text, row[2], row[3])
        assert o and n, f"{case['series']} {case['old']}->{case['new']}: quote not found: {_show(row)}"
        return o, n

    def desc(p: FigurePair) -> str:
        assert p.old is not None and p.new is not None
        return (f"{p.old.label} {comparison.old.text_of(p.old.span)} -> "
                f"{p.new.label} {comparison.new.text_of(p.new.span)}")

    for row in case["pairs"]:
        o, n = where(row)
        hit = [p for p in made if _covers(p.old, o) and _covers(p.new, n)]
        if hit:
            found += 1
        else:
            missed.append(_show(row))
        for p in made:  # one side is this row's figure, the other is not its partner
            if (_covers(p.old, o)) != (_covers(p.new, n)) and id(p) not in wrong_ids:
                wrong_ids.add(id(p))
                wrong.append(desc(p))
    for row in case["not_pairs"]:
        o, n = where(row)
        for p in made:
            if _covers(p.old, o) and _covers(p.new, n) and id(p) not in wrong_ids:
                wrong_ids.add(id(p))
                wrong.append(desc(p))
    return Score(found, len(case["pairs"]), tuple(missed), tuple(wrong))
