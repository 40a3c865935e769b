"""A page's HTML does not grow with the course: the navigation lists the open module's pages only
(Material's navigation.prune), and the interface wording and the course map live in one file per
language that every page of the language loads (and a browser caches), not inline in every page."""
from __future__ import annotations

import re
from urllib.parse import urljoin

from conftest import ROOT
from course.data import ui
from course.languages import project_languages
from course.shared_words import page_data
from html_tools import built_path, language_data, nav_pages

PAGES = nav_pages(ROOT / "mkdocs.yml")
LANGUAGES = project_languages().all
SOURCE = project_languages().source
LESSON = "how/eight-levers.md"


def _primary_nav(html: str) -> str:
    return html[html.index("md-sidebar--primary"):html.index("md-sidebar--secondary")]


def test_the_navigation_lists_the_pages_of_the_open_module_and_one_link_per_other_module(site):
    for language in LANGUAGES:
        nav = _primary_nav(built_path(site["dir"], LESSON, language).read_text(encoding="utf-8"))
        links = re.findall(r'<a href="([^"]+)" class="md-nav__link', nav)
        prefix = "" if language == SOURCE else f"{language}/"
        here = f"http://site/{prefix}{LESSON[:-3]}/"
        targets = [urljoin(here, link).removeprefix("http://site/") for link in links]
        own = sorted({page[:-3] for page in PAGES if page.startswith("how/")} - {"how/index", "how/eight-levers"})
        assert [page for page in own if f"{prefix}{page}/" not in targets] == [], f"{language}: own module incomplete"
        modules = {page.split("/")[0] for page in PAGES if "/" in page} - {"how"}
        for module in modules:
            into = [t for t in targets if t.startswith(f"{prefix}{module}/")]
            assert len(into) <= 1, f"{language}: {len(into)} links into {module}/ on a page of how/"


def test_wording_and_course_map_come_from_one_file_per_language(site):
    for language in LANGUAGES:
        files = set()
        for page in PAGES:
            path = built_path(site["dir"], page, language)
            html = path.read_text(encoding="utf-8")
            assert not re.search(r'id="course-(ui|map|words)"', html), path
            file, data = language_data(path)
            files.add(file)
        assert len(files) == 1, f"{language}: pages load {len(files)} different data files"
        assert re.fullmatch(rf"language-data\.{language}\.[0-9a-f]{{10}}\.js", file.name)
        assert data["lang"] == language and data["ui"] == ui(language)
        assert data["words"] == page_data(project_languages())
        assert [module["id"] for module in data["modules"]][:3] == ["start", "introduction", "why"]
        not_found = site["dir"] / ("404.html" if language == SOURCE else f"{language}/404.html")
        assert f'<script src="/assets/js/{file.name}"' in not_found.read_text(encoding="utf-8")
