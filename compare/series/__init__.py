"""Many years of one issuer: `yoy series` (facts of consecutive pairs chained into one page).

    >>> from compare.series import series_files, render_series
    >>> html = render_series(series_files(["2017.txt", "2018.txt", "2019.txt"]), "html")
"""

from __future__ import annotations

from .build import FLAG_YEARS, build_series
from .facts import PairFacts, pair_facts
from .model import Series
from .render import SERIES_FORMATS, SERIES_SCHEMA_VERSION, render_series, series_to_dict
from .run import MIN_REPORTS, series_files

__all__ = ["FLAG_YEARS", "MIN_REPORTS", "PairFacts", "SERIES_FORMATS", "SERIES_SCHEMA_VERSION", "Series",
           "build_series", "pair_facts", "render_series", "series_files", "series_to_dict"]
