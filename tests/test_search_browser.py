"""Search as a reader uses it, in Chromium: results only in the page's language (also after switching
language), word forms that find each other through the language's stemmer, search-as-you-type on a
partly typed word, one index downloaded per language, and all of it under any path."""
from __future__ import annotations

import pytest

from conftest import free_port, serve
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


def _check_language(page, site, language: str, cases: list) -> None:
    words = page_words(site["dir"], language)
    home = site["url"] + ("" if language == "en" else f"{language}/")
    for query, forms in cases:
        # Index locations are relative to the site root in both languages.
        expected = {site["url"] + location for location in pages_with(words, forms, without=query)}
        assert expected, f"no {language} page has {forms} without {query!r} any more: pick other words"
        results = search(page, query)
        found = result_pages(results)
        assert not expected - set(found), f"{query!r} did not find {sorted(expected - set(found))}"
        if language == "en":
            assert not [url for url in found if url.startswith(site["url"] + "nl/")], f"{query!r}: Dutch results"
        else:
            assert all(url.startswith(home) for url in found), f"{query!r}: results outside Dutch: {found}"
        # One word typed: no result claims that word is missing (a stem match counts as found).
        assert not [result["href"] for result in results if result["missing"]], query


def test_dutch_search_finds_word_forms_and_only_dutch_pages(page, site):
    page.goto(site["url"] + "nl/how/eight-levers/")
    _check_language(page, site, "nl", DUTCH)
    assert page.errors == []


def test_english_search_finds_word_forms_and_only_english_pages(page, site):
    page.goto(site["url"] + "how/eight-levers/")
    _check_language(page, site, "en", ENGLISH)
    assert page.errors == []


def test_search_as_you_type_letter_by_letter(page, site):
    page.goto(site["url"] + "nl/how/")
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially("leerdoe", delay=60)
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_timeout(300)
    found = result_pages(page.evaluate(
        "() => [...document.querySelectorAll('.md-search-result__item > a')].map(a => ({href: a.href}))"))
    assert found and all(url.startswith(site["url"] + "nl/") for url in found)


@pytest.mark.parametrize("start, other", [("en", "nl"), ("nl", "en")])
def test_results_follow_the_language_after_switching(page, site, start, other):
    page.goto(site["url"] + ("" if start == "en" else "nl/") + "how/eight-levers/")
    switch_to(page, other)
    found = result_pages(search(page, "team"))
    dutch = [url for url in found if url.startswith(site["url"] + "nl/")]
    assert found and (dutch == found if other == "nl" else dutch == [])


@pytest.mark.parametrize("language, own, foreign", [
    ("en", "search/search_index.en.json", "search_index.nl.json"),
    ("nl", "nl/search/search_index.nl.json", "search_index.en.json"),
])
def test_each_language_downloads_only_its_own_index(page, site, language, own, foreign):
    page.goto(site["url"] + ("" if language == "en" else "nl/") + "why/")
    search(page, "team")
    indexes = [url for url in page.requests if "search_index" in url]
    assert site["url"] + own in indexes
    assert not [url for url in indexes if url.endswith(foreign)]


def test_search_works_under_a_path(page, site):
    # The built site served one level down, at /<folder>/, as an organisation might host it.
    port = free_port()
    server = serve(site["dir"].parent, port)
    try:
        base = f"http://127.0.0.1:{port}/{site['dir'].name}/"
        page.goto(base + "nl/how/eight-levers/")
        found = result_pages(search(page, "teams"))
        assert found and all(url.startswith(base + "nl/") for url in found)
        assert base + "nl/how/learning-practice-teams/" in found
    finally:
        server.shutdown()
