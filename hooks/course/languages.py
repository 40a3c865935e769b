"""What mkdocs-static-i18n is building (it builds the site once per language, the default one
first, the others from its on_post_build), and each page's address in every language for the
language switcher (overrides/partials/alternate.html and the hidden list in overrides/main.html
that language.js reads after instant navigation)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.utils import normalize_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def building(config: MkDocsConfig) -> str:
    """The language whose build is running."""
    i18n = config.plugins["i18n"]
    return i18n.current_language or i18n.default_language


def default_language(config: MkDocsConfig) -> str:
    """The language built first, at the site's root."""
    return config.plugins["i18n"].default_language


def all_built(config: MkDocsConfig) -> bool:
    """True in on_post_build once the last language is built (the site is complete)."""
    return not config.plugins["i18n"].building


def switcher_links(config: MkDocsConfig, files: dict, page: Page | None = None, base: str = "") -> dict[str, str]:
    """Each language's version of a page, as the theme's `url` filter writes it (relative to `page`,
    or under `base` for a page rendered without one); a language's home when it has no version.
    The plugin's own links are absolute from site_url, which breaks under another path. Empty when
    one language is built (LANG_ONLY): the plugin then sets no alternates and there is no switcher."""
    default = default_language(config)
    links = {}
    for alternate in config.extra.get("alternate", ()):
        language = alternate["lang"]
        target = files[language].url if language in files else ("" if language == default else f"{language}/")
        links[language] = normalize_url(target, page=page, base=base)
    return links
