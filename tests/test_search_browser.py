"""Search as a reader uses it, in Chromium: results only in the page's language (also after switching
language), word forms that find each other through the language's stemmer, search-as-you-type on a
partly typed word, one index downloaded per language, and all of it under any path."""
from __future__ import annotations

import pytest

from conftest import free_port, serve
from course.languages import project_languages
from search_tools import page_words, pages_with, result_pages, search
from test_language_browser import switch_to

# (query, other forms of the word it must find). Expected pages are computed from the built index:
# every page holding one of those forms but not the query itself, so each match proves the stemmer
# (or, for "word*", the prefix) found it. Forms are real words of the course pages.
DUTCH = [
    ("teams", ["team"]),                                   # plural finds singular
    ("hefboom", ["hefbomen"]),                             # singular finds plural (hefboom/hefbomen)
    ("leerdoelen", ["leerdoel"]),                          # compound, plural finds singular
    ("leerdoel", ["leerdoelen"]),                          # compound, singular finds plural
    ("veranderen", ["verandering", "veranderingen"]),      # verb finds the nouns
    ("experiment", ["experimenten"]),
    ("leerdoe", ["leerdoe*"]),                             # search-as-you-type: partly typed words
    ("hefbo", ["hefbo*"]),
    ("veranderi", ["veranderi*"]),
]
ENGLISH = [
    ("lever", ["levers"]),                                 # singular finds plural
    ("experimenting", ["experiment", "experiments"]),      # verb finds the nouns
    ("experiments", ["experiment"]),                       # plural finds singular
    ("learned", ["learning", "learns"]),                   # past tense finds other verb forms
    ("organisations", ["organisation", "organising"]),     # plural finds singular and the verb
    ("changing", ["change", "changed", "changes"]),
    ("experimen", ["experimen*"]),                         # search-as-you-type: partly typed words
    ("organisat", ["organisat*"]),
]


WORD_FORMS = {"nl": DUTCH, "en": ENGLISH}  # a language the configuration adds needs its own list here
LANGUAGES = project_languages()
OTHER = {language: next(other for other in LANGUAGES.all if other != language) for language in LANGUAGES.all}


def home(site, language: str) -> str:
    return site["url"] + LANGUAGES.folder(language)


def in_language(site, url: str, language: str) -> bool:
    """Whether a result address is one of `language`'s pages (the source language's sit at the
    root, beside the other languages' folders)."""
    others = [home(site, other) for other in LANGUAGES.all if other != language and LANGUAGES.folder(other)]
    return url.startswith(home(site, language)) and not any(url.startswith(folder) for folder in others)


@pytest.mark.parametrize("language", LANGUAGES.all)
def test_search_finds_word_forms_and_only_pages_in_the_readers_language(page, site, language):
    assert language in WORD_FORMS, f"add word forms of {language} to WORD_FORMS"
    page.goto(home(site, language) + "how/eight-levers/")
    words = page_words(site["dir"], language)
    for query, forms in WORD_FORMS[language]:
        # Index locations are relative to the site root in every language.
        expected = {site["url"] + location for location in pages_with(words, forms, without=query)}
        assert expected, f"no {language} page has {forms} without {query!r} any more: pick other words"
        results = search(page, query)
        found = result_pages(results)
        assert not expected - set(found), f"{query!r} did not find {sorted(expected - set(found))}"
        assert all(in_language(site, url, language) for url in found), f"{query!r}: results outside {language}: {found}"
        # One word typed: no result claims that word is missing (a stem match counts as found).
        assert not [result["href"] for result in results if result["missing"]], query
    assert page.errors == []


@pytest.mark.parametrize("language", LANGUAGES.all)
def test_search_as_you_type_letter_by_letter(page, site, language):
    page.goto(home(site, language) + "how/")
    partial = next(query for query, forms in WORD_FORMS[language] if forms == [query + "*"])
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially(partial, delay=60)
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_timeout(300)
    found = result_pages(page.evaluate(
        "() => [...document.querySelectorAll('.md-search-result__item > a')].map(a => ({href: a.href}))"))
    assert found and all(in_language(site, url, language) for url in found)


@pytest.mark.parametrize("start", LANGUAGES.all)
def test_results_follow_the_language_after_switching(page, site, start):
    other = OTHER[start]
    page.goto(home(site, start) + "how/eight-levers/")
    switch_to(page, other)
    found = result_pages(search(page, "team"))
    assert found and all(in_language(site, url, other) for url in found), found


@pytest.mark.parametrize("language", LANGUAGES.all)
def test_each_language_downloads_only_its_own_index(page, site, language):
    page.goto(home(site, language) + "why/")
    search(page, "team")
    indexes = [url for url in page.requests if "search_index" in url]
    assert home(site, language) + f"search/search_index.{language}.json" in indexes
    assert not [url for url in indexes if any(url.endswith(f"search_index.{other}.json")
                                               for other in LANGUAGES.all if other != language)]


@pytest.mark.parametrize("language", LANGUAGES.all)
def test_search_works_under_a_path(page, site, language):
    # The built site served one level down, at /<folder>/, as an organisation might host it.
    port = free_port()
    server = serve(site["dir"].parent, port)
    try:
        base = f"http://127.0.0.1:{port}/{site['dir'].name}/"
        page.goto(base + LANGUAGES.folder(language) + "how/eight-levers/")
        found = result_pages(search(page, "teams"))
        assert found and all(in_language({"url": base}, url, language) for url in found), found
        assert base + LANGUAGES.folder(language) + "how/learning-practice-teams/" in found
    finally:
        server.shutdown()
