"""Long fuzz campaign (issue 16): random reports and random bytes through the API and the readers.

    python bench/fuzz.py --minutes 60                 # what a maintainer runs before a release
    python bench/fuzz.py --minutes 5 --seed 7 --out /tmp/fuzz-failures

Every input must end in a result (rendered as HTML, JSON and Markdown, valid UTF-8, no bidi
override left) or a `CompareError` whose message is one printable line. Anything else (another
exception, a case over --case-seconds, a MemoryError under the --max-mb address-space cap) is
written to --out as the input files plus the traceback, and counted. The tests run the same idea
for a few minutes with hypothesis (tests/test_fuzz.py); this script uses larger inputs, random
mutations of real-looking .docx/HTML/PDF headers, and runs until the clock says stop.
Exit status: 0 when nothing failed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import signal
import sys
import time
import traceback
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from compare import CompareError, compare_texts, render  # noqa: E402
from compare.ingest import read_bytes  # noqa: E402

PIECES = ["一、", "二、", "三、", "十十、", "二十十、", "（一）", "(二)", "（十二）", "1.", "2、", "第一章", "第二部分", "①",
          "I.", "II.", "A.", "#", "##", "\n", "\n\n", "\r\n", "\r", "\u2028", "\x0b", "\x0c", "\x85", "。", "，",
          "；", "：", "！", "？", "“", "”", "（", "）", "增长6.5%", "下降3.2个百分点", "1.5万", "三百亿元", "一点五万",
          "2019年", "2020年1-10月", "今年", "五年来", "下一步", "要", "将", "着力", "推进依法行政", "加强", "完善",
          "GDP grew 3%", "We will", "$1.2 billion", "per cent", "<script>", "&amp;", "\"", "'", "</script>",
          "\u202e", "\u202c", "\u2066", "\u200f", "\u200b", "\ufeff", "\u3000", "\t", " ", "十", "百", "千", "万",
          "零", "〇", "％", "左右", "以上", "以内", "\ud800", "\udfff", "\x00", "\x1b[31m", "𠀀", "é", "ﬁ"]
PREFIXES = [b"", b"PK\x03\x04", b"%PDF-1.7\n", b"<!DOCTYPE html><html><body>", b"\xef\xbb\xbf", b"\xff\xfe",
            b"\xfe\xff", b"<?xml version=\"1.0\"?>", b"{\\rtf1", b"\x1f\x8b"]
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class _Timeout(BaseException):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout()


def text(rng: random.Random, pieces: int) -> str:
    out = []
    for _ in range(rng.randint(0, pieces)):
        if rng.random() < 0.8:
            out.append(rng.choice(PIECES))
        else:
            out.append("".join(chr(rng.randint(0x20, 0x2FFFF)) for _ in range(rng.randint(1, 5))))
    return "".join(out)


def docx(rng: random.Random, pieces: int) -> bytes:
    paras = [text(rng, pieces // 4).replace("&", "&amp;").replace("<", "&lt;") for _ in range(rng.randint(0, 12))]
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paras)
    dtd = '<!DOCTYPE w:document [<!ENTITY a "x">]>' if rng.random() < 0.1 else ""
    xml = f'<?xml version="1.0"?>{dtd}<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml.encode(rng.choice(["utf-8", "utf-16"]), "surrogatepass"))
    data = bytearray(buf.getvalue())
    for _ in range(rng.choice([0, 0, 1, 3])):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def some_bytes(rng: random.Random, pieces: int) -> bytes:
    kind = rng.randrange(5)
    if kind == 0:
        return rng.choice(PREFIXES) + rng.randbytes(rng.randint(0, 2000))
    if kind == 1:
        return docx(rng, pieces)
    t = text(rng, pieces)
    if kind == 2:
        return t.encode("utf-8", "surrogatepass")
    if kind == 3:
        return t.encode(rng.choice(["gb18030", "utf-16", "latin-1", "big5"]), "replace")
    return f"<html><head><title>{t[:20]}</title></head><body><p>{t}</p></body></html>".encode("utf-8", "replace")


def check_texts(old: str, new: str) -> None:
    try:
        comparison = compare_texts(old, new)
    except CompareError as exc:
        _one_line(str(exc))
        return
    for fmt in ("html", "json", "md"):
        out = render(comparison, fmt)
        out.encode("utf-8")
        if "\u202e" in out:
            raise AssertionError(f"a bidi override reached the {fmt} output")


def check_bytes(data: bytes) -> None:
    try:
        source = read_bytes(data, "fuzz.bin")
    except CompareError as exc:
        _one_line(str(exc))
        return
    source.text.encode("utf-8")


def _one_line(message: str) -> None:
    if not message or "\n" in message or not message.isprintable():
        raise AssertionError(f"error message is not one printable line: {message!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=None, help="default: from the clock (printed)")
    ap.add_argument("--pieces", type=int, default=400, help="largest number of pieces per generated text")
    ap.add_argument("--case-seconds", type=int, default=30, help="a case running longer is a failure")
    ap.add_argument("--max-mb", type=int, default=2048, help="address-space cap of this process")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "fuzz-failures")
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    cap = args.max_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    signal.signal(signal.SIGALRM, _alarm)
    stop = time.monotonic() + args.minutes * 60
    cases = failures = 0
    print(f"seed {seed}; until {args.minutes} minutes have passed", flush=True)
    while time.monotonic() < stop:
        cases += 1
        if rng.random() < 0.5:
            old, new = text(rng, args.pieces), text(rng, args.pieces)
            if rng.random() < 0.3:
                new = old + new[: len(new) // 4]
            inputs: dict[str, bytes] = {"old.txt": old.encode("utf-8", "surrogatepass"),
                                        "new.txt": new.encode("utf-8", "surrogatepass")}
            job = lambda: check_texts(old, new)  # noqa: E731
        else:
            data = some_bytes(rng, args.pieces)
            inputs = {"input.bin": data}
            job = lambda: check_bytes(data)  # noqa: E731
        signal.alarm(args.case_seconds)
        try:
            job()
        except (Exception, _Timeout) as exc:  # everything that is not a clean result or refusal
            failures += 1
            folder = args.out / f"{seed}-{cases}"
            folder.mkdir(parents=True, exist_ok=True)
            for name, data in inputs.items():
                (folder / name).write_bytes(data)
            what = "over --case-seconds" if isinstance(exc, _Timeout) else traceback.format_exc()
            (folder / "failure.txt").write_text(what, encoding="utf-8")
            print(f"case {cases}: {type(exc).__name__} -> {folder}", flush=True)
        finally:
            signal.alarm(0)
        if cases % 500 == 0:
            print(f"{cases} cases, {failures} failures", flush=True)
    print(f"done: {cases} cases, {failures} failures (seed {seed})")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
