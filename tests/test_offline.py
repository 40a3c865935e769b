"""The offline package: `make offline` builds a zip that, unzipped and opened from disk (file://),
works in both languages with no web server: navigation, language switch, search, saved learner data,
and not one request that leaves file://."""
from __future__ import annotations

import json
import subprocess
import zipfile

import pytest

from conftest import ROOT
from search_tools import INDEX, read_index, result_pages, search
from test_language_browser import switch_to

PACKAGE = "course-offline"
SHIM = "assets/vendor/iframe-worker/shim.js"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory):
    """The zip built by `make offline`, unzipped into a fresh folder."""
    build = tmp_path_factory.mktemp("offline-build")
    result = subprocess.run(["make", "--no-print-directory", "offline", f"OFFLINE_DIR={build}"],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"make offline failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}")
    unzipped = tmp_path_factory.mktemp("offline-unzipped")
    with zipfile.ZipFile(build / f"{PACKAGE}.zip") as archive:
        archive.extractall(unzipped)
    return unzipped / PACKAGE


@pytest.fixture()
def tab(browser):
    """A fresh browser context (empty storage) that records every request and page error."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def test_the_package_holds_plain_html_files_each_language_index_as_a_script_and_the_shim(package):
    assert (package / "index.html").is_file() and (package / "nl/how/eight-levers.html").is_file()
    assert not (package / "how/eight-levers/index.html").exists()
    for language, path in INDEX.items():
        script = (package / path).with_suffix(".js").read_text(encoding="utf-8")
        assert json.loads(script.removeprefix("var __index = ")) == read_index(package, language)
    stub = (package / "search/search_index.js").read_text(encoding="utf-8")
    assert json.loads(stub.removeprefix("var __index = "))["docs"] == []
    assert (package / SHIM).is_file() and "MIT" in (package / "assets/vendor/iframe-worker/LICENSE").read_text()
    for page in ("index.html", "nl/how/eight-levers.html"):
        html = (package / page).read_text(encoding="utf-8")
        assert "iframe-worker/shim.js" in html and "unpkg.com" not in html
        # instant navigation cannot work from disk and would stop the course's scripts from starting
        assert "navigation.instant" not in html


def test_navigation_language_switch_and_search_from_disk(tab, package):
    home = package.as_uri() + "/"
    tab.goto(home + "index.html")
    assert tab.locator("html").get_attribute("lang") == "en"
    # navigation: a tab, then the footer's next-page link
    tab.locator('.md-tabs a[href="how/index.html"]').click()
    tab.wait_for_url(home + "how/index.html")
    tab.locator("a.md-footer__link--next").click()
    tab.wait_for_url(home + "how/*.html")
    lesson = tab.url
    assert tab.locator("h1").count() == 1
    # switching language opens the same page in Dutch
    switch_to(tab, "nl")
    tab.wait_for_url(lesson.replace(home, home + "nl/"))
    assert tab.locator("html").get_attribute("lang") == "nl"
    # search in Dutch finds word forms, Dutch pages only
    found = result_pages(search(tab, "leerdoel"))
    assert home + "nl/how/personal-mastery.html" in found
    assert found and all(url.startswith(home + "nl/") for url in found)
    # and in English after switching back
    tab.keyboard.press("Escape")
    switch_to(tab, "en")
    tab.wait_for_url(lesson)
    found = result_pages(search(tab, "experimenting"))
    assert home + "results/first-experiments.html" in found
    assert not [url for url in found if url.startswith(home + "nl/")]
    _assert_stayed_on_disk(tab)


def test_learner_data_is_saved_and_survives_reload(tab, package):
    home = package.as_uri() + "/"
    # a worksheet prompt
    tab.goto(home + "how/action-learning.html")
    prompt = tab.locator("textarea.course-prompt__input").first
    prompt.fill("Try a learning review after every sprint")
    assert "Try a learning review after every sprint" in json.dumps(_stored(tab))
    tab.reload()
    assert tab.locator("textarea.course-prompt__input").first.input_value() == "Try a learning review after every sprint"
    # a rating in the Learning Culture test, read back on the Dutch page
    tab.goto(home + "introduction/learning-culture-test.html")
    tab.wait_for_selector("[data-course-test][data-ready]")
    rating = "[data-statement] [data-question=reality] input"
    tab.locator(rating).nth(2).check()
    tab.goto(home + "nl/introduction/learning-culture-test.html")
    tab.wait_for_selector("[data-course-test][data-ready]")
    assert tab.locator(rating).nth(2).is_checked()
    assert all(key.startswith("course:v1:") for key in _stored(tab))
    _assert_stayed_on_disk(tab)


def _stored(tab) -> dict:
    """Everything this package keeps in localStorage, by key."""
    return tab.evaluate("() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


def _assert_stayed_on_disk(tab) -> None:
    outside = [url for url in tab.requests if not url.startswith(("file://", "data:", "blob:", "about:"))]
    assert outside == []
    assert tab.errors == []
