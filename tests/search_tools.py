"""Helpers for the search tests: read a language's built index, run a search in the browser."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

INDEX = {"en": "search/search_index.en.json", "nl": "nl/search/search_index.nl.json"}


def read_index(site: Path, language: str) -> dict:
    return json.loads((site / INDEX[language]).read_text(encoding="utf-8"))


def page_words(site: Path, language: str) -> dict[str, set[str]]:
    """The words (lowercase) of every page in a language's index, by page location."""
    words: dict[str, set[str]] = {}
    for doc in read_index(site, language)["docs"]:
        text = html.unescape(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")).lower()
        words.setdefault(doc["location"].split("#")[0], set()).update(re.findall(r"\w+", text))
    return words


def pages_with(words: dict[str, set[str]], forms: list[str], without: str | None = None) -> set[str]:
    """Pages holding one of `forms` (a form ending in "*" is a prefix) but not the word `without`."""
    def has(page_words: set[str], form: str) -> bool:
        if form.endswith("*"):
            return any(word.startswith(form[:-1]) for word in page_words)
        return form in page_words
    return {page for page, found in words.items()
            if any(has(found, form) for form in forms) and (without is None or without not in found)}


def search(page, query: str) -> list[dict]:
    """Type a query into the header search; every result page (scrolled into view), best first."""
    field = page.locator("input.md-search__input")
    field.click()
    meta = page.locator(".md-search-result__meta")
    # Clear first, so the results counted below belong to this query.
    field.fill("")
    field.press("End")
    page.wait_for_function("!document.querySelector('.md-search-result__item')")
    placeholder = meta.inner_text()
    field.fill(query)
    field.press("End")  # Material searches on keyup
    page.wait_for_function("text => document.querySelector('.md-search-result__meta').innerText !== text", arg=placeholder)
    # The result count ("47 matching documents"; no digit when nothing matched). Material renders ten
    # results, then four more each time the list is scrolled to its end.
    count = re.search(r"\d+", meta.inner_text())
    total = int(count[0]) if count else 0
    scroller = page.locator(".md-search__scrollwrap")
    for _ in range(total):
        if page.locator(".md-search-result__item").count() >= total:
            break
        # Leave the end and come back: Material reacts to reaching the end, not to being there.
        scroller.evaluate("el => el.scrollTo(0, 0)")
        page.wait_for_timeout(30)
        scroller.evaluate("el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(30)
    assert page.locator(".md-search-result__item").count() == total, f"{query!r}: not all results shown"
    return page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item > a')].map(a => ({
        href: a.href, missing: !!a.querySelector('.md-search-result__terms')}))""")


def result_pages(results: list[dict]) -> list[str]:
    """The pages of the results (without section anchors), in order, once each."""
    return list(dict.fromkeys(result["href"].split("#")[0].split("?")[0] for result in results))
