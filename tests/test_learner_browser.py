"""The learner's own data in a real browser: prompts that save themselves in both languages, the
action plan with experiment cards, export / delete / import, hostile files, storage problems, two
tabs, progress and routes, the team profile and the certificate."""
from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from course.item_bank import load_item_bank

BANK = load_item_bank()
PLAN = "results/action-plan/"
DATA = "start/your-data/"
HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
NOT_SAVED = "Not saved. Copy your text somewhere safe."


def stored(page) -> dict:
    """Every course value in this browser's storage, by name (raw text when it is not JSON); not
    the record of when the last backup was made (core/backup.js), which an export writes."""
    return page.evaluate("""() => {
        const result = {};
        for (let i = 0; i < localStorage.length; i++) {
            const key = localStorage.key(i);
            const name = key.replace(/^course:v1:[^:]*:/, "");
            if (name === "backup") continue;
            try { result[name] = JSON.parse(localStorage.getItem(key)); } catch (e) { result[name] = localStorage.getItem(key); }
        }
        return result;
    }""")


def seed(page, values: dict) -> None:
    page.evaluate("values => Object.entries(values).forEach(([k, v]) => CourseStorage.write(k, v))", values)


def complete_attempt(reality: int = 2, aspiration: int = 5, shift: int = 0) -> dict:
    answers = {s.id: {"reality": min(6, reality + (i + shift) % 2), "aspiration": aspiration} for i, s in enumerate(BANK.statements)}
    return {"bank_version": BANK.version, "started": "2025-01-01T10:00:00.000Z", "updated": "2025-01-01T10:30:00.000Z", "answers": answers}


def unfold(page) -> None:
    """Open the plan's modules that are folded away because nothing is written in them yet."""
    folded = page.locator("[data-plan-prompts]:not([open]) > summary")
    while folded.count():
        folded.first.click()


def export_file(data: dict) -> bytes:
    return json.dumps({"format": "learning-culture-course", "version": 1, "exported": "2025-01-05T10:00:00.000Z", "data": data}).encode()


def upload(page, selector: str, files: list[tuple[str, bytes]]) -> None:
    page.set_input_files(selector, files=[{"name": n, "mimeType": "application/json", "buffer": b} for n, b in files])


def download(page, selector: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.click(selector)
    return info.value.suggested_filename, open(info.value.path(), encoding="utf-8").read()


def test_prompts_save_on_every_input_and_keep_one_value_in_both_languages(page, site):
    page.goto(site["url"] + "start/how-the-course-works/")
    page.fill("#prompt-start-role", "L&D adviser")
    assert page.locator("#prompt-start-role ~ [data-status]").inner_text() == "Saved in this browser."
    page.reload()
    assert page.input_value("#prompt-start-role") == "L&D adviser"
    page.goto(site["url"] + "nl/start/how-the-course-works/")
    assert page.locator("label[for=prompt-start-role]").inner_text() == "Jouw rol in het leerteam"
    assert page.input_value("#prompt-start-role") == "L&D adviser"
    page.fill("#prompt-start-role", "L&D-adviseur")
    page.goto(site["url"] + PLAN)
    assert page.input_value("#prompt-start-role") == "L&D-adviseur"
    unfold(page)
    # a choice prompt, on the plan page, shared with its lesson
    page.check("input[name=prompt-what-case-choice][value=toyota]")
    page.goto(site["url"] + "nl/what/germany-dual-training/")
    assert page.is_checked("input[name=prompt-what-case-choice][value=toyota]")
    assert stored(page)["worksheet"] == {"version": 1, "answers": {"start-role": "L&D-adviseur", "what-case-choice": "toyota"}}
    assert page.errors == []


def test_action_plan_shows_the_largest_gaps_and_manages_experiment_cards(page, site):
    page.goto(site["url"] + PLAN)
    # before the test: no empty table, but what to do and a link to the test
    assert page.locator("[data-focus-empty]").is_visible()
    assert not page.locator("[data-focus-table]").is_visible()
    page.click("[data-focus-take-test]")
    page.wait_for_url("**/introduction/learning-culture-test/")
    expect(page.locator("[data-course-test]")).to_have_count(1)  # instant navigation swaps the content after the URL
    page.goto(site["url"] + PLAN)
    first = {s.id: {"reality": 2 if s.dimension == BANK.dimensions[1].id else 4, "aspiration": 5} for s in BANK.statements}
    seed(page, {"culture-test": {"version": 1, "attempts": {"first": {"bank_version": 1, "started": None, "updated": None, "answers": first}}}})
    page.reload()
    rows = page.locator("[data-focus-table] tbody tr")
    assert rows.count() == 3
    assert rows.first.locator("th").inner_text() == BANK.dimensions[1].title["en"]
    assert rows.first.locator("td").all_inner_texts() == ["2.0", "5.0", "3.0"]
    # add two cards, edit them, remove the first
    page.click("[data-add-experiment]")
    page.locator("[data-card]").nth(0).locator("[data-field=what]").fill("Weekly learning review")
    page.locator("[data-card]").nth(0).locator("[data-field=prediction]").fill("More improvement ideas")
    page.click("[data-add-experiment]")
    second = page.locator("[data-card]").nth(1)
    second.locator("[data-field=what]").fill("Peer coaching pairs")
    second.locator("[data-field=decision]").select_option("adapt")
    assert second.locator("[data-card-title]").inner_text() == "Experiment 2"
    assert second.locator("label", has_text="What we predict will happen").count() == 1
    page.reload()
    cards = stored(page)["experiments"]["cards"]
    assert [(c["what"], c["prediction"], c["decision"]) for c in cards] == [
        ("Weekly learning review", "More improvement ideas", ""), ("Peer coaching pairs", "", "adapt")]
    assert page.locator("[data-card]").nth(0).locator("[data-field=prediction]").input_value() == "More improvement ideas"
    first_card = page.locator("[data-card]").nth(0)
    first_card.locator("[data-remove-experiment]").click()
    first_card.locator("[data-remove-no]").click()
    assert page.locator("[data-card]").count() == 2
    first_card.locator("[data-remove-experiment]").click()
    first_card.locator("[data-remove-yes]").click()
    assert page.locator("[data-card]").count() == 1
    assert page.locator("[data-card-title]").inner_text() == "Experiment 1"
    assert [c["what"] for c in stored(page)["experiments"]["cards"]] == ["Peer coaching pairs"]
    assert page.errors == []


def test_markdown_export_is_readable_in_the_current_language(page, site):
    page.goto(site["url"] + "nl/" + PLAN)
    seed(page, {"culture-test": {"version": 1, "attempts": {"first": complete_attempt()}},
                "worksheet": {"version": 1, "answers": {"results-learned": "Kleine stappen werken.", "what-case-choice": "toyota"}},
                "experiments": {"version": 1, "cards": [{"id": "c1", "what": "Leerreview", "prediction": "Meer ideeën", "measure": "",
                                                          "who": "", "happened": "", "learned": "", "decision": "adopt", "next": ""}]}})
    page.reload()
    name, text = download(page, "[data-export=markdown]")
    assert re.fullmatch(r"leercultuur-actieplan-\d{4}-\d{2}-\d{2}\.md", name)
    assert text.startswith("# Leercultuur Actieplan\n")
    assert "## Je focus uit de Leercultuurtest" in text
    assert f"| {BANK.dimensions[0].title['nl']} | 2,5 | 5,0 | 2,5 |" in text
    assert "### Wat heb je in deze cursus geleerd?\n\n> Kleine stappen werken." in text
    assert "> Toyota: leren ingebouwd in het dagelijks werk" in text
    assert "## 5 Resultaten" in text and "_Nog niet ingevuld_" not in text  # only what was answered
    assert "### Experiment 1\n" in text and "**Besluit**\n\n> Overnemen" in text
    assert page.locator("[data-transfer-status]").inner_text() == f"{name} is gedownload."


def test_print_view_shows_the_answers_as_text_without_the_site_around_them(page, site):
    page.goto(site["url"] + PLAN)
    unfold(page)
    page.fill("#prompt-results-learned", "Line one\nLine two")
    page.emulate_media(media="print")
    assert page.locator("#prompt-results-learned ~ [data-print-value]").inner_text() == "Line one\nLine two"
    assert not page.locator("#prompt-results-learned").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator("[data-export=json]").is_visible()


def full_data(page) -> dict:
    seed(page, {"culture-test": {"version": 1, "attempts": {"first": complete_attempt(), "retake": complete_attempt(3, 5)}},
                "self-checks": {"version": 2, "seed": "k3x9q2m7p1", "modules": {"why": {"answers": {"why-q1": ["a"]}, "checked": True, "score": 1, "total": 5, "tries": 2}}},
                "worksheet": {"version": 1, "answers": {"start-role": "Coach", "results-learned": "Much"}},
                "experiments": {"version": 1, "cards": [{"id": "c1", "created": None, "updated": None, "what": "Try", "prediction": "P",
                                                          "measure": "M", "who": "", "happened": "", "learned": "", "decision": "", "next": ""}]},
                "progress": {"version": 1, "done": {"why/engagement-and-wellbeing": "2025-01-01T00:00:00.000Z"}, "last": None},
                "route": {"version": 1, "route": "team", "checked": {"team:colleagues": True}},
                "certificate": {"version": 1, "name": "Anna"}, "language": "en"})
    return stored(page)


def test_export_delete_import_restores_identical_data(page, site):
    page.goto(site["url"] + DATA)
    before = full_data(page)
    name, text = download(page, "[data-export=json]")
    assert re.fullmatch(r"learning-culture-course-data-\d{4}-\d{2}-\d{2}\.json", name)
    exported = json.loads(text)
    assert (exported["format"], exported["version"]) == ("learning-culture-course", 1)
    assert set(exported["data"]) == {"language", "culture-test", "self-checks", "worksheet", "experiments", "progress", "route", "certificate"}
    page.click("[data-delete-start]")
    page.click("[data-delete-no]")
    assert stored(page) == before
    page.click("[data-delete-start]")
    page.click("[data-delete-yes]")
    assert page.locator("[data-delete-message]").inner_text() == "All your course data has been deleted from this browser."
    assert stored(page) == {}
    upload(page, "[data-import-file]", [(name, text.encode())])
    expect(page.locator("[data-import-review]")).to_be_visible()
    rows = page.locator("[data-import-rows] tr")
    assert rows.nth(4).all_inner_texts() == ["Experiment cards\t0\t1"]
    assert stored(page) == {}  # nothing happens before the learner confirms
    page.click("[data-import-apply]")
    assert page.locator("[data-import-message]").inner_text() == "Your data was imported."
    assert stored(page) == before
    page.goto(site["url"] + PLAN)
    assert page.input_value("#prompt-start-role") == "Coach"
    assert page.errors == []


def hostile_files() -> list[tuple[str, bytes, str]]:
    """(file name, content, expected message) for files that must be refused."""
    refused = "This file cannot be imported and nothing was changed: "
    worksheet = {"version": 1, "answers": {"start-role": "x"}}
    return [
        ("broken.json", b'{"format": "learning-culture-course", "version": 1, "data": {', refused + "it is not a valid JSON file."),
        ("other.json", b'{"name": "something else"}', refused + "it is not a data export of this course. (at format)"),
        ("newer.json", export_file({}).replace(b'"version": 1', b'"version": 9'), refused + "it was made by a newer version of this course. Use that version to import it. (at version)"),
        ("types.json", export_file({"worksheet": {"version": 1, "answers": {"start-role": ["a list"]}}}),
         refused + "some of its data has the wrong type or value. (at data.worksheet.answers.start-role)"),
        ("proto.json", b'{"format": "learning-culture-course", "version": 1, "data": {"worksheet": {"version": 1, "answers": {"__proto__": {"polluted": "' + HOSTILE.replace('"', "'").encode() + b'"}}}}}',
         refused + "it contains a name or id that is not allowed. (at data.worksheet.answers.__proto__)"),
        ("keys.json", export_file({"worksheet": worksheet, HOSTILE: 1}), refused + "it contains data this course does not know. (at data." + HOSTILE),
        ("huge.json", b" " * (20 * 1024 * 1024), refused + "it is larger than 5 MB, much larger than any export of this course."),
    ]


def test_hostile_imports_are_refused_with_a_clear_message_and_change_nothing(page, site):
    page.goto(site["url"] + DATA)
    before = full_data(page)
    for name, content, message in hostile_files():
        upload(page, "[data-import-file]", [(name, content)])
        shown = page.locator("[data-import-message]")
        shown.wait_for(state="visible")
        assert shown.inner_text().startswith(message), name
        assert not page.locator("[data-import-review]").is_visible(), name
        assert stored(page) == before, name
    assert page.evaluate("() => [window.__pwned, ({}).polluted, document.querySelectorAll('img[src=x]').length]") == [None, None, 0]
    assert page.errors == []


def test_script_and_html_in_every_text_field_are_imported_as_plain_text(page, site):
    page.goto(site["url"] + DATA)
    card = {"id": "c1", "created": None, "updated": None, "decision": "abandon",
            **{field: HOSTILE for field in ("what", "prediction", "measure", "who", "happened", "learned", "next")}}
    upload(page, "[data-import-file]", [("hostile.json", export_file({
        "worksheet": {"version": 1, "answers": {"start-role": HOSTILE, "results-learned": HOSTILE}},
        "experiments": {"version": 1, "cards": [card]}, "certificate": {"version": 1, "name": HOSTILE}}))])
    page.click("[data-import-apply]")
    expect(page.locator("[data-import-message]")).to_have_text("Your data was imported.")
    page.goto(site["url"] + PLAN)
    assert page.input_value("#prompt-start-role") == HOSTILE
    assert page.locator("[data-card-title]").inner_text() == "Experiment 1"
    assert page.locator("[data-field=what]").input_value() == HOSTILE
    name, text = download(page, "[data-export=markdown]")
    assert HOSTILE.replace("<", "&lt;") in text  # shown as text in any Markdown viewer (issue 20, item 11)
    page.emulate_media(media="print")
    assert page.locator("#prompt-results-learned ~ [data-print-value]").inner_text() == HOSTILE
    assert page.evaluate("() => [window.__pwned, document.querySelectorAll('.md-content img[src=x], .md-content script:not([type]):not([src*=\"assets/js/pages/\"])').length]") == [None, 0]
    assert page.errors == []


def test_unreadable_stored_data_is_kept_aside_and_the_learner_is_told(page, site):
    page.goto(site["url"] + PLAN)
    page.evaluate("() => localStorage.setItem('course:v1:/:worksheet', '{half a value')")
    page.reload()
    unfold(page)
    notice = page.locator("[data-course-notices]")
    assert "Some of your saved course data (Action plan answers) could not be read. It has not been deleted" in notice.inner_text()
    kept = {k: v for k, v in stored(page).items() if k.startswith("worksheet.corrupt-")}
    assert list(kept.values()) == ["{half a value"]
    page.fill("#prompt-start-role", "Coach")  # the page still works
    assert stored(page)["worksheet"]["answers"] == {"start-role": "Coach"}
    assert page.errors == []


def test_storage_blocked_shows_a_warning_and_the_page_still_works(browser, site):
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});")
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(site["url"] + PLAN)
    unfold(tab)
    tab.fill("#prompt-start-role", "Coach")
    assert "This browser does not let the course save anything." in tab.locator("[data-course-notices]").inner_text()
    assert tab.locator("#prompt-start-role ~ [data-status]").inner_text() == NOT_SAVED
    # the tools go on working for as long as the page is open
    tab.click("[data-add-experiment]")
    tab.locator("[data-field=what]").fill("Try it")
    assert tab.locator("[data-card-title]").inner_text() == "Experiment 1"
    assert tab.locator("[data-experiments-status]").inner_text() == NOT_SAVED
    # Material's own head script (__md_get) reads localStorage unguarded and throws the blocked
    # storage's SecurityError; nothing else may fail.
    assert [error for error in errors if error != "blocked"] == []
    context.close()


def test_storage_full_shows_a_warning(browser, site):
    context = browser.new_context()
    context.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    tab = context.new_page()
    tab.goto(site["url"] + "start/how-the-course-works/")
    tab.fill("#prompt-start-role", "Coach")
    assert "storage for this site is full" in tab.locator("[data-course-notices]").inner_text()
    assert tab.locator("#prompt-start-role ~ [data-status]").inner_text() == NOT_SAVED
    assert tab.input_value("#prompt-start-role") == "Coach"
    context.close()


def test_a_change_in_one_tab_appears_in_the_other(page, site):
    other = page.context.new_page()
    page.goto(site["url"] + "start/how-the-course-works/")
    other.goto(site["url"] + "nl/" + PLAN)
    page.fill("#prompt-start-organisation", "Zorggroep Noord")
    other.wait_for_function("() => document.querySelector('#prompt-start-organisation').value === 'Zorggroep Noord'")
    other.click("[data-add-experiment]")
    other.locator("[data-field=what]").fill("Intervisie")
    page.goto(site["url"] + PLAN)
    assert page.locator("[data-field=what]").input_value() == "Intervisie"
    other.locator("[data-field=what]").fill("Intervisie elke maand")
    page.wait_for_function("() => document.querySelector('[data-field=what]').value === 'Intervisie elke maand'")


def test_mark_as_done_ticks_the_navigation_and_counts_in_progress(page, site):
    page.goto(site["url"] + "why/engagement-and-wellbeing/")
    button = page.locator("[data-done-button]")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.locator("[data-done-status]").inner_text() == "This lesson is marked as done."
    link = page.locator('.md-sidebar--primary a.md-nav__link[href$="engagement-and-wellbeing/"]').first
    assert "course-nav--done" in link.get_attribute("class")
    assert link.locator(".md-visually-hidden").inner_text() == "(done)"
    page.goto(site["url"] + "nl/why/")
    assert "course-nav--done" in page.locator('.md-sidebar--primary a.md-nav__link[href$="engagement-and-wellbeing/"]').first.get_attribute("class")
    page.goto(site["url"] + "nl/start/progress/")
    assert "2 WAAROM?: 1 van 5 lessen afgerond" in page.locator("[data-progress-modules]").inner_text()
    assert re.match(r"1 van \d+ lessen afgerond \(\d+%\)\.", page.locator("[data-progress-course]").inner_text())
    # continue where you left off, on the home page
    page.goto(site["url"] + "nl/how/eight-levers/")
    seed(page, {"language": "nl"})  # otherwise the home page follows the browser's English
    page.goto(site["url"] + "nl/")
    box = page.locator("[data-course-continue]")
    assert box.is_visible()
    assert box.locator("[data-continue-link]").get_attribute("href") == site["url"] + "nl/how/eight-levers/"
    # undo
    page.goto(site["url"] + "why/engagement-and-wellbeing/")
    page.click("[data-done-button]")
    assert "course-nav--done" not in (page.locator('.md-sidebar--primary a.md-nav__link[href$="engagement-and-wellbeing/"]').first.get_attribute("class") or "")
    assert stored(page)["progress"]["done"] == {}


def test_route_choice_and_checklist(page, site):
    page.goto(site["url"] + "start/progress/")
    assert page.locator("[data-route-none]").is_visible()
    page.check("input[name=course-route][value=team]")
    checklist = page.locator("[data-route-checklist] li")
    assert checklist.count() == 15
    assert page.locator("[data-route-summary]").inner_text() == "0 of 15 done on the Team route."
    page.check("[data-manual='team:colleagues']")
    seed(page, {"worksheet": {"version": 1, "answers": {"start-organisation": "Org", "start-role": "Coach"}},
                "culture-test": {"version": 1, "attempts": {"first": complete_attempt()}}})
    page.reload()
    assert page.is_checked("input[name=course-route][value=team]")
    done = page.locator("[data-route-checklist] li.course-checklist__done")
    assert done.all_text_contents() == [
        "✓Invite at least one colleague to join you (done)", "✓Name your organisation and your role (done)",
        "✓Take the Learning Culture test, each on your own (done)"]
    assert page.locator("[data-route-summary]").inner_text() == "3 of 15 done on the Team route."
    page.check("input[name=course-route][value=individual]")
    assert page.locator("[data-route-summary]").inner_text() == "2 of 12 done on the Individual route."
    assert stored(page)["route"] == {"version": 1, "route": "individual", "checked": {"team:colleagues": True}}


def test_team_profile_only_from_three_people(page, site):
    page.goto(site["url"] + "results/team-profile/")
    people = [("anna.json", export_file({"culture-test": {"version": 1, "attempts": {"first": complete_attempt(2, 5)}}})),
              ("bram.json", export_file({"culture-test": {"version": 1, "attempts": {"first": complete_attempt(3, 6, 1)}}})),
              ("cem.json", export_file({"culture-test": {"version": 1, "attempts": {"first": complete_attempt(4, 5)}}}))]
    upload(page, "[data-team-files]", people[:2] + [("notes.json", b"not json")])
    # files are read asynchronously: wait for the count
    expect(page.locator("[data-team-count]")).to_have_text("2 people with a complete test in 3 files.")
    assert page.locator("[data-team-rejected]").inner_text() == "notes.json: it is not a valid JSON file."
    assert "Add 1 more." in page.locator("[data-team-wait]").inner_text()
    assert not page.locator("[data-team-result]").is_visible()
    assert page.locator("[data-team-rows] tr").count() == 0
    upload(page, "[data-team-files]", people)
    expect(page.locator("[data-team-count]")).to_have_text("3 people with a complete test in 3 files.")
    rows = page.locator("[data-team-rows] tr")
    assert rows.count() == len(BANK.dimensions)
    # dimension 1: reality means 2.5, 3.5, 4.5 -> team mean 3.5 (2.5-4.5); aspiration 5, 6, 5
    assert rows.first.all_inner_texts() == [f"{BANK.dimensions[0].title['en']}\t3.5 (2.5–4.5)\t5.3 (5.0–6.0)\t1.8 (0.5–2.5)"]
    assert page.locator("[data-team-chart] svg").count() == 1
    assert page.errors == []


def everything_for_the_certificate(page, shared: str = "d") -> None:
    lessons = page.evaluate("() => window.CourseLanguageData.modules.flatMap(m => m.pages.filter(p => p.lesson).map(p => p.id))")
    seed(page, {"progress": {"version": 1, "done": {lesson: None for lesson in lessons}, "last": None},
                "culture-test": {"version": 1, "attempts": {"first": complete_attempt()}},
                "worksheet": {"version": 1, "answers": {"results-learned": "a", "results-will-do": "b", "results-help-others": "c",
                                                          "results-shared": shared}},
                "experiments": {"version": 1, "cards": [{"id": "c1", "created": None, "updated": None, "what": "w", "prediction": "p",
                                                          "measure": "m", "who": "", "happened": "", "learned": "", "decision": "", "next": ""}]},
                "route": {"version": 1, "route": "community", "checked": {}}})


def test_certificate_is_refused_until_the_criteria_are_met_then_printed_with_the_name(page, site):
    page.goto(site["url"] + "results/certificate/")
    missing = page.locator("[data-certificate-criteria] li.course-checklist__todo")
    assert missing.count() == 5
    assert not page.locator("[data-certificate-ready]").is_visible()
    assert not page.locator("[data-certificate]").is_visible()
    everything_for_the_certificate(page)
    page.evaluate("() => CourseStorage.remove('experiments')")
    page.reload()
    assert missing.all_text_contents() == ["○At least one experiment card is planned (still to do)→"]
    everything_for_the_certificate(page, shared="")
    page.reload()
    assert missing.all_text_contents() == ["○One learning is shared with the community (what, with whom, when) (still to do)→"]
    everything_for_the_certificate(page)
    page.goto(site["url"] + "nl/results/certificate/")
    assert page.locator("[data-certificate-ready]").is_visible()
    page.click("[data-certificate-print]")
    assert page.locator("[data-certificate-message]").inner_text() == "Vul eerst je naam in."
    page.fill("[data-certificate-name]", "Anna de Vries")
    certificate = page.locator("[data-certificate]")
    assert certificate.is_visible()
    page.emulate_media(media="print")
    text = certificate.inner_text()
    for expected in ("Persoonlijk bewijs van afronding", "Anna de Vries", "Leercultuur: verandering van binnenuit", "Community of practice", "SOL Nederland"):
        assert expected in text
    assert not page.locator("h1").is_visible()
    assert not page.locator("[data-certificate-name]").is_visible()
    page.emulate_media(media="screen")
    page.goto(site["url"] + "results/certificate/")
    assert page.locator("[data-certificate-name]").input_value() == "Anna de Vries"
    assert "Personal record of completion" in page.locator("[data-certificate]").inner_text()
    assert page.errors == []
