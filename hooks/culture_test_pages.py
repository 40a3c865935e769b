"""The Learning Culture test: render the item bank into pages with `generate: culture-test`."""
from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course import events
from course.data import ui
from course.item_bank import ItemBank, bank_for_browser, item_bank
from course.languages import site_languages
from course.render import append, page_language, render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

_bank: ItemBank | None = None
_forms: dict[str, Markup] = {}  # the rating form per language, the same for both attempts


def on_pre_build(config: MkDocsConfig) -> None:
    """Load and validate the item bank once per language build; a broken bank stops the build."""
    global _bank
    _bank = item_bank(site_languages(config).all)
    _forms.clear()


@event_priority(events.AFTER_SEARCH)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Append the test form and its results to the test pages."""
    if page.meta.get("generate") != "culture-test":
        return context
    attempt = page.meta.get("attempt")
    if attempt not in _bank.attempts:
        raise PluginError(f"{page.file.src_uri}: front matter 'attempt' must be one of {', '.join(_bank.attempts)}")
    language = page_language(page)
    if language not in _forms:
        # rendered with autoescaping like every fragment, so it can be placed as it is
        _forms[language] = Markup(render(config, "culture-test-form.html", bank=_bank, lang=language, t=ui(language)))
    fragment = render(config, "culture-test.html", form=_forms[language], attempt=attempt,
                      browser_bank=bank_for_browser(_bank, language))
    page.content = append(page.content, fragment)
    return context
