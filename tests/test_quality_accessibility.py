"""Accessibility gate: axe-core's WCAG 2.1 A and AA rules on every page of the built site in both
languages, on the open search dialog, and on the interactive pages after they are completed with
the keyboard alone. A failure names the page, the rule and the offending elements."""
from __future__ import annotations

import pytest

from html_tools import built_path
from keyboard import count_controls, fill_in
from quality_tools import axe_violations, page_name, page_url, run_axe, site_pages, start_axe, tool_pages

TOOL_PAGES = [(page, language) for page in tool_pages() for language in ("en", "nl")]


def test_every_page_has_no_accessibility_violations(browser, site):
    pages = site_pages(site["dir"])
    assert len(pages) >= 100
    context = browser.new_context(locale="en-GB")
    tabs = [context.new_page(), context.new_page()]
    failures = []
    # two tabs: axe runs in one while the next page loads in the other
    for start in range(0, len(pages), len(tabs)):
        batch = list(zip(tabs, pages[start:start + len(tabs)]))
        for tab, html_file in batch:
            tab.goto(page_url(site, html_file))
            start_axe(tab)
        for tab, html_file in batch:
            failures += [f"{page_name(site, html_file)}: {line}" for line in axe_violations(tab)]
    context.close()
    assert not failures, f"{len(failures)} accessibility violations (axe-core, WCAG 2.1 A/AA):\n" + "\n".join(failures)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_open_search_dialog_with_results_is_accessible(page, site, language):
    page.goto(site["url"] + ("" if language == "en" else "nl/"))
    page.keyboard.press("/")  # Material's shortcut for search
    page.keyboard.type("learning")
    page.wait_for_selector(".md-search-result__item")
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label")
    violations = run_axe(page)
    assert not violations, f"{language} search dialog:\n" + "\n".join(violations)


@pytest.mark.parametrize(("tool", "language"), TOOL_PAGES, ids=[f"{language}/{tool}" for tool, language in TOOL_PAGES])
def test_interactive_page_can_be_completed_with_the_keyboard_and_stays_accessible(page, site, tool, language):
    html_file = built_path(site["dir"], tool, language)
    name = page_name(site, html_file)
    page.goto(page_url(site, html_file))
    assert count_controls(page) > 0, f"{name} (kind: tool) has no form control in its content"
    left_over = fill_in(page)
    assert not left_over, f"{name}: not completed with the keyboard alone:\n" + "\n".join(left_over)
    assert page.url.split("#")[0] == page_url(site, html_file), f"{name}: completing the form left the page"
    violations = run_axe(page)
    assert not violations, f"{name} after completing it with the keyboard:\n" + "\n".join(violations)
    assert page.errors == [], f"{name}: script errors while completing it: {page.errors}"
