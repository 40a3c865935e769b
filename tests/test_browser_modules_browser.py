"""The browser modules in Chromium: page controllers load only where their page needs them and work
after instant navigation between tool pages; a module that throws leaves the others working; every
tool reaches the learner's data through the one store, which keeps unreadable data aside."""
from __future__ import annotations

import pytest

from conftest import build_site, copy_project, free_port, serve, start_reading
from course.selfchecks import load_self_checks

TEST = "introduction/learning-culture-test/"
PLAN = "results/action-plan/"
STATEMENT = "#ct-leadership-1-reality-2"  # the first statement's "today" rating 2


def go(page, url: str) -> None:
    """Follow an ordinary link to `url`, which Material's instant navigation loads without a reload."""
    page.wait_for_load_state()
    start_reading(page)
    page.evaluate("""(href) => {
        document.querySelectorAll('#go').forEach((old) => old.remove());
        const link = document.createElement('a');
        link.href = href; link.id = 'go'; link.textContent = 'go';
        document.querySelector('.md-content').appendChild(link);
    }""", url)
    page.click("#go")
    page.wait_for_url(url)
    page.wait_for_selector(f"link[rel=canonical][href$='{url.split('/', 3)[3]}']", state="attached")


def own_scripts(page) -> list[str]:
    """The project's scripts the page fetched (not its language's data file, which every page loads),
    each named once: Chromium sometimes records a second fetch, from its cache, of a script the page
    has one element for (seen when tests/test_on_demand_browser.py ran first)."""
    return page.evaluate("""() => [...new Set(performance.getEntriesByType('resource').map(e => e.name)
        .filter(n => n.includes('/assets/js/') && !n.includes('/language-data.'))
        .map(n => n.replace(/^.*\\/assets\\/js\\//, '')))]""")


def test_a_lesson_loads_only_the_common_bundle_and_the_controllers_its_content_needs(page, site):
    page.goto(site["url"] + "programmes/personal-mastery/")  # no tool on it
    assert sorted(own_scripts(page)) == ["course.js", "material-base.js", "material-content.js"]
    page.goto(site["url"] + "introduction/vision/")  # a lesson with a worksheet prompt
    assert sorted(own_scripts(page)) == ["course.js", "material-base.js", "material-content.js", "pages/worksheet.js"]
    page.goto(site["url"] + PLAN)
    assert {"pages/action-plan.js", "pages/worksheet.js"} <= set(own_scripts(page))
    # the export comes at the first export click (tests/test_on_demand_browser.py)
    assert not {"pages/culture-test.js", "pages/data-transfer.js"} & set(own_scripts(page))


def test_tools_work_after_instant_navigation_from_tool_page_to_tool_page(page, site):
    page.goto(site["url"] + TEST)
    page.evaluate("window.__instantMarker = 1")
    go(page, site["url"] + PLAN)
    page.click("[data-add-experiment]")
    go(page, site["url"] + "why/self-check/")
    page.wait_for_selector("[data-course-self-check][data-ready]")
    go(page, site["url"] + "start/your-data/")
    go(page, site["url"] + "results/team-profile/")
    go(page, site["url"] + "results/certificate/")
    page.wait_for_selector("[data-certificate-missing] li")
    go(page, site["url"] + "start/progress/")
    page.wait_for_selector("[data-progress-modules] > *")
    # back on pages whose scripts ran before: each tool is started once, not once per visit
    go(page, site["url"] + PLAN)
    page.click("[data-add-experiment]")
    assert page.locator("[data-experiments] > *").count() == 2
    go(page, site["url"] + TEST)
    page.check(STATEMENT)
    assert page.locator("[data-test-progress]").inner_text().startswith("0 of ")
    stored = page.evaluate("() => CourseLearner.load('culture-test').attempts.first.answers['leadership-1']")
    assert stored == {"reality": 2}
    assert page.evaluate("window.__instantMarker") == 1, "a page was reloaded, not instantly navigated"
    assert page.errors == []


BROKEN = {
    "core/a-broken-start.js": "// provides: BrokenStart\n// needs: CourseModules\n"
                              "(function () { window.CourseModules.start('BrokenStart', function () {"
                              " throw new Error('broken on purpose'); }); })();\n",
    "core/a-broken-load.js": "// provides: BrokenLoad\n(function () { throw new Error('broken on purpose'); })();\n",
}


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    """A copy of the course with two modules that throw: one when it starts, one when its file runs."""
    base = tmp_path_factory.mktemp("broken")
    project = copy_project(base / "project")
    for name, text in BROKEN.items():
        (project / "overrides/assets/js" / name).write_text(text, encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    build_site(base / "site", url, project=project)
    server = serve(base / "site", port)
    yield url
    server.shutdown()


def test_a_module_that_throws_leaves_the_others_working_and_is_named_once(browser, broken_site):
    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    console, thrown = [], []
    tab.on("console", lambda message: message.type == "error" and console.append(message.text))
    tab.on("pageerror", lambda error: thrown.append(str(error)))
    tab.goto(broken_site + TEST)
    tab.check(STATEMENT)
    assert tab.locator("[data-test-progress]").inner_text().startswith("0 of ")
    assert tab.evaluate("() => CourseLearner.load('culture-test').attempts.first.answers['leadership-1']") == {"reality": 2}
    ours = [text for text in console if "Course module" in text]
    assert len([t for t in ours if "Course module BrokenStart failed to start" in t]) == 1, console
    assert len([t for t in ours if "Course module BrokenLoad failed to load" in t]) == 1, console
    assert len(ours) == 2, console
    assert thrown == []
    # the lesson's own tools too: mark as done ticks the navigation
    tab.goto(broken_site + "introduction/vision/")
    tab.click("[data-done-button]")
    assert tab.get_attribute("[data-done-button]", "aria-pressed") == "true"
    assert thrown == []
    context.close()


def corrupt(page, name: str, raw: str) -> None:
    page.evaluate("([name, raw]) => localStorage.setItem('course:v1:/:' + name, raw)", [name, raw])


def kept_aside(page, name: str) -> list[str]:
    return page.evaluate("""(name) => Object.keys(localStorage)
        .filter(k => k.startsWith('course:v1:/:' + name + '.corrupt-')).map(k => JSON.parse(localStorage.getItem(k)))""", name)


def test_a_truncated_culture_test_is_kept_aside_not_overwritten(page, site):
    page.goto(site["url"] + TEST)
    truncated = '{"version":1,"attempts":{"first":{"bank_version":1,"answers":{"leadership-1":{"reali'
    corrupt(page, "culture-test", truncated)
    page.reload()
    assert "(Learning Culture test) could not be read" in page.locator("[data-course-notices]").inner_text()
    page.check(STATEMENT)
    assert kept_aside(page, "culture-test") == [truncated]
    assert page.evaluate("() => CourseLearner.load('culture-test').attempts.first.answers") == {"leadership-1": {"reality": 2}}
    assert page.errors == []


def test_answers_null_in_a_stored_test_does_not_break_the_page(page, site):
    page.goto(site["url"] + TEST)
    # an attempt without answers is read as no ratings yet (lib/learner-migrations.js), not as damage
    corrupt(page, "culture-test", '{"version":1,"attempts":{"first":{"bank_version":1,"answers":null}}}')
    page.reload()
    page.check(STATEMENT)
    assert page.locator("[data-test-progress]").inner_text().startswith("0 of ")
    assert kept_aside(page, "culture-test") == []
    assert page.evaluate("() => CourseLearner.load('culture-test').attempts.first.answers") == {"leadership-1": {"reality": 2}}
    assert page.errors == []


def test_an_unreadable_self_check_is_kept_aside(page, site):
    check = load_self_checks()["why"]
    page.goto(site["url"] + "why/self-check/")
    corrupt(page, "self-checks", '{"version":1,"modules":{"why":')
    page.reload()
    assert "(Self-checks) could not be read" in page.locator("[data-course-notices]").inner_text()
    question = check.questions[0]
    page.check(f"#sc-{question.id}-{question.options[0].id}")
    assert kept_aside(page, "self-checks") == ['{"version":1,"modules":{"why":']
    assert page.errors == []
