"""One search index per language: which documents belong to which language, and where each index lives.

Material loads `search/search_index.json` on every page of every language. That file becomes a stub
(settings, no documents); each language's worker (overrides/assets/javascripts/workers/
course-search.js) loads its own index from the path named here.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

STUB = "search/search_index.json"
WORKER = "assets/javascripts/workers/course-search.js"
# The worker indexes each word both as written and as its stem; it relies on all three steps.
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]


@dataclass(frozen=True)
class Language:
    """A built language; `prefix` is its folder in the site ("" for the default language)."""

    locale: str
    prefix: str

    @property
    def index(self) -> str:
        """Where this language's index is written, relative to the site root."""
        return f"{self.prefix}search/search_index.{self.locale}.json"


def languages(i18n_languages: list, default: str) -> list[Language]:
    """The languages mkdocs-static-i18n builds, the default one at the site root."""
    return [Language(item.locale, "" if item.locale == default else f"{item.locale}/")
            for item in i18n_languages if item.build]


def language_of(location: str, all_languages: list[Language]) -> Language:
    """The language whose folder holds a search document (the default language owns the root)."""
    for language in all_languages:
        if language.prefix and location.startswith(language.prefix):
            return language
    return next(language for language in all_languages if not language.prefix)


def split(index: dict, all_languages: list[Language]) -> dict[Language, dict]:
    """One index per language, holding only that language's documents and searched with its stemmer."""
    indexes = {language: {"config": {**index["config"], "lang": [language.locale], "pipeline": PIPELINE},
                          "docs": []}
               for language in all_languages}
    for doc in index["docs"]:
        indexes[language_of(doc["location"], all_languages)]["docs"].append(doc)
    for language, language_index in indexes.items():
        language_index["docs"] = distinct_titles(language_index["docs"], language.prefix)
    return indexes


def distinct_titles(docs: list[dict], prefix: str) -> list[dict]:
    """Pages that share a title ("Check your understanding" in every module) get the title of their
    section's overview page after it, so no two results look the same."""
    pages = {doc["location"]: doc for doc in docs if "#" not in doc["location"]}
    titles = Counter(doc["title"] for doc in pages.values())
    result = []
    for doc in docs:
        if "#" not in doc["location"] and titles[doc["title"]] > 1:
            section = prefix + doc["location"][len(prefix):].split("/")[0] + "/"
            if section in pages and section != doc["location"]:
                doc = {**doc, "title": f"{doc['title']} – {pages[section]['title']}"}
        result.append(doc)
    return result


def no_duplicates(docs_structure: str, fallback_to_default: bool) -> bool:
    """Whether mkdocs-static-i18n's search deduplication can find nothing. It drops a language's
    entry that equals a default-language entry at the same path, which happens when a missing
    translation falls back to the default language's page. With one folder per language and no
    fallback, every entry comes from its own language's page; an identical one (text written the same
    in both languages) belongs in both indexes. The check compares every entry of the default
    language with every other one: seconds on a large course (5.7 s at 1,160 pages)."""
    return docs_structure == "folder" and not fallback_to_default


def stub(index: dict) -> dict:
    """What every page's own script loads: the settings, without any language's documents."""
    return {"config": index["config"], "docs": []}


def as_json(data: dict) -> str:
    """Compact JSON, exactly as Material writes its index."""
    return json.dumps(data, separators=(",", ":"), default=str)


def as_script(data: dict) -> str:
    """The index as a script for file:// pages, where nothing can be fetched (Material's format)."""
    return f"var __index = {as_json(data)}"
