"""The reader on a phone-sized screen, in real headless Chromium (issue 18)."""

from __future__ import annotations

import pytest

from sayso.store.database import open_store

pytestmark = [pytest.mark.browser, pytest.mark.issue(18)]

PHONES = [(320, 640), (375, 667), (414, 896)]


@pytest.mark.parametrize(("width", "height"), PHONES)
def test_navigation_bar_fits_a_phone(browser, serve_process, tmp_path, screenshot, width, height) -> None:
    db = tmp_path / "phone.db"
    open_store(db).close()
    base = serve_process("--db", str(db))
    page = browser.new_page(viewport={"width": width, "height": height}, is_mobile=True)
    page.goto(base + "/search")
    links = page.locator(".topbar nav a")
    assert links.count() == 7  # with a corpus: articles, search, speakers, timeline, scorecard, analyse, API
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, links.nth(i).inner_text()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width  # no sideways scrolling
    screenshot(page, f"phone-nav-{width}", full_page=False)
    page.close()
