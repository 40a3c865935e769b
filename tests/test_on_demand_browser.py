"""Code a page fetches only when it is needed (CourseModules.need and .later, core/on-demand.js): the
action plan's export at the first export click, the radar chart once there is a chart to draw, the
certificate check once there is a certificate to check. A first visit does not fetch them; each
works when fetched, also after instant navigation; the service worker keeps them for offline use;
when one cannot be fetched the page says so and a later try works."""
from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from course.data import ui
from course.languages import project_languages
from test_browser_modules_browser import go
from test_learner_browser import complete_attempt, download, seed

PLAN, TEST, CERTIFICATE = "results/action-plan/", "introduction/learning-culture-test/", "results/certificate/"
EXPORT, CHART, CHECK = "assets/js/pages/data-transfer.js", "assets/js/later/RadarChart.js", "assets/js/later/CredentialCheck.js"
LANGUAGES = project_languages()


def fetched(page, path: str) -> bool:
    return any(url.split("?")[0].endswith("/" + path) for url in page.requests)


def test_a_first_visit_fetches_none_of_the_code_its_pages_load_on_demand(page, site):
    for language in LANGUAGES.all:
        prefix = "" if language == LANGUAGES.source else language + "/"
        for path in (PLAN, TEST, CERTIFICATE):
            page.goto(site["url"] + prefix + path, wait_until="networkidle")
    assert not [path for path in (EXPORT, CHART, CHECK) if fetched(page, path)]
    # the page lists what it may fetch, so the service worker can keep it for offline use (core/app.js)
    page.goto(site["url"] + PLAN)
    listed = page.eval_on_selector_all("[data-course-on-demand] [data-bundle]", "links => links.map(l => l.dataset.bundle)")
    assert listed == ["pages/data-transfer", "later/RadarChart"]
    assert page.errors == []


def test_the_export_is_fetched_at_the_first_click_and_downloads_in_every_language(page, site):
    for language in LANGUAGES.all:
        prefix = "" if language == LANGUAGES.source else language + "/"
        page.goto(site["url"] + prefix + PLAN)
        seed(page, {"worksheet": {"version": 1, "answers": {"results-learned": "Small steps work."}}})
        page.reload(wait_until="networkidle")
        page.requests.clear()
        name, text = download(page, "[data-export=markdown]")
        assert fetched(page, EXPORT)
        assert text.startswith("# ") and "> Small steps work." in text
        assert page.locator("[data-transfer-status]").inner_text() == ui(language)["export_done"].format(file=name)
        name, text = download(page, "[data-export=json]")  # the second export: no second fetch
        assert json.loads(text)["data"]["worksheet"]["answers"] == {"results-learned": "Small steps work."}
        assert [url for url in page.requests if url.endswith(EXPORT)] == [site["url"] + EXPORT]
    assert page.errors == []


def test_the_export_works_after_instant_navigation_to_the_plan_and_back_again(page, site):
    page.goto(site["url"] + "introduction/vision/")
    page.evaluate("window.__instantMarker = 1")
    go(page, site["url"] + PLAN)
    name, text = download(page, "[data-export=markdown]")  # fetched now, on a page reached instantly
    assert name.endswith(".md") and text.startswith("# ")
    go(page, site["url"] + "introduction/vision/")
    go(page, site["url"] + PLAN)
    name, text = download(page, "[data-export=json]")  # the fetched controller started on the new content
    assert json.loads(text)["format"] == "learning-culture-course"
    assert page.locator("[data-transfer-status]").inner_text() == ui("en")["export_done"].format(file=name)
    assert page.evaluate("window.__instantMarker") == 1, "a page was reloaded, not instantly navigated"
    assert page.errors == []


def no_worker(browser):
    """A tab without the service worker, whose own fetches the test's routes would not see."""
    context = browser.new_context(service_workers="block")
    return context, context.new_page()


def test_an_export_that_cannot_be_fetched_says_so_and_works_on_a_later_try(browser, site):
    context, page = no_worker(browser)
    page.route("**/" + EXPORT, lambda route: route.abort())
    page.goto(site["url"] + "nl/" + PLAN)
    page.click("[data-export=markdown]")
    expect(page.locator("[data-transfer-status]")).to_have_text(ui("nl")["load_failed"])
    page.unroute("**/" + EXPORT)
    name, _ = download(page, "[data-export=markdown]")
    assert page.locator("[data-transfer-status]").inner_text() == ui("nl")["export_done"].format(file=name)
    context.close()


def test_the_chart_is_fetched_once_the_results_are_complete_also_after_instant_navigation(page, site):
    page.goto(site["url"] + PLAN)
    seed(page, {"culture-test": {"version": 1, "attempts": {"first": complete_attempt()}}})
    page.evaluate("window.__instantMarker = 1")
    go(page, site["url"] + TEST)
    expect(page.locator("[data-test-chart] svg[role=img] polygon.course-radar__series")).to_have_count(2)
    assert fetched(page, CHART)
    go(page, site["url"] + PLAN)  # the plan's printed cover draws the same chart
    expect(page.locator("[data-cover-chart-svg] svg[role=img] polygon.course-radar__series")).to_have_count(2)
    assert page.evaluate("window.__instantMarker") == 1
    assert page.errors == []


def test_a_chart_that_cannot_be_fetched_leaves_the_table_and_says_so(browser, site):
    context, page = no_worker(browser)
    page.route("**/" + CHART, lambda route: route.abort())
    page.goto(site["url"] + TEST)
    seed(page, {"culture-test": {"version": 1, "attempts": {"first": complete_attempt()}}})
    page.reload()
    expect(page.locator("[data-test-chart-svg]")).to_have_text(ui("en")["load_failed"])
    assert page.locator("[data-test-table] tbody tr").count() > 0, "the results table still shows"
    context.close()


def test_the_service_worker_keeps_the_on_demand_code_so_the_export_works_offline(browser, site):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(site["url"] + PLAN)
    kept = tab.evaluate("""async url => {
        await navigator.serviceWorker.ready;
        for (let i = 0; i < 200; i++) {
            if (navigator.serviceWorker.controller && await caches.match(url)) return true;
            await new Promise(resolve => setTimeout(resolve, 100));
        }
        return false;
    }""", site["url"] + EXPORT)
    assert kept, "the worker did not keep the export's code"
    assert not any(entry.endswith(EXPORT) for entry in tab.evaluate("performance.getEntriesByType('resource').map(e => e.name)"))
    context.set_offline(True)
    tab.reload()
    name, text = download(tab, "[data-export=markdown]")
    assert name.endswith(".md") and text.startswith("# ")
    context.close()
