"""Pairing rules and not-figures over the whole corpus (issue 19); skipped without ../shared.

- Over every consecutive pair of every series, no figure pair joins different period kinds, kinds
  (outcome / target / forecast / baseline) or scopes.
- Over every file, no project phase (二期), ordinal (第X届, X次会议), line name (X号线), policy name
  (X条措施) or plan name (十四五) is a figure.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from compare.align import align_sections
from compare.figures.extract import extract_figures
from compare.figures.match import match_figures
from compare.figures.rules import period_class
from compare.ingest import read_source
from compare.model import Figure, FigurePair, Report
from compare.structure.parse import parse_report

from conftest import CORPUS

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

BROKEN = "pagechrome"  # sz-pingshan-gwr/2021-pagechrome-only.txt must be refused, not parsed


def _series() -> list[list[Path]]:
    if not CORPUS.exists():
        return []
    out = []
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        files = sorted(f for f in folder.glob("*.txt") if BROKEN not in f.name)
        if files:
            out.append(files)
    return out


SERIES = _series()
FILES = [f for files in SERIES for f in files]
PAIRS = [(files[i], files[i + 1]) for files in SERIES for i in range(len(files) - 1)]


def _need_corpus() -> None:
    if not SERIES:
        pytest.skip(f"{CORPUS} is absent: ../shared (seeds and corpus) is not beside this checkout")


@functools.lru_cache(maxsize=None)
def _read(path: Path) -> tuple[Report, tuple[Figure, ...]]:
    report = parse_report(read_source(str(path)))
    return report, extract_figures(report)


def _pairs(old: Path, new: Path) -> tuple[FigurePair, ...]:
    old_report, old_figs = _read(old)
    new_report, new_figs = _read(new)
    return match_figures(old_figs, new_figs, section_pairs=align_sections(old_report, new_report))


def test_corpus_is_there() -> None:
    _need_corpus()
    assert len(PAIRS) > 50


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_pair_joins_unlike_figures(old: Path, new: Path) -> None:
    _need_corpus()
    bad = []
    for p in _pairs(old, new):
        if p.old is None or p.new is None:
            continue
        o, n = p.old, p.new
        # an unstated period is the report's own year (model.PeriodKind.UNSTATED), hence period_class
        if (period_class(o), o.kind, o.scope) != (period_class(n), n.kind, n.scope):
            bad.append(f"{o.label} {o.value}{o.unit} [{o.period_kind.value} {o.kind.value} {o.scope}] -> "
                       f"{n.label} {n.value}{n.unit} [{n.period_kind.value} {n.kind.value} {n.scope}]")
    assert not bad, "\n".join(bad[:20])


# What stands around a figure that only names a thing: (pattern over the figure as written plus
# the characters after it, why).
NOT_FIGURES = (
    (re.compile(r"^[一二三四五六七八九十]+期"), "project phase (一期, 二期)"),
    (re.compile(r"^[一二三四五六七八九十]+(?:届|次(?:会议|全会|全体会议|常委会|党代会|人代会))"), "ordinal (第X届, X次会议)"),
    (re.compile(r"^[0-9０-９一二三四五六七八九十]+号线"), "line name (X号线)"),
    (re.compile(r"^[0-9０-９一二三四五六七八九十]+条(?:措施|举措|硬措施|意见)"), "policy name (X条措施)"),
    (re.compile(r"^十[一二三四五六七八九]五"), "plan name (十四五)"),
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_names_are_not_figures(path: Path) -> None:
    _need_corpus()
    report, figs = _read(path)
    text = report.source.text
    bad = []
    for fig in figs:
        written = text[fig.span.start : fig.span.end + 4]
        if not re.match(r"^[一二三四五六七八九十0-9０-９]", written):
            continue
        for pattern, why in NOT_FIGURES:
            if pattern.match(written):
                bad.append(f"{why}: {text[max(0, fig.span.start - 8) : fig.span.end + 4]!r}")
    assert not bad, "\n".join(bad[:20])
