"""Every interactive page works when reached by Material's instant navigation, not only on load."""
from __future__ import annotations

import pytest

from conftest import start_reading, wait_for_page_list

TOOL_PAGES = {
    "introduction/learning-culture-test/": "[data-course-test][data-ready]",
    "why/self-check/": "[data-course-self-check][data-ready]",
    "results/action-plan/": "[data-course-plan] [data-plan-answered]:not(:empty)",  # counted by action-plan.js
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
    start_reading(page)
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


SITEMAP = "sitemap.xml"  # every page of every language: grows with the course
FIRST_USE = {  # what a reader does first on a page, each releasing the request for the list
    "pointer": lambda tab: tab.mouse.move(40, 300),
    "keyboard": lambda tab: tab.keyboard.press("Tab"),
    "scrolling": lambda tab: tab.evaluate("window.scrollBy(0, 400)"),
    "touch": lambda tab: tab.touchscreen.tap(5, 300),
}


def sitemap_requests(tab) -> list[str]:
    return [url for url in tab.requests if url.endswith("/" + SITEMAP)]


@pytest.mark.parametrize("first_use", FIRST_USE)
def test_a_first_visit_fetches_the_list_of_pages_only_once_the_reader_starts(browser, site, first_use):
    """Material's instant navigation needs sitemap.xml, which grows with the course: a visitor who has
    not yet scrolled, pointed, touched or typed has not fetched it; once they do, it comes, and the next
    link is an instant page change."""
    context = browser.new_context(has_touch=True)
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.goto(site["url"] + "how/eight-levers/", wait_until="networkidle")
    tab.wait_for_timeout(300)
    assert sitemap_requests(tab) == [], "the list of pages was fetched before the reader did anything"
    FIRST_USE[first_use](tab)
    wait_for_page_list(tab)
    assert sitemap_requests(tab) == [site["url"] + SITEMAP]
    tab.evaluate("window.__instantMarker = 1")
    tab.locator('.md-sidebar--primary a[href$="action-learning/"]').first.click()
    tab.wait_for_url("**/how/action-learning/")
    tab.wait_for_selector("link[rel=canonical][href$='how/action-learning/']", state="attached")
    assert tab.evaluate("window.__instantMarker") == 1, "the page was reloaded, not instantly navigated"
    assert sitemap_requests(tab) == [site["url"] + SITEMAP], "asked for the list again"
    context.close()


def test_a_link_followed_before_the_list_arrives_is_an_ordinary_page_load(page, site):
    """A reader quicker than the list: the link opens its page in full, once, and the page works."""
    waiting = []
    page.route("**/" + SITEMAP, lambda route: waiting.append(route))  # the list is slow to come
    page.goto(site["url"] + "how/eight-levers/")
    page.evaluate("window.__instantMarker = 1")
    page.locator('.md-sidebar--primary a[href$="action-learning/"]').first.click()
    page.wait_for_url("**/how/action-learning/")
    page.wait_for_load_state("load")
    assert page.evaluate("window.__instantMarker") is None, "Material took over a click without the list"
    assert page.evaluate("performance.getEntriesByType('navigation')[0].name") == site["url"] + "how/action-learning/"
    assert [url for url in page.requests if url.endswith("/how/action-learning/")] == [site["url"] + "how/action-learning/"]
    page.wait_for_selector("[data-course-progress-toggle], .md-content h1")
    assert page.errors == []
    page.unroute("**/" + SITEMAP)  # the held request went with the page it was asked from
