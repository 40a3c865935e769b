"""The language switcher in a real browser: same page in the other language, also after instant
navigation, and the choice remembered for the next visit to the home page."""
from __future__ import annotations

from conftest import start_reading


def switch_to(page, language: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'a.md-select__link[hreflang="{language}"]').click()
    page.wait_for_load_state("load")


def test_switcher_follows_instant_navigation(page, site):
    page.goto(site["url"] + "how/eight-levers/")
    start_reading(page)
    # an instant navigation to another page through the sidebar
    page.locator('.md-sidebar--primary a[href$="action-learning/"]').first.click()
    page.wait_for_url("**/how/action-learning/")
    assert page.evaluate("typeof window.__md_scope") == "object"
    switch_to(page, "nl")
    page.wait_for_url(site["url"] + "nl/how/action-learning/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "Actieleren" in page.locator("h1").inner_text()
    switch_to(page, "en")
    page.wait_for_url(site["url"] + "how/action-learning/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.errors == []


def test_home_page_remembers_the_chosen_language(page, site):
    page.goto(site["url"])
    assert page.locator("html").get_attribute("lang") == "en"
    switch_to(page, "nl")
    page.wait_for_url(site["url"] + "nl/")
    # a later visit to the site's address opens the Dutch home page
    page.goto(site["url"])
    page.wait_for_url(site["url"] + "nl/")
    assert page.locator("html").get_attribute("lang") == "nl"
    # choosing English again is remembered too
    switch_to(page, "en")
    page.wait_for_url(site["url"])
    page.goto(site["url"])
    page.wait_for_load_state("load")
    assert page.url == site["url"]
    assert page.locator("html").get_attribute("lang") == "en"


def test_first_visit_follows_the_browser_language(browser, site):
    for locale, expected in (("nl-NL", "nl/"), ("nl-BE", "nl/"), ("en-US", ""), ("de-DE", "")):
        context = browser.new_context(locale=locale)
        tab = context.new_page()
        tab.goto(site["url"])
        tab.wait_for_url(site["url"] + expected)
        tab.wait_for_load_state("load")
        assert tab.url == site["url"] + expected, locale
        context.close()


def test_pages_search_and_switching_stay_on_this_site(page, site):
    page.goto(site["url"] + "why/")
    page.locator("input.md-search__input").click()
    # typed like a reader: Material sends queries on key presses
    page.locator("input.md-search__input").press_sequentially("levers")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    switch_to(page, "nl")
    page.goto(site["url"] + "nl/how/eight-levers/")
    page.wait_for_load_state("networkidle")
    origin = site["url"].rstrip("/")
    outside = [url for url in page.requests if not url.startswith(origin) and not url.startswith("data:")]
    assert outside == []
    assert len(page.requests) > 5



def test_a_link_into_a_language_is_respected_whatever_the_browser_prefers(browser, site):
    """Issue 20, item 12: an English-preferring newcomer following a link to /nl/ stays in Dutch, and
    so does a learner who chose English before."""
    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    for _ in ("newcomer", "chose English before"):
        tab.goto(site["url"] + "nl/")
        tab.wait_for_load_state("load")
        tab.wait_for_timeout(300)  # a redirect would have started by now
        assert tab.url == site["url"] + "nl/"
        assert tab.locator("html").get_attribute("lang") == "nl"
        switch_to(tab, "en")
        tab.wait_for_url(site["url"])
    context.close()
