"""`yoy series` as a library call: files -> ordered reports -> facts of each consecutive pair -> Series."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext

from ..model import Report, SourceText
from .adapter import CompareError, InputError, parse, read_text, series_comparison
from .build import build_series
from .facts import PairFacts, doc_info, pair_facts
from .model import Series
from .order import order_reports

__all__ = ["MIN_REPORTS", "pair_facts_of_files", "series_files", "pair_page_name"]

MIN_REPORTS = 3


def pair_facts_of_files(old: str | SourceText | Report, new: str | SourceText | Report, *,
                        new_plan: bool = True) -> PairFacts:
    """The facts of one pair, computed without the sentence diffs (a series does not show them)."""
    return pair_facts(series_comparison(old, new, full=False), new_plan=new_plan)


def _star(args: tuple[Report, Report, bool]) -> PairFacts:
    return pair_facts_of_files(args[0], args[1], new_plan=args[2])


def _read_report(path: str) -> Report:
    """Read and parse one report of the series; any failure is one line naming the file."""
    try:
        return parse(read_text(path))
    except CompareError:
        raise
    except Exception as exc:
        raise CompareError(f"{path}: cannot be read as a report ({type(exc).__name__}: {exc}).") from None


def pair_page_name(old_label: str, new_label: str, ext: str = "html") -> str:
    """The file name `yoy batch` gives a pairwise page: "2018-2019.html"."""
    return f"{old_label}-{new_label}.{ext}"


def _href(pages_dir: str | None, names: Sequence[tuple[str, str]]) -> str | None:
    if pages_dir is None:
        return None
    for old, new in names:
        name = pair_page_name(old, new)
        if os.path.isfile(os.path.join(pages_dir, name)):
            return name
    return None


def series_files(paths: Sequence[str], *, jobs: int = 1, pages_dir: str | None = None,
                 map_pairs: Callable[..., object] | None = None) -> Series:
    """Build the series of 3 or more reports of one issuer, in the order of their years.

    `pages_dir` is where the page is written: a pairwise page found there as "<old>-<new>.html"
    (by the page's year labels or by the files' names) is linked. `jobs` > 1 computes the pairs
    in a process pool.
    """
    if len(paths) < MIN_REPORTS:
        raise InputError(f"a series needs {MIN_REPORTS} or more reports; got {len(paths)}. "
                         "For two reports use `yoy compare OLD NEW`.")
    if len(set(map(os.path.abspath, paths))) != len(paths):
        raise InputError("the same file is given twice; give each year's report once.")
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) if jobs > 1 else nullcontext() as pool:
        # each report is read and parsed once (in the pool: the workers load the pipeline while
        # they parse) and shipped parsed to the pairs that use it
        parsed = list(pool.map(_read_report, paths) if pool else map(_read_report, paths))
        reports = dict(zip(paths, parsed, strict=True))
        ordered = order_reports(paths, [doc_info(r) for r in parsed])
        last = len(ordered.paths) - 2
        pairs = [(reports[o], reports[n], i == last) for i, (o, n) in enumerate(zip(ordered.paths, ordered.paths[1:]))]
        facts = list(pool.map(_star, pairs) if pool else map(_star, pairs))
    stems = [os.path.splitext(os.path.basename(p))[0] for p in ordered.paths]
    labels = ordered.labels
    hrefs = [_href(pages_dir, [(labels[i], labels[i + 1]), (stems[i], stems[i + 1])]) for i in range(len(pairs))]
    return build_series(facts, labels, hrefs=hrefs, warnings=ordered.warnings)
