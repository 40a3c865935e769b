"""Protected pages: encrypt the rendered page with the build's password, or leave it out."""
from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc

from course.protect import Key, derive_key, seal
from course.render import page_language, render
from course.settings import DataError, ui

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.protected")
PASSWORD_VARIABLE = "COURSE_PROTECTED_PASSWORD"
# One salt and key per process: PBKDF2 at 600,000 rounds is slow on purpose, and one key lets a
# reader open every protected page of the site with one password entry.
_keys: dict[str, Key] = {}


@event_priority(-90)  # after other hooks changed the page's HTML, before search indexes it
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace a protected page's content with its ciphertext and a password form, or a notice."""
    protected = page.meta.get("protected", False)
    if not isinstance(protected, bool):
        # a typo must not publish a page its author believes protected
        raise PluginError(f"{_shown(page, config)}: front matter 'protected' must be true or false")
    if not protected:
        return html
    # Headings are page text: no table of contents, and no search entries for this page.
    page.toc = get_toc([])
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    language = page_language(page)
    try:
        wording = ui(language)
    except DataError as error:
        raise PluginError(str(error)) from None
    password = os.environ.get(PASSWORD_VARIABLE, "")
    if not password:
        log.info(f"{_shown(page, config)}: protected page left out of this build; set "
                 f"{PASSWORD_VARIABLE} when building to include it, encrypted")
        return render(config, "protected-left-out.html", t=wording, title=page.title)
    if password not in _keys:
        _keys[password] = derive_key(password)
    sealed = seal(html, _keys[password])
    return render(config, "protected.html", t=wording, title=page.title, sealed=sealed.encoded())


def _shown(page: Page, config: MkDocsConfig) -> str:
    return os.path.relpath(page.file.abs_src_path, os.path.dirname(config.config_file_path))
