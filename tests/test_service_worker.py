"""The course as an installable app that works offline (issue 17), in a real browser: after one
online visit the visited pages open and the test and prompts save with the network off; a new
build served at the same address takes over on the next navigation and keeps the visited pages
available offline; a worker that cannot install leaves the course working and says so once; the
offline package has no worker."""
from __future__ import annotations

import os
import re
import shutil

import pytest
from playwright.sync_api import expect

from conftest import build_site, copy_project, free_port, serve, start_reading
from course.data import ui
from course.languages import project_languages

LANGUAGES = project_languages()
LESSON, OTHER_LESSON, TEST = "introduction/vision/", "why/engagement-and-wellbeing/", "introduction/learning-culture-test/"
NEW_BUILD = "(new build)"
CACHED = """async url => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 200; i++) {
        if (navigator.serviceWorker.controller && await caches.match(url)) return true;
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    return false;
}"""


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Two builds of the course for one address (the second with other wording), served from a
    folder link that the test can point at either, and a copy of the first whose worker cannot install."""
    root = tmp_path_factory.mktemp("app")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    build_site(root / "a", url)
    project = copy_project(root / "project")
    wording = project / "data/ui.yml"
    wording.write_text(re.sub(r'(reading_time:\n  \w+: "[^"]*)', rf"\1 {NEW_BUILD}", wording.read_text(encoding="utf-8")), encoding="utf-8")
    build_site(root / "b", url, project=project)
    current = root / "current"
    current.symlink_to(root / "a")
    server = serve(current, port)
    broken_port = free_port()
    shutil.copytree(root / "a", root / "broken")
    (root / "broken/assets/images/app-icon-512.png").unlink()  # in the worker's shell: install fails
    broken = serve(root / "broken", broken_port)
    yield {"url": url, "root": root, "current": current, "broken": f"http://127.0.0.1:{broken_port}/"}
    server.shutdown()
    broken.shutdown()


def point_at(builds, name: str) -> None:
    link = builds["root"] / "next"
    link.symlink_to(builds["root"] / name)
    os.replace(link, builds["current"])  # the new build appears at once, as an rsync --delete would


def address(base: str, language: str, path: str) -> str:
    return base + ("" if language == LANGUAGES.source else language + "/") + path


def visit(tab, url: str) -> None:
    tab.goto(url)
    assert tab.evaluate(CACHED, url), f"{url} was not cached"


def test_after_one_visit_visited_pages_open_and_save_offline_in_every_language(browser, builds):
    point_at(builds, "a")
    context = browser.new_context()
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    for language in LANGUAGES.all:
        for path in ("", LESSON, TEST):
            visit(tab, address(builds["url"], language, path))
    context.set_offline(True)
    for language in LANGUAGES.all:
        t = ui(language)
        tab.goto(address(builds["url"], language, ""))
        assert tab.locator("html").get_attribute("lang") == language
        tab.goto(address(builds["url"], language, LESSON))
        field = tab.locator(".course-prompt__input").first
        field.fill(f"Written offline ({language})")
        tab.wait_for_timeout(300)
        tab.reload()
        assert tab.locator(".course-prompt__input").first.input_value() == f"Written offline ({language})"
        tab.goto(address(builds["url"], language, TEST))
        tab.locator(".course-test__options label").first.click()
        tab.wait_for_timeout(300)
        tab.reload()
        assert tab.locator(".course-test__options input[type=radio]").first.is_checked()
        assert t["app_install_failed"] not in tab.content()
    # what the worker keeps is what was visited, not the whole site
    with pytest.raises(Exception):
        tab.goto(address(builds["url"], LANGUAGES.source, OTHER_LESSON))
    assert errors == []
    context.close()


def test_a_new_build_takes_over_on_the_next_navigation_and_keeps_visited_pages_offline(browser, builds):
    point_at(builds, "a")
    context = browser.new_context()
    tab = context.new_page()
    for path in (OTHER_LESSON, LESSON):
        visit(tab, builds["url"] + path)
    assert NEW_BUILD not in tab.locator("article").inner_text()
    old = tab.evaluate("caches.keys()")
    start_reading(tab)
    point_at(builds, "b")
    # a learner mid-lesson: an instant page change shows the new build's page, the worker updates
    # behind it and the page goes on working; the next link is then a full page load of the new build
    tab.evaluate("url => { const a = document.createElement('a'); a.href = url; document.querySelector('article').appendChild(a); a.click(); }", builds["url"] + OTHER_LESSON)
    tab.wait_for_url(builds["url"] + OTHER_LESSON)
    tab.wait_for_function("old => caches.keys().then(keys => keys.filter(k => k.startsWith('course-site:')).some(Boolean) && keys.filter(k => k.startsWith('course-site:')).every(k => !old.includes(k)))", arg=old, timeout=30000)
    tab.evaluate("url => { const a = document.createElement('a'); a.href = url; document.querySelector('article').appendChild(a); a.click(); }", builds["url"] + LESSON)
    tab.wait_for_url(builds["url"] + LESSON)
    tab.wait_for_load_state("load")
    assert tab.evaluate("performance.getEntriesByType('navigation')[0].name") == builds["url"] + LESSON
    assert NEW_BUILD in tab.locator("article").inner_text()
    # the pages visited under the old build are the new build's offline
    context.set_offline(True)
    tab.goto(builds["url"] + OTHER_LESSON)
    assert NEW_BUILD in tab.locator("article").inner_text()
    context.close()


def test_a_worker_that_cannot_install_leaves_the_course_working_and_says_so_once(browser, builds):
    t = ui(LANGUAGES.source)
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(builds["broken"] + LESSON)
    notice = tab.locator("[data-course-app-failed]")
    expect(notice).to_have_text(t["app_install_failed"])
    tab.locator(".course-prompt__input").first.fill("Saved all the same")
    tab.wait_for_timeout(300)
    tab.goto(builds["broken"] + LESSON)
    tab.wait_for_timeout(1500)
    assert tab.locator("[data-course-app-failed]").count() == 0  # said once
    assert tab.locator(".course-prompt__input").first.input_value() == "Saved all the same"
    context.close()
