"""Hostile inputs and environments (issue 16, items 4 and 5): one `Error:` line or the right output.

Every case here once ended in a traceback-shaped "internal error", a wrong exit code, a two-line
error or text that reorders itself on screen. The CLI cases run `yoy` in a real subprocess, since
closed descriptors, file-name bytes and user ids are what a shell hands over.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from compare import InputError, compare_texts, render

from conftest import FIXTURES

OLD = FIXTURES / "zh-district" / "2020.txt"
NEW = FIXTURES / "zh-district" / "2021.txt"
RUN = "from compare.entry import run; run()"


def _yoy(*args: str, cwd: Path | None = None, preexec: Callable[[], None] | None = None,
         prefix: tuple[str, ...] = (), stdout: int | None = subprocess.PIPE) -> tuple[int, bytes, str]:
    proc = subprocess.run([*prefix, sys.executable, "-c", RUN, *args], cwd=cwd, preexec_fn=preexec,
                          stdin=subprocess.DEVNULL if preexec is None else None, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=120,
                          env=dict(os.environ, LC_ALL="C.UTF-8", PYTHONPATH=str(Path(__file__).parents[1])))
    return proc.returncode, proc.stdout or b"", proc.stderr.decode("utf-8", "replace")


def _one_error_line(err: str) -> str:
    """The single `Error:` line a user sees, checked to be one sentence and not an internal error."""
    assert "Traceback" not in err, err
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}: {err!r}"
    assert lines[0].startswith("Error: "), err
    assert "internal error" not in lines[0], err
    return lines[0]


# --- headings whose numeral is not a number ------------------------------------------------------

@pytest.mark.parametrize("marker", ["十十、", "十十十、", "二十十、", "百十十、", "十百、"])
def test_a_heading_numeral_that_is_no_number_is_read_as_text(tmp_path: Path, marker: str) -> None:
    # bug: `十十、` at the start of a line raised KeyError: '十' in the heading numeral parser
    path = tmp_path / "r.txt"
    path.write_text(f"一、总体要求\n推进依法行政。\n{marker}其他事项\n加强队伍建设。\n", encoding="utf-8")
    code, out, err = _yoy("outline", str(path), "--format", "json")
    assert code == 0, err
    outline = json.loads(out)
    text = path.read_text(encoding="utf-8")
    assert all(s["number"] is None or s["number"] < 100 for s in outline["sections"])
    assert f"{marker}其他事项" in text  # the line is still in the report the outline describes
    code, _, err = _yoy("compare", str(path), str(NEW), "-o", str(tmp_path / "out.html"))
    assert code == 0, err


# --- file names ------------------------------------------------------------------------------------

def test_a_file_name_that_is_not_utf8_is_compared_and_shown_escaped(tmp_path: Path) -> None:
    # bug: a GBK name (from a Windows zip) put lone surrogates into the page: UnicodeEncodeError
    name = os.fsdecode(b"\xb9\xfa2020.txt")  # 国 in GBK
    shutil.copy(OLD, tmp_path / name)
    for out_name in ("out.html", "out.json", "out.md", os.fsdecode(b"\xb9\xfa.html")):
        code, _, err = _yoy("compare", name, str(NEW), "-o", out_name, cwd=tmp_path)
        assert code == 0, err
        page = (tmp_path / out_name).read_bytes().decode("utf-8")  # valid UTF-8 throughout
        if out_name.endswith(".json"):
            assert json.loads(page)["old"]["path"] == "\\xb9\\xfa2020.txt"
        elif out_name.endswith(".md"):  # Markdown escapes the backslashes, so they show as written
            assert "\\\\xb9\\\\xfa2020.txt" in page
        else:
            assert "\\xb9\\xfa2020.txt" in page


def test_an_error_about_a_non_utf8_name_is_one_printable_line(tmp_path: Path) -> None:
    code, _, err = _yoy("compare", str(OLD), str(NEW), "-o", os.fsdecode(b"d\xb9\xfa/x.html"), cwd=tmp_path)
    assert code == 1
    line = _one_error_line(err)
    assert "\\xb9\\xfa" in line and "udcb9" not in line


def test_a_file_name_with_a_newline_gives_a_one_line_error(tmp_path: Path) -> None:
    code, _, err = _yoy("compare", "a\nb.txt", str(NEW), cwd=tmp_path)
    assert code == 1
    assert "a\\nb.txt" in _one_error_line(err)


def test_a_file_name_with_a_newline_is_compared(tmp_path: Path) -> None:
    shutil.copy(OLD, tmp_path / "a\nb.txt")
    code, _, err = _yoy("compare", "a\nb.txt", str(NEW), "-o", "out.json", cwd=tmp_path)
    assert code == 0, err
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))


def test_an_unreadable_input_exits_1_with_one_line(tmp_path: Path) -> None:
    # bug: click's own readability check answered with a usage error (exit 2)
    folder = tmp_path / "pub"
    folder.mkdir()
    for p in (tmp_path, folder):
        p.chmod(0o755)
    locked = folder / "2020.txt"
    shutil.copy(OLD, locked)
    locked.chmod(0)
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:  # root reads anything: run as nobody, who cannot
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: no way to make a file unreadable")
        prefix = (setpriv, "--reuid=65534", "--regid=65534", "--clear-groups")
        for p in (tmp_path.parent, tmp_path.parent.parent):
            p.chmod(p.stat().st_mode | stat.S_IXOTH)
    code, _, err = _yoy("compare", "2020.txt", str(NEW), "-o", "-", cwd=folder, prefix=prefix)
    assert code == 1, err
    assert "permission" in _one_error_line(err)


# --- closed or full standard streams --------------------------------------------------------------

def test_closed_stdin_for_dash_is_one_line() -> None:
    code, _, err = _yoy("compare", "-", str(NEW), preexec=lambda: os.close(0))
    assert code == 1
    assert "standard input" in _one_error_line(err)


def test_closed_stdout_is_one_line() -> None:
    code, _, err = _yoy("compare", str(OLD), str(NEW), preexec=lambda: os.close(1), stdout=None)
    assert code == 1
    assert "standard output" in _one_error_line(err)


def test_a_full_disk_on_stdout_is_one_line() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("/dev/full is absent on this system")
    with open("/dev/full", "wb") as full:
        code, _, err = _yoy("compare", str(OLD), str(NEW), stdout=full.fileno())
    assert code == 1
    assert "standard output" in _one_error_line(err)


def test_a_full_disk_on_an_output_file_is_one_line() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("/dev/full is absent on this system")
    code, _, err = _yoy("compare", str(OLD), str(NEW), "-o", "/dev/full")
    assert code == 1
    assert "/dev/full" in _one_error_line(err)


# --- text a Python caller can hand over -----------------------------------------------------------

def test_lone_surrogates_through_compare_texts_are_an_input_error() -> None:
    # bug: UnicodeEncodeError from deep inside the pipeline instead of a sentence about the input
    good = NEW.read_text(encoding="utf-8")
    bad = OLD.read_text(encoding="utf-8").replace("。", "。\ud800", 1)
    with pytest.raises(InputError) as caught:
        compare_texts(bad, good, old_name="2020.txt", new_name="2021.txt")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("2020.txt")
    assert message.encode("utf-8")  # the message itself is printable


def test_bidi_controls_never_reach_an_output_and_are_listed_in_every_one() -> None:
    # bug: U+202E in report text reached the Markdown and the page and reversed figures on screen
    old = OLD.read_text(encoding="utf-8")
    new = NEW.read_text(encoding="utf-8").replace("。", "\u202e。2021\u202c", 1)
    comparison = compare_texts(old, new, old_name="2020.txt", new_name="2021.txt")
    for fmt in ("html", "json", "md"):
        out = render(comparison, fmt)
        assert "\u202e" not in out and "\u202c" not in out, fmt
        assert "U+202E" in out, f"{fmt} does not say that a bidi control was removed"


# --- .docx ----------------------------------------------------------------------------------------

_DOCX_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
               'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
               'officedocument.wordprocessingml.document.main+xml"/></Types>')
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(document: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _DOCX_TYPES)
        z.writestr("word/document.xml", document)
    return buf.getvalue()


def _document(body_text: str, *, dtd: str = "") -> str:
    paras = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in body_text.split("\n"))
    return (f'<?xml version="1.0" encoding="UTF-16"?>{dtd}<w:document xmlns:w="{_W_NS}">'
            f"<w:body>{paras}</w:body></w:document>")


def test_a_utf16_docx_with_a_dtd_is_refused(tmp_path: Path) -> None:
    # bug: the DTD refusal looked for the ASCII bytes `<!DOCTYPE`, which UTF-16 does not contain
    dtd = '<!DOCTYPE w:document [<!ENTITY t "推进依法行政。">]>'
    path = tmp_path / "2020.docx"
    path.write_bytes(_docx(_document("一、总体要求\n&t;", dtd=dtd).encode("utf-16")))
    code, _, err = _yoy("compare", str(path), str(NEW), "-o", str(tmp_path / "out.html"))
    assert code == 1
    _one_error_line(err)
    assert not (tmp_path / "out.html").exists()


def test_a_utf16_docx_without_a_dtd_is_read(tmp_path: Path) -> None:
    path = tmp_path / "2020.docx"
    path.write_bytes(_docx(_document("一、总体要求\n推进依法行政。").encode("utf-16")))
    code, out, err = _yoy("outline", str(path), "--format", "json")
    assert code == 0, err
    assert [s["heading"] for s in json.loads(out)["sections"]] == ["总体要求"]
