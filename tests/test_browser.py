"""The page in a real headless Chromium (Debian's `chromium`, driven by Playwright; nothing downloaded).

Without chromium these tests skip with a reason, except under CI (CI set), where they fail instead.
Screenshots at desktop and phone width go to tests/output/screenshots/ (git-ignored).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from compare.render import render_html

from conftest import CORPUS, REPO, need_shared
from pages import en_comparison, zh_comparison

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = REPO / "tests" / "output" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI is set, so the browser tests must run: {reason}; scripts/test installs it")
    pytest.skip(f"{reason} (set CI=true to make this a failure)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
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


@pytest.fixture(scope="module")
def zh_page_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("pages") / "zh.html"
    path.write_text(render_html(zh_comparison()), encoding="utf-8")
    return path.as_uri()


class _Watch:
    """Console errors, page errors and every request that is not the page file itself."""

    def __init__(self, page: Any, url: str) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url) if r.url.split("#")[0] != url else None)


def _open(browser: Any, url: str, *, viewport: dict[str, int] = DESKTOP, js: bool = True,
          ) -> tuple[Any, Any, _Watch]:
    context = browser.new_context(viewport=viewport, java_script_enabled=js)
    page = context.new_page()
    watch = _Watch(page, url.split("#")[0])
    page.goto(url)
    if js:
        page.wait_for_selector("html[data-ready='1']")
    return context, page, watch


def _in_viewport(page: Any, selector: str) -> bool:
    return bool(page.eval_on_selector(selector, """e => { const r = e.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.height >= 0; }"""))


def _no_sideways_scroll(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_page_loads_without_console_errors_or_network(browser: Any, zh_page_url: str) -> None:
    context, page, watch = _open(browser, zh_page_url)
    assert page.title().startswith("年度对比")
    assert page.is_visible(".controls")
    assert watch.errors == []
    assert watch.requests == []
    context.close()


def test_filter_checkboxes_show_and_hide_rows(browser: Any, zh_page_url: str) -> None:
    context, page, _ = _open(browser, zh_page_url)
    assert page.is_visible("#r0-1") and page.is_visible("#r0-2")
    page.uncheck(".controls input[value='reworded']")
    assert page.is_hidden("#r0-1")
    assert page.is_visible("#r0-0")
    page.uncheck(".controls input[value='same']")
    assert page.is_hidden("#r0-2")
    assert page.is_hidden("#p4")  # a section with nothing left to show disappears
    page.check(".controls input[value='reworded']")
    page.check(".controls input[value='same']")
    assert page.is_visible("#r0-1") and page.is_visible("#p4")
    context.close()


def test_dashboard_links_open_filtered_views(browser: Any, zh_page_url: str) -> None:
    from playwright.sync_api import expect

    def shown(*selectors: str) -> None:  # hash changes are handled after the click returns: wait
        for sel in selectors:
            expect(page.locator(sel)).to_be_visible()

    def gone(*selectors: str) -> None:
        for sel in selectors:
            expect(page.locator(sel)).to_be_hidden()

    context, page, _ = _open(browser, zh_page_url)
    page.click("a[href='#only-new_commitment']")
    shown("#only-new_commitment", "#r0-3")  # the "showing only" banner and the one new commitment
    gone("#r0-0", "#p2")
    page.click("#only-new_commitment a")  # "show everything"
    shown("#r0-0", "#p2")
    gone("#only-new_commitment")

    page.click("a[href='#only-sec-added']")
    shown("#p3")
    gone("#p0", "#p4")
    page.click("a[href='#only-plan-met']")
    shown("#plan-0", "#p0")  # the section filter was dropped for the plan one
    gone("#plan-1")
    context.close()


def test_filtered_views_work_without_javascript(browser: Any, zh_page_url: str) -> None:
    context, page, _ = _open(browser, zh_page_url, js=False)
    assert page.is_hidden(".controls") if page.query_selector(".controls") else True
    for anchor in ("#r0-0", "#r0-1", "#r0-2", "#r2-0", "#p4", "#plan-1"):
        assert page.is_visible(anchor)  # everything readable
    page.goto(zh_page_url + "#only-dropped")
    assert page.is_visible("#only-dropped")
    assert page.is_visible("#r2-0") and page.is_hidden("#r0-0") and page.is_hidden("#p4")
    page.goto(zh_page_url + "#only-plan-not_found")
    assert page.is_hidden("#plan-0") and page.is_visible("#plan-1") and page.is_visible("#r0-0")
    context.close()


def test_evidence_link_scrolls_to_and_highlights_the_passage(browser: Any, zh_page_url: str) -> None:
    context, page, _ = _open(browser, zh_page_url, viewport={"width": 1280, "height": 420})
    page.evaluate("document.getElementById('plan').scrollIntoView()")
    assert not _in_viewport(page, "#ev0-0")
    page.click("a.evlink[href='#ev0-0']")
    page.wait_for_selector(".m-ev0-0.hl")  # a string predicate would need eval, which the page's CSP forbids
    assert _in_viewport(page, ".m-ev0-0")
    assert page.eval_on_selector(".m-ev0-0", "e => e.closest('.row').id") == "r0-3"
    context.close()


def test_n_and_p_move_between_changes(browser: Any, zh_page_url: str) -> None:
    context, page, _ = _open(browser, zh_page_url, viewport={"width": 1280, "height": 420})
    current = "document.querySelector('.row.current') && document.querySelector('.row.current').id"
    page.keyboard.press("n")
    assert page.evaluate(current) == "r0-0"
    page.keyboard.press("n")
    assert page.evaluate(current) == "r0-1"
    page.keyboard.press("n")
    assert page.evaluate(current) == "r0-3"  # r0-2 is unchanged and skipped
    assert _in_viewport(page, "#r0-3")
    page.keyboard.press("p")
    assert page.evaluate(current) == "r0-1"
    assert page.inner_text(".controls .status") == "2 / 6"  # r0-0, r0-1, r0-3, r2-0, r2-1, r3-0
    # typing in a form field does not move
    page.focus(".controls input[value='dropped']")
    page.keyboard.press("n")
    assert page.evaluate(current) == "r0-1"
    context.close()


def test_inline_view_stacks_old_over_new(browser: Any, zh_page_url: str) -> None:
    context, page, _ = _open(browser, zh_page_url)
    old_box = page.locator("#r0-0 > .old").bounding_box()
    new_box = page.locator("#r0-0 > .new").bounding_box()
    assert new_box["x"] > old_box["x"] + 200  # side by side
    page.click(".controls button[data-view='inline']")
    old_box = page.locator("#r0-0 > .old").bounding_box()
    new_box = page.locator("#r0-0 > .new").bounding_box()
    assert abs(new_box["x"] - old_box["x"]) < 2 and new_box["y"] > old_box["y"]
    assert page.is_hidden("#r0-2 > .old")  # unchanged text shown once
    page.click(".controls button[data-view='side']")
    assert page.is_visible("#r0-2 > .old")
    context.close()


def test_collapse_unchanged_sections(browser: Any, zh_page_url: str) -> None:
    context, page, _ = _open(browser, zh_page_url)
    page.check(".controls input[name='collapse']")
    assert page.is_hidden("#r4-0") and page.is_visible("#p4 summary")
    assert page.is_visible("#r0-0")
    page.uncheck(".controls input[name='collapse']")
    assert page.is_visible("#r4-0")
    context.close()


def test_figures_table_sorts(browser: Any, zh_page_url: str) -> None:
    context, page, _ = _open(browser, zh_page_url)
    order = "Array.from(document.querySelectorAll('#figures tbody tr')).map(r => r.id)"
    assert page.evaluate(order) == ["fig-0", "fig-1", "fig-2"]
    page.click("#figures th:nth-child(4) button")
    assert page.evaluate(order) == ["fig-1", "fig-2", "fig-0"]  # +5 pp, +6.8%, +20%
    page.click("#figures th:nth-child(4) button")
    assert page.evaluate(order) == ["fig-0", "fig-2", "fig-1"]
    page.click("#figures th:nth-child(3) button")  # by value in the base unit
    assert page.evaluate(order) == ["fig-0", "fig-1", "fig-2"]
    context.close()


def _screenshots(browser: Any, url: str, name: str, *, full: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context, page, watch = _open(browser, url, viewport=viewport)
        assert watch.errors == [], name
        assert watch.requests == [], name
        assert _no_sideways_scroll(page), f"{name} scrolls sideways at {viewport['width']}px"
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"))
        if full:
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}-full.png"), full_page=True)
        context.close()


def test_screenshots_and_no_sideways_scroll(browser: Any, zh_page_url: str, tmp_path: Path) -> None:
    _screenshots(browser, zh_page_url, "zh-example")
    en = tmp_path / "en.html"
    en.write_text(render_html(en_comparison()), encoding="utf-8")
    _screenshots(browser, en.as_uri(), "en-example")


@pytest.mark.corpus
@pytest.mark.parametrize(("series", "old", "new"), [
    ("cn-state-council-gwr", "2018", "2019"),
    ("berkshire-letters", "2019", "2020"),
])
def test_real_reports_render_in_the_browser(browser: Any, tmp_path: Path, series: str, old: str, new: str) -> None:
    from compare.pipeline import compare_files

    folder = need_shared(CORPUS / series)
    html = render_html(compare_files(str(folder / f"{old}.txt"), str(folder / f"{new}.txt")))
    path = tmp_path / f"{series}.html"
    path.write_text(html, encoding="utf-8")
    _screenshots(browser, path.as_uri(), f"{series}-{old}-{new}", full=False)


@pytest.mark.parametrize("case", ["zh-district", "en-letters"])
def test_fixture_pairs_in_the_browser(browser: Any, tmp_path: Path, case: str) -> None:
    """The real pipeline on our fixture pairs: loads cleanly, fits a phone, evidence links land."""
    from compare.pipeline import compare_files

    folder = REPO / "fixtures" / case
    path = tmp_path / f"{case}.html"
    path.write_text(render_html(compare_files(str(folder / "2020.txt"), str(folder / "2021.txt"))), encoding="utf-8")
    _screenshots(browser, path.as_uri(), f"fixture-{case}")
    context, page, watch = _open(browser, path.as_uri(), viewport={"width": 1280, "height": 600})
    links = page.eval_on_selector_all("a.evlink", "els => els.map(e => e.getAttribute('href'))")
    for href in links[:3]:
        page.click(f"a.evlink[href='{href}']")
        page.wait_for_selector(f".m-{href[1:]}.hl")
        assert _in_viewport(page, f".m-{href[1:]}"), href
        page.evaluate("document.getElementById('plan').scrollIntoView()")
    page.keyboard.press("n")
    assert page.evaluate("document.querySelectorAll('.row.current').length") == 1
    assert watch.errors == []
    context.close()
