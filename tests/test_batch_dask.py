"""`yoy batch --dask`: the same per-pair work on a dask.distributed cluster gives the same index.

Needs the `dask` extra (the test extras include it, so CI runs this); without it the test skips,
unless CI is set.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from series_inputs import small_batch_folder

from compare.batch import run_batch


def _distributed() -> object:
    try:
        import distributed
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("CI is set, so the Dask test must run: pip install -e '.[test]' installs dask[distributed]")
        pytest.skip("dask.distributed is not installed (pip install 'yoy-compare[dask]')")
    return distributed


def test_local_cluster_gives_the_same_index_as_the_process_pool(tmp_path: Path) -> None:
    distributed = _distributed()
    root = small_batch_folder(tmp_path / "in", with_corpus=False)
    pool = run_batch(str(root), str(tmp_path / "pool"), jobs=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,  # type: ignore[attr-defined]
                                  dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        on_dask = run_batch(str(root), str(tmp_path / "dask"), dask_address=cluster.scheduler_address)
    assert on_dask.computed == pool.computed == 3
    for name in ("index.csv", "index.html", "qingxi/2020-2021.html", "qingxi/series.html"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "pool" / name).read_bytes(), name


def test_unreachable_scheduler_is_one_error_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _distributed()
    from click.testing import CliRunner

    from compare.batch import runner
    from compare.cli import main

    monkeypatch.setattr(runner, "DASK_CONNECT_TIMEOUT", "2s")
    root = small_batch_folder(tmp_path / "in", with_corpus=False)
    result = CliRunner().invoke(main, ["batch", str(root), "-o", str(tmp_path / "out"),
                                       "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.stderr.count("Error:") == 1 and "Dask scheduler" in result.stderr
