"""The Learning Culture test and the self-checks in a real browser."""
from __future__ import annotations

from course.item_bank import load_item_bank
from course.selfchecks import load_self_checks
from conftest import start_reading
from culture_test_tools import show_part

BANK = load_item_bank()
TEST = "introduction/learning-culture-test/"


def planned_answers(shift: int = 0) -> dict[str, tuple[int, int]]:
    """Known ratings: reality cycles 1..4 per statement, aspiration depends on the dimension."""
    answers = {}
    for d_index, dimension in enumerate(BANK.dimensions):
        for s_index, statement in enumerate(BANK.statements_of(dimension.id)):
            reality = min(6, 1 + (s_index + d_index + shift) % 4)
            aspiration = min(6, 3 + d_index % 4)
            answers[statement.id] = (reality, aspiration)
    return answers


def expected_means(answers):
    result = {}
    for dimension in BANK.dimensions:
        ratings = [answers[s.id] for s in BANK.statements_of(dimension.id)]
        reality = sum(r for r, _ in ratings) / len(ratings)
        aspiration = sum(a for _, a in ratings) / len(ratings)
        result[dimension.id] = (reality, aspiration, aspiration - reality)
    return result


def rate_all(page, answers) -> None:
    """Rate every statement, part by part, and step on to the results."""
    for dimension in BANK.dimensions:
        show_part(page, dimension.id)
        for statement in BANK.statements_of(dimension.id):
            reality, aspiration = answers[statement.id]
            page.check(f"#ct-{statement.id}-reality-{reality}")
            page.check(f"#ct-{statement.id}-aspiration-{aspiration}")
    page.locator(f"#ct-dimension-{BANK.dimensions[-1].id} [data-test-next]").click()


def checked_answers(page) -> dict[str, tuple[int, int]]:
    return page.evaluate("""() => {
        const result = {};
        document.querySelectorAll('[data-statement]').forEach(fs => {
            const r = fs.querySelector('[data-question=reality] input:checked');
            const a = fs.querySelector('[data-question=aspiration] input:checked');
            result[fs.dataset.statement] = [r ? +r.value : null, a ? +a.value : null];
        });
        return result;
    }""")


def test_ratings_survive_reload_navigation_and_language_switch(page, site):
    answers = planned_answers()
    page.goto(site["url"] + TEST)
    assert page.locator("[data-test-progress]").inner_text() == "0 of 32 statements answered"
    rate_all(page, answers)
    assert page.locator("[data-test-progress]").inner_text() == "32 of 32 statements answered"
    expected = {k: list(v) for k, v in answers.items()}
    page.reload()
    assert checked_answers(page) == expected
    start_reading(page)
    # instant navigation away and back
    page.locator('.md-sidebar--primary a[href$="the-learning-team/"]').first.click()
    page.wait_for_url("**/the-learning-team/")
    page.go_back()
    page.wait_for_selector("[data-course-test][data-ready]")
    assert checked_answers(page) == expected
    # the Dutch page shows the same ratings
    page.goto(site["url"] + "nl/" + TEST)
    assert checked_answers(page) == expected
    assert page.locator("[data-test-progress]").inner_text() == "32 van 32 uitspraken beantwoord"
    assert page.errors == []


def test_chart_table_and_focus_show_the_expected_means(page, site):
    answers = planned_answers()
    means = expected_means(answers)
    page.goto(site["url"] + TEST)
    assert page.locator("[data-test-chart]").is_hidden()
    rate_all(page, answers)
    assert page.locator("[data-test-chart]").is_visible()
    assert page.locator("[data-test-chart] svg[role=img] polygon.course-radar__series").count() == 2
    assert page.locator("[data-test-chart] svg title").text_content() == "Learning culture profile: today and in twelve months"
    assert page.locator("[data-test-legend] li").all_inner_texts() == ["Today", "In twelve months"]
    rows = page.locator("[data-test-table] tbody tr")
    assert rows.count() == len(BANK.dimensions)
    order = sorted(BANK.dimensions, key=lambda d: (-means[d.id][2], BANK.dimensions.index(d)))
    assert [rows.nth(i).get_attribute("data-dimension") for i in range(rows.count())] == [d.id for d in order]
    for i, dimension in enumerate(order):
        cells = rows.nth(i).locator("th, td").all_inner_texts()
        reality, aspiration, gap = means[dimension.id]
        assert cells == [dimension.title["en"], f"{reality:.1f}", f"{aspiration:.1f}", f"{gap:.1f}", f"{round(gap / 5 * 100)}"]
    focus = page.locator("[data-test-focus] li").all_inner_texts()
    assert len(focus) == 3
    assert focus[0].startswith(order[0].title["en"] + ": gap of ")


def test_dutch_results_are_in_dutch(page, site):
    page.goto(site["url"] + "nl/" + TEST)
    rate_all(page, planned_answers())
    assert page.locator("[data-test-legend] li").all_inner_texts() == ["Nu", "Over twaalf maanden"]
    first_row = page.locator("[data-test-table] tbody tr").first.locator("th").inner_text()
    assert first_row in [d.title["nl"] for d in BANK.dimensions]
    assert "," in page.locator("[data-test-table] tbody tr").first.locator("td").first.inner_text()  # 2,5 not 2.5


def test_partly_answered_dimension_shows_too_few_answers(page, site):
    page.goto(site["url"] + TEST)
    first = BANK.statements_of(BANK.dimensions[0].id)[0].id
    page.check(f"#ct-{first}-reality-3")
    row = page.locator(f'[data-test-table] tr[data-dimension="{BANK.dimensions[0].id}"] td')
    assert row.nth(0).inner_text() == "too few answers"
    assert page.locator("[data-test-progress]").inner_text() == "0 of 32 statements answered"


def test_keyboard_alone_completes_the_test(page, site):
    page.goto(site["url"] + TEST)
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id").startswith("ct-"):
            break
    groups = 0
    for _ in range(4 * len(BANK.statements)):
        if page.evaluate("document.activeElement.type") == "radio":
            page.keyboard.press("Space")
            page.keyboard.press("ArrowRight")
            page.keyboard.press("ArrowRight")
            groups += 1
        elif page.evaluate("document.activeElement.hasAttribute('data-test-next')"):
            page.keyboard.press("Enter")  # the next part; focus moves to its heading
        elif page.locator("#ct-results").is_visible():
            break
        page.keyboard.press("Tab")
    assert groups == 2 * len(BANK.statements)
    assert page.locator("[data-test-progress]").inner_text() == "32 of 32 statements answered"
    assert set(v for pair in checked_answers(page).values() for v in pair) == {3}
    assert page.locator("[data-test-chart]").is_visible()


def test_retake_shows_both_attempts_and_the_change(page, site):
    page.goto(site["url"] + TEST)
    first = planned_answers()
    rate_all(page, first)
    page.goto(site["url"] + "results/retake-test/")
    assert checked_answers(page) == {k: [None, None] for k in first}  # a fresh attempt
    second = planned_answers(shift=1)
    rate_all(page, second)
    assert page.locator("[data-test-chart] polygon.course-radar__series").count() == 3
    assert page.locator("[data-test-legend] li").all_inner_texts() == ["Today", "In twelve months", "Today, first attempt"]
    dimension = BANK.dimensions[0]
    row = page.locator(f'[data-test-table] tr[data-dimension="{dimension.id}"] td').all_inner_texts()
    before, after = expected_means(first)[dimension.id][0], expected_means(second)[dimension.id][0]
    change = after - before
    assert row[0] == f"{before:.1f}" and row[1] == f"{after:.1f}"
    assert row[-1] == ("+" if change > 0 else "") + f"{change:.1f}" if change else row[-1] in ("0.0", "-0.0")
    stored = page.evaluate("""() => { for (const k of Object.keys(localStorage)) if (k.endsWith(':culture-test')) return JSON.parse(localStorage[k]); }""")
    assert set(stored["attempts"]) == {"first", "retake"}
    for attempt in stored["attempts"].values():
        assert attempt["bank_version"] == BANK.version and attempt["started"] and attempt["updated"]


def test_self_check_is_saved_scored_and_can_be_retried(page, site):
    check = load_self_checks()["why"]
    page.goto(site["url"] + "why/self-check/")
    # choose the first option everywhere
    for question in check.questions:
        page.check(f"#sc-{question.id}-{question.options[0].id}")
    page.reload()
    for question in check.questions:
        assert page.is_checked(f"#sc-{question.id}-{question.options[0].id}")
    page.click("[data-check]")
    right = sum(1 for q in check.questions if [o.correct for o in q.options] == [True] + [False] * (len(q.options) - 1))
    expected = f"You answered {right} of {len(check.questions)} questions correctly."
    assert page.locator("[data-score]").inner_text() == expected
    assert page.locator(".course-check__feedback:visible").count() == sum(len(q.options) for q in check.questions)
    page.reload()
    assert page.locator("[data-score]").inner_text() == expected
    assert page.locator("[data-retry]").is_visible()
    page.click("[data-retry]")
    assert page.locator("[data-course-self-check] input:checked").count() == 0
    assert page.locator(".course-check__feedback:visible").count() == 0
    assert page.locator("[data-score]").inner_text() == ""


def test_self_check_asks_for_unanswered_questions_in_dutch(page, site):
    page.goto(site["url"] + "nl/why/self-check/")
    page.click("[data-check]")
    count = len(load_self_checks()["why"].questions)
    assert page.locator("[data-score]").inner_text() == f"Beantwoord eerst alle vragen: nog {count} open."


def test_results_print_on_a4_without_the_form(page, site):
    page.goto(site["url"] + TEST)
    rate_all(page, planned_answers())
    page.emulate_media(media="print")
    assert page.locator("#ct-results").is_visible()
    assert page.locator("[data-test-chart] svg").is_visible()
    assert page.locator(".course-test__dimension").first.is_hidden()
    assert page.locator(".md-header").is_hidden()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page ") or pdf.count(b"/Type/Page")
    assert 1 <= pages <= 3, f"results printed on {pages} A4 pages"


def option_order(page, question: str) -> list[str]:
    return page.locator(f'[data-question="{question}"] [data-option]').evaluate_all("els => els.map(e => e.dataset.option)")


def test_each_learner_sees_options_in_an_order_of_their_own_that_survives_reloads(browser, site):
    check = load_self_checks()["how"]
    orders = []
    for _ in range(2):
        context = browser.new_context(locale="en-GB")
        tab = context.new_page()
        tab.goto(site["url"] + "how/self-check/")
        order = {q.id: option_order(tab, q.id) for q in check.questions}
        assert all(sorted(order[q.id]) == sorted(o.id for o in q.options) for q in check.questions)
        # an answer is saved by option id: after a reload the same option is chosen, in the same place
        question = check.questions[0]
        chosen = order[question.id][2]
        tab.check(f"#sc-{question.id}-{chosen}")
        tab.reload()
        tab.wait_for_selector("[data-course-self-check][data-ready]")
        assert {q.id: option_order(tab, q.id) for q in check.questions} == order
        assert tab.is_checked(f"#sc-{question.id}-{chosen}")
        assert option_order(tab, question.id).index(chosen) == 2
        # the Dutch page shows this learner the same order
        tab.goto(site["url"] + "nl/how/self-check/")
        assert {q.id: option_order(tab, q.id) for q in check.questions} == order
        orders.append(order)
        context.close()
    # two learners: with 4 options per question the chance that all six questions match is (1/24)^6
    assert orders[0] != orders[1]


def previous_version_attempt() -> dict:
    """A complete first attempt saved on the item bank's previous version, under its old ids."""
    revision = BANK.revisions[-1]
    answers = {c.source: {"reality": 2, "aspiration": 5} for c in revision.changes}
    return {"bank_version": revision.version - 1, "started": "2025-01-01T10:00:00.000Z",
            "updated": "2025-01-01T10:30:00.000Z", "answers": answers}


def test_an_attempt_on_the_previous_item_bank_is_carried_over_and_the_changes_listed(page, site):
    revision = BANK.revisions[-1]
    carried = [c.target for c in revision.changes if c.target]
    added = [s for s in BANK.statements if s.id not in carried]
    old = previous_version_attempt()
    page.goto(site["url"] + TEST)
    page.evaluate("value => CourseStorage.write('culture-test', value)", {"version": 1, "attempts": {"first": old}})
    page.reload()
    page.wait_for_selector("[data-course-test][data-ready]")
    answers = checked_answers(page)
    assert all(answers[target] == [2, 5] for target in carried)
    assert all(answers[s.id] == [None, None] for s in added)
    assert page.locator("[data-test-progress]").inner_text() == f"{len(carried)} of {len(BANK.statements)} statements answered"
    # the test opens on the first part with a statement left open: one the new bank added
    first_open = next(d.id for d in BANK.dimensions if any(s.dimension == d.id for s in added))
    assert page.locator(f"#ct-dimension-{first_open}").is_visible()
    # every dimension still has a mean from the carried ratings: the results step draws the chart
    show_part(page, "results")
    assert page.locator("[data-test-chart]").is_visible()
    box = page.locator("[data-test-revisions]")
    assert box.is_visible()
    assert revision.note["en"] in box.inner_text()
    assert box.locator('[data-revision="added"] li').all_inner_texts() == [s.text["en"] for s in added]
    assert box.locator('[data-revision="removed"] li').all_inner_texts() == [c.removed_text["en"] for c in revision.changes if not c.target]
    reworded = [c.target for c in revision.changes if c.reworded]
    texts = {s.id: s.text["en"] for s in BANK.statements}
    assert box.locator('[data-revision="reworded"] li').all_inner_texts() == [texts[i] for i in in_bank_order(reworded)]
    # nothing is written until the learner rates again; then the attempt is stored under the new ids
    stored = page.evaluate("() => CourseStorage.read('culture-test', null).value")
    assert stored["attempts"]["first"] == old
    show_part(page, added[0].dimension)
    page.check(f"#ct-{added[0].id}-reality-4")
    stored = page.evaluate("() => CourseStorage.read('culture-test', null).value")["attempts"]["first"]
    assert stored["bank_version"] == BANK.version
    assert set(stored["answers"]) == set(carried) | {added[0].id}
    assert page.errors == []


def in_bank_order(ids):
    return [s.id for s in BANK.statements if s.id in ids]


def test_the_retake_compares_with_a_first_attempt_on_the_previous_bank_in_dutch(page, site):
    revision = BANK.revisions[-1]
    page.goto(site["url"] + "nl/results/retake-test/")
    page.evaluate("value => CourseStorage.write('culture-test', value)", {"version": 1, "attempts": {"first": previous_version_attempt()}})
    page.reload()
    page.wait_for_selector("[data-course-test][data-ready]")
    assert checked_answers(page) == {s.id: [None, None] for s in BANK.statements}  # the retake starts empty
    box = page.locator("[data-test-revisions]")
    assert revision.note["nl"] in box.inner_text()
    assert box.locator('[data-revision="removed"] li').all_inner_texts() == [c.removed_text["nl"] for c in revision.changes if not c.target]
    rate_all(page, planned_answers())
    dimension = BANK.dimensions[0]
    row = page.locator(f'[data-test-table] tr[data-dimension="{dimension.id}"] td').all_inner_texts()
    assert row[0] == "2,0"  # the first attempt's carried ratings, in the column for the first attempt
