"""Material markup that no template override reaches: the drawer and search toggles in base.html.

Material marks both checkboxes autocomplete="off", which HTML allows only on text-like inputs (the
Nu Html Checker reports it on every page). Material uses it so that Back or reload does not bring
back an open drawer or search; overrides/assets/js/toggles.js does that instead, so the attribute
is removed here."""
from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

TOGGLES = tuple(f'type="checkbox" id="__{name}" autocomplete="off"' for name in ("drawer", "search"))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Remove autocomplete from the toggles of a page."""
    return _without_autocomplete(output)


@event_priority(60)  # before hooks/hosting.py keeps the 404 page of each language
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for the 404 page, which is rendered as a template, not as a page."""
    return _without_autocomplete(output) if template_name == "404.html" else output


def _without_autocomplete(html: str) -> str:
    for toggle in TOGGLES:
        html = html.replace(toggle, toggle.removesuffix(' autocomplete="off"'), 1)
    return html
