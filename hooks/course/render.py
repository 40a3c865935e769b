"""Render Jinja fragments from overrides/fragments with autoescaping and strict undefined."""
from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2 import Environment, StrictUndefined

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_environments: dict[int, Environment] = {}


def render(config: MkDocsConfig, name: str, **context: object) -> str:
    """Render `fragments/<name>` from the theme; every value is HTML-escaped unless marked safe."""
    key = id(config.theme)
    if key not in _environments:
        _environments[key] = config.theme.get_env().overlay(undefined=StrictUndefined, autoescape=True)
    html = _environments[key].get_template(f"fragments/{name}").render(**context)
    # Blank lines would end a raw-HTML block in Markdown; keep the fragment one block.
    return "\n".join(line for line in html.splitlines() if line.strip())


def page_language(page: object) -> str:
    """The page's language as set by mkdocs-static-i18n."""
    return getattr(page.file, "locale", None) or "en"


def insert_after_title(markdown: str, html: str) -> str:
    """Insert a block of HTML right after the page's level-1 heading."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: index + 1] + ["", html, ""] + lines[index + 1 :])
    return f"{html}\n\n{markdown}"
