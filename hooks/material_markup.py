"""Material markup that no template override reaches: the drawer and search toggles in base.html.

Material marks both checkboxes autocomplete="off", which HTML allows only on text-like inputs (the
Nu Html Checker reports it on every page). Material uses it so that Back or reload does not bring
back an open drawer or search; overrides/assets/js/toggles.js does that instead, so the attribute
is taken out of base.html's source as Jinja loads it: once per build, for every page and 404 page.
(Editing each finished page instead copied every page's HTML twice, a measurable part of the build.)"""
from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2.ext import Extension

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

TEMPLATE = "base.html"
TOGGLES = tuple(f'type="checkbox" id="__{name}" autocomplete="off"' for name in ("drawer", "search"))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Have Jinja load base.html without autocomplete on the two toggles."""
    env.add_extension(_ValidToggles)
    return env


class _ValidToggles(Extension):
    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if name != TEMPLATE:
            return source
        for toggle in TOGGLES:
            source = source.replace(toggle, toggle.removesuffix(' autocomplete="off"'), 1)
        return source
