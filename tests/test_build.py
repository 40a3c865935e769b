"""A real build of the course: pages in both languages, language attributes, translated navigation,
a language switcher that works under any path, and nothing loaded from other sites."""
from __future__ import annotations

import re
from html import unescape

from conftest import ROOT
from html_tools import built_path, external_resources, nav_pages, parse

PAGES = nav_pages(ROOT / "mkdocs.yml")
NAV_TITLES = {
    "en": ["Getting started", "1 Introduction", "2 WHY?", "3 HOW?", "4 WHAT?", "5 Results", "Programmes", "About"],
    "nl": ["Start", "1 Introductie", "2 WAAROM?", "3 HOE?", "4 WAT?", "5 Resultaten", "Programma's", "Over deze cursus"],
}
SITE_NAMES = {"en": "Learning Culture: Change from Within", "nl": "Leercultuur: verandering van binnenuit"}


def test_every_nav_page_is_built_in_both_languages_with_the_right_lang(site):
    assert len(PAGES) >= 50
    for language in ("en", "nl"):
        for page in PAGES:
            path = built_path(site["dir"], page, language)
            assert path.exists(), f"{page} was not built in {language}: {path} missing"
            html = path.read_text(encoding="utf-8")
            assert re.search(rf'<html lang="{language}"', html), f"{path} lacks <html lang={language}>"


def test_navigation_and_site_name_are_translated(site):
    for language in ("en", "nl"):
        page = built_path(site["dir"], "how/eight-levers.md", language)
        text = " ".join(" ".join(parse(page).text).split())
        for title in NAV_TITLES[language]:
            assert title in text, f"nav title {title!r} missing on the {language} page"
        assert SITE_NAMES[language] in text
    dutch = " ".join(parse(built_path(site["dir"], "why/index.md", "nl")).text)
    assert "2 WHY?" not in dutch and "Programmes" not in dutch


def test_language_switcher_links_are_relative_and_point_at_the_same_page(site):
    cases = {
        ("how/eight-levers.md", "en"): {"en": "./", "nl": "../../nl/how/eight-levers/"},
        ("how/eight-levers.md", "nl"): {"en": "../../../how/eight-levers/", "nl": "./"},
        ("index.md", "en"): {"en": "./", "nl": "nl/"},
        ("index.md", "nl"): {"en": "../", "nl": "./"},
    }
    for (page, language), expected in cases.items():
        links = {a["hreflang"]: a["href"] for tag, a in parse(built_path(site["dir"], page, language)).elements
                 if tag == "a" and "md-select__link" in a.get("class", "")}
        assert links == expected, f"switcher on {language}/{page}: {links}"


def test_built_site_loads_nothing_from_other_hosts(site):
    offenders = external_resources(site["dir"])
    assert not offenders, "external resources:\n" + "\n".join(offenders)


def test_build_reports_no_problems(site):
    warnings = [line for line in site["log"].splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert warnings == []


def test_lessons_show_a_reading_time_computed_from_each_language(site):
    from course.page_checks import reading_minutes
    from course.pages import read_page

    for language, wording in (("en", "Reading time: about {} min"), ("nl", "Leestijd: ongeveer {} min")):
        for lesson in ("how/eight-levers.md", "what/toyota.md"):
            minutes = reading_minutes(read_page(ROOT / "docs" / language / lesson), language)
            html = built_path(site["dir"], lesson, language).read_text(encoding="utf-8")
            assert f'<p class="course-reading-time">{wording.format(minutes)}</p>' in html
    overview = built_path(site["dir"], "how/index.md", "en").read_text(encoding="utf-8")
    assert "course-reading-time" not in overview


def test_abbreviations_show_their_expansion_from_the_glossary_of_the_pages_language(site):
    expansions = {"en": "Learning and Development", "nl": "Learning & Development (opleiden en ontwikkelen)"}
    for language, expansion in expansions.items():
        glossary = (ROOT / "data" / f"abbreviations.{language}.md").read_text(encoding="utf-8")
        assert f"*[L&D]: {expansion}\n" in glossary
        html = built_path(site["dir"], "introduction/vision.md", language).read_text(encoding="utf-8")
        titles = {unescape(text): unescape(title) for title, text in re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', html)}
        assert titles.get("L&D") == expansion, f"{language}: {titles}"
        assert all(f"*[{term}]: {title}" in glossary for term, title in titles.items()), titles
        assert "*[" not in html, f"{language}: a glossary line shows as text"


FOOTER_LINK = re.compile(r'<a href="([^"]*)" class="md-footer__link md-footer__link--(?:prev|next)" aria-label="[^:"]*: ([^"]*)"')
TITLE = re.compile(r"<title>(.*?) - [^<]*</title>")


def test_every_previous_and_next_link_carries_the_title_of_the_page_it_leads_to(site):
    # Pages are built one after another, and the build lets go of each page's text once it is
    # written (hooks/build_cache.py): a later page must still show an earlier page's title.
    checked = 0
    for page in site["dir"].rglob("index.html"):
        for href, title in FOOTER_LINK.findall(page.read_text(encoding="utf-8")):
            target = (page.parent / href).resolve() / "index.html"
            found = TITLE.search(target.read_text(encoding="utf-8"))
            assert found and unescape(title) == unescape(found[1]), f"{page}: link to {href} says {title!r}"
            checked += 1
    assert checked > 2 * len(PAGES)
