"""What a learner takes away (issue 21), in a real browser in both languages: the printed action plan
with its cover and only the answered questions, the team profile (a test-only file named after
the member, coloured legend, table by gap, discussion questions, printable) and the completion
record on exactly one A4 page."""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from course.item_bank import load_item_bank
from issuer_tools import CRITERION_PROMPTS

BANK = load_item_bank()
PREFIX = {"en": "", "nl": "nl/"}
LOCALE = {"en": "en-GB", "nl": "nl-NL"}


@pytest.fixture(params=["en", "nl"])
def tab(request, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=LOCALE[request.param])
    page = context.new_page()
    page.language = request.param
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def seed(page, values: dict) -> None:
    page.evaluate("values => Object.entries(values).forEach(([k, v]) => CourseStorage.write(k, v))", values)


def attempt(reality, aspiration) -> dict:
    """An attempt whose ratings are reality(index) / aspiration(index) per dimension."""
    answers = {}
    for index, dimension in enumerate(BANK.dimensions):
        for statement in BANK.statements_of(dimension.id):
            answers[statement.id] = {"reality": reality(index), "aspiration": aspiration(index)}
    return {"bank_version": BANK.version, "started": "2026-03-12T10:00:00.000Z", "updated": "2026-03-12T10:30:00.000Z", "answers": answers}


def pdf_pages(page) -> int:
    """The number of A4 pages the browser prints."""
    return len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4")))


def test_printed_plan_has_a_cover_and_only_the_answered_questions(tab, site):
    tab.goto(site["url"] + PREFIX[tab.language] + "results/action-plan/")
    seed(tab, {"certificate": {"version": 1, "name": "Anna de Vries"},
               "culture-test": {"version": 1, "attempts": {"first": attempt(lambda i: 2, lambda i: 5)}},
               "worksheet": {"version": 1, "answers": {"start-organisation": "Gemeente Utrecht", "start-role": "L&D",
                                                        "results-learned": "Small steps work."}}})
    tab.reload()
    tab.emulate_media(media="print")
    cover = tab.locator("[data-plan-cover]")
    assert cover.is_visible()
    text = cover.inner_text()
    assert "Anna de Vries" in text and "Gemeente Utrecht" in text
    assert re.search(r"\d{1,2} \w+ 20\d\d", text)
    assert cover.locator("[data-cover-chart] svg").is_visible()
    assert cover.evaluate("e => getComputedStyle(e).breakAfter") == "page"
    # only what was answered, the answer set apart from the question
    shown = tab.locator(".course-prompt:visible")
    assert shown.count() >= 1
    answer = tab.locator("#prompt-results-learned ~ [data-print-value]")
    assert answer.inner_text() == "Small steps work."
    assert answer.evaluate("e => getComputedStyle(e).borderLeftStyle") == "solid"
    assert not tab.locator("#prompt-results-will-do").locator("xpath=ancestor::div[@data-course-prompt]").is_visible()
    answered = shown.count()
    tab.emulate_media(media="screen")
    tab.check("[data-print-empty]")
    tab.emulate_media(media="print")
    assert tab.locator(".course-prompt:visible").count() > answered
    assert tab.errors == []


def test_team_member_shares_a_test_only_file_named_after_them(tab, site):
    tab.goto(site["url"] + PREFIX[tab.language] + "results/team-profile/")
    seed(tab, {"culture-test": {"version": 1, "attempts": {"first": attempt(lambda i: 2, lambda i: 5)}},
               "worksheet": {"version": 1, "answers": {"start-role": "my private note"}}})
    tab.reload()
    tab.fill("[data-team-name]", "Anna de Vries")
    with tab.expect_download() as info:
        tab.click("[data-team-share]")
    name = info.value.suggested_filename
    assert "anna-de-vries" in name and name.endswith(".json")
    data = json.loads(open(info.value.path(), encoding="utf-8").read())["data"]
    assert list(data) == ["culture-test"]
    assert "my private note" not in json.dumps(data)


def test_team_profile_has_a_coloured_legend_a_table_by_gap_and_questions_on_paper(tab, site):
    tab.goto(site["url"] + PREFIX[tab.language] + "results/team-profile/")
    # gaps grow with the dimension's place: the last dimension has the largest
    files = []
    for person in range(3):
        test = {"version": 1, "person": f"p{person}", "attempts": {"first": attempt(lambda i: 1 + (i == 0), lambda i: min(6, 2 + i % 5))}}
        text = json.dumps({"format": "learning-culture-course", "version": 1, "exported": f"2026-01-0{person + 1}T10:00:00.000Z",
                           "data": {"culture-test": test}})
        files.append({"name": f"p{person}.json", "mimeType": "application/json", "buffer": text.encode()})
    tab.set_input_files("[data-team-files]", files=files)
    expect(tab.locator("[data-team-result]")).to_be_visible()
    gaps = [float(row.split("\t")[-1].split(" ")[0].replace(",", "."))
            for row in tab.locator("[data-team-rows] tr").all_inner_texts()]
    assert len(gaps) == len(BANK.dimensions) and gaps == sorted(gaps, reverse=True)
    legend = tab.evaluate("""() => [...document.querySelectorAll('[data-team-legend] li')].map(item => {
        const line = getComputedStyle(item, '::before'); return [line.borderTopColor, line.borderTopStyle]; })""")
    assert len(legend) == 2 and legend[0] != legend[1] and legend[0][0] != legend[1][0]
    questions = tab.locator(".course-team__questions li")
    assert questions.count() >= 3 and questions.first.is_visible()
    tab.emulate_media(media="print")
    assert tab.locator(".course-team__questions").is_visible()
    assert tab.locator("[data-team-chart] svg").is_visible()
    assert not tab.locator("[data-team-share]").is_visible() and not tab.locator("[data-team-files]").is_visible()
    assert not tab.locator("h1").is_visible()
    assert tab.errors == []


def test_completion_record_prints_on_one_page_dated_the_day_the_criteria_were_met(tab, site):
    tab.goto(site["url"] + PREFIX[tab.language] + "results/certificate/")
    lessons = tab.evaluate("() => window.CourseLanguageData.modules.flatMap(m => m.pages.filter(p => p.lesson).map(p => p.id))")
    seed(tab, {"progress": {"version": 1, "done": {lesson: "2026-03-12T10:00:00.000Z" for lesson in lessons}, "last": None},
               "culture-test": {"version": 1, "attempts": {"first": attempt(lambda i: 2, lambda i: 5)}},
               "worksheet": {"version": 1, "answers": {prompt: "written" for prompt in CRITERION_PROMPTS}},
               "experiments": {"version": 1, "cards": [{"id": "c1", "created": None, "updated": None, "what": "w", "prediction": "p",
                                                         "measure": "m", "who": "", "happened": "", "learned": "", "decision": "", "next": ""}]},
               "route": {"version": 1, "route": "team", "checked": {}}})
    tab.reload()
    # the first visit with every criterion met records the day
    met = tab.evaluate("() => CourseLearner.load('certificate')")
    assert met and met["met"].startswith(tab.evaluate("new Date().toISOString().slice(0, 10)"))
    # a later visit still shows that day, not today's
    seed(tab, {"certificate": {"version": 1, "name": "Anna de Vries", "met": "2026-03-12T10:00:00.000Z"}})
    tab.reload()
    certificate = tab.locator("[data-certificate]")
    expect(certificate).to_be_visible()
    assert ("12 March 2026" if tab.language == "en" else "12 maart 2026") in certificate.inner_text()
    tab.emulate_media(media="print")
    assert pdf_pages(tab) == 1
    assert tab.errors == []
