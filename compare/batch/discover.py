"""Batch stage 1: INPUT (a folder of <issuer>/<year>.<ext>, or a CSV manifest) -> the reports to compare.

A report's label is its year as the folder or manifest writes it ("2019", "2021a", "2021b",
"2021-pagechrome-only"): it names the outputs and orders the reports of one issuer (by the year,
then the rest of the label), so two reports of one year both take part.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..series.adapter import InputError

__all__ = ["REPORT_EXTENSIONS", "BatchInput", "Discovered", "discover_inputs", "safe_name"]

# What `yoy compare` reads; other files in an issuer's folder (SOURCE.md, notes) are not reports.
REPORT_EXTENSIONS = (".txt", ".html", ".htm", ".docx", ".pdf")

_LABEL = re.compile(r"^((?:1[89]|20|21)\d{2})(.*)$")
_UNSAFE = re.compile(r"[\\/:*?\"<>|\x00-\x1f]")


@dataclass(frozen=True, slots=True)
class BatchInput:
    issuer: str  # as written in the folder name or manifest
    label: str  # "2019", "2021a"
    year: int
    path: str

    @property
    def order(self) -> tuple[int, str]:
        return (self.year, self.label)


@dataclass(frozen=True, slots=True)
class Discovered:
    inputs: tuple[BatchInput, ...]  # by issuer, then year order
    warnings: tuple[str, ...]


def safe_name(name: str) -> str:
    """A name usable as one folder or file name on any system (Chinese characters kept)."""
    cleaned = _UNSAFE.sub("_", name).strip().strip(".")
    return cleaned or "_"


def _label(stem: str) -> tuple[int, str] | None:
    m = _LABEL.match(stem.strip())
    return (int(m.group(1)), stem.strip()) if m else None


def _from_folder(root: str, warnings: list[str]) -> list[BatchInput]:
    def reports(folder: str, issuer: str) -> Iterable[BatchInput]:
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            stem, ext = os.path.splitext(name)
            if name.startswith(".") or not os.path.isfile(path) or ext.lower() not in REPORT_EXTENSIONS:
                continue
            label = _label(stem)
            if label is None:
                warnings.append(f"{path}: skipped, its name does not start with a year (2019.txt, 2021a.pdf).")
                continue
            yield BatchInput(issuer, label[1], label[0], path)

    top = list(reports(root, os.path.basename(os.path.normpath(os.path.abspath(root)))))
    if top:  # INPUT is one issuer's folder
        return top
    out: list[BatchInput] = []
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if not name.startswith(".") and os.path.isdir(folder):
            out.extend(reports(folder, name))
    return out


def _from_manifest(path: str, warnings: list[str]) -> list[BatchInput]:
    base = os.path.dirname(os.path.abspath(path))
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the manifest ({exc}); it must be UTF-8 CSV "
                         "with the columns issuer,year,path.") from None
    if rows and [c.strip().lower() for c in rows[0][:3]] == ["issuer", "year", "path"]:
        rows = rows[1:]
    out: list[BatchInput] = []
    for n, row in enumerate(rows, start=2):
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) < 3:
            raise InputError(f"{path}, line {n}: expected issuer,year,path; got {len(row)} column(s).")
        issuer, year, file = (c.strip() for c in row[:3])
        label = _label(year)
        if not issuer or label is None:
            raise InputError(f"{path}, line {n}: the issuer is empty or the year {year!r} does not start "
                             "with a four-digit year.")
        out.append(BatchInput(issuer, label[1], label[0], os.path.join(base, file)))
    return out


def discover_inputs(input_path: str) -> Discovered:
    """Every report of INPUT, grouped by issuer (issuers in name order) and ordered by year."""
    warnings: list[str] = []
    if os.path.isdir(input_path):
        found = _from_folder(input_path, warnings)
    elif os.path.isfile(input_path):
        found = _from_manifest(input_path, warnings)
    else:
        raise InputError(f"{input_path}: no such folder or manifest; give a folder of <issuer>/<year>.txt "
                         "files or a CSV file with issuer,year,path.")
    if not found:
        raise InputError(f"{input_path}: no reports found; expected <issuer>/<year>.<ext> files "
                         f"({', '.join(REPORT_EXTENSIONS)}) or a manifest with issuer,year,path rows.")
    seen: set[tuple[str, str]] = set()
    unique: list[BatchInput] = []
    for item in found:
        key = (safe_name(item.issuer), item.label)
        if key in seen:
            warnings.append(f"{item.path}: a second report labelled {item.label} for {item.issuer}; skipped.")
            continue
        seen.add(key)
        unique.append(item)
    unique.sort(key=lambda i: (safe_name(i.issuer), i.order))
    return Discovered(tuple(unique), tuple(warnings))
