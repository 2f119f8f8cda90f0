"""Benchmark (run by hand, not part of the tests): `yoy batch` on the whole corpus, --jobs 1 vs 2.

    python bench/bench_batch.py                    # ../shared/corpus, jobs 1 and 2, resume, series
    python bench/bench_batch.py --input DIR --jobs 1 2 4

Each batch runs in a fresh child process into a fresh OUTDIR, so nothing is warm: wall time,
pairs per second, speed-up over the first --jobs value, and peak RSS (of the batch process
itself, and of the largest worker process: getrusage's RUSAGE_CHILDREN maximum). Then a second
run of the last batch into the same OUTDIR (resume: every pair skipped), and `yoy series` on the
ten national reports 2010–2019 with --jobs 1 and 2 (whole command, start-up included).
Targets (issue #15): speed-up ≥ 1.7× with 2 jobs on 2 cores; resume < 5 s; series ≤ 3 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def _child(input_path: str, out: str, jobs: int) -> None:
    sys.path.insert(0, str(REPO))
    from compare.batch import run_batch

    t = time.perf_counter()
    result = run_batch(input_path, out, jobs=jobs)
    wall = time.perf_counter() - t
    pairs = sum(1 for r in result.rows if r.kind == "pair")
    print(json.dumps({
        "wall": wall, "pairs": pairs, "computed": result.computed, "skipped": result.skipped,
        "failed": result.failed, "failed_rows": [f"{r.issuer} {r.kind} {r.old} {r.new}: {r.error}"
                                                 for r in result.rows if r.status != "ok"],
        "rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


def _run(input_path: str, out: str, jobs: int) -> dict[str, object]:
    proc = subprocess.run([sys.executable, __file__, "--child", "--input", input_path, "--out", out,
                           "--jobs", str(jobs)], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _series(jobs: int, out: Path) -> float:
    files = [str(CORPUS / "cn-state-council-gwr" / f"{y}.txt") for y in range(2010, 2020)]
    yoy = Path(sys.executable).with_name("yoy")
    t = time.perf_counter()
    subprocess.run([str(yoy), "series", *files, "-o", str(out), "--jobs", str(jobs)], check=True,
                   capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", default=str(CORPUS))
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--out")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.input, args.out, args.jobs[0])
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="yoy-bench-") as tmp:
        for jobs in args.jobs:
            out = str(Path(tmp) / f"jobs{jobs}")
            rows.append((jobs, _run(args.input, out, jobs)))
        resume = _run(args.input, str(Path(tmp) / f"jobs{args.jobs[-1]}"), args.jobs[-1])
        series = {j: _series(j, Path(tmp) / f"series{j}.html") for j in (1, 2)} if (CORPUS / "cn-state-council-gwr").exists() else {}
    base = float(rows[0][1]["wall"])  # type: ignore[arg-type]
    print("| jobs | pairs | failed rows | wall s | pairs/s | speed-up | peak RSS batch MB | peak RSS worker MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for jobs, r in rows:
        wall = float(r["wall"])  # type: ignore[arg-type]
        print(f"| {jobs} | {r['pairs']} | {r['failed']} | {wall:.1f} | {int(r['pairs']) / wall:.2f} | "  # type: ignore[call-overload]
              f"{base / wall:.2f}× | {float(r['rss_self_mb']):.0f} | "  # type: ignore[arg-type]
              f"{float(r['rss_worker_mb']) if jobs > 1 else float(r['rss_self_mb']):.0f} |")  # type: ignore[arg-type]
    print(f"\nresume (jobs {args.jobs[-1]}, same OUTDIR): {float(resume['wall']):.2f} s, "  # type: ignore[arg-type]
          f"{resume['skipped']} skipped, {resume['computed']} compared")
    for j, t in series.items():
        print(f"yoy series cn-state-council-gwr 2010–2019 --jobs {j}: {t:.2f} s")
    for line in rows[0][1]["failed_rows"]:  # type: ignore[union-attr]
        print(f"failed: {line}")


if __name__ == "__main__":
    main()
