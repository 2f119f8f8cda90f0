"""`yoy batch` as a library call: discover, check inputs, run pairs and series pages, write the index.

Order of work: every input is read and parsed once first (by the workers; cheap next to a
comparison; skipped for a file a later pair output already used) so a broken file becomes one
failed row and drops out of its issuer's chain instead of failing two pairs;
pairs whose outputs are newer than both inputs are skipped (resume); the rest go to the runner;
an issuer's series page is submitted as soon as its last pair is back.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..series.adapter import write_output
from ..series.run import MIN_REPORTS
from .discover import BatchInput, discover_inputs, safe_name
from .index import render_index_csv, render_index_html
from .progress import Progress
from .runner import make_runner
from .work import (
    CACHE_DIR,
    PairTask,
    Row,
    RowKind,
    SeriesTask,
    check_input,
    one_line,
    read_cached_row,
    run_pair,
    run_series,
)

__all__ = ["BatchResult", "run_batch"]


@dataclass(frozen=True, slots=True)
class BatchResult:
    rows: tuple[Row, ...]  # as in the index
    total: int
    failed: int
    computed: int  # pairs compared in this run
    skipped: int  # pairs up to date, not compared again
    index_csv: str
    index_html: str
    warnings: tuple[str, ...]


def _mtime(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


def _up_to_date(outputs: Sequence[str], inputs: Sequence[str]) -> bool:
    made = [_mtime(p) for p in outputs]
    used = [_mtime(p) for p in inputs]
    made_known = [t for t in made if t is not None]
    used_known = [t for t in used if t is not None]
    if len(made_known) < len(made) or len(used_known) < len(used) or not made_known:
        return False
    return min(made_known) >= max(used_known, default=0.0)


def _known_good(item: BatchInput, others: Sequence[BatchInput], outdir: str) -> bool:
    """Whether a pair output made after the file's last change used it: it parsed then, and will now."""
    made = _mtime(item.path)
    if made is None:
        return False
    folder = os.path.join(outdir, CACHE_DIR, safe_name(item.issuer))
    for other in others:
        if other.label == item.label:
            continue
        for stem in (f"{item.label}-{other.label}", f"{other.label}-{item.label}"):
            t = _mtime(os.path.join(folder, stem + ".row.json"))
            if t is not None and t >= made:
                return True
    return False


def _series_task(issuer: str, folder: str, outdir: str, tasks: Sequence[PairTask],
                 rows: dict[int, Row]) -> SeriesTask | None:
    """The longest run of consecutive pairs that all succeeded, if it spans MIN_REPORTS reports."""
    best: tuple[int, int] = (0, 0)
    start = 0
    for i in range(len(tasks) + 1):
        if i == len(tasks) or rows[i].status != "ok":
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = i + 1
    a, b = best
    if b - a + 1 < MIN_REPORTS:
        return None
    run = tasks[a:b]
    notes = tuple(f"{t.stem}: {rows[i].error}" for i, t in enumerate(tasks) if rows[i].status != "ok")
    if notes:
        notes = (f"the series covers {run[0].old_label}–{run[-1].new_label}; failed pairs: " + "; ".join(notes),)
    return SeriesTask(issuer=issuer, outdir=outdir, folder=folder,
                      labels=tuple([t.old_label for t in run] + [run[-1].new_label]),
                      cache_paths=tuple(t.cache_path for t in run),
                      hrefs=tuple(f"{t.stem}.html" for t in run), notes=notes)


def run_batch(  # noqa: C901 - one loop over inputs, pairs and series pages, each step a row
    input_path: str, outdir: str, *, jobs: int = 1, dask_address: str | None = None,
              with_json: bool = False, force: bool = False, progress: Progress | None = None) -> BatchResult:
    """Compare every consecutive pair of every issuer under INPUT into OUTDIR; see `yoy batch --help`.

    Raises CompareError only for a problem with INPUT or OUTDIR as a whole; a failing input, pair or
    series page becomes a failed row.
    """
    progress = progress or Progress(enabled=False)
    found = discover_inputs(input_path)
    os.makedirs(outdir, exist_ok=True)
    by_issuer: dict[str, list[BatchInput]] = defaultdict(list)
    for item in found.inputs:
        by_issuer[item.issuer].append(item)

    runner = make_runner(jobs=jobs, dask_address=dask_address)
    try:
        # Every input is parsed once, in parallel, unless a pair made after its last change used it.
        errors: dict[str, str | None] = {}
        checking: dict[object, str] = {}
        for item in found.inputs:
            if not force and _known_good(item, by_issuer[item.issuer], outdir):
                errors[item.path] = None
            else:
                checking[runner.submit(check_input, item.path)] = item.path
        while runner.pending():
            for handle, error, exc in runner.wait_any():
                errors[checking.pop(handle)] = one_line(exc) if exc is not None else error
    except BaseException:
        runner.close()
        raise

    input_rows: list[Row] = []
    plans: list[tuple[str, str, list[PairTask]]] = []
    for issuer in sorted(by_issuer, key=safe_name):
        folder = safe_name(issuer)
        good: list[BatchInput] = []
        for item in by_issuer[issuer]:
            error = errors[item.path]
            if error is None:
                good.append(item)
            else:
                input_rows.append(Row(issuer=issuer, kind=RowKind.INPUT, old=item.label, new="", status="failed",
                                      error=error, href=""))
        tasks = [PairTask(issuer, o.label, n.label, o.path, n.path, outdir, folder, with_json)
                 for o, n in zip(good, good[1:])]
        if tasks:
            os.makedirs(os.path.join(outdir, folder), exist_ok=True)
            os.makedirs(os.path.dirname(tasks[0].cache_path), exist_ok=True)
        plans.append((issuer, folder, tasks))

    total = sum(len(t) for _, _, t in plans)
    progress.start(total)
    pair_rows: dict[tuple[int, int], Row] = {}
    series_rows: dict[int, Row] = {}
    remaining = {k: len(t) for k, (_, _, t) in enumerate(plans)}
    computed = skipped = 0
    recomputed: set[int] = set()  # issuers with a pair compared in this run
    owner: dict[object, tuple[str, int, int]] = {}

    def issuer_done(k: int) -> None:
        issuer, folder, tasks = plans[k]
        rows = {i: pair_rows[(k, i)] for i in range(len(tasks))}
        task = _series_task(issuer, folder, outdir, tasks, rows)
        if task is None:
            return
        # skipped only when every pair was up to date too: a newly failed pair changes the run
        if not force and k not in recomputed and _up_to_date([task.html_path], task.cache_paths):
            series_rows[k] = Row(issuer=issuer, kind=RowKind.SERIES, old=task.labels[0], new=task.labels[-1],
                                 status="ok", error="", href=f"{folder}/series.html")
            return
        owner[runner.submit(run_series, task)] = ("series", k, 0)

    try:
        for k, (_, _, tasks) in enumerate(plans):
            for i, task in enumerate(tasks):
                cached = None
                if not force and _up_to_date(task.outputs(), [task.old_path, task.new_path]):
                    cached = read_cached_row(task.row_path)
                if cached is not None:
                    pair_rows[(k, i)] = cached
                    skipped += 1
                    progress.advance(computed=False)
                    remaining[k] -= 1
                else:
                    owner[runner.submit(run_pair, task)] = ("pair", k, i)
            if remaining[k] == 0 and tasks:
                issuer_done(k)
        while runner.pending():
            for handle, result, exc in runner.wait_any():
                what, k, i = owner.pop(handle)
                issuer, _, tasks = plans[k]
                if exc is not None:  # the worker itself failed (killed, out of memory, lost)
                    if what == "pair":
                        t = tasks[i]
                        result = Row(issuer=issuer, kind=RowKind.PAIR, old=t.old_label, new=t.new_label,
                                     status="failed", error=one_line(exc), href="")
                    else:
                        result = Row(issuer=issuer, kind=RowKind.SERIES, old="", new="", status="failed",
                                     error=one_line(exc), href="")
                if what == "pair":
                    pair_rows[(k, i)] = result
                    recomputed.add(k)
                    computed += 1
                    progress.advance(computed=True)
                    remaining[k] -= 1
                    if remaining[k] == 0:
                        issuer_done(k)
                else:
                    series_rows[k] = result
    finally:
        runner.close()

    rows: list[Row] = []
    for k, (issuer, _, tasks) in enumerate(plans):
        rows.extend(r for r in input_rows if r.issuer == issuer)
        rows.extend(pair_rows[(k, i)] for i in range(len(tasks)))
        if k in series_rows:
            rows.append(series_rows[k])
    index_csv = os.path.join(outdir, "index.csv")
    index_html = os.path.join(outdir, "index.html")
    write_output(render_index_csv(rows), index_csv)
    write_output(render_index_html(rows), index_html)
    failed = sum(1 for r in rows if r.status != "ok")
    return BatchResult(rows=tuple(rows), total=len(rows), failed=failed, computed=computed, skipped=skipped,
                       index_csv=index_csv, index_html=index_html, warnings=found.warnings)
