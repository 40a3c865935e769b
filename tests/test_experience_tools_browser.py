"""What a learner sees in the course's tools (issue 21), in a real browser at 1280x900 and 390x844,
in both languages: the test on a phone (page height and taps), lesson ticks, the results chart, the
self-check's marks, the action plan before the test, dates, route pages and the completion record."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout, expect

from course.item_bank import load_item_bank
from course.selfchecks import load_self_checks

BANK = load_item_bank()
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
PREFIX = {"en": "", "nl": "nl/"}
LOCALE = {"en": "en-GB", "nl": "nl-NL"}
TEST = "introduction/learning-culture-test/"
RETAKE = "results/retake-test/"
# Before issue 21 the English test was 25,052 px high on this phone (31 screens); now it is one
# dimension per step, so a page is a few screens at most.
MOST_SCREENS = 4


@pytest.fixture(params=["en", "nl"])
def language(request) -> str:
    return request.param


def open_tab(browser, language: str, viewport: dict):
    """A fresh context (empty storage) at `viewport`; a phone gets touch."""
    phone = viewport == PHONE
    context = browser.new_context(viewport=viewport, has_touch=phone, is_mobile=phone, locale=LOCALE[language])
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    return tab


@pytest.fixture()
def phone(browser, language):
    tab = open_tab(browser, language, PHONE)
    yield tab
    tab.context.close()


@pytest.fixture()
def desktop(browser, language):
    tab = open_tab(browser, language, DESKTOP)
    yield tab
    tab.context.close()


def seed(page, values: dict) -> None:
    page.evaluate("values => Object.entries(values).forEach(([k, v]) => CourseStorage.write(k, v))", values)


def attempt(reality: int, aspiration: int, updated: str) -> dict:
    answers = {s.id: {"reality": reality, "aspiration": aspiration} for s in BANK.statements}
    return {"bank_version": BANK.version, "started": updated, "updated": updated, "answers": answers}


def two_attempts() -> dict:
    return {"version": 1, "attempts": {"first": attempt(2, 5, "2026-03-12T10:00:00.000Z"),
                                       "retake": attempt(3, 5, "2026-09-04T10:00:00.000Z")}}


def test_phone_test_is_a_few_screens_high_and_finished_in_one_tap_per_rating_and_step(phone, site, language):
    phone.goto(site["url"] + PREFIX[language] + TEST)
    heights, taps = [], 0
    for index, dimension in enumerate(BANK.dimensions):
        part = phone.locator(f"#ct-dimension-{dimension.id}")
        assert part.is_visible() and phone.locator(".course-test__dimension:visible").count() == 1
        step = phone.locator("[data-test-step]").inner_text()
        assert f"{index + 1}" in step and f"{len(BANK.dimensions)}" in step and dimension.title[language] in step
        heights.append(phone.evaluate("document.documentElement.scrollHeight"))
        for statement in BANK.statements_of(dimension.id):
            for side, value in (("reality", 2), ("aspiration", 5)):
                label = phone.locator(f"label[for='ct-{statement.id}-{side}-{value}']")
                box = label.bounding_box()
                assert box["width"] >= 44 and box["height"] >= 44, (statement.id, box)
                label.tap()
                taps += 1
        part.locator("[data-test-next]").tap()
        taps += 1
    assert phone.locator("#ct-results").is_visible()
    assert phone.locator("[data-test-progress]").inner_text().count(str(len(BANK.statements))) == 2  # "32 of 32"
    assert taps == 2 * len(BANK.statements) + len(BANK.dimensions)
    assert max(heights) <= MOST_SCREENS * PHONE["height"], heights
    print(f"\n{language}: phone test page {max(heights)} px high at most, {taps} taps to finish")
    # still native radio groups, saved on every change: a reload opens on the results, all kept
    phone.reload()
    assert phone.locator("#ct-results").is_visible()
    assert phone.locator(".course-test input[type=radio]:checked").count() == 2 * len(BANK.statements)
    assert phone.errors == []


def test_previous_goes_back_one_dimension_and_the_keyboard_lands_on_its_heading(desktop, site, language):
    desktop.goto(site["url"] + PREFIX[language] + TEST)
    first, second = BANK.dimensions[0].id, BANK.dimensions[1].id
    desktop.locator(f"#ct-dimension-{first} [data-test-next]").click()
    assert desktop.locator(f"#ct-dimension-{second}").is_visible()
    assert desktop.evaluate("document.activeElement.closest('section').id") == f"ct-dimension-{second}"
    desktop.locator(f"#ct-dimension-{second} [data-test-previous]").click()
    assert desktop.locator(f"#ct-dimension-{first}").is_visible()
    assert not desktop.locator(f"#ct-dimension-{second}").is_visible()


def test_marking_a_lesson_done_ticks_its_navigation_link_not_the_table_of_contents(desktop, site, language):
    desktop.goto(site["url"] + PREFIX[language] + "how/eight-levers/")
    toc = desktop.locator(".md-sidebar--secondary .md-nav__link[href]")
    assert toc.count() >= 3 and toc.first.is_visible()  # the table of contents beside the lesson
    desktop.locator("[data-done-button]").click()
    own = desktop.locator(".md-nav--primary .md-nav__link--active .course-nav-done")
    assert own.count() >= 1
    assert desktop.locator(".md-nav--secondary .course-nav-done").count() == 0
    desktop.reload()
    assert desktop.locator(".md-nav--secondary .course-nav-done").count() == 0
    assert desktop.locator(".md-nav--primary .md-nav__link--active .course-nav-done").count() >= 1


def chart_figures(page, figure: str) -> dict:
    """The chart's smallest label in CSS px on screen, and each legend item's line colour and style."""
    return page.evaluate("""figure => {
        const root = document.querySelector(figure), svg = root.querySelector('svg');
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const sizes = [...svg.querySelectorAll('.course-radar__label')].map(l => parseFloat(getComputedStyle(l).fontSize) * scale);
        const legend = [...root.querySelectorAll('.course-chart-legend li')].map(item => {
            const line = getComputedStyle(item, '::before');
            return {name: item.textContent, colour: line.borderTopColor, style: line.borderTopStyle, width: line.width};
        });
        const series = [...svg.querySelectorAll('.course-radar__series')].map(p => getComputedStyle(p).stroke);
        return {smallest: Math.min(...sizes), legend, series};
    }""", figure)


def test_results_chart_is_readable_on_a_phone_with_a_legend_line_per_series(phone, site, language):
    phone.goto(site["url"] + PREFIX[language] + RETAKE)
    seed(phone, {"culture-test": two_attempts()})
    phone.reload()
    assert phone.locator("[data-test-chart]").is_visible()
    figures = chart_figures(phone, "[data-test-chart]")
    assert figures["smallest"] >= 12, figures["smallest"]
    legend = figures["legend"]
    assert len(legend) == 3  # this attempt (today and in twelve months) and the first attempt
    assert len({(item["colour"], item["style"]) for item in legend}) == 3, legend
    assert len({item["style"] for item in legend}) == 3, legend
    assert all(item["width"] != "0px" for item in legend)
    # the legend's colours are the lines' colours
    assert sorted(item["colour"] for item in legend) == sorted(figures["series"])
    # the change column is on the page, reached by scrolling the table sideways, not the page
    change = phone.locator("#ct-table th[data-column=change]")
    assert change.is_visible()
    change.scroll_into_view_if_needed()
    box = change.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"]
    # the page itself does not scroll sideways once it has settled (a scroll may still be running)
    try:
        phone.wait_for_function("width => document.documentElement.scrollWidth <= width", arg=PHONE["width"],
                               timeout=5000)
    except PlaywrightTimeout:
        pytest.fail(f"the page scrolls sideways on a phone; past the edge: {overflowing(phone)}")


def overflowing(page, width: int = PHONE["width"]) -> list:
    """The elements that reach past the right edge of a screen this wide, outermost first."""
    return page.evaluate("""width => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > width + 0.5)
        .filter(e => !e.parentElement.closest('[style*=overflow], .md-typeset__scrollwrap'))
        .slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))""",
        width)


def test_self_check_marks_the_learners_own_choice_and_the_right_answer_with_a_sign_and_words(desktop, site, language):
    check = load_self_checks()["why"]
    question = next(q for q in check.questions if q.type == "single")
    wrong = next(o for o in question.options if not o.correct)
    right = next(o for o in question.options if o.correct)
    desktop.goto(site["url"] + PREFIX[language] + "why/self-check/")
    for q in check.questions:
        option = wrong if q.id == question.id else next(o for o in q.options if o.correct or q.type == "single")
        desktop.check(f"#sc-{q.id}-{option.id}")
    desktop.locator("[data-check]").click()
    box = lambda option: desktop.locator(f"[data-question={question.id}] [data-option={option.id}]")  # noqa: E731
    chosen_mark, right_mark = box(wrong).locator("[data-mark]"), box(right).locator("[data-mark]")
    assert chosen_mark.is_visible() and right_mark.is_visible()
    assert chosen_mark.inner_text().startswith("✗") and len(chosen_mark.inner_text()) > 5
    assert right_mark.inner_text().startswith("✓") and len(right_mark.inner_text()) > 5
    assert chosen_mark.inner_text() != right_mark.inner_text()
    colours = [box(o).locator("[data-mark]").evaluate("e => getComputedStyle(e).color") for o in (wrong, right)]
    assert colours[0] != colours[1]
    # the learner's own choice stands out from the options not chosen
    others = [o for o in question.options if o.id not in (wrong.id, right.id)]
    assert not box(others[0]).locator("[data-mark]").is_visible()
    assert box(wrong).evaluate("e => getComputedStyle(e).borderLeftStyle") != box(others[0]).evaluate(
        "e => getComputedStyle(e).borderLeftStyle")
    # each option's feedback is the author's text alone: no label that repeats its first words
    feedback = box(wrong).locator(".course-check__feedback")
    assert feedback.is_visible()
    assert feedback.inner_text().strip() == " ".join(wrong.feedback[language].split())


def test_action_plan_before_the_test_says_what_to_do_next_and_folds_the_empty_modules(desktop, site, language):
    desktop.goto(site["url"] + PREFIX[language] + "results/action-plan/")
    assert not desktop.locator("[data-focus-table]").is_visible()
    link = desktop.locator("[data-focus-empty] a")
    assert link.is_visible()
    assert link.get_attribute("href").endswith("introduction/learning-culture-test/")
    boxes = desktop.locator(".course-plan__module textarea:visible, .course-plan__module input:visible")
    assert boxes.count() == 0
    modules = desktop.locator("[data-plan-prompts]")
    assert modules.count() >= 4 and desktop.locator("[data-plan-prompts][open]").count() == 0
    # a module with an answer opens on the next visit; the others stay folded
    desktop.locator("[data-plan-prompts] > summary").nth(1).click()
    field = desktop.locator("[data-plan-prompts]").nth(1).locator("textarea, input[type=text]").first
    field.fill("Small steps")
    desktop.reload()
    assert desktop.locator("[data-plan-prompts][open]").count() == 1
    assert desktop.locator("[data-plan-prompts]").nth(1).get_attribute("open") is not None
    link.click()
    desktop.wait_for_url(re.compile(r".*/learning-culture-test/$"))


DATE = {"en": re.compile(r"\b1?\d (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d\b"),
        "nl": re.compile(r"\b1?\d (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) 20\d\d\b")}


def test_dates_follow_the_page_language_not_the_browser(browser, site, language):
    # a browser set to the other language's locale: the page's language decides
    tab = open_tab(browser, "nl" if language == "en" else "en", DESKTOP)
    tab.goto(site["url"] + PREFIX[language] + RETAKE)
    seed(tab, {"culture-test": two_attempts()})
    tab.reload()
    attempts = tab.locator("[data-test-attempts]").inner_text()
    assert len(list(DATE[language].finditer(attempts))) == 2, attempts
    assert not re.search(r"\d+/\d+/\d+", attempts)
    tab.goto(site["url"] + PREFIX[language] + "results/action-plan/")
    with tab.expect_download() as info:
        tab.click("[data-export=markdown]")
    text = open(info.value.path(), encoding="utf-8").read()
    assert DATE[language].search(text), text[:300]
    assert not re.search(r"\d+/\d+/\d+", text)
    tab.context.close()


def test_a_route_page_chooses_its_route(desktop, site, language):
    desktop.goto(site["url"] + PREFIX[language] + "start/route-team/")
    button = desktop.locator("[data-route-pick] button")
    assert button.is_visible() and button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    chosen = desktop.locator("[data-route-chosen]")
    assert chosen.is_visible()
    chosen.locator("a").click()
    desktop.wait_for_url(re.compile(r".*/start/progress/$"))
    expect(desktop.locator("input[name=course-route][value=team]")).to_be_checked()
    desktop.goto(site["url"] + PREFIX[language] + "start/route-individual/")
    assert desktop.locator("[data-route-pick] button").get_attribute("aria-pressed") == "false"


def test_headings_are_dark_and_heavier_than_the_text(desktop, site, language):
    desktop.goto(site["url"] + PREFIX[language] + "how/eight-levers/")
    styles = desktop.evaluate("""() => ['h1', 'h2', '.md-content__inner'].map(selector => {
        const style = getComputedStyle(document.querySelector('.md-content ' + selector + ', ' + selector));
        return {weight: Number(style.fontWeight), colour: style.color};
    })""")
    h1, h2, text = styles
    assert h1["weight"] >= 700 and h2["weight"] >= 700 and text["weight"] < 700
    assert h1["colour"] == text["colour"]  # the body text's colour; Material's own h1 is a light grey
