"""Course pages: check the authoring rules, show reading time, add the glossary's abbreviations."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from course.content import check_page, reading_minutes
from course.pages import PageError, read_page
from course.render import insert_after_title, page_language, render
from course.settings import DATA, DataError, ui

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.lessons")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Report broken authoring rules by file and line; add reading time and abbreviations."""
    language = page_language(page)
    source = Path(page.file.abs_src_path)
    try:
        parsed = read_page(source)
    except PageError as error:
        raise PluginError(str(error)) from None
    shown = _shown(source, config)
    for line, problem in check_page(parsed, language):
        log.warning(f"{shown}:{line}: {problem}")
    if page.meta.get("kind") == "lesson":
        try:
            text = ui(language)["reading_time"].format(minutes=reading_minutes(parsed, language))
        except DataError as error:
            raise PluginError(str(error)) from None
        markdown = insert_after_title(markdown, render(config, "reading-time.html", text=text))
    return f"{markdown}\n\n{_abbreviations(language)}"


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Give the page template the interface wording in the page's language."""
    context["course_ui"] = ui(page_language(page))
    return context


def _abbreviations(language: str) -> str:
    path = DATA / f"abbreviations.{language}.md"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _shown(source: Path, config: MkDocsConfig) -> str:
    root = Path(config.config_file_path).parent
    try:
        return str(source.relative_to(root))
    except ValueError:
        return str(source)
