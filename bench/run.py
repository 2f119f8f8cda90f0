"""Benchmark (run by hand, not part of the tests): the full job against difflib, scaling, memory.

    python bench/run.py                      # everything, difflib limited to 30 s per pair
    python bench/run.py --series cn-state-council-gwr --difflib-timeout 10
    python bench/run.py --skip-difflib --scaling-only

Full job = read both files, parse, align, diff, figures, follow-through, render HTML; wall time,
best of --repeat runs in this process (after one warm-up run, so template compilation is not
counted). Next to it `difflib.HtmlDiff().make_file` on the same line lists, in a child process
killed after --difflib-timeout seconds. The scaling run repeats one pair's texts 1×, 4× and 16×.
Peak memory is tracemalloc's peak for one full job (a separate, untimed run).
Targets (issue #4): ≤ 1 s per corpus pair, ≤ 0.5 s per fixture pair, 16× input ≤ 20× time,
`yoy --help` < 0.3 s.
"""

from __future__ import annotations

import argparse
import difflib
import multiprocessing as mp
import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from compare.align import align_sections  # noqa: E402
from compare.diff import diff_sections  # noqa: E402
from compare.figures.extract import extract_figures  # noqa: E402
from compare.figures.match import match_figures  # noqa: E402
from compare.followthrough.evidence import check_followthrough  # noqa: E402
from compare.ingest import read_source, source_from_string  # noqa: E402
from compare.model import SourceText  # noqa: E402
from compare.pipeline import compare_sources  # noqa: E402
from compare.render import render_html  # noqa: E402
from compare.structure.parse import parse_report  # noqa: E402

SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
FIXTURES = REPO / "fixtures"


def full_job(old: Path, new: Path) -> int:
    c = compare_sources(read_source(str(old)), read_source(str(new)))
    return len(render_html(c))


def full_job_texts(old: str, new: str) -> int:
    c = compare_sources(source_from_string(old, "old.txt"), source_from_string(new, "new.txt"))
    return len(render_html(c))


def stage_times(old: SourceText, new: SourceText) -> dict[str, float]:
    """Seconds per stage for one run (the same work as compare_sources + render_html)."""
    out: dict[str, float] = {}
    t = time.perf_counter()
    ro, rn = parse_report(old), parse_report(new)
    out["parse"] = time.perf_counter() - t
    t = time.perf_counter()
    pairs = align_sections(ro, rn)
    out["align"] = time.perf_counter() - t
    t = time.perf_counter()
    diff_sections(ro, rn, pairs)
    out["diff"] = time.perf_counter() - t
    t = time.perf_counter()
    match_figures(extract_figures(ro), extract_figures(rn))
    out["figures"] = time.perf_counter() - t
    t = time.perf_counter()
    check_followthrough(ro, rn)
    out["follow"] = time.perf_counter() - t
    t = time.perf_counter()
    render_html(compare_sources(old, new))
    out["compare+render"] = time.perf_counter() - t
    return out


def best_of(repeat: int, fn, *args) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t)
    return best


def _difflib_child(old: str, new: str, out: "mp.Queue[float]") -> None:
    a, b = old.split("\n"), new.split("\n")
    t = time.perf_counter()
    difflib.HtmlDiff().make_file(a, b)
    out.put(time.perf_counter() - t)


def difflib_time(old: Path, new: Path, timeout: float) -> float | None:
    q: mp.Queue[float] = mp.Queue()
    p = mp.Process(target=_difflib_child, args=(old.read_text("utf-8"), new.read_text("utf-8"), q))
    p.start()
    p.join(timeout)
    if p.is_alive():
        p.kill()
        p.join()
        return None
    return q.get() if not q.empty() else None


def pairs() -> list[tuple[str, Path, Path]]:
    out: list[tuple[str, Path, Path]] = []
    if FIXTURES.is_dir():
        for case in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
            files = sorted(case.glob("*.txt"))
            out.extend((f"fixtures/{case.name}", a, b) for a, b in zip(files, files[1:]))
    if CORPUS.is_dir():
        for series in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
            files = sorted(series.glob("*.txt"))
            out.extend((series.name, a, b) for a, b in zip(files, files[1:]))
    return out


def peak_memory(fn, *args) -> float:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    fn(*args)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def help_time() -> float:
    yoy = shutil.which("yoy", path=str(Path(sys.executable).parent)) or shutil.which("yoy")
    cmd = [yoy, "--help"] if yoy else [sys.executable, "-m", "compare.cli", "--help"]
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--series", action="append", help="only these corpus series (or 'fixtures')")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--difflib-timeout", type=float, default=30.0)
    ap.add_argument("--skip-difflib", action="store_true")
    ap.add_argument("--scaling-only", action="store_true")
    ap.add_argument("--scale-pair", default="cn-state-council-gwr/2018.txt:cn-state-council-gwr/2019.txt",
                    help="OLD:NEW under ../shared/corpus for the scaling run")
    args = ap.parse_args()

    todo = [p for p in pairs() if not args.series or any(s in p[0] for s in args.series)]
    if not todo:
        print("no pairs found: ../shared/corpus and fixtures/ are absent")
    if todo:
        full_job(todo[0][1], todo[0][2])  # warm-up: imports, template compilation
    if not args.scaling_only:
        print("| pair | chars | full job s | align+diff s | difflib.HtmlDiff s | difflib / full |")
        print("|---|---:|---:|---:|---:|---:|")
        worst: dict[str, float] = {}
        for name, a, b in todo:
            t = best_of(args.repeat, full_job, a, b)
            st = stage_times(read_source(str(a)), read_source(str(b)))
            chars = len(a.read_text("utf-8")) + len(b.read_text("utf-8"))
            kind = "fixtures" if name.startswith("fixtures") else "corpus"
            worst[kind] = max(worst.get(kind, 0.0), t)
            if args.skip_difflib:
                d_s, ratio = "-", "-"
            else:
                d = difflib_time(a, b, args.difflib_timeout)
                d_s = f"> {args.difflib_timeout:.0f}" if d is None else f"{d:.2f}"
                ratio = f"> {args.difflib_timeout / t:.0f}" if d is None else f"{d / t:.1f}"
            ad = st["align"] + st["diff"]
            print(f"| {name} {a.stem}→{b.stem} | {chars:,} | {t:.3f} | {ad:.3f} | {d_s} | {ratio} |", flush=True)
        for kind, t in worst.items():
            print(f"worst full job, {kind}: {t:.3f} s")

    old_rel, new_rel = args.scale_pair.split(":")
    old_p, new_p = CORPUS / old_rel, CORPUS / new_rel
    if old_p.exists() and new_p.exists():
        old_t, new_t = old_p.read_text("utf-8"), new_p.read_text("utf-8")
        full_job_texts(old_t, new_t)
        print(f"\nscaling, {args.scale_pair} (texts repeated k times):")
        print("| k | chars | full job s | × of 1× | parse | align | diff | align+diff × of 1× | figures | follow |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        base = base_ad = None
        for k in (1, 4, 16):
            o, n = "\n\n".join([old_t] * k), "\n\n".join([new_t] * k)
            t = best_of(max(1, args.repeat if k < 16 else 1), full_job_texts, o, n)
            st = stage_times(source_from_string(o, "old.txt"), source_from_string(n, "new.txt"))
            base = base or t
            ad = st["align"] + st["diff"]
            base_ad = base_ad or ad
            print(f"| {k} | {len(o) + len(n):,} | {t:.3f} | {t / base:.1f} | {st['parse']:.3f} | {st['align']:.3f} "
                  f"| {st['diff']:.3f} | {ad / base_ad:.1f} | {st['figures']:.3f} | {st['follow']:.3f} |", flush=True)
        print(f"peak memory (tracemalloc), 1×: {peak_memory(full_job_texts, old_t, new_t):.1f} MiB; "
              f"16×: {peak_memory(full_job_texts, chr(10).join([old_t] * 16), chr(10).join([new_t] * 16)):.1f} MiB")
    print(f"\nyoy --help: {help_time():.3f} s (best of 5)")


if __name__ == "__main__":
    main()
