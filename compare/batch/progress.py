"""A one-line progress bar on stderr: pairs done / total, rate, time left. Silent when disabled."""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress"]

_BAR = 24


class Progress:
    def __init__(self, *, enabled: bool, stream: TextIO | None = None) -> None:
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.total = 0
        self.done = 0
        self.computed = 0
        self.started = time.monotonic()
        self._shown = False

    def start(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()
        self._draw()

    def advance(self, *, computed: bool) -> None:
        """One pair finished; `computed` False for one skipped as up to date (not counted in the rate)."""
        self.done += 1
        self.computed += computed
        self._draw()

    def _draw(self) -> None:
        if not self.enabled or not self.total:
            return
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.computed / elapsed
        left = self.total - self.done
        eta = f"{int(left / rate // 60)}:{int(left / rate % 60):02d}" if rate > 0 and left else "–"
        filled = _BAR * self.done // self.total
        line = (f"\r[{'#' * filled}{'.' * (_BAR - filled)}] {self.done}/{self.total} pairs  "
                f"{rate:.2f}/s  ETA {eta} ")
        self.stream.write(line)
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\n")
            self.stream.flush()
            self._shown = False
