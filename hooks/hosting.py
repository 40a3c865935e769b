"""Hosting: a 404 page per language (404.html in English, nl/404.html in Dutch) for web servers."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course import events
from course.data import DataError, ui
from course.languages import all_built, building, default_language, switcher_links

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

NOT_FOUND = "404.html"
# The i18n plugin renders 404.html once per language into the same file, so the last language
# built wins; the page of each language is kept here and written to its own folder at the end.
_pages: dict[str, str] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    """Forget the 404 pages of an earlier build (mkdocs serve rebuilds in one process)."""
    if building(config) == default_language(config):
        _pages.clear()


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """Give the 404 page the interface wording in the language being built, and the switcher the
    home page of each language."""
    if template_name == NOT_FOUND:
        try:
            language = building(config)
            context["course_ui"] = ui(language)
            context["course_alternates"] = switcher_links(config, {}, base=context["base_url"])
        except DataError as error:
            raise PluginError(str(error)) from None
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Keep the 404 page of the language being built."""
    if template_name == NOT_FOUND:
        _pages[building(config)] = output
    return output


@event_priority(events.AFTER_ALL_LANGUAGES)
def on_post_build(config: MkDocsConfig) -> None:
    """Write 404.html for the default language and <lang>/404.html for every other language."""
    if not all_built(config):
        return
    site = Path(config.site_dir)
    for language, html in _pages.items():
        folder = site if language == default_language(config) else site / language
        folder.mkdir(parents=True, exist_ok=True)
        (folder / NOT_FOUND).write_text(html, encoding="utf-8")

