"""The page's script tolerates any fragment in the address bar (issue 16, item 5).

bug: `decodeURIComponent` threw `URIError: URI malformed` on a fragment like `#%E0%A4%A`, so the
page stopped following links and showed a console error.
"""

from __future__ import annotations

from typing import Any

import pytest
import test_browser
from test_browser import _open

# the page fixture of the browser tests (the `browser` fixture itself lives in conftest.py)
zh_page_url = test_browser.zh_page_url

pytestmark = pytest.mark.browser

MALFORMED = ["%E0%A4%A", "%", "%ZZ", "only-%E0", "%uD800", "s0-1%"]


@pytest.mark.parametrize("fragment", MALFORMED)
def test_a_malformed_fragment_on_load_raises_nothing(browser: Any, zh_page_url: str, fragment: str) -> None:
    context, page, watch = _open(browser, f"{zh_page_url}#{fragment}")
    assert watch.errors == []
    assert page.is_visible(".controls")
    context.close()


def test_a_malformed_fragment_after_load_raises_nothing_and_links_still_work(
        browser: Any, zh_page_url: str) -> None:
    context, page, watch = _open(browser, zh_page_url)
    for fragment in MALFORMED:
        page.evaluate(f"location.hash = {fragment!r}")
        page.wait_for_timeout(50)
    assert watch.errors == []
    page.click("a[href='#only-new_commitment']")  # the page still follows its own links
    page.wait_for_selector("#only-new_commitment.active")
    context.close()
