"""Hostile-input stress bench (issue 16): CPU time and peak memory of `yoy` on inputs built to blow up.

    python bench/stress.py                  # every case, each killed at 60 s CPU or 3 GB RSS
    python bench/stress.py --case sections-3000 --case one-sentence
    python bench/stress.py --timeout 30 --max-rss-mb 1500 --json results.json

Each case runs `yoy` (the real CLI, output to a file in a temporary folder) in a child process, so a blow-up never
takes this process or the machine with it: the child is killed when its CPU time passes --timeout
(CPU, not wall: on a shared machine the wall clock measures the neighbours), its wall time passes
three times that, or its resident memory (polled from /proc every 20 ms) passes --max-rss-mb;
an RLIMIT_CPU backstop stops it if polling is starved. CPU time (user + system) and peak RSS come from
`os.wait4`, i.e. the kernel's accounting of that one child (ru_maxrss), not from sampling.

Cases (inputs are generated here, deterministic, never copied from ../shared):
  sections-10000   10,000 `一、` sections (about 460 KB) compared with themselves
  sections-3000    3,000 of them compared with themselves
  outline-10000    `yoy outline` of the 10,000-section report
  docx-paragraphs  a .docx of 200,000 list-numbered paragraphs (Word draws 1. 2. 3. …) against itself
  docx-bomb        a .docx holding 60 MB of text in under 200 KB (compressed), against a small report
  one-sentence     a 1.5 MB "sentence" of numbers (no sentence end) against itself with 100 numbers changed
Goals (issue 16): sections-10000 ≤ 300 MB and ≤ 10 s CPU, sections-3000 ≤ 200 MB and ≤ 5 s, the two
.docx refused or processed within 1 GB and 30 s, one-sentence ≤ 10 s.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import signal
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RUN = "from compare.entry import run; run()"

# Plain words of official reports, invented combinations: enough variety that sections differ.
_WORDS = ("推进", "加强", "完善", "落实", "深化", "健全", "依法", "行政", "执法", "监督", "制度", "改革",
          "服务", "营商", "环境", "公共", "法律", "规范", "基层", "治理", "社会", "安全", "生态", "保护",
          "民生", "就业", "教育", "医疗", "住房", "交通", "科技", "创新", "产业", "城市", "乡村", "文化")


def _phrase(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_WORDS) for _ in range(n))


def sections_report(count: int, seed: int = 16) -> str:
    """`count` top-level parts, every one marked `一、` (a long list of numbered parts, as a
    careless export writes them), each with a short heading and a one-sentence body."""
    rng = random.Random(seed)
    lines = []
    for k in range(count):
        lines.append(f"一、{_phrase(rng, 3)}")
        lines.append(f"{_phrase(rng, 6)}，第{k + 1}项。")
    return "\n".join(lines) + "\n"


_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.'
       'org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
       'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
       'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
       'wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application'
       '/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
         'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
         'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         '</Relationships>')
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NUMBERING = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{_W}">'
              '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
              '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
              '</w:num></w:numbering>')


def _docx(paragraphs: list[str], *, numbered: bool) -> bytes:
    num = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' if numbered else ""
    body = "".join(f"<w:p>{num}<w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}">'
                f"<w:body>{body}</w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
        if numbered:
            z.writestr("word/numbering.xml", _NUMBERING)
    return buf.getvalue()


def numbered_docx(count: int = 200_000) -> bytes:
    """`count` short paragraphs in one Word list: every one becomes a numbered part."""
    rng = random.Random(200)
    return _docx([_phrase(rng, 2) for _ in range(count)], numbered=True)


def bomb_docx(text_mb: int = 60) -> bytes:
    """One paragraph repeated until the document holds `text_mb` MB of text; deflate shrinks it ~300×."""
    para = "推进依法行政，加强法治政府建设。" * 40  # 640 characters, 1,920 bytes of UTF-8
    repeats = text_mb * 1024 * 1024 // len(para.encode("utf-8"))
    return _docx([para] * repeats, numbered=False)


def one_sentence(size: int = 1_500_000, seed: int = 15) -> tuple[str, str]:
    """A sentence of comma-separated numbers with no sentence end, and a copy with 100 numbers changed."""
    rng = random.Random(seed)
    numbers: list[str] = []
    total = 0
    while total < size:
        n = str(rng.randint(1, 999_999))
        numbers.append(n)
        total += len(n) + 1
    changed = list(numbers)
    for k in rng.sample(range(len(numbers)), 100):
        changed[k] = str(int(numbers[k]) + 1)
    # a paragraph of running text first: without one the input is refused as page chrome
    # (NotAReportError), and the case would measure the refusal, not the sentence cap
    lead = "一、总体情况\n全年依法推进各项工作，群众满意度持续提高，各项指标完成良好。\n"
    return lead + "数据" + "，".join(numbers) + "\n", lead + "数据" + "，".join(changed) + "\n"


@dataclass
class Result:
    case: str
    input_kb: int
    outcome: str  # "ok", "exit N: <last stderr line>", "killed: cpu", "killed: wall", "killed: rss"
    cpu_s: float
    peak_rss_mb: float
    wall_s: float


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICK  # utime, stime
    except (OSError, IndexError, ValueError):
        return 0.0


def run_case(name: str, argv: list[str], input_bytes: int, *, timeout: float, max_rss_mb: int) -> Result:
    """Run `yoy argv` in a child with limits; CPU and peak RSS of that child from `os.wait4`."""
    cpu_cap = int(timeout) + 10

    def limits() -> None:  # in the child, before exec
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_cap, cpu_cap + 5))
        os.setsid()

    err_file = tempfile.TemporaryFile()
    start = time.monotonic()
    pid = _spawn([sys.executable, "-c", RUN, *argv], err_file.fileno(), limits)
    killed = ""
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if _cpu_s(pid) > timeout:
            killed = "cpu"
        elif time.monotonic() - start > 3 * timeout:
            killed = "wall"
        elif _rss_kb(pid) > max_rss_mb * 1024:
            killed = "rss"
        if killed:
            os.killpg(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            break
        time.sleep(0.02)
    wall = time.monotonic() - start
    err_file.seek(0)
    err = err_file.read().decode("utf-8", "replace").strip().splitlines()
    if killed:
        outcome = f"killed: {killed}"
    elif os.WIFSIGNALED(status):
        outcome = f"signal {os.WTERMSIG(status)}"
    elif os.WEXITSTATUS(status) == 0:
        outcome = "ok"
    else:
        outcome = f"exit {os.WEXITSTATUS(status)}: {err[-1][:160] if err else ''}"
    return Result(name, input_bytes // 1024, outcome, round(usage.ru_utime + usage.ru_stime, 2),
                  round(usage.ru_maxrss / 1024, 1), round(wall, 2))


def _spawn(argv: list[str], err_fd: int, preexec: Callable[[], None]) -> int:
    pid = os.fork()
    if pid == 0:  # child
        try:
            preexec()
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 0)
            os.dup2(devnull, 1)
            os.dup2(err_fd, 2)
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    return pid


def build_cases(folder: Path) -> dict[str, tuple[list[str], int]]:
    """name -> (yoy arguments, input size in bytes); the files are written into `folder`."""
    cases: dict[str, tuple[list[str], int]] = {}

    def write(name: str, data: bytes) -> str:
        path = folder / name
        path.write_bytes(data)
        return str(path)

    out = str(folder / "out.html")  # a file, never a device: a broken writer must not replace /dev/null
    big = write("sections-10000.txt", sections_report(10_000).encode("utf-8"))
    small = write("sections-3000.txt", sections_report(3_000).encode("utf-8"))
    cases["sections-10000"] = (["compare", big, big, "-o", out, "--format", "html"], os.path.getsize(big))
    cases["sections-3000"] = (["compare", small, small, "-o", out, "--format", "html"],
                              os.path.getsize(small))
    cases["outline-10000"] = (["outline", big, "--format", "json"], os.path.getsize(big))
    numbered = write("paragraphs.docx", numbered_docx())
    cases["docx-paragraphs"] = (["compare", numbered, numbered, "-o", out, "--format", "html"],
                                os.path.getsize(numbered))
    bomb = write("bomb.docx", bomb_docx())
    small_zh = write("small.txt", sections_report(20).encode("utf-8"))
    cases["docx-bomb"] = (["compare", bomb, small_zh, "-o", out, "--format", "html"], os.path.getsize(bomb))
    old, new = one_sentence()
    a = write("sentence-old.txt", old.encode("utf-8"))
    b = write("sentence-new.txt", new.encode("utf-8"))
    cases["one-sentence"] = (["compare", a, b, "-o", out, "--format", "html"], os.path.getsize(a))
    return cases


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--case", action="append", help="run only this case (repeatable)")
    ap.add_argument("--timeout", type=float, default=60.0, help="CPU seconds before a case is killed")
    ap.add_argument("--max-rss-mb", type=int, default=3072, help="resident MB before a case is killed")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="yoy-stress-") as tmp:
        cases = build_cases(Path(tmp))
        chosen = args.case or list(cases)
        unknown = sorted(set(chosen) - set(cases))
        if unknown:
            ap.error(f"unknown case(s) {unknown}; choose from {sorted(cases)}")
        results = []
        print("| case | input KB | outcome | CPU s | peak RSS MB | wall s |\n|---|---:|---|---:|---:|---:|")
        for name in chosen:
            cmd, size = cases[name]
            r = run_case(name, cmd, size, timeout=args.timeout, max_rss_mb=args.max_rss_mb)
            results.append(r)
            print(f"| {r.case} | {r.input_kb:,} | {r.outcome} | {r.cpu_s} | {r.peak_rss_mb:,} | {r.wall_s} |",
                  flush=True)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
