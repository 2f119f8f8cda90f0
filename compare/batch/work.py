"""Batch stage 2: the work of one pair and of one issuer's series page, run in a worker process.

Workers write their own outputs (atomically) and return a `Row`, a few hundred bytes: a
`Comparison` is about half a megabyte pickled and never travels back. The facts a series needs
are stored beside the outputs in OUTDIR/.yoy-cache, which also makes a second run resumable.
These functions are what a process pool or a Dask worker calls, so they take and return only
picklable frozen values.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from ..series.adapter import (
    CompareError,
    read_report,
    render_comparison,
    series_comparison,
    summary_counts,
    templates_dir,
    write_output,
)
from ..series.build import build_series
from ..series.facts import PairFacts, facts_from_dict, facts_to_dict, pair_facts
from ..series.order import issuer_warning
from ..series.render import render_series

__all__ = ["CACHE_DIR", "CACHE_VERSION", "made_by", "RowKind", "Row", "PairTask", "SeriesTask", "check_input", "run_pair",
           "run_series", "one_line", "read_cached_row"]

CACHE_DIR = ".yoy-cache"
CACHE_VERSION = 1


@lru_cache(maxsize=1)
def made_by() -> str:
    """What a pair's cached outputs were made by: the cache layout and a digest of the code and
    templates that made them (a few milliseconds, once per process). A resumed run compares a
    pair again when other code made it (an upgrade, a local change): its page and JSON could
    differ, and the JSON could be of an older schema."""
    return f"{CACHE_VERSION}:{tree_digest([Path(__file__).resolve().parents[1], templates_dir()])}"


def tree_digest(roots: Sequence[Path]) -> str:
    """A digest of the files under `roots` (names and bytes; compiled bytecode left out)."""
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix not in (".pyc", ".pyo")):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


class RowKind:
    PAIR = "pair"
    INPUT = "input"
    SERIES = "series"


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the index: a pair, a failed input, or an issuer's series page."""

    issuer: str
    kind: str  # pair | input | series
    old: str  # year label; for an input or series row, the (first) year
    new: str  # "" for an input row; the last year for a series row
    status: str  # ok | failed
    error: str
    href: str  # the page, relative to OUTDIR ("" when none)
    new_commitments: int = 0
    dropped: int = 0
    changed_figures: int = 0
    plan_addressed: int = 0
    plan_partly: int = 0
    plan_not_found: int = 0
    targets_met: int = 0
    targets_not_met: int = 0

    def to_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class PairTask:
    issuer: str
    old_label: str
    new_label: str
    old_path: str
    new_path: str
    outdir: str  # OUTDIR
    folder: str  # the issuer's folder name under OUTDIR
    with_json: bool

    @property
    def stem(self) -> str:
        return f"{self.old_label}-{self.new_label}"

    @property
    def html_path(self) -> str:
        return os.path.join(self.outdir, self.folder, self.stem + ".html")

    @property
    def json_path(self) -> str:
        return os.path.join(self.outdir, self.folder, self.stem + ".json")

    @property
    def cache_path(self) -> str:
        """The facts of the pair, for the issuer's series page."""
        return os.path.join(self.outdir, CACHE_DIR, self.folder, self.stem + ".json")

    @property
    def row_path(self) -> str:
        """The pair's index row: a resumed run reads this small file only."""
        return os.path.join(self.outdir, CACHE_DIR, self.folder, self.stem + ".row.json")

    def outputs(self) -> list[str]:
        return [self.html_path, self.cache_path, self.row_path] + ([self.json_path] if self.with_json else [])


@dataclass(frozen=True, slots=True)
class SeriesTask:
    issuer: str
    outdir: str
    folder: str
    labels: tuple[str, ...]  # len(cache_paths) + 1
    cache_paths: tuple[str, ...]  # facts of consecutive pairs, in order
    hrefs: tuple[str, ...]  # pairwise page of each pair, relative to the series page
    notes: tuple[str, ...]  # shown on the page as warnings (a failed pair that cut the series)

    @property
    def html_path(self) -> str:
        return os.path.join(self.outdir, self.folder, "series.html")


def one_line(exc: BaseException) -> str:
    """The message a user sees for a failed input or pair (a CompareError says it already)."""
    if isinstance(exc, CompareError):
        text = str(exc)
    else:
        text = f"internal error: {type(exc).__name__}: {exc}"
    return " ".join(text.split())


def check_input(path: str) -> str | None:
    """None when the file reads and parses as a report, else the one-line reason; never raises."""
    try:
        read_report(path)
    except Exception as exc:
        return one_line(exc)
    return None


def _pair_row(task: PairTask, counts: dict[str, int]) -> Row:
    return Row(
        issuer=task.issuer, kind=RowKind.PAIR, old=task.old_label, new=task.new_label, status="ok", error="",
        href=f"{task.folder}/{task.stem}.html",
        new_commitments=counts.get("changes_new_commitment", 0), dropped=counts.get("changes_dropped", 0),
        changed_figures=counts.get("figures_changed", 0), plan_addressed=counts.get("plan_addressed", 0),
        plan_partly=counts.get("plan_partly", 0), plan_not_found=counts.get("plan_not_found", 0),
        targets_met=counts.get("plan_met", 0), targets_not_met=counts.get("plan_not_met", 0),
    )


def run_pair(task: PairTask) -> Row:
    """Compare one pair and write its page (+ JSON) and cached facts; never raises."""
    try:
        c = series_comparison(task.old_path, task.new_path, full=True)
        html = render_comparison(c, "html")
        data = render_comparison(c, "json") if task.with_json else None
        row = _pair_row(task, summary_counts(c))
        facts = json.dumps({"version": made_by(), "facts": facts_to_dict(pair_facts(c))},
                           ensure_ascii=False, separators=(",", ":"))
        write_output(html, task.html_path)
        if data is not None:
            write_output(data, task.json_path)
        write_output(facts, task.cache_path)
        # written last: its presence and time say the pair's outputs are complete
        write_output(json.dumps({"version": made_by(), "row": row.to_dict()}, ensure_ascii=False), task.row_path)
        return row
    except Exception as exc:  # a failing pair is a row, never a crash that loses the others
        return Row(issuer=task.issuer, kind=RowKind.PAIR, old=task.old_label, new=task.new_label,
                   status="failed", error=one_line(exc), href="")


def read_cached_row(path: str) -> Row | None:
    """The row stored by `run_pair`, or None when the cache is missing or other code made it."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("version") != made_by():
            return None
        return Row(**data["row"])
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _load_facts(paths: Sequence[str]) -> list[PairFacts]:
    out: list[PairFacts] = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            out.append(facts_from_dict(json.load(fh)["facts"]))
    return out


def run_series(task: SeriesTask) -> Row:
    """Build and write one issuer's series page from the cached facts of its pairs; never raises."""
    href = f"{task.folder}/series.html"
    try:
        facts = _load_facts(task.cache_paths)
        docs = [f.old for f in facts] + [facts[-1].new]
        second = issuer_warning([d.path for d in docs], docs)
        series = build_series(facts, task.labels, hrefs=task.hrefs,
                              warnings=task.notes + ((second,) if second else ()))
        write_output(render_series(series, "html"), task.html_path)
        return Row(issuer=task.issuer, kind=RowKind.SERIES, old=task.labels[0], new=task.labels[-1], status="ok",
                   error="", href=href)
    except Exception as exc:
        return Row(issuer=task.issuer, kind=RowKind.SERIES, old=task.labels[0], new=task.labels[-1],
                   status="failed", error=one_line(exc), href="")
