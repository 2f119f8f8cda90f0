"""`python -m compare …` runs the `yoy` command."""

from __future__ import annotations

from .entry import run

if __name__ == "__main__":
    run()
