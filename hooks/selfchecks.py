"""Module self-checks: render data/selfchecks/<module>.yml into pages with `generate: self-check`."""
from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from course.render import page_language, render
from course.selfchecks import SelfCheck, load_self_checks
from course.settings import loaded, ui

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_checks: dict[str, SelfCheck] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    """Load and validate every self-check once per language build."""
    global _checks
    _checks = loaded("Self-checks", load_self_checks)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Append the module's questions to its self-check page, after Markdown (it is HTML already)."""
    if page.meta.get("generate") != "self-check":
        return html
    module = page.meta.get("module")
    if module not in _checks:
        raise PluginError(f"{page.file.src_uri}: no self-check data for module '{module}' "
                          f"(expected data/selfchecks/{module}.yml)")
    language = page_language(page)
    fragment = render(config, "self-check.html", check=_checks[module], lang=language, t=ui(language))
    return f"{html}\n{fragment}\n"
