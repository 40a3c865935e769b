"""Branding: check `extra.branding` in mkdocs.yml once per build so templates can rely on it."""
from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from course.branding import BrandingError, read_branding
from course.languages import site_languages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# Rendered by MkDocs like 404.html, so the brand colours come from extra.branding.colours.
BRANDING_CSS = "assets/css/branding.css"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail the build with the key at fault when the branding is incomplete or malformed."""
    try:
        read_branding(config.extra, config.theme.dirs, site_languages(config).all)
    except BrandingError as error:
        raise PluginError(f"{config.config_file_path}: {error}") from None
    config.theme.static_templates.add(BRANDING_CSS)
    return config
