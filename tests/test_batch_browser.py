"""The batch index and a series page in a real headless Chromium: no console errors, no network,
the index sorts and filters. Skips without chromium unless CI is set (as tests/test_browser.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from series_inputs import small_batch_folder
from test_browser import CHROMIUM, CHROMIUM_ARGS, _missing, _Watch

from compare.batch import run_batch

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    import os
    import shutil

    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if not path:
        _missing("Debian's chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = small_batch_folder(tmp_path_factory.mktemp("in"), with_corpus=False)
    out = tmp_path_factory.mktemp("out")
    run_batch(str(root), str(out), jobs=1)
    return out


def _open(browser: Any, path: Path) -> tuple[Any, Any, _Watch]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = _Watch(page, path.as_uri())
    page.goto(path.as_uri())
    return context, page, watch


def test_index_opens_without_console_errors_and_sorts_and_filters(chromium: Any, outdir: Path) -> None:
    context, page, watch = _open(chromium, outdir / "index.html")
    page.wait_for_selector("html[data-ready='1']")
    rows = "Array.from(document.querySelectorAll('#index tbody tr')).filter(r => !r.hidden).length"
    assert page.evaluate(rows) == 6  # 2 failed inputs, 3 pairs, 1 series page
    page.select_option("#status", "failed")
    assert page.evaluate(rows) == 2
    page.select_option("#status", "")
    page.fill("#filter", "northwind")
    assert page.evaluate(rows) == 2
    page.fill("#filter", "")
    first_issuer = "document.querySelector('#index tbody tr td').textContent"
    assert page.evaluate(first_issuer) == "northwind"
    page.click("#index th:nth-child(1) button")
    page.click("#index th:nth-child(1) button")  # descending
    assert page.evaluate(first_issuer) == "qingxi"
    assert watch.requests == []
    page.click("a[href='qingxi/series.html'] >> nth=0")
    page.wait_for_load_state()
    assert page.title().startswith("多年对比")
    assert watch.errors == []
    context.close()


def test_series_page_opens_without_console_errors_or_network(chromium: Any, outdir: Path) -> None:
    context, page, watch = _open(chromium, outdir / "qingxi" / "series.html")
    assert page.is_visible("#trends svg.spark")
    assert watch.errors == [] and watch.requests == []
    context.close()
