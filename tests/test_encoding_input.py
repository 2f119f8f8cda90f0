"""Encodings are detected from the bytes: UTF-8 (± BOM), UTF-16 (BOM), GB18030/GBK."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from compare import compare_files
from compare.ingest import read_source

TEXT = "一、主要举措和成效\r\n（一）强化组织保障。全年办理行政复议案件24件。\r\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
    ],
)
def test_each_encoding_reads_to_the_same_text(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "report.dat"  # the extension says nothing
    path.write_bytes(data)
    source = read_source(str(path))
    assert source.encoding == encoding
    assert source.text == TEXT.replace("\r\n", "\n")
    assert all(e.reason == "newline" for e in source.edits)


def test_gbk_and_utf8_copies_compare_as_identical(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_bytes(TEXT.encode("gbk"))
    b.write_bytes(TEXT.encode("utf-8"))
    c = compare_files(str(a), str(b))
    assert all(row.kind is None for d in c.diffs for row in d.rows)
