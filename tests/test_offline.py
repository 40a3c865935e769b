"""The offline package: `make offline` builds a zip that, unzipped and opened from disk (file://),
works in both languages with no web server: navigation, language switch, search, saved learner data,
and not one request that leaves file://."""
from __future__ import annotations

import json
import os
import subprocess
import zipfile

import pytest

from conftest import ROOT
from protected_tools import PASSWORD, decrypted_text, leaks, protected_pages, sealed_pages, secret_phrases
from search_tools import INDEX, read_index, result_pages, search
from test_language_browser import switch_to

PACKAGE = "course-offline"
SHIM = "assets/vendor/iframe-worker/shim.js"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory):
    """The zip built by `make offline` (with protected pages included, encrypted), unzipped."""
    build = tmp_path_factory.mktemp("offline-build")
    result = subprocess.run(["make", "--no-print-directory", "offline", f"OFFLINE_DIR={build}"],
                            cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "COURSE_PROTECTED_PASSWORD": PASSWORD})
    if result.returncode != 0:
        pytest.fail(f"make offline failed:\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}")
    unzipped = tmp_path_factory.mktemp("offline-unzipped")
    with zipfile.ZipFile(build / f"{PACKAGE}.zip") as archive:
        archive.extractall(unzipped)
    return unzipped / PACKAGE


def test_the_package_holds_plain_html_files_each_language_index_as_a_script_and_the_shim(package):
    assert (package / "index.html").is_file() and (package / "nl/how/eight-levers.html").is_file()
    assert not (package / "how/eight-levers/index.html").exists()
    for language, path in INDEX.items():
        script = (package / path).with_suffix(".js").read_text(encoding="utf-8")
        assert json.loads(script.removeprefix("var __index = ")) == read_index(package, language)
    stub = (package / "search/search_index.js").read_text(encoding="utf-8")
    assert json.loads(stub.removeprefix("var __index = "))["docs"] == []
    assert (package / SHIM).is_file() and "MIT" in (package / "assets/vendor/iframe-worker/LICENSE").read_text()
    for name in ("index.html", "nl/how/eight-levers.html"):
        html = (package / name).read_text(encoding="utf-8")
        assert "iframe-worker/shim.js" in html and "unpkg.com" not in html
        # instant navigation cannot work from disk and would stop the course's scripts from starting
        assert "navigation.instant" not in html


def test_navigation_language_switch_and_search_from_disk(page, package):
    home = package.as_uri() + "/"
    page.goto(home + "index.html")
    assert page.locator("html").get_attribute("lang") == "en"
    # navigation: a navigation tab, then the footer's next-page link
    page.locator('.md-tabs a[href="how/index.html"]').click()
    page.wait_for_url(home + "how/index.html")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(home + "how/*.html")
    lesson = page.url
    assert page.locator("h1").count() == 1
    # switching language opens the same page in Dutch
    switch_to(page, "nl")
    page.wait_for_url(lesson.replace(home, home + "nl/"))
    assert page.locator("html").get_attribute("lang") == "nl"
    # search in Dutch finds word forms, Dutch pages only
    found = result_pages(search(page, "leerdoel"))
    assert home + "nl/how/personal-mastery.html" in found
    assert found and all(url.startswith(home + "nl/") for url in found)
    # and in English after switching back
    page.keyboard.press("Escape")
    switch_to(page, "en")
    page.wait_for_url(lesson)
    found = result_pages(search(page, "experimenting"))
    assert home + "results/first-experiments.html" in found
    assert not [url for url in found if url.startswith(home + "nl/")]
    _assert_stayed_on_disk(page)


def test_learner_data_is_saved_and_survives_reload(page, package):
    home = package.as_uri() + "/"
    # a worksheet prompt
    page.goto(home + "how/action-learning.html")
    text = "Try a learning review after every sprint"
    page.locator("textarea.course-prompt__input").first.fill(text)
    assert [key for key, value in _stored(page).items() if key.startswith("course:v1:") and text in value]
    page.reload()
    assert page.locator("textarea.course-prompt__input").first.input_value() == text
    # a rating in the Learning Culture test, read back on the Dutch page
    page.goto(home + "introduction/learning-culture-test.html")
    page.wait_for_selector("[data-course-test][data-ready]")
    rating = "[data-statement] [data-question=reality] input"
    page.locator(rating).nth(2).check()
    page.goto(home + "nl/introduction/learning-culture-test.html")
    page.wait_for_selector("[data-course-test][data-ready]")
    assert page.locator(rating).nth(2).is_checked()
    assert all(key.startswith("course:v1:") for key in _stored(page))
    _assert_stayed_on_disk(page)


def _stored(page) -> dict:
    """Everything this package keeps in localStorage, by key."""
    return page.evaluate("() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


def _assert_stayed_on_disk(page) -> None:
    outside = [url for url in page.requests if not url.startswith(("file://", "data:", "blob:", "about:"))]
    assert outside == []
    assert page.errors == []


def test_protected_pages_are_in_the_package_only_encrypted(package):
    sealed = sealed_pages(package)
    assert len(sealed) == len(protected_pages())  # every protected page, in both languages
    assert leaks(package) == []
    # the check can fail for real: once decrypted, the pages do hold the phrases it looks for
    decrypted = "".join(decrypted_text(page) for page in sealed.values())
    phrases = [p for page_phrases in secret_phrases().values() for p in page_phrases]
    assert len(phrases) >= 60
    assert [p for p in phrases if p.replace(" ", "") not in decrypted] == []


def test_the_package_has_no_service_worker_and_no_app_manifest(package):
    """The installable app (issue 17) is for the web site: from disk a worker cannot run."""
    assert [p.name for p in package.rglob("*") if p.name in ("sw.js", "manifest.webmanifest", "service-worker.js")] == []
    for name in ("index.html", "nl/how/eight-levers.html"):
        assert 'rel="manifest"' not in (package / name).read_text(encoding="utf-8")
