"""Translation parity in the build: report missing or mismatched pages, flag outdated translations;
the language switcher's links."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from course import edit_loop, parity
from course.languages import building, switcher_links
from course.render import AFTER_SEARCH, insert_after_title, page_language, render
from course.settings import DataError, ui

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
    if building(config) == parity.SOURCE_LANGUAGE or edit_loop.only_language() is not None:
        for finding in parity.check(Path(config.docs_dir)):
            (log.warning if finding.severity == "error" else log.info)(str(finding))
    return files


@event_priority(AFTER_SEARCH)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Give the switcher this page in every language; put a notice at the top of a translation
    whose English source has changed since."""
    alternates = getattr(page.file, "alternates", {})
    context["course_alternates"] = switcher_links(config, alternates, page=page)
    language = page_language(page)
    source_file = alternates.get(parity.SOURCE_LANGUAGE)
    if language == parity.SOURCE_LANGUAGE or source_file is None:
        return context
    if not parity.outdated(Path(source_file.abs_src_path), page.meta):
        return context
    try:
        notice = render(config, "outdated-translation.html", t=ui(language),
                        source_url=get_relative_url(source_file.url, page.url))
    except DataError as error:
        raise PluginError(str(error)) from None
    page.content = insert_after_title(page.content, notice)
    return context

