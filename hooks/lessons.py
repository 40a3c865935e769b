"""Course pages: check the authoring rules, add the glossary's abbreviations, show reading time."""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course import events
from course.content import authoring_rules, check_page, reading_minutes, unknown_keys
from course.data import DATA, DataError, ui
from course.file_cache import per_version
from course.languages import site_languages
from course.pages import shown, source_of
from course.render import insert_after_title, page_language, render, text_language

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.lessons")
# the glossary files use Markdown's own abbreviation syntax: *[HR]: Human Resources
ABBREVIATION = re.compile(r"\*\[([^\]]+)\]:[ \t]*(.*?)\s*$")


def on_pre_build(config: MkDocsConfig) -> None:
    """Check the authoring rules against the site's languages before any page is checked."""
    authoring_rules(site_languages(config).all)


@event_priority(events.BEFORE_PROTECTION)  # an unknown key is the first thing to tell the author
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> None:
    """Report broken authoring rules by file and line; give the page the glossary's abbreviations."""
    language = text_language(page)
    source = Path(page.file.abs_src_path)
    where = shown(source, config.config_file_path)
    unknown = unknown_keys(source_of(source, body=False))
    if unknown:  # stop at once, whatever the strictness: a misspelt key may unprotect a page
        raise PluginError("\n".join(f"{where}:{line}: {problem}" for line, problem in unknown))
    for line, problem in check_page(source_of(source), language):
        log.warning(f"{where}:{line}: {problem}")
    if "title" in page.meta:
        # the theme's templates write titles as they are (MkDocs has no autoescape): escaped once
        # here as Markup, a title shows as written in the head, header, navigation and footer,
        # and templates that escape it themselves (`| e`, autoescaped fragments) leave it alone
        page.meta["title"] = escape(str(page.meta["title"]))
    # MkDocs builds each page's Markdown converter from mdx_configs right after this event
    config.mdx_configs["abbr"] = {"glossary": _abbreviations(language, markdown)}


@event_priority(events.AFTER_SEARCH)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Give the templates the interface wording (the browser's is in hooks/language_data.py); show a lesson's reading time under its title."""
    language = page_language(page)
    try:
        wording = ui(language)
    except DataError as error:
        raise PluginError(str(error)) from None
    context["course_ui"] = wording
    if page.meta.get("kind") == "lesson":
        minutes = reading_minutes(source_of(Path(page.file.abs_src_path)), text_language(page))
        text = wording["reading_time"].format(minutes=minutes)
        page.content = insert_after_title(page.content, render(config, "reading-time.html", text=text))
    return context


def _abbreviations(language: str, markdown: str) -> dict[str, str]:
    """The glossary's abbreviations that the page uses, for the abbr extension's `glossary` option
    (given all of them, it would look for every one in every page)."""
    try:
        glossary = _glossary(DATA / f"abbreviations.{language}.md")
    except FileNotFoundError:  # a language without a glossary (its version lookup found no file)
        return {}
    return {term: title for term, title in glossary if term in markdown}


@per_version
def _glossary(path: Path) -> list[tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(match[1], match[2]) for line in lines if (match := ABBREVIATION.match(line))]
