"""The kind of an input comes from its bytes; the extension is only a hint."""

from __future__ import annotations

import pytest

from compare.errors import InputError
from compare.ingest.detect import detect_kind
from compare.model import InputKind


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"%PDF-1.4\n...", "a.txt", InputKind.PDF),
        (b"\r\n%PDF-1.7\n", "a", InputKind.PDF),
        (b"<!DOCTYPE html><html>", "a.txt", InputKind.HTML),
        (b"\xef\xbb\xbf  <html><body>", "a.dat", InputKind.HTML),
        ("<html><body>".encode("utf-16"), "a", InputKind.HTML),
        (b"<p>fragment</p>", "a.htm", InputKind.HTML),
        (b"<p>fragment</p>", "a.txt", InputKind.TEXT),  # a report may start with "<"
        ("一、主要举措".encode(), "a.html", InputKind.TEXT),  # the name says html, the bytes do not
    ],
)
def test_kind_from_content(data: bytes, name: str, kind: InputKind) -> None:
    assert detect_kind(data, name) is kind


def test_rtf_is_named() -> None:
    with pytest.raises(InputError, match=r"r\.doc: this is an RTF document"):
        detect_kind(b"{\\rtf1\\ansi hello}", "r.doc")


def test_broken_zip_is_a_damaged_docx() -> None:
    with pytest.raises(InputError, match=r"r\.docx: this Word document is damaged"):
        detect_kind(b"PK\x03\x04" + b"\x00" * 40, "r.docx")
