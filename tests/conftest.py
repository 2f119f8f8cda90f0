"""Shared test helpers: where the repository, the fixtures and ../shared are."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = SHARED / "seeds" / "000_7f564c0039794e89.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden files")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def year_pair(plan: str, review: str, *, plan_heading: str = "二、2031年工作安排") -> tuple[str, str]:
    """(old, new) reports of two years: the 2031 plan part under `plan_heading` holding `plan`, and
    the next year's review holding `review` (with a plan of its own that sets nothing checkable)."""
    old = f"一、2030年工作回顾\n各项工作稳步推进。\n{plan_heading}\n{plan}\n"
    new = f"一、2031年工作回顾\n{review}\n二、2032年工作安排\n推进各项改革。\n"
    return old, new


def written_pairs(c: Any) -> set[tuple[str, str]]:
    """The figure pairs of a comparison as the two reports write them: {("90所", "178所"), …}."""
    return {(c.old.text_of(p.old.span), c.new.text_of(p.new.span)) for p in c.figure_pairs if p.old and p.new}


def need_shared(path: Path) -> Path:
    """Skip the calling test when the real reports beside the repository are absent."""
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared (seeds and corpus) is not beside this checkout")
    return path


def expected(case: str) -> dict[str, Any]:
    """The json block of fixtures/<case>/EXPECTED.md."""
    text = (FIXTURES / case / "EXPECTED.md").read_text(encoding="utf-8")
    m = re.search(r"```json\n(.*?)\n```", text, re.S)
    assert m, f"fixtures/{case}/EXPECTED.md has no json block"
    return json.loads(m.group(1))


# ---------------------------------------------------------------- headless Chromium, for browser tests

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI is set, so the browser tests must run: {reason}; scripts/test installs it")
    pytest.skip(f"{reason} (set CI=true to make this a failure)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium driven by Playwright (nothing downloaded); skips without it unless CI is set."""
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        _missing("Debian's chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium"),
                              args=CHROMIUM_ARGS)
        yield b
        b.close()
