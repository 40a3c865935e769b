"""Translation parity in the build: report missing or mismatched pages, flag outdated translations
and pages shown in the source language for want of a translation; the language switcher's links."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from course import edit_loop, events, parity
from course.data import DataError, ui
from course.languages import building, site_languages, switcher_links
from course.render import insert_after_title, is_fallback, page_language, render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.translations")
# We fix the switcher after instant navigation ourselves (overrides/assets/js/language.js).
INSTANT_WARNING = "language switcher contextual link is not compatible"


def on_startup(command: str, dirty: bool) -> None:
    """Silence the i18n plugin's instant-navigation warning, which language.js resolves."""
    logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(
        lambda record: INSTANT_WARNING not in record.getMessage())


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Check parity once, while the source language is built (or the one language `mkdocs serve`
    rebuilds); problems fail a strict build."""
    languages = site_languages(config)
    if building(config) == languages.source or edit_loop.only_language() is not None:
        for finding in parity.check(Path(config.docs_dir), languages):
            (log.warning if finding.severity == "error" else log.info)(str(finding))
    return files


@event_priority(events.AFTER_SEARCH)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Give the switcher this page in every language; put a notice at the top of a translation
    whose source page has changed since, or of a source page shown for want of a translation."""
    alternates = getattr(page.file, "alternates", {})
    context["course_alternates"] = switcher_links(config, alternates, page=page)
    language, source = page_language(page), site_languages(config).source
    if is_fallback(page):
        text = _render(config, "source-language-text.html", language, source_lang=source, content=Markup(page.content))
        notice = _render(config, "untranslated-page.html", language, reader_lang=language)
        page.content = insert_after_title(text, notice)
        return context
    source_file = alternates.get(source)
    if language == source or source_file is None:
        return context
    if not parity.outdated(Path(source_file.abs_src_path), page.meta):
        return context
    notice = _render(config, "outdated-translation.html", language, source_lang=source,
                     source_url=get_relative_url(source_file.url, page.url))
    page.content = insert_after_title(page.content, notice)
    return context


def _render(config: MkDocsConfig, fragment: str, language: str, **context: object) -> str:
    try:
        return render(config, fragment, t=ui(language), **context)
    except DataError as error:
        raise PluginError(str(error)) from None

