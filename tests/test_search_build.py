"""The built search: one index per language holding only that language's pages, a stub for what
Material loads on every page, and every page's search pointed at its own language's index."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

from conftest import build_site, copy_project
from course.search_index import Language, split
from search_tools import INDEX, read_index

CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)


def _pages(index: dict) -> set[str]:
    return {doc["location"].split("#")[0] for doc in index["docs"]}


def test_each_language_has_its_own_index_with_only_its_own_pages(site):
    english, dutch = read_index(site["dir"], "en"), read_index(site["dir"], "nl")
    assert english["config"]["lang"] == ["en"] and dutch["config"]["lang"] == ["nl"]
    # Word forms need the stemmer in the index pipeline (the worker keeps the written word too).
    assert "stemmer" in english["config"]["pipeline"] and "stemmer" in dutch["config"]["pipeline"]
    assert not [page for page in _pages(english) if page.startswith("nl/")]
    assert all(page.startswith("nl/") for page in _pages(dutch))
    # The same pages in both languages, and the lessons among them.
    assert {page.removeprefix("nl/") for page in _pages(dutch)} == _pages(english)
    assert {"", "how/eight-levers/", "about/glossary/"} <= _pages(english)
    titles = {doc["location"]: doc["title"] for doc in dutch["docs"]}
    assert titles["nl/how/eight-levers/"] == "De acht hefbomen"


def test_the_index_every_page_loads_is_a_stub_without_documents(site):
    stub = json.loads((site["dir"] / "search/search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == []


def test_every_page_points_its_search_at_its_own_language(site):
    root = site["dir"]
    pages = [path for path in root.rglob("*.html") if path.name != "404.html"]
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        language = re.search(r'<html lang="(\w+)"', html)[1]
        worker_url = urljoin(path.as_uri(), json.loads(CONFIG.search(html)[1])["search"]).removeprefix("file://")
        worker_file, query = urlsplit(worker_url).path, parse_qs(urlsplit(worker_url).query)
        assert worker_file.endswith("/assets/javascripts/workers/course-search.js"), path
        assert Path(urljoin(worker_file, query["worker"][0])).is_file(), path
        index = Path(urljoin(worker_file, query["index"][0]) + ".json")
        assert index == root / INDEX[language], f"{path} searches {index}"


def test_the_404_pages_search_their_own_language(site):
    for folder, language in ((site["dir"], "en"), (site["dir"] / "nl", "nl")):
        settings = json.loads(CONFIG.search((folder / "404.html").read_text(encoding="utf-8"))[1])
        index = parse_qs(urlsplit(settings["search"]).query)["index"][0]
        assert index == f"../../../{INDEX[language].removesuffix('.json')}"



def test_split_gives_each_language_its_documents_settings_and_stemmer():
    english, dutch = Language("en", ""), Language("nl", "nl/")
    merged = {"config": {"lang": ["en", "nl"], "pipeline": ["stopWordFilter"], "separator": "[\\s]+"},
              "docs": [{"location": "", "title": "Home"}, {"location": "nl/", "title": "Start"},
                       {"location": "how/#levers", "title": "Levers"}, {"location": "nl/how/", "title": "Hoe"}]}
    indexes = split(merged, [english, dutch])
    assert [doc["title"] for doc in indexes[english]["docs"]] == ["Home", "Levers"]
    assert [doc["title"] for doc in indexes[dutch]["docs"]] == ["Start", "Hoe"]
    assert indexes[dutch]["config"] == {"lang": ["nl"], "pipeline": ["trimmer", "stopWordFilter", "stemmer"],
                                        "separator": "[\\s]+"}
    assert english.index == "search/search_index.en.json" and dutch.index == "nl/search/search_index.nl.json"


def test_forms_and_buttons_stay_out_of_search_while_their_pages_are_found(site):
    """Readers search the course text; the fields, buttons and questions the build adds to a page
    would only repeat themselves on dozens of results."""
    from course.selfchecks import load_self_checks
    from course.data import ui
    from course.worksheet import load_prompts

    checks, prompts = load_self_checks(), load_prompts()
    for language in ("en", "nl"):
        index = read_index(site["dir"], language)
        text = " ".join(f"{doc['title']} {doc['text']}" for doc in index["docs"])
        wording = ui(language)
        for key in ("done_mark", "selfcheck_check", "test_print", "continue_title"):
            assert wording[key] not in text, (language, key)
        assert checks["why"].questions[0].text[language] not in text
        assert all(prompt.help[language] not in text for prompt in prompts.values())
        prefix = "" if language == "en" else "nl/"
        assert {f"{prefix}why/self-check/", f"{prefix}introduction/vision/"} <= _pages(index)


def test_skipping_the_plugins_deduplication_leaves_every_index_unchanged(site, tmp_path):
    """The build skips mkdocs-static-i18n's deduplication of search entries (seconds on a large course);
    a build that runs it gives the same indexes."""
    project = copy_project(tmp_path / "project")
    hook = project / "hooks" / "language_search.py"
    skip = "i18n.reconfigure_search_duplicates = _keep_every_entry"
    assert skip in hook.read_text(encoding="utf-8")
    hook.write_text(hook.read_text(encoding="utf-8").replace(skip, "pass"), encoding="utf-8")
    build_site(tmp_path / "site", site["url"], project=project)
    for language in INDEX:
        assert read_index(tmp_path / "site", language) == read_index(site["dir"], language), language
