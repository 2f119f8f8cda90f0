"""CPU time of `yoy` as a user runs it (issue 16): start-up, and the full job per corpus pair.

    python bench/cpu.py                      # start-up (20 runs each) and every consecutive corpus pair
    python bench/cpu.py --startup-only
    python bench/cpu.py --series cn-state-council-gwr

CPU seconds (user + system) of each `yoy` child process, from `os.wait4`: on a machine shared with
other work the wall clock measures the neighbours, the CPU time measures us. Start-up is the median
of `yoy --help` and of `yoy outline` on a two-line report, after a warm-up run that writes the
bytecode cache (children run without PYTHONDONTWRITEBYTECODE); the full job is `yoy compare OLD NEW -o
out.html` (read, parse, align, diff, figures, follow-through, render HTML, write) on every
consecutive pair of ../shared/corpus, and the median over the pairs. CPU seconds still vary by up to
10 % from one run to the next on a shared machine (a neighbour's burst slows the caches and the
clock of ours), so every pair runs `--repeat` times (default 3, in rounds over all pairs) and
counts its least CPU, as `timeit` counts the best of its repeats; the first round's median is
printed too.
Goals (issue 16): `yoy --help` and `yoy outline` start ≤ 0.08 s; median full job ≤ 0.4 s CPU.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
RUN = "from compare.entry import run; run()"
# An installed package has its bytecode cached; PYTHONDONTWRITEBYTECODE (set on some CI machines)
# would make every start-up compile the sources again, which is not what a user's `yoy` does.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cpu_of(args: list[str], *, code: str = RUN) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, exit status) of one `yoy args` child (`code`: what the child runs)."""
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            devnull = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(devnull, fd)
            os.execve(sys.executable, [sys.executable, "-c", code, *args], _ENV)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    return usage.ru_utime + usage.ru_stime, time.monotonic() - start, os.waitstatus_to_exitcode(status)


def startup(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "r.txt"
        tiny.write_text("一、总体要求\n推进依法行政。\n", encoding="utf-8")
        # the interpreter alone: what any Python command costs here (site hooks of the machine
        # included), to read the start-ups below against
        commands = (("python -c pass (interpreter baseline)", [], "pass"), ("yoy --help", ["--help"], RUN),
                    ("yoy outline (2 lines)", ["outline", str(tiny)], RUN))
        for label, args, code in commands:
            cpu_of(args, code=code)  # warm-up: writes the bytecode cache
            cpu = [cpu_of(args, code=code)[0] for _ in range(runs)]
            print(f"| {label} | {statistics.median(cpu):.3f} | {min(cpu):.3f} | {runs} |", flush=True)


def pairs(series: list[str] | None) -> list[tuple[Path, Path]]:
    out = []
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        if series and folder.name not in series:
            continue
        files = sorted((p for p in folder.glob("*.txt") if re.match(r"\d{4}", p.name)), key=lambda p: p.name)
        out.extend(zip(files, files[1:]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--startup-only", action="store_true")
    ap.add_argument("--runs", type=int, default=20, help="start-up runs per command")
    ap.add_argument("--series", action="append", help="only this corpus series (repeatable)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs per pair; a pair's time is its least CPU over the runs (default 3)")
    args = ap.parse_args(argv)
    print("| command | median CPU s | min CPU s | runs |\n|---|---:|---:|---:|")
    startup(args.runs)
    if args.startup_only:
        return 0
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: no corpus pairs to time", file=sys.stderr)
        return 1
    per_series: dict[str, list[float]] = {}
    every: list[float] = []
    out = tempfile.mkdtemp(prefix="yoy-cpu-") + "/out.html"  # a file, never a device
    first: list[float] = []  # each pair's first run alone, for comparison with single-run figures
    todo = pairs(args.series)
    times: list[list[float]] = [[] for _ in todo]
    # rounds over all pairs rather than back-to-back repeats: a burst of a neighbour's work then
    # falls on different pairs in different rounds, and the least of a pair's runs escapes it
    for _ in range(max(1, args.repeat)):
        for k, (old, new) in enumerate(todo):
            cpu, _, code = cpu_of(["compare", str(old), str(new), "-o", out, "--format", "html"])
            if code not in (0, 1):
                print(f"{old.parent.name} {old.stem}->{new.stem}: exit {code}", file=sys.stderr)
            times[k].append(cpu)
    for (old, _), runs in zip(todo, times, strict=True):
        per_series.setdefault(old.parent.name, []).append(min(runs))
        every.append(min(runs))
        first.append(runs[0])
    print(f"\n| series | pairs | median full job CPU s (least of {max(1, args.repeat)} runs per pair) | max CPU s |"
          "\n|---|---:|---:|---:|")
    for name, cpus in per_series.items():
        print(f"| {name} | {len(cpus)} | {statistics.median(cpus):.3f} | {max(cpus):.3f} |")
    print(f"| all | {len(every)} | {statistics.median(every):.3f} | {max(every):.3f} |")
    print(f"\nfirst round alone (one run per pair): median {statistics.median(first):.3f} s, max {max(first):.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
