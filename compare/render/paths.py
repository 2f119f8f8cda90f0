"""Render: what an output says about where its inputs came from.

A shared page, JSON or Markdown file names each input by its file name only; the directories of
the machine that made it stay private unless the caller asks for full paths (`--full-paths`).
"""

from __future__ import annotations

import ntpath
import posixpath
import re
from dataclasses import replace
from typing import Any, TypeVar

from ..model import Report

__all__ = ["file_name", "shareable"]

T = TypeVar("T")


_WINDOWS_PATH = re.compile(r"^(?:[A-Za-z]:\\|\\\\)")


def file_name(path: str) -> str:
    """`/home/me/reports/2019.txt` -> `2019.txt`; Windows paths (`C:\\…`, `\\\\server\\…`) too;
    `-` (stdin) stays `-`. A backslash elsewhere is part of the name: an undecodable name is shown
    escaped (`\\xb9\\xfa2020.txt`), and those backslashes separate nothing."""
    if _WINDOWS_PATH.match(path):
        path = ntpath.basename(path)
    return posixpath.basename(path) or path


def _named(report: Report) -> Report:
    return replace(report, source=replace(report.source, path=file_name(report.source.path)))


def shareable(value: T, *, full_paths: bool = False) -> T:
    """`value` (anything with `old` and `new` reports) with each source path cut to its file name."""
    if full_paths:
        return value
    v: Any = value
    return replace(v, old=_named(v.old), new=_named(v.new))  # type: ignore[no-any-return]
