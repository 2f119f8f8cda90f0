"""Benchmark (run by hand, not part of the tests): the full job against difflib and redlines, scaling, memory.

    python bench/run.py                      # everything, each peer limited to 30 s per pair
    python bench/run.py --series cn-state-council-gwr --peer-timeout 10
    python bench/run.py --peer-timeout 4 --repeat 1 --no-stages --skip-scaling   # the peers table only
    python bench/run.py --skip-peers --scaling-only

Full job = read both files, parse, align, diff, figures, follow-through, render HTML; wall time,
best of --repeat runs in this process (after one warm-up run, so template compilation is not
counted). Next to it two peers on the same texts, each in a child process killed after
--peer-timeout seconds (timing the call only, not the child's start): `difflib.HtmlDiff().make_file`
on the line lists, and `redlines.Redlines(old, new).output_markdown` (pip install
'yoy-compare[bench]'; skipped with a note when absent). A table per series follows: the median of
each over the series' pairs, and the peers' medians divided by ours. The scaling run repeats one
pair's texts 1×, 4× and 16×. Peak memory is tracemalloc's peak for one full job (a separate,
untimed run).
Targets (issue #4): ≤ 1 s per corpus pair, ≤ 0.5 s per fixture pair, 16× input ≤ 20× time,
`yoy --help` < 0.3 s.
"""

from __future__ import annotations

import argparse
import difflib
import multiprocessing as mp
import shutil
import statistics
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


def _difflib_peer(old: str, new: str) -> None:
    difflib.HtmlDiff().make_file(old.split("\n"), new.split("\n"))


def _redlines_peer(old: str, new: str) -> None:
    from redlines import Redlines

    Redlines(old, new).output_markdown  # noqa: B018 - the property computes the marked-up text


PEERS = {"difflib.HtmlDiff": _difflib_peer, "redlines": _redlines_peer}


def _peer_child(name: str, old: str, new: str, out: "mp.Queue[float]") -> None:
    t = time.perf_counter()
    PEERS[name](old, new)
    out.put(time.perf_counter() - t)


def peer_time(name: str, old: Path, new: Path, timeout: float) -> float | None:
    """Seconds one peer takes on the pair, in a child process; None when killed at `timeout`."""
    q: mp.Queue[float] = mp.Queue()
    p = mp.Process(target=_peer_child, args=(name, old.read_text("utf-8"), new.read_text("utf-8"), q))
    p.start()
    try:
        return q.get(timeout=timeout)
    except Exception:  # queue.Empty: still running (or died) at the limit
        return None
    finally:
        p.kill()
        p.join()


def available_peers() -> list[str]:
    names = ["difflib.HtmlDiff"]
    try:
        import redlines  # noqa: F401
    except ImportError:
        print("redlines is not installed (pip install 'yoy-compare[bench]'): its column is left out")
    else:
        names.append("redlines")
    return names


def _seconds(value: float, timeout: float) -> str:
    return f"> {timeout:.0f}" if value == float("inf") else f"{value:.2f}"


def _ratio(peer: float, ours: float, timeout: float) -> str:
    if peer == float("inf"):
        return f"> {timeout / ours:.0f}×"
    ratio = peer / ours
    return f"{ratio:.1f}×" if ratio >= 1 else f"{ratio:.2g}×"


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
    ap.add_argument("--peer-timeout", "--difflib-timeout", dest="peer_timeout", type=float, default=30.0,
                    help="seconds each peer may take on one pair before its child is killed")
    ap.add_argument("--skip-peers", "--skip-difflib", dest="skip_peers", action="store_true")
    ap.add_argument("--no-stages", action="store_true", help="leave out the align+diff column (one run less a pair)")
    ap.add_argument("--scaling-only", action="store_true")
    ap.add_argument("--skip-scaling", action="store_true")
    ap.add_argument("--scale-pair", default="cn-state-council-gwr/2018.txt:cn-state-council-gwr/2019.txt",
                    help="OLD:NEW under ../shared/corpus for the scaling run")
    args = ap.parse_args()

    todo = [p for p in pairs() if not args.series or any(s in p[0] for s in args.series)]
    if not todo:
        print("no pairs found: ../shared/corpus and fixtures/ are absent")
    if todo:
        full_job(todo[0][1], todo[0][2])  # warm-up: imports, template compilation
    if not args.scaling_only:
        pair_table(todo, args)
    if not args.skip_scaling:
        scaling(args)
    print(f"\nyoy --help: {help_time():.3f} s (best of 5)")


def pair_table(todo: list[tuple[str, Path, Path]], args: argparse.Namespace) -> None:
    """One row per pair, then one per series: medians and the peers' ratios to the full job."""
    peers = [] if args.skip_peers else available_peers()
    timeout = args.peer_timeout
    print("| pair | chars | full job s | align+diff s | " + " | ".join(f"{n} s | {n} / full" for n in peers) + " |")
    print("|---|---:|---:|---:|" + "---:|---:|" * len(peers))
    worst: dict[str, float] = {}
    by_series: dict[str, dict[str, list[float]]] = {}
    for name, a, b in todo:
        t = best_of(args.repeat, full_job, a, b)
        ad = "-"
        if not args.no_stages:
            st = stage_times(read_source(str(a)), read_source(str(b)))
            ad = f"{st['align'] + st['diff']:.3f}"
        chars = len(a.read_text("utf-8")) + len(b.read_text("utf-8"))
        kind = "fixtures" if name.startswith("fixtures") else "corpus"
        worst[kind] = max(worst.get(kind, 0.0), t)
        series = by_series.setdefault(name, {"full job": []})
        series["full job"].append(t)
        cells = []
        for peer in peers:
            d = peer_time(peer, a, b, timeout)
            value = float("inf") if d is None else d
            series.setdefault(peer, []).append(value)
            cells.append(f"{_seconds(value, timeout)} | {_ratio(value, t, timeout)}")
        row = " | ".join([f"{name} {a.stem}→{b.stem}", f"{chars:,}", f"{t:.3f}", ad, *cells])
        print(f"| {row} |", flush=True)
    for kind, t in worst.items():
        print(f"worst full job, {kind}: {t:.3f} s")
    if not peers:
        return
    print(f"\nper series: median seconds over its pairs (a peer killed at {timeout:.0f} s counts as more), "
          "and each peer's median / the full job's median")
    print("| series | pairs | full job s | " + " | ".join(f"{n} s | {n} / full" for n in peers) + " |")
    print("|---|---:|---:|" + "---:|---:|" * len(peers))
    for name, times in by_series.items():  # a run killed at the limit is +inf in its median
        ours = statistics.median(times["full job"])
        cells = [f"{_seconds(statistics.median(times[p]), timeout)} | {_ratio(statistics.median(times[p]), ours, timeout)}"
                 for p in peers]
        print(f"| {name} | {len(times['full job'])} | {ours:.3f} | " + " | ".join(cells) + " |", flush=True)


def scaling(args: argparse.Namespace) -> None:
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


if __name__ == "__main__":
    main()
