"""`mkdocs serve` rebuilds only the language an author changed. The i18n plugin builds every
language in turn; when the only files that changed since the last build are existing pages of one
language, the next build builds that language alone and leaves the others' files in place. Any
other change (hooks, data, overrides, mkdocs.yml, a page added or removed, pages of two languages,
an English edit that makes a translation outdated or up to date) rebuilds everything.

The state lives in this module, which stays loaded while mkdocs serve reloads the configuration
and the hooks for every rebuild."""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from course import parity
from course.languages import SiteLanguages
from course.pages import PageError, read_outline

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

Versions = dict[str, tuple[int, int]]

_serving = False
_versions: Versions | None = None      # every watched file's (mtime, size) when the last build started
_outdated: dict[str, bool] = {}        # each translation's "outdated" flag in the last build
_only: str | None = None               # the language being rebuilt alone, during such a build


def serving() -> None:
    """Called once when `mkdocs serve` starts: from now on, rebuilds may be partial."""
    global _serving
    _serving = True


def plan(config: MkDocsConfig, languages: SiteLanguages, built: list[str]) -> str | None:
    """At the start of a build: the one language to rebuild, or None to build every language
    (`built`: the languages a full build builds; with one, as under LANG_ONLY, there is no gain)."""
    global _versions, _outdated, _only
    _only = None
    if not _serving:
        return None  # `mkdocs build`: nothing to compare with, so nothing to look at
    previous, _versions = _versions, _watched_versions(config)
    outdated, _outdated = _outdated, _translation_flags(Path(config.docs_dir), languages)
    if previous is None:
        return None
    changed = {path for path in previous.keys() | _versions.keys() if previous.get(path) != _versions.get(path)}
    if not changed or not changed <= previous.keys() & _versions.keys():
        return None  # nothing to go by, or a file added or removed
    languages = {_language_of(Path(path), Path(config.docs_dir)) for path in changed}
    if len(languages) != 1 or None in languages or outdated != _outdated or len(built) < 2:
        return None
    if not languages <= set(built):
        return None
    _only = languages.pop()
    return _only


def only_language() -> str | None:
    """The language rebuilt alone in the running build; None when every language is built."""
    return _only


def finished() -> None:
    """The build failed: the next one decides afresh."""
    global _only
    _only = None


def _watched_versions(config: MkDocsConfig) -> Versions:
    versions: Versions = {}
    for root in (config.docs_dir, config.config_file_path, *config.watch):
        for path in _files(Path(root)):
            try:
                status = path.stat()
            except OSError:
                continue
            versions[str(path)] = (status.st_mtime_ns, status.st_size)
    return versions


def _files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    found: list[Path] = []
    for folder, folders, names in os.walk(root):
        folders[:] = [name for name in folders if name != "__pycache__"]
        found += [Path(folder) / name for name in names]
    return found


def _language_of(path: Path, docs: Path) -> str | None:
    """The language folder of a page under docs/, or None for any other file."""
    try:
        relative = path.relative_to(docs)
    except ValueError:
        return None
    return relative.parts[0] if len(relative.parts) > 1 and path.suffix == ".md" else None


def _translation_flags(docs: Path, languages: SiteLanguages) -> dict[str, bool]:
    """Whether each translation is outdated: a source edit that flips one changes its notice."""
    flags = {}
    source_dir = docs / languages.source
    for folder in (docs / language for language in languages.translations if (docs / language).is_dir()):
        for target in folder.rglob("*.md"):
            source = source_dir / target.relative_to(folder)
            try:
                flags[str(target)] = source.is_file() and parity.outdated(source, read_outline(target).meta)
            except (PageError, OSError):
                flags[str(target)] = True
    return flags
