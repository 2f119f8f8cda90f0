"""Bad bytes of every kind end in `InputError` (one clean sentence), never in another exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.errors import InputError
from compare.ingest import read_bytes
from compare.model import SourceText

from _formats import layout, make_docx, make_pdf, para

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
PDF = make_pdf(layout(["The plant stayed open through the winter and the crews were paid for overtime."] * 3,
                      chars=40, header="Harbour Works 2021"))
DOCX = make_docx(para("一、主要举措和成效") + para("全年办理行政复议案件三十七件。"))
HTML = (FORMATS / "gov_article.html").read_bytes()
SEEDS = {"pdf": PDF, "docx": DOCX, "html": HTML}
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(data: bytes, name: str) -> SourceText | None:
    try:
        src = read_bytes(data, name)
    except InputError as exc:
        message = str(exc)
        assert message.startswith(f"{name}: ") and "\n" not in message
        return None
    assert src.text.strip()
    return src


@SETTINGS
@given(st.binary(max_size=4096), st.sampled_from(["x.txt", "x.pdf", "x.docx", "x.html"]))
def test_random_bytes(data: bytes, name: str) -> None:
    _read(data, name)


@SETTINGS
@given(st.binary(max_size=2048))
def test_random_bytes_behind_each_magic(tail: bytes) -> None:
    for head in (b"%PDF-1.7\n", b"PK\x03\x04", b"<!DOCTYPE html><html><body>", b"\xef\xbb\xbf", b"\xff\xfe"):
        _read(head + tail, "x.dat")


@SETTINGS
@given(st.sampled_from(sorted(SEEDS)), st.floats(0.0, 1.0), st.lists(st.tuples(st.floats(0.0, 1.0),
       st.integers(0, 7)), max_size=12))
def test_truncated_and_bit_flipped_real_files(kind: str, keep: float, flips: list[tuple[float, int]]) -> None:
    data = bytearray(SEEDS[kind][: max(1, int(len(SEEDS[kind]) * keep))])
    for where, bit in flips:
        data[min(int(where * len(data)), len(data) - 1)] ^= 1 << bit
    _read(bytes(data), f"mutated.{kind}")


def test_one_repeated_character_is_read_or_refused_cleanly() -> None:
    for data in ("一" * 500_000).encode("utf-8"), b"a" * 3_000_000, b"\x00" * 100_000, b"." * 100_000:
        _read(data, "same.txt")
