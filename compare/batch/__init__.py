"""Many issuers and years: `yoy batch` compares every consecutive pair, writes series pages and an index.

    >>> from compare.batch import run_batch
    >>> result = run_batch("reports/", "out/", jobs=4)   # or dask_address="tcp://scheduler:8786"
"""

from __future__ import annotations

from .discover import BatchInput, discover_inputs
from .run import BatchResult, run_batch
from .work import Row

__all__ = ["BatchInput", "BatchResult", "Row", "discover_inputs", "run_batch"]
