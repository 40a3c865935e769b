"""Protected pages: encrypt the rendered page with the build's password, or leave it out."""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from mkdocs.structure.toc import get_toc

from course import events, protection
from course.data import DataError, ui
from course.languages import all_built, building, default_language
from course.pages import shown
from course.render import page_language, render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from course.protect import Key

log = logging.getLogger("mkdocs.hooks.protected")
PASSWORD_VARIABLE = "COURSE_PROTECTED_PASSWORD"
# One salt and key per process: PBKDF2 at 600,000 rounds is slow on purpose, and one key lets a
# reader open every protected page of the site with one password entry.
_keys: dict[str, Key] = {}
# per site build: the pages the previous build into the site folder protected, and this build's
_earlier: set[str] = set()
_protected_now: set[str] = set()


def on_pre_build(config: MkDocsConfig) -> None:
    """Read the previous build's list of protected pages before MkDocs cleans the site folder."""
    if building(config) == default_language(config):
        _earlier.clear()
        _earlier.update(protection.previous(Path(config.site_dir)))
        _protected_now.clear()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> None:
    """Check the `protected` flag and keep a protected page out of the search index."""
    protected = page.meta.get("protected", False)
    if not isinstance(protected, bool):
        # a typo must not publish a page its author believes protected
        raise PluginError(f"{_shown(page, config)}: front matter 'protected' must be true or false")
    # the page's path inside its language folder (a missing translation is read from the source's)
    name = Path(*Path(page.file.abs_src_path).relative_to(Path(config.docs_dir)).parts[1:]).as_posix()
    if protected:
        _protected_now.add(name)
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return
    # `protected: false` written out publishes a page the previous build protected, on purpose
    earlier = set() if page.meta.get("protected") is False else _earlier
    languages = [alternate["lang"] for alternate in config.extra.get("alternate", [])]
    declared = protection.required_by(name, Path(config.docs_dir), languages, earlier)
    if declared:
        raise PluginError(f"{_shown(page, config)}: protected in {declared}, but not here: add "
                          f"'protected: true' to its front matter, or 'protected: false' to publish "
                          f"a page that is no longer protected (and take it off protected_pages)")


@event_priority(events.SEAL_PAGE)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Replace a protected page's content with its ciphertext and a password form, or a notice."""
    if not page.meta.get("protected", False):
        return context
    page.toc = get_toc([])  # headings are page text too
    language = page_language(page)
    try:
        wording = ui(language)
    except DataError as error:
        raise PluginError(str(error)) from None
    password = os.environ.get(PASSWORD_VARIABLE, "")
    if not password:
        log.info(f"{_shown(page, config)}: protected page left out of this build; set "
                 f"{PASSWORD_VARIABLE} when building to include it, encrypted")
        page.content = render(config, "protected-left-out.html", t=wording, title=page.title)
        return context
    from course import protect  # imports cryptography: only when there is something to encrypt

    if password not in _keys:
        _keys[password] = protect.derive_key(password)
    sealed = protect.seal(page.content, _keys[password])
    page.content = render(config, "protected.html", t=wording, title=page.title, sealed=sealed.encoded())
    return context


@event_priority(events.AFTER_ALL_LANGUAGES)
def on_post_build(config: MkDocsConfig) -> None:
    """Write the list of pages this build protected into the site, for the next build to compare."""
    if all_built(config):
        protection.write_manifest(Path(config.site_dir), _protected_now)


def _shown(page: Page, config: MkDocsConfig) -> str:
    return shown(Path(page.file.abs_src_path), config.config_file_path)
