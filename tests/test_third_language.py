"""Adding a language is configuration plus files: a copy of the course with German added (the i18n
plugin's entry, a docs/de/ with a few translated pages, `de` texts in the data files), built once,
then read in Chromium. German is declared a partial translation, so the pages it lacks show the
English page with a notice in German and the parity check warns about them."""
from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import build_site, copy_project, free_port, serve
from html_tools import language_data
from course import parity
from course.languages import project_languages
from search_tools import search

TRANSLATED = ("index.md", "start/progress.md", "start/how-the-course-works.md", "results/action-plan.md",
              "about/privacy.md")
MODULES_DE = {"1 Introduction": "1 Einführung", "2 WHY?": "2 WARUM?", "3 HOW?": "3 WIE?", "4 WHAT?": "4 WAS?",
              "5 Results": "5 Ergebnisse"}
NAV_DE = {"Getting started": "Erste Schritte", **MODULES_DE, "Programmes": "Programme", "About": "Über den Kurs"}
# The German privacy page holds "Wanderung"; a search for "Wanderungen" finds it only through German
# stemming (both become "wander"): it is no prefix, and English stemming leaves both words alone.
PAGE_WORD, QUERY = "Wanderung", "Wanderungen"
UNTRANSLATED_TITLE = "Noch nicht übersetzt"
LESSON = "why/engagement-and-wellbeing/"


def add_german(project: Path) -> None:
    """German as a project would add it: configuration, pages and data texts."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^( +)nl: (.*)$", lambda m: f"{m[0]}\n{m[1]}de: {m[2]}", text, flags=re.M)  # branding texts
    text = text.replace("partial_translations: []", "partial_translations: [de]")
    entry = ("        - locale: de\n          name: Deutsch\n          build: true\n"
             "          site_name: \"Lernkultur: Veränderung von innen\"\n          nav_translations:\n"
             + "".join(f"            {english}: {german}\n" for english, german in NAV_DE.items()))
    text = text.replace("\nnav:\n", f"{entry}\nnav:\n", 1)
    config.write_text(text, encoding="utf-8")
    for page in TRANSLATED:
        source = (project / "docs/en" / page).read_text(encoding="utf-8")
        title = re.search(r"^title: (.*)$", source, re.M)[1].strip('"')
        german = source.replace(f"title: {re.search(r'^title: (.*)$', source, re.M)[1]}", f'title: "{title} (Deutsch)"', 1)
        german = german.replace(f"\n# {title}\n", f"\n# {title} (Deutsch)\n\nDiese Seite ist auf Deutsch.\n", 1)
        if page == "about/privacy.md":
            german += f"\nEine {PAGE_WORD} durch den Datenschutz.\n"
        target = project / "docs/de" / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(german, encoding="utf-8")
    for path in (project / "data").rglob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_with_german(data, path.name), allow_unicode=True, sort_keys=False), encoding="utf-8")


def _with_german(value: object, file: str) -> object:
    """Every text with a Dutch version gets a German one (the English text, a few in German)."""
    if isinstance(value, list):
        return [_with_german(item, file) for item in value]
    if not isinstance(value, dict):
        return value
    result = {key: _with_german(item, file) for key, item in value.items()}
    if "nl" in result and "en" in result:
        result["de"] = result["en"]
    return result


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> dict:
    project = copy_project(tmp_path_factory.mktemp("german"))
    add_german(project)
    ui = project / "data/ui.yml"
    wording = yaml.safe_load(ui.read_text(encoding="utf-8"))
    wording["untranslated_page_title"]["de"] = UNTRANSLATED_TITLE
    wording["untranslated_page_text"]["de"] = "Diese Seite gibt es noch nicht auf Deutsch; Sie lesen die Originalfassung."
    ui.write_text(yaml.safe_dump(wording, allow_unicode=True, sort_keys=False), encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site = project / "site"
    result = build_site(site, url, project=project)
    server = serve(site, port)
    yield {"project": project, "dir": site, "url": url, "log": result.stderr}
    server.shutdown()


@pytest.fixture()
def tab(browser, german):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def switcher(page) -> dict[str, str]:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('a.md-select__link')]
        .map(a => [a.hreflang, a.href]))""")


def test_three_languages_in_the_menu_and_the_switcher_keeps_the_page(tab, german):
    url = german["url"]
    for address in ("de/start/progress/", f"de/{LESSON}"):  # translated, and shown in English
        tab.goto(url + address)
        assert tab.locator("html").get_attribute("lang") == "de"
        path = address.removeprefix("de/")
        assert switcher(tab) == {"en": url + path, "nl": url + "nl/" + path, "de": url + "de/" + path}
    tab.locator(".md-header__option .md-select").hover()
    tab.locator('a.md-select__link[hreflang="nl"]').click()
    tab.wait_for_url(url + "nl/" + LESSON)
    # German chosen in the menu is remembered for the next visit to the site's address
    tab.locator(".md-header__option .md-select").hover()
    tab.locator('a.md-select__link[hreflang="de"]').click()
    tab.wait_for_url(url + "de/" + LESSON)
    assert tab.evaluate("CourseStorage.read('language', null).value") == "de"
    assert tab.errors == []


def test_a_page_missing_in_german_shows_the_english_page_with_a_german_notice(tab, german):
    tab.goto(german["url"] + "de/" + LESSON)
    notice = tab.locator(".course-untranslated")
    assert UNTRANSLATED_TITLE in notice.inner_text()
    assert notice.get_attribute("lang") == "de"
    # the English text is marked as English for screen readers
    assert tab.locator("h1").evaluate("h => h.closest('[lang]').lang") == "en"
    assert tab.locator("h1").inner_text().startswith("Engagement and wellbeing")
    tab.goto(german["url"] + "de/start/progress/")  # a translated page has no notice
    assert tab.locator(".course-untranslated").count() == 0


def test_progress_and_answers_are_shared_by_all_three_languages(tab, german):
    url = german["url"]
    tab.goto(url + LESSON)
    tab.click("[data-done-button]")
    tab.goto(url + "start/how-the-course-works/")
    tab.fill("#prompt-start-role", "L&D adviser")
    for prefix in ("de/", "nl/"):
        tab.goto(url + prefix + LESSON)
        assert tab.locator("[data-done-button]").get_attribute("aria-pressed") == "true", prefix
        tab.goto(url + prefix + "start/how-the-course-works/")
        assert tab.input_value("#prompt-start-role") == "L&D adviser", prefix
    tab.fill("#prompt-start-role", "L&D-adviseur")  # in Dutch; read back in German
    tab.goto(url + "de/start/progress/")
    assert "2 WARUM?: 1" in tab.locator("[data-progress-modules]").inner_text()
    tab.goto(url + "de/results/action-plan/")
    assert tab.input_value("#prompt-start-role") == "L&D-adviseur"
    # "continue where you left off" on the German home page
    tab.goto(url + "de/how/eight-levers/")
    tab.goto(url + "de/")
    assert tab.locator("[data-course-continue]").is_visible()
    assert tab.errors == []


def test_course_map_and_action_plan_headings_are_german(german):
    path = german["dir"] / "de/results/action-plan/index.html"
    page = path.read_text(encoding="utf-8")
    _, course_map = language_data(path)
    assert [module["title"] for module in course_map["modules"]][1:] == list(MODULES_DE.values())
    assert json.loads(re.search(r'<script type="application/json" id="course-page">(.*?)</script>', page)[1]) == "results/action-plan"
    assert {p["id"] for m in course_map["modules"] for p in m["pages"]} >= {"why/engagement-and-wellbeing", "index"}
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", page)
    for title in MODULES_DE.values():
        assert any(title in heading for heading in headings), title


def test_german_has_its_own_search_index_with_german_stemming(tab, german):
    index = json.loads((german["dir"] / "de/search/search_index.de.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["de"]
    assert {doc["location"].split("/")[0] for doc in index["docs"]} == {"de"}
    tab.goto(german["url"] + "de/about/privacy/")
    found = [result["href"] for result in search(tab, QUERY)]
    assert any(href.startswith(german["url"] + "de/about/privacy/") for href in found), found
    assert tab.errors == []


def test_parity_check_lists_the_untranslated_pages(german):
    project = german["project"]
    result = subprocess.run([sys.executable, "-m", "course.parity", "check", "docs"], cwd=project,
                            env={"PYTHONPATH": str(project / "hooks")}, capture_output=True, text=True)
    sources = {str(p.relative_to(project / "docs/en")) for p in (project / "docs/en").rglob("*.md")}
    missing = sources - set(TRANSLATED)
    for page in missing:
        assert (f"warning: docs/de/{page}:1: missing translation of docs/en/{page} (the source page is shown "
                "instead)") in result.stdout
    assert "translations: 0 error(s)" in result.stdout
    assert result.returncode == 0
    # declared complete, the same missing pages fail the check
    complete = dataclasses.replace(project_languages(project / "mkdocs.yml"), partial=frozenset())
    errors = [f for f in parity.check(project / "docs", complete) if f.severity == "error"]
    assert {f.path for f in errors} == {str(project / "docs/de" / page) for page in missing}
