"""The site's languages as mkdocs-static-i18n is configured with them in mkdocs.yml, the one place
they are named (`site_languages`, or `project_languages` outside a build); what it is building (it
builds the site once per language, the default one first, the others from its on_post_build); and
each page's address in every language for the language switcher (overrides/partials/alternate.html
and the hidden list in overrides/main.html that language.js reads after instant navigation)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.utils import normalize_url
from mkdocs.utils.yaml import yaml_load

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

PROJECT = Path(__file__).resolve().parents[2]
_loaded: dict[str, SiteLanguages] = {}  # by mkdocs.yml's absolute path


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


@dataclass(frozen=True)
class SiteLanguages:
    """The languages the i18n plugin is configured with (source first) and the translations the
    project declares partial (`extra.partial_translations`): their missing pages fall back to the
    source page, and the parity check warns about them instead of failing."""

    source: str
    all: tuple[str, ...]
    partial: frozenset[str] = frozenset()

    @property
    def translations(self) -> tuple[str, ...]:
        """Every language but the source."""
        return tuple(language for language in self.all if language != self.source)

    def folder(self, language: str) -> str:
        """Where `language`'s pages sit in the built site: the source language at the root."""
        return "" if language == self.source else f"{language}/"


def site_languages(config: MkDocsConfig) -> SiteLanguages:
    """The site's languages, from the i18n plugin's configuration as MkDocs loaded it."""
    entries = [{"locale": item.locale, "default": item.default} for item in config.plugins["i18n"].config.languages]
    languages = _from_entries(entries, config.extra)
    if config.config_file_path:  # what project_languages answers for this mkdocs.yml from now on
        _loaded[os.path.abspath(config.config_file_path)] = languages
    return languages


def project_languages(config_file: Path = PROJECT / "mkdocs.yml") -> SiteLanguages:
    """The site's languages read from mkdocs.yml itself, for scripts and tests that run no build
    (in a build, the languages the build loaded from it: parsing it again costs time)."""
    key = os.path.abspath(config_file)
    if key not in _loaded:
        _loaded[key] = _project_languages(Path(key).resolve())
    return _loaded[key]


def languages_for(docs: Path) -> SiteLanguages:
    """The languages of the project whose docs folder is `docs` (the mkdocs.yml beside it; this
    project's for a folder without one, such as a test's): the check commands' languages."""
    config_file = Path(docs).resolve().parent / "mkdocs.yml"
    return project_languages(config_file) if config_file.is_file() else project_languages()


def _project_languages(config_file: Path) -> SiteLanguages:
    with config_file.open(encoding="utf-8") as handle:
        data = yaml_load(handle)
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return _from_entries(plugin["i18n"].get("languages") or [], data.get("extra") or {})
    raise ValueError(f"{config_file}: the i18n plugin (mkdocs-static-i18n) is not configured")


def _from_entries(entries: list[dict], extra: dict) -> SiteLanguages:
    locales = [str(entry["locale"]) for entry in entries if entry.get("locale") not in (None, "null")]
    source = next((str(entry["locale"]) for entry in entries if entry.get("default")), locales[0])
    ordered = (source, *(locale for locale in locales if locale != source))
    partial = frozenset(extra.get("partial_translations") or ())
    if not partial <= set(ordered[1:]):
        raise PluginError(f"extra.partial_translations: {', '.join(sorted(partial - set(ordered[1:])))} is not one of "
                          f"the translations configured in the i18n plugin ({', '.join(ordered[1:])})")
    return SiteLanguages(source, ordered, partial)
