"""Benchmark (not a test): size of the HTML page and its time to interactive in headless Chromium.

Run: python bench/html_page.py [OLD NEW]   (default: ../shared/corpus/berkshire-letters 2019 -> 2020)
Targets from issue #7: the page stays under 2 MB and is interactive within 1 s.
"Interactive" is the moment report.js has added the controls (it sets html[data-ready]); it is
read from the page's own clock (performance.now()), so it excludes browser start-up.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from compare.pipeline import compare_files
from compare.render import render_html

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RUNS = 5
SIZE_LIMIT = 2 * 1024 * 1024
INTERACTIVE_LIMIT_MS = 1000.0


def main(argv: list[str]) -> int:
    if len(argv) == 2:
        old, new = argv
    else:
        old = str(CORPUS / "berkshire-letters" / "2019.txt")
        new = str(CORPUS / "berkshire-letters" / "2020.txt")
    if not Path(old).exists():
        print(f"{old} is absent: ../shared/corpus is not beside this checkout")
        return 2
    t0 = time.perf_counter()
    comparison = compare_files(old, new)
    t1 = time.perf_counter()
    html = render_html(comparison)
    t2 = time.perf_counter()
    size = len(html.encode("utf-8"))
    print(f"pair: {old} -> {new}")
    print(f"compare: {t1 - t0:.3f} s   render_html: {t2 - t1:.3f} s")
    print(f"page size: {size:,} bytes ({size / 1024 / 1024:.2f} MB; limit 2 MB) "
          f"{'OK' if size < SIZE_LIMIT else 'TOO BIG'}")

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "report.html"
        page_path.write_text(html, encoding="utf-8")
        ready: list[float] = []
        dom: list[float] = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for _ in range(RUNS):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.add_init_script(
                    "new MutationObserver((m, o) => { if (document.documentElement.dataset.ready) {"
                    " window.__ready = performance.now(); o.disconnect(); } })"
                    ".observe(document, {attributes: true, subtree: true, attributeFilter: ['data-ready']});")
                page.goto(page_path.as_uri())
                page.wait_for_selector("html[data-ready]", state="attached")
                ready.append(page.evaluate("window.__ready"))
                dom.append(page.evaluate(
                    "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"))
                context.close()
            browser.close()
    med = statistics.median(ready)
    print(f"DOMContentLoaded: median {statistics.median(dom):.0f} ms")
    print(f"interactive (controls ready): median {med:.0f} ms, runs {', '.join(f'{r:.0f}' for r in ready)} "
          f"(limit {INTERACTIVE_LIMIT_MS:.0f} ms) {'OK' if med < INTERACTIVE_LIMIT_MS else 'TOO SLOW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
