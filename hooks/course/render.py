"""Render Jinja fragments from overrides/fragments (autoescaped, strict) and place them in a page."""
from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2 import Environment, StrictUndefined
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from course import template_code

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_environments: dict[int, Environment] = {}
_json: dict[str, tuple[object, Markup]] = {}


def render(config: MkDocsConfig, name: str, **context: object) -> str:
    """Render `fragments/<name>` from the theme; every value is HTML-escaped unless marked safe."""
    key = id(config.theme)
    if key not in _environments:
        # optimized=False: Jinja's optimizer folds constant expressions, which fragments hardly have;
        # skipping it makes compiling them (once per build process) about a tenth faster
        _environments[key] = config.theme.get_env().overlay(undefined=StrictUndefined, autoescape=True,
                                                            optimized=False,
                                                            bytecode_cache=template_code.shared)
    return _environments[key].get_template(f"fragments/{name}").render(**context)


def script_json(name: str, value: object) -> Markup:
    """`value` as JSON for a <script type="application/json"> (as Jinja's tojson writes it), made
    once for as long as `name` refers to the same object: most pages carry the same data."""
    cached = _json.get(name)
    if cached is None or cached[0] is not value:
        cached = _json[name] = (value, htmlsafe_json_dumps(value, sort_keys=True))
    return cached[1]


def page_language(page: object) -> str:
    """The reader's language: the one whose build the page belongs to (mkdocs-static-i18n)."""
    return page.file.locale_alternate_of


def text_language(page: object) -> str:
    """The language the page is written in: the source language's for a page missing in the
    reader's language, which mkdocs-static-i18n shows in its place."""
    return page.file.locale


def is_fallback(page: object) -> bool:
    """True for a source-language page shown because the reader's language has no version of it."""
    return text_language(page) != page_language(page)


def insert_after_title(html: str, fragment: str) -> str:
    """Insert a fragment right after the page's level-1 heading (at the top when it has none)."""
    head, title_end, rest = html.partition("</h1>")
    return f"{head}{title_end}\n{fragment}{rest}" if title_end else f"{fragment}\n{html}"


def insert_before_first_section(html: str, fragment: str) -> str:
    """Insert a fragment before the page's first level-2 heading (at the end when it has none)."""
    head, heading, rest = html.partition("<h2")
    return f"{head}{fragment}\n{heading}{rest}" if heading else append(html, fragment)


def append(html: str, fragment: str) -> str:
    """Add a fragment at the end of the page's content."""
    return f"{html}\n{fragment}\n"
