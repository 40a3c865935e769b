"""Each page's address in every language, for the language switcher (overrides/partials/alternate.html
and the hidden list in overrides/main.html that language.js reads after instant navigation)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.utils import normalize_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def switcher_links(config: MkDocsConfig, files: dict, page: Page | None = None, base: str = "") -> dict[str, str]:
    """Each language's version of a page, as the theme's `url` filter writes it (relative to `page`,
    or under `base` for a page rendered without one); a language's home when it has no version.
    The plugin's own links are absolute from site_url, which breaks under another path."""
    default = config.plugins["i18n"].default_language
    links = {}
    for alternate in config.extra["alternate"]:
        language = alternate["lang"]
        target = files[language].url if language in files else ("" if language == default else f"{language}/")
        links[language] = normalize_url(target, page=page, base=base)
    return links
