"""One language built alone (LANG_ONLY=<locale>, mkdocs-static-i18n's build_only_locale), the fast
preview for authors: every configured language builds at the site's root with its own wording,
search index and 404 page, offers no switcher to languages that were not built, and its pages work
in the browser (mark as done, the tick in the navigation)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_site, free_port, serve
from course.data import ui
from html_tools import nav_pages, parse


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's !ENV and !!python/name values do not matter here."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
I18N = next(plugin["i18n"] for plugin in CONFIG["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
LANGUAGES = [language["locale"] for language in I18N["languages"]]
LESSON = "why/engagement-and-wellbeing/"


@pytest.fixture(scope="module", params=LANGUAGES)
def alone(request, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The course built with only one language, served at the address it was built for."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    directory = tmp_path_factory.mktemp(f"only-{request.param}")
    build_site(directory, url, extra_env={"LANG_ONLY": request.param})
    server = serve(directory, port)
    yield {"language": request.param, "dir": directory, "url": url}
    server.shutdown()


def _page(site: Path, page: str) -> Path:
    stem = page[: -len(".md")].removesuffix("index").rstrip("/")
    return site / stem / "index.html" if stem else site / "index.html"


def test_every_page_is_built_at_the_root_in_that_language_only(alone):
    site, language = alone["dir"], alone["language"]
    for page in nav_pages(ROOT / "mkdocs.yml"):
        path = _page(site, page)
        assert path.is_file(), f"{page} not built for {language}"
        html = parse(path)
        assert html.elements[0] == ("html", {"lang": language, "class": "no-js"}), path
        assert not [a for tag, a in html.elements if "md-select__link" in a.get("class", "")], \
            f"{path}: a language switcher, but only {language} was built"
    for other in set(LANGUAGES) - {language}:
        assert not (site / other).exists(), f"{other} was built too"
    assert parse(site / "404.html").elements[0][1]["lang"] == language
    assert (site / "search" / f"search_index.{language}.json").is_file()


def test_a_lesson_works_in_the_browser(alone, browser):
    wording = ui(alone["language"])
    context = browser.new_context()
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(alone["url"] + LESSON)
    tab.click("[data-done-button]")
    assert tab.locator("[data-done-status]").inner_text() == wording["done_saved"]
    link = tab.locator(f'.md-sidebar--primary a.md-nav__link[href$="{LESSON.split("/")[1]}/"]').first
    assert "course-nav--done" in link.get_attribute("class")
    tab.goto(alone["url"])  # the home page does not send the learner to a language that was not built
    assert tab.url == alone["url"]
    context.close()
    assert errors == []
