"""Per-language data for the browser code: the interface wording (data/ui.yml), the words build and
browser share (hooks/course/shared_words.py) and the course map (modules and their pages, for
progress ticks and "continue"; the "Your data" page, for the restore offer) in one script file per
language, assets/js/language-data.<locale>.<hash>.js, that the browser caches, instead of inline in every
page: a page's HTML does not grow with the course. A classic <script src> that sets a global,
because the offline zip opens pages from file://, where nothing can be fetched; in the page's
content, because Material runs the content's scripts again after instant navigation (and waits for
them before it announces the new page)."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url, normalize_url

from course import events
from course.data import DataError, ui
from course.languages import building, site_languages
from course.learner_pages import course_modules
from course.render import page_language
from course.shared_words import page_data

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

NOT_FOUND = "404.html"
GLOBAL = "CourseLanguageData"  # read by the browser's wording and progress modules
_state: dict = {}


@event_priority(events.AFTER_I18N)  # the titles translated
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Remember this language's navigation; its data is made when a page first needs it."""
    _state.update(nav=nav, file=None, languages=site_languages(config))
    return nav


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Give the page the address of its language's data file, relative to the page."""
    context["course_language_data"] = get_relative_url(_file(page_language(page))[0], page.url)
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The 404 page is served at any depth: its address of the data file starts from site_url."""
    if template_name == NOT_FOUND:
        context["course_language_data"] = normalize_url(_file(building(config))[0], base=context["base_url"])
    return context


@event_priority(events.LANGUAGE_BUILT)
def on_post_build(config: MkDocsConfig) -> None:
    """Write the data file of the language just built."""
    if _state.get("file"):
        path, text = _state["file"]
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _your_data(nav: Navigation) -> str | None:
    """The address of the language's "Your data" page from the site's root: the restore offer links there."""
    return next((page.url for page in nav.pages if page.meta.get("generate") == "your-data"), None)


def _file(language: str) -> tuple[str, str]:
    """(path in the site, script text) of the language's data file, made once per language build.
    The name carries a hash of the content, so a browser may keep it until the content changes."""
    if _state["file"] is None:
        try:
            data = {"lang": language, "ui": ui(language), "words": page_data(_state["languages"]),
                    "modules": course_modules(_state["nav"]), "your_data": _your_data(_state["nav"])}
        except DataError as error:
            raise PluginError(str(error)) from None
        # ASCII JSON (every other character escaped) is a JavaScript expression that no text can end
        value = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
        text = f"window.{GLOBAL} = {value};\n"
        digest = hashlib.sha256(text.encode()).hexdigest()[:10]
        _state["file"] = (f"assets/js/language-data.{language}.{digest}.js", text)
    return _state["file"]
