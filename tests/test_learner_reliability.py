"""The learner's data under stress, in a real browser (issue 20): card limits, storage blocked or full,
an unfinished retake, item-bank versions, two tabs on one prompt, unreadable test data, team
duplicates, hostile text in the Markdown export, and what the team count and "delete all" say."""
from __future__ import annotations

import json

import markdown
import pytest
from playwright.sync_api import expect

from course.data import ui
from culture_test_tools import show_part
from test_learner_browser import BANK, DATA, PLAN, complete_attempt, download, export_file, seed, stored, unfold, upload

TEST = "introduction/learning-culture-test/"
RETAKE = "results/retake-test/"
TEAM = "results/team-profile/"
SELF_CHECK = "why/self-check/"
BLOCKED = "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});"
FULL = "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };"
PREFIX = {"en": "", "nl": "nl/"}


def card(number: int) -> dict:
    return {"id": f"card-{number}", "created": None, "updated": None, "what": f"Experiment number {number}", "prediction": "",
            "measure": "", "who": "", "happened": "", "learned": "", "decision": "", "next": ""}


def tab_with(browser, script: str | None = None):
    context = browser.new_context(locale="en-GB")
    if script:
        context.add_init_script(script)
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    return context, tab


def unexpected_errors(tab) -> list[str]:
    """Page errors, but Material's own: its head script (__md_get) reads blocked storage unguarded."""
    return [error for error in tab.errors if error != "blocked"]


# --- 2. the 101st card ---------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_card_limit_is_enforced_when_adding_with_a_message_and_no_card_is_lost(page, site, language):
    page.goto(site["url"] + PREFIX[language] + PLAN)
    seed(page, {"experiments": {"version": 1, "cards": [card(n) for n in range(1, 101)]}})
    page.reload()
    assert page.locator("[data-card]").count() == 100
    page.click("[data-add-experiment]")
    status = page.locator("[data-experiments-status]")
    assert status.inner_text() == ui(language)["experiments_limit"].format(max=100)
    assert page.locator("[data-card]").count() == 100
    assert len(stored(page)["experiments"]["cards"]) == 100
    assert not [name for name in stored(page) if ".corrupt-" in name]
    assert page.errors == []


def test_stored_cards_beyond_the_limit_are_all_shown_and_exported(page, site):
    page.goto(site["url"] + PLAN)
    seed(page, {"experiments": {"version": 1, "cards": [card(n) for n in range(1, 103)]}})
    page.reload()
    assert page.locator("[data-card]").count() == 102
    assert not [name for name in stored(page) if ".corrupt-" in name]
    assert page.locator("[data-course-notices]").count() == 0
    _, text = download(page, "[data-export=json]")
    assert len(json.loads(text)["data"]["experiments"]["cards"]) == 102
    assert page.errors == []


# --- 3. export with storage blocked ----------------------------------------------------------------

def test_with_storage_blocked_the_exports_hold_what_is_in_the_page(browser, site):
    context, tab = tab_with(browser, BLOCKED)
    tab.goto(site["url"] + "nl/" + PLAN)
    unfold(tab)
    tab.fill("#prompt-results-learned", "Kleine stappen werken.")
    tab.click("[data-add-experiment]")
    tab.locator("[data-field=what]").fill("Intervisie")
    _, text = download(tab, "[data-export=json]")
    data = json.loads(text)["data"]
    assert data["worksheet"]["answers"] == {"results-learned": "Kleine stappen werken."}
    assert [c["what"] for c in data["experiments"]["cards"]] == ["Intervisie"]
    _, plan = download(tab, "[data-export=markdown]")
    assert "Kleine stappen werken." in plan and "### Experiment 1\n" in plan and "> Intervisie" in plan
    assert unexpected_errors(tab) == []
    context.close()


# --- 4. an unfinished retake -----------------------------------------------------------------------

def test_an_unfinished_retake_leaves_the_complete_first_test_in_use(page, site):
    page.goto(site["url"] + PLAN)
    seed(page, {"culture-test": {"version": 1, "attempts": {"first": complete_attempt()}}})
    page.goto(site["url"] + RETAKE)
    page.check(f"#ct-{BANK.statements[0].id}-reality-6")  # one rating on the retake page
    assert list(stored(page)["culture-test"]["attempts"]) == ["first", "retake"]
    page.goto(site["url"] + PLAN)
    assert page.locator("[data-focus-table] tbody tr").count() == 3
    _, plan = download(page, "[data-export=markdown]")
    assert "## Your focus from the Learning Culture test" in plan
    _, mine = download(page, "[data-export=json]")
    page.goto(site["url"] + TEAM)
    others = [export_file({"culture-test": {"version": 1, "attempts": {"first": complete_attempt(3 + n, 5, n)}}}) for n in (0, 1)]
    upload(page, "[data-team-files]", [("me.json", mine.encode()), ("b.json", others[0]), ("c.json", others[1])])
    expect(page.locator("[data-team-count]")).to_have_text("3 people with a complete test in 3 files.")
    assert page.locator("[data-team-rejected] li").count() == 0
    assert page.errors == []


# --- 5. item-bank versions -------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_team_profile_refuses_a_file_from_another_item_bank_and_names_it(page, site, language):
    page.goto(site["url"] + PREFIX[language] + TEAM)
    other = complete_attempt(5, 6)  # answers of its own: not a duplicate of another file
    other["bank_version"] = BANK.version + 1
    files = [(f"p{n}.json", export_file({"culture-test": {"version": 1, "attempts": {"first": complete_attempt(2 + n, 5, n)}}}))
             for n in range(3)] + [("old.json", export_file({"culture-test": {"version": 1, "attempts": {"first": other}}}))]
    upload(page, "[data-team-files]", files)
    t = ui(language)
    reason = t["import_reason_other-bank"]
    expect(page.locator("[data-team-rejected]")).to_have_text(t["team_rejected"].format(file="old.json", reason=reason))
    assert page.locator("[data-team-rows] tr").count() == len(BANK.dimensions)
    assert page.locator("[data-team-count]").inner_text().startswith("3 ")
    assert page.errors == []


# --- 6. two tabs on one prompt ---------------------------------------------------------------------

def test_a_focused_field_follows_the_other_tab_and_says_so(page, site):
    other = page.context.new_page()
    page.goto(site["url"] + "start/how-the-course-works/")
    other.goto(site["url"] + "nl/start/how-the-course-works/")
    other.click("#prompt-start-organisation")  # the learner is in this field in the Dutch tab
    page.fill("#prompt-start-organisation", "Zorggroep Noord")
    other.wait_for_function("() => document.querySelector('#prompt-start-organisation').value === 'Zorggroep Noord'",
                            timeout=5000)
    status = other.locator("#prompt-start-organisation ~ [data-status]")
    assert status.inner_text() == ui("nl")["storage_other_tab"]
    other.keyboard.press("End")
    other.keyboard.type(", locatie Zuid")
    assert stored(page)["worksheet"]["answers"]["start-organisation"] == "Zorggroep Noord, locatie Zuid"


@pytest.mark.parametrize("language", ["en", "nl"])
def test_text_written_in_two_tabs_at_once_is_all_kept_and_the_learner_is_told(page, site, language):
    page.goto(site["url"] + PREFIX[language] + "start/how-the-course-works/")
    page.fill("#prompt-start-role", "Coach")
    # another tab saves its text, and this tab types before the change has reached it
    page.evaluate("() => { const k = Object.keys(localStorage).find(k => k.endsWith(':worksheet'));"
                  " localStorage.setItem(k, JSON.stringify({version: 1, answers: {'start-role': 'Trainer'}})); }")
    page.locator("#prompt-start-role").press_sequentially(" en mentor")
    kept = stored(page)["worksheet"]["answers"]["start-role"]
    assert "Trainer" in kept and "Coach en mentor" in kept
    assert page.input_value("#prompt-start-role") == kept
    assert page.locator("#prompt-start-role ~ [data-status]").inner_text() == ui(language)["prompt_kept_both"]
    assert page.errors == []


def test_an_experiment_card_edited_in_two_tabs_keeps_every_text(page, site):
    other = page.context.new_page()
    page.goto(site["url"] + PLAN)
    page.click("[data-add-experiment]")
    other.goto(site["url"] + "nl/" + PLAN)
    other.click("[data-field=what]")  # the learner is in this field in the Dutch tab
    page.locator("[data-field=what]").fill("Intervisie")
    other.wait_for_function("() => document.querySelector('[data-field=what]').value === 'Intervisie'", timeout=5000)
    assert other.locator("[data-experiments-status]").inner_text() == ui("nl")["storage_other_tab"]
    # another tab saves the field, and this tab types before the change has reached it
    page.evaluate("() => { const k = Object.keys(localStorage).find(k => k.endsWith(':experiments'));"
                  " const data = JSON.parse(localStorage.getItem(k)); data.cards[0].what = 'Intervisie elke maand';"
                  " localStorage.setItem(k, JSON.stringify(data)); }")
    page.locator("[data-field=what]").press_sequentially(" met het team")
    kept = stored(page)["experiments"]["cards"][0]["what"]
    assert "Intervisie elke maand" in kept and "Intervisie met het team" in kept
    assert page.locator("[data-field=what]").input_value() == kept
    assert page.locator("[data-experiments-status]").inner_text() == ui("en")["prompt_kept_both"]
    assert page.errors == []


# --- 8. the test and self-check pages through the shared checks ------------------------------------

@pytest.mark.parametrize("name, address", [("culture-test", TEST), ("self-checks", SELF_CHECK)])
def test_truncated_test_or_self_check_data_is_kept_aside_not_overwritten(page, site, name, address):
    page.goto(site["url"] + address)
    half = '{"version": 1, "attempts": {"first": {"bank_version": 1, "answers": {"' if name == "culture-test" else '{"version": 1, "modules": {"why'
    page.evaluate("([name, half]) => localStorage.setItem('course:v1:/:' + name, half)", [name, half])
    page.reload()
    section = ui("en")["section_" + name]
    assert f"Some of your saved course data ({section}) could not be read." in page.locator("[data-course-notices]").inner_text()
    kept = {k: v for k, v in stored(page).items() if k.startswith(name + ".corrupt-")}
    assert list(kept.values()) == [half]
    if name == "culture-test":
        page.check(f"#ct-{BANK.statements[0].id}-reality-4")
        assert stored(page)["culture-test"]["attempts"]["first"]["answers"] == {BANK.statements[0].id: {"reality": 4}}
    else:
        page.locator("[data-course-self-check] input").first.check()
        assert "why" in stored(page)["self-checks"]["modules"]
    assert list({k: v for k, v in stored(page).items() if k.startswith(name + ".corrupt-")}.values()) == [half]
    assert page.errors == []


def test_answers_null_keeps_the_new_rating_and_the_other_attempt(page, site):
    page.goto(site["url"] + RETAKE)
    seed(page, {"culture-test": {"version": 1, "attempts": {"first": complete_attempt(),
                                                             "retake": {"bank_version": BANK.version, "answers": None}}}})
    page.reload()
    statement = BANK.statements[1].id
    page.check(f"#ct-{statement}-aspiration-5")
    attempts = stored(page)["culture-test"]["attempts"]
    assert attempts["retake"]["answers"] == {statement: {"aspiration": 5}}
    assert attempts["first"]["answers"] == complete_attempt()["answers"]
    page.reload()
    assert page.is_checked(f"#ct-{statement}-aspiration-5")
    assert page.errors == []


# --- 9. the tally with storage full ----------------------------------------------------------------

@pytest.mark.parametrize("language", ["en", "nl"])
def test_with_storage_full_the_tally_counts_the_ticked_answers(browser, site, language):
    context, tab = tab_with(browser, FULL)
    tab.goto(site["url"] + PREFIX[language] + TEST)
    for statement in BANK.statements[:2]:
        tab.check(f"#ct-{statement.id}-reality-3")
        tab.check(f"#ct-{statement.id}-aspiration-5")
    expected = ui(language)["test_progress"].format(answered=2, total=len(BANK.statements))
    assert tab.locator("[data-test-progress]").inner_text() == expected
    assert ui(language)["storage_full"] in tab.locator("[data-course-notices]").inner_text()
    assert tab.errors == []
    context.close()


# --- 10. team duplicates by the person's id --------------------------------------------------------

def test_two_people_who_answer_alike_count_twice_and_one_persons_two_exports_once(browser, site):
    exports = {}
    for person in ("anna", "bram"):
        context, tab = tab_with(browser)
        tab.goto(site["url"] + TEST)
        for dimension in BANK.dimensions:  # both answer exactly alike
            show_part(tab, dimension.id)
            for statement in BANK.statements_of(dimension.id):
                tab.check(f"#ct-{statement.id}-reality-3")
                tab.check(f"#ct-{statement.id}-aspiration-5")
        tab.goto(site["url"] + DATA)
        exports[person] = download(tab, "[data-export=json]")[1]
        if person == "anna":  # later, Anna exports again after changing one rating
            tab.goto(site["url"] + TEST)
            show_part(tab, BANK.dimensions[0].id)
            tab.check(f"#ct-{BANK.statements[0].id}-reality-4")
            tab.goto(site["url"] + DATA)
            exports["anna-later"] = download(tab, "[data-export=json]")[1]
        context.close()
    context, tab = tab_with(browser)
    tab.goto(site["url"] + TEAM)
    upload(tab, "[data-team-files]", [(f"{name}.json", text.encode()) for name, text in exports.items()])
    expect(tab.locator("[data-team-count]")).to_have_text("2 people with a complete test in 3 files.")
    assert tab.locator("[data-team-rejected]").inner_text() == "anna.json: " + ui("en")["import_reason_duplicate"]
    context.close()


# --- 11. the Markdown export is safe in any viewer -------------------------------------------------

def test_the_markdown_export_neutralises_html_and_script_links(page, site):
    hostile = '<img src=x onerror="alert(1)"> [click me](javascript:alert(2)) <javascript:alert(3)> \\[x](javascript:alert(4))'
    page.goto(site["url"] + PLAN)
    seed(page, {"worksheet": {"version": 1, "answers": {"results-learned": hostile}},
                "experiments": {"version": 1, "cards": [{**card(1), "what": hostile, "learned": hostile}]}})
    page.reload()
    _, text = download(page, "[data-export=markdown]")
    html = markdown.markdown(text)
    assert "<img" not in html
    assert 'href="javascript' not in html
    assert "<javascript" not in html
    # what the learner wrote is still there to read
    assert html.count("[click me](javascript:alert(2))") == 3  # the answer; the card's what and learned
    assert page.errors == []


# --- cosmetic: the team count and "delete all" -----------------------------------------------------

@pytest.mark.parametrize("language, expected", [("en", "1 person with a complete test in 1 file."),
                                                 ("nl", "1 persoon met een volledige test in 1 bestand.")])
def test_the_team_count_says_one_person_and_one_file(page, site, language, expected):
    page.goto(site["url"] + PREFIX[language] + TEAM)
    upload(page, "[data-team-files]", [("anna.json", export_file({"culture-test": {"version": 1, "attempts": {"first": complete_attempt()}}}))])
    expect(page.locator("[data-team-count]")).to_have_text(expected)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_delete_all_with_storage_blocked_does_not_claim_success(browser, site, language):
    context, tab = tab_with(browser, BLOCKED)
    tab.goto(site["url"] + PREFIX[language] + DATA)
    tab.click("[data-delete-start]")
    tab.click("[data-delete-yes]")
    assert tab.locator("[data-delete-message]").inner_text() == ui(language)["data_delete_failed"]
    context.close()
