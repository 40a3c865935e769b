"""A fast edit loop in `mkdocs serve`: a save that touches pages of one language rebuilds that
language only (course/edit_loop.py decides); anything else rebuilds every language."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs import utils
from mkdocs.plugins import CombinedEvent, event_priority

from course import edit_loop, events
from course.languages import site_languages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

SITEMAP = "sitemap.xml"
_sitemaps: dict[Path, bytes] = {}
# Keep the other languages' files: MkDocs cleans the site folder at the start of each build.
_clean_directory = utils.clean_directory


def on_startup(command: str, dirty: bool) -> None:
    """Allow partial rebuilds under `mkdocs serve` only."""
    if command == "serve":
        edit_loop.serving()


@event_priority(events.FIRST)  # before the i18n plugin (-100) sets up the language it builds
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """At the start of a build: build one language alone when only its pages changed."""
    i18n = config.plugins["i18n"]
    if i18n.current_language is not None or i18n.building:
        return config  # a later language of a full build
    language = edit_loop.plan(config, site_languages(config), i18n.build_languages)
    if language is not None:
        i18n.current_language = language  # built at its own address, with the others' files kept
        utils.clean_directory = lambda directory: None
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """A one-language build keeps the sitemap, which lists every language's pages (only adding or
    removing a page changes it, and that rebuilds everything)."""
    global _sitemaps
    if edit_loop.only_language() is not None:
        site = Path(config.site_dir)
        _sitemaps = {path: path.read_bytes() for path in (site / SITEMAP, site / f"{SITEMAP}.gz") if path.is_file()}


@event_priority(events.LANGUAGE_BUILT)  # before the i18n plugin builds the next language
def _no_other_language(config: MkDocsConfig) -> None:
    """The language is built: switch the others' builds off, the switch LANG_ONLY (build_only_locale)
    throws, so the plugin builds none of them and ends the build as after the last language. Not
    earlier: the build flags also decide the language switcher's links."""
    only = edit_loop.only_language()
    if only is not None:
        for language in config.plugins["i18n"].config.languages:
            language.build = language.locale == only


@event_priority(events.AFTER_I18N)  # before the hooks that finish the site (AFTER_ALL_LANGUAGES)
def _restore(config: MkDocsConfig) -> None:
    """After a one-language build: clean the site folder again on the next build, and put back the
    sitemap of every language."""
    if edit_loop.only_language() is not None:
        utils.clean_directory = _clean_directory
        for path, data in _sitemaps.items():
            path.write_bytes(data)


on_post_build = CombinedEvent(_no_other_language, _restore)


def on_build_error(error: Exception) -> None:
    """A failed build leaves no partial-build state behind."""
    utils.clean_directory = _clean_directory
    edit_loop.finished()
