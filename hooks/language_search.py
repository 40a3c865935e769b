"""Search per language: each language gets its own index, searched by a worker that matches word forms."""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.plugins import event_priority

from course import events
from mkdocs.utils import get_relative_url

from course import edit_loop, offline, search_index
from course.languages import all_built, building, default_language

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

# Material's page settings (its template's "config" block), read by its script; "search" there is
# the address of the search worker.
CONFIG_START, CONFIG_END = '<script id="__config" type="application/json">', "</script>"


def on_config(config: MkDocsConfig) -> None:
    """Skip mkdocs-static-i18n's search deduplication where no page can be a duplicate (course/search_index.py)."""
    i18n = config.plugins["i18n"]
    if search_index.no_duplicates(i18n.config.docs_structure, i18n.config.fallback_to_default):
        i18n.reconfigure_search_duplicates = _keep_every_entry


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Give the templates the filter that points search at our worker (overrides/main.html)."""
    language = _language(config, building(config))
    env.filters["course_search_worker"] = lambda block: Markup(_point_search(str(block), language))
    return env


@event_priority(events.AFTER_ALL_LANGUAGES)
def on_post_build(config: MkDocsConfig) -> None:
    """Once every language is built, split the merged index into one per language and a stub
    (after a one-language rebuild in mkdocs serve, that language's index only)."""
    if not all_built(config):
        return
    site = Path(config.site_dir)
    if not (site / search_index.STUB).is_file():  # search switched off
        return
    merged = json.loads((site / search_index.STUB).read_text(encoding="utf-8"))
    files = {search_index.STUB: search_index.stub(merged)}
    rebuilt = edit_loop.only_language()
    for language, index in search_index.split(merged, _languages(config)).items():
        if rebuilt in (None, language.locale):
            files[language.index] = index
    for path, data in files.items():
        _write(site / path, search_index.as_json(data))
        if offline.enabled(config):
            # Material's offline plugin wrote search_index.js from the merged index; replace it too.
            _write((site / path).with_suffix(".js"), search_index.as_script(data))


def _keep_every_entry(entries: list) -> None:
    """The plugin's deduplication, when it has nothing to find: every entry stays."""


def _point_search(html: str, language: search_index.Language) -> str:
    start = html.find(CONFIG_START)
    if start < 0:
        return html
    start += len(CONFIG_START)
    end = html.index(CONFIG_END, start)
    return html[:start] + _with_worker(html[start:end], language) + html[end:]


@functools.lru_cache(maxsize=64)  # pages at the same depth have the same settings
def _with_worker(settings: str, language: search_index.Language) -> str:
    data = json.loads(settings)
    material_worker = data["search"]
    folder, _, name = material_worker.rpartition("/")
    index = get_relative_url(language.index, search_index.WORKER).removesuffix(".json")
    worker = search_index.WORKER.rpartition("/")[2]
    data["search"] = f"{folder}/{worker}?{urlencode({'worker': name, 'index': index})}"
    return str(htmlsafe_json_dumps(data))


def _languages(config: MkDocsConfig) -> list[search_index.Language]:
    return search_index.languages(config.plugins["i18n"].config.languages, default_language(config))


def _language(config: MkDocsConfig, locale: str) -> search_index.Language:
    return next(language for language in _languages(config) if language.locale == locale)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
