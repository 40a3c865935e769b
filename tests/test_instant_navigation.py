"""Every interactive page works when reached by Material's instant navigation, not only on load."""
from __future__ import annotations

import pytest

TOOL_PAGES = {
    "introduction/learning-culture-test/": "[data-course-test][data-ready]",
    "why/self-check/": "[data-course-self-check][data-ready]",
    "results/action-plan/": "[data-course-plan] textarea",
    "results/team-profile/": "[data-team-files]",
    "results/certificate/": "[data-certificate-missing] li",
    "start/progress/": "[data-progress-modules] > *",
    "start/your-data/": "[data-import-file]",
    "results/request-certificate/": "[data-course-share][data-ready]",
    "results/verify/": "[data-course-verify][data-ready]",
}


@pytest.mark.parametrize("path,ready", TOOL_PAGES.items())
def test_tool_page_after_instant_navigation(page, site, path, ready):
    page.goto(site["url"] + "how/eight-levers/")
    # a link inside the page, clicked like any other: Material loads the target without a reload
    page.evaluate("""(href) => {
        const link = document.createElement('a');
        link.href = href; link.id = 'go'; link.textContent = 'go';
        document.querySelector('.md-content article').appendChild(link);
    }""", site["url"] + path)
    page.evaluate("window.__instantMarker = 1")
    page.click("#go")
    page.wait_for_url(site["url"] + path)
    page.wait_for_selector(ready)
    assert page.evaluate("window.__instantMarker") == 1, "the page was reloaded, not instantly navigated"
    assert page.errors == []


@pytest.mark.parametrize("language", ["en", "nl"])
def test_back_does_not_bring_back_an_open_drawer_or_search(site, browser, language):
    """Material's toggles lose their (invalid) autocomplete="off"; toggles.js keeps what it did."""
    from conftest import CHROMIUM_ARGS

    prefix = "" if language == "en" else "nl/"
    html = (site["dir"] / prefix / "why" / "index.html").read_text(encoding="utf-8")
    assert 'id="__drawer" autocomplete' not in html and 'id="__search" autocomplete' not in html
    # without the back/forward cache, Back loads the page again and restores its form fields
    chromium = browser.browser_type.launch(executable_path="/usr/bin/chromium",
                                           args=CHROMIUM_ARGS + ["--disable-features=BackForwardCache"])
    try:
        tab = chromium.new_page(viewport={"width": 400, "height": 800})
        tab.goto(site["url"] + prefix + "why/")
        tab.click("label.md-header__button[for='__drawer']")
        assert tab.evaluate("document.getElementById('__drawer').checked")
        tab.goto(site["url"] + prefix + "how/")
        tab.go_back(wait_until="load")
        tab.wait_for_function("!document.getElementById('__drawer').checked")
        assert tab.locator(".md-sidebar--primary").evaluate("el => el.getBoundingClientRect().right") <= 0
        # a search asked for in the address stays open
        tab.goto(site["url"] + prefix + "why/?q=learning")
        tab.reload(wait_until="load")
        assert tab.evaluate("document.getElementById('__search').checked")
    finally:
        chromium.close()
