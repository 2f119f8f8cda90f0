"""Plain-text input: encodings detected from the bytes, and a one-line error for each bad input."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli import main
from compare.errors import InputError
from compare.ingest import MAX_INPUT_BYTES, read_bytes, read_source

TEXT = "一、主要举措和成效\n（一）强化组织保障。全年办理行政复议案件24件，同比增长12%。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
    ],
)
def test_encodings_are_detected_from_the_bytes(data: bytes, encoding: str) -> None:
    src = read_bytes(data, "report.bin")
    assert (src.encoding, src.kind, src.text) == (encoding, "text", TEXT)


def test_gb18030_only_characters_read() -> None:
    text = "䶮与𠀀均为扩展汉字，全年完成项目十二个。"
    assert read_bytes(text.encode("gb18030"), "r.txt").text == text


def _error(tmp_path: Path, name: str, data: bytes | None) -> str:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_source(str(path))
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in _error(tmp_path, "nope.txt", None)


def test_directory(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    assert "is a directory" in _error(tmp_path, "dir.txt", None)


@pytest.mark.parametrize("data", [b"", b"   \r\n\t \n", "\u3000\u3000\n".encode("utf-8"), codecs.BOM_UTF8])
def test_empty_or_whitespace_only(tmp_path: Path, data: bytes) -> None:
    assert "empty or only whitespace" in _error(tmp_path, "blank.txt", data)


def test_png_renamed_txt(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256))
    assert "PNG image" in _error(tmp_path, "photo.txt", png)


def test_undecodable_bytes(tmp_path: Path) -> None:
    junk = bytes([0x81, 0x30, 0xFF, 0xFE, 0x80, 0x7F, 0x01, 0x02]) * 200
    message = _error(tmp_path, "junk.txt", junk)
    assert "binary" in message or "not UTF-8" in message


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # sparse: 200 MB on paper, nothing on disk, nothing read
        fh.truncate(200 * 1024 * 1024)
    assert os.path.getsize(big) > MAX_INPUT_BYTES
    assert "over the 50 MB limit" in _error(tmp_path, "huge.txt", None)


def test_cli_prints_one_error_line_and_exits_1(tmp_path: Path) -> None:
    png = tmp_path / "a.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\nrest")
    good = tmp_path / "b.txt"
    good.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.html"
    result = CliRunner().invoke(main, ["compare", str(png), str(good), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
    assert not out.exists()
