"""Module self-checks: render data/selfchecks/<module>.yml into pages with `generate: self-check`."""
from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course import events
from course.data import loaded, ui
from course.languages import site_languages
from course.render import append, page_language, render
from course.selfchecks import SelfCheck, load_self_checks

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

_checks: dict[str, SelfCheck] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    """Load and validate every self-check once per language build."""
    global _checks
    _checks = loaded("Self-checks", load_self_checks, languages=site_languages(config).all)


@event_priority(events.AFTER_SEARCH)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Append the module's questions to its self-check page."""
    if page.meta.get("generate") != "self-check":
        return context
    module = page.meta.get("module")
    if module not in _checks:
        raise PluginError(f"{page.file.src_uri}: no self-check data for module '{module}' "
                          f"(expected data/selfchecks/{module}.yml)")
    language = page_language(page)
    fragment = render(config, "self-check.html", check=_checks[module], lang=language, t=ui(language))
    page.content = append(page.content, fragment)
    return context
