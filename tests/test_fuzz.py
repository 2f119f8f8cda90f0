"""A bounded fuzz campaign over the API and the readers (issue 16): any input ends in a result or a
`CompareError` with a one-line message, never another exception.

Kept to a few minutes on two cores (marked slow); `bench/fuzz.py` runs the same idea for as long as
a maintainer likes, with inputs a little larger.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare import CompareError, compare_texts, render
from compare.ingest import read_bytes

pytestmark = pytest.mark.slow

# Pieces real reports are made of, plus the ones that broke things: markers with numerals that are
# no number (十十、), bidi and zero-width controls, markup characters, odd newlines, surrogates.
_PIECES = ["一、", "二、", "十十、", "（一）", "(二)", "1.", "2、", "第一章", "①", "I.", "#", "\n", "\n\n", "\r\n",
           "\u2028", "\x0b", "\x0c", "\x85", "。", "，", "；", "：", "“", "”", "增长6.5%", "1.5万", "三百亿元",
           "2019年", "今年", "下一步", "要", "将", "推进依法行政", "加强", "GDP grew 3%", "We will",
           "$1.2 billion", "<script>", "&amp;", "\"", "'", "</script>", "\u202e", "\u202c", "\u200b", "\ufeff",
           "\u3000", "\t", " ", "十", "百", "零", "〇", "％", "个百分点", "左右", "以上", "\ud800", "\udfff"]
_TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=60).map("".join)
_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _one_line(exc: CompareError) -> None:
    message = str(exc)
    assert message and "\n" not in message and message.isprintable(), repr(message)


@_SETTINGS
@given(old=_TEXT, new=_TEXT)
def test_any_two_texts_compare_and_render_or_fail_in_one_line(old: str, new: str) -> None:
    try:
        comparison = compare_texts(old, new)
    except CompareError as exc:
        _one_line(exc)
        return
    for fmt in ("html", "json", "md"):
        out = render(comparison, fmt)
        out.encode("utf-8")  # no lone surrogate reaches an output
        assert "\u202e" not in out


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PREFIXES = [b"", b"PK\x03\x04", b"%PDF-1.7\n", b"<!DOCTYPE html><html><body>", b"\xef\xbb\xbf", b"\xff\xfe",
             b"\xfe\xff", b"<?xml version=\"1.0\"?>", b"{\\rtf1", b"\x00\x00\xfe\xff"]


@st.composite
def _docx(draw: st.DrawFn) -> bytes:
    paras = draw(st.lists(_TEXT.map(lambda t: t.replace("<", "&lt;").replace("&", "&amp;")), max_size=8))
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paras)
    xml = f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    data = xml.encode(draw(st.sampled_from(["utf-8", "utf-16"])), "surrogatepass")
    doc = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": data})
    flips = draw(st.lists(st.tuples(st.integers(0, max(len(doc) - 1, 0)), st.integers(0, 255)), max_size=3))
    mutable = bytearray(doc)
    for at, value in flips:
        mutable[at] = value
    return bytes(mutable)


_BYTES = st.one_of(
    st.tuples(st.sampled_from(_PREFIXES), st.binary(max_size=400)).map(lambda t: t[0] + t[1]),
    _TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    _TEXT.map(lambda t: t.encode("gb18030", "replace")),
    _TEXT.map(lambda t: ("<html><body><p>" + t + "</p></body></html>").encode("utf-8", "replace")),
    _docx(),
)


@_SETTINGS
@given(data=_BYTES)
def test_any_bytes_are_read_or_refused_in_one_line(data: bytes) -> None:
    try:
        source = read_bytes(data, "fuzz.bin")
    except CompareError as exc:
        _one_line(exc)
        return
    source.text.encode("utf-8")
    assert "\u202e" not in source.text
