"""Series stage 0: put the given reports in the order of the years they are about, and name them.

The order comes from each report's metadata, never from the argument order: a file names its
year only by convention, and a shuffled glob must give the same page.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .facts import DocInfo

__all__ = ["Ordered", "order_reports", "series_labels", "file_year", "issuer_warning"]

_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@dataclass(frozen=True, slots=True)
class Ordered:
    paths: tuple[str, ...]
    docs: tuple[DocInfo, ...]
    labels: tuple[str, ...]
    warnings: tuple[str, ...]


def file_year(path: str) -> int | None:
    """A four-digit year in the file's name (2019.txt, gwr-2019a.pdf), if there is exactly one."""
    found = _FILE_YEAR.findall(os.path.basename(path))
    return int(found[0]) if len(found) == 1 else None


def _reported_year(d: DocInfo) -> int | None:
    if d.year is not None:
        return d.year
    if d.plan_year is not None:
        return d.plan_year - 1  # a plan is for the year after the one reported on
    return None


def series_labels(docs: Sequence[DocInfo], paths: Sequence[str]) -> tuple[str, ...]:
    """How the page names each report: all by the year they plan (政府工作报告, as their pairwise
    pages do) or all by the year reported on; the file's name when a report states no year.
    Repeated names get " (2)", " (3)"… so every column is told apart."""
    by_plan = all(d.known_by_plan_year for d in docs)
    labels: list[str] = []
    for d, path in zip(docs, paths):
        year = d.plan_year if by_plan else d.year
        labels.append(str(year) if year is not None else os.path.splitext(os.path.basename(path))[0])
    seen: dict[str, int] = {}
    out: list[str] = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return tuple(out)


def _norm(name: str) -> str:
    return "".join(name.split()).lower()


def issuer_warning(paths: Sequence[str], docs: Sequence[DocInfo]) -> str | None:
    """A warning naming each issuer (with its first file) when the reports name more than one."""
    issuers: dict[str, str] = {}
    for path, d in zip(paths, docs):
        if d.issuer:
            issuers.setdefault(_norm(d.issuer), f"{d.issuer} ({path})")
    if len(issuers) < 2:
        return None
    return ("the reports name more than one issuer: " + ", ".join(issuers.values())
            + "; check that all files are of one issuer.")


def order_reports(paths: Sequence[str], docs: Sequence[DocInfo]) -> Ordered:
    """Sort by the year reported on (a plan year stands for the year before it); a report with
    no year in it goes by the year in its file name, else after the dated ones, in argument order.
    Warns on a missing year and on a second issuer."""
    warnings: list[str] = []
    # how file names relate to reported years in this run (0, or 1 for 政府工作报告 named by session)
    offsets = sorted(fy - ry for fy, ry in ((file_year(p), _reported_year(d)) for p, d in zip(paths, docs))
                     if fy is not None and ry is not None)
    offset = offsets[len(offsets) // 2] if offsets else 0
    keyed: list[tuple[tuple[int, int, int], str, DocInfo]] = []
    for position, (path, d) in enumerate(zip(paths, docs)):
        year = _reported_year(d)
        if year is None:
            from_name = file_year(path)
            if from_name is not None:
                warnings.append(f"{path}: no year found in the report; placed by the year in its file name "
                                f"({from_name}).")
                year = from_name - offset
            else:
                warnings.append(f"{path}: no year found in the report nor in its file name; placed last.")
        keyed.append(((0 if year is not None else 1, year or 0, position), path, d))
    keyed.sort(key=lambda k: k[0])
    second = issuer_warning([p for _, p, _ in keyed], [d for _, _, d in keyed])
    if second:
        warnings.append(second)
    ordered_paths = tuple(p for _, p, _ in keyed)
    ordered_docs = tuple(d for _, _, d in keyed)
    return Ordered(ordered_paths, ordered_docs, series_labels(ordered_docs, ordered_paths), tuple(warnings))
