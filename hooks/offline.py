"""Offline package (OFFLINE=true): ship the iframe-worker shim ourselves so file:// search makes no request."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course import events, offline
from course.languages import all_built

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@event_priority(events.FIRST)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Use the local shim (before Material's offline plugin adds its CDN copy); no instant navigation."""
    if offline.enabled(config):
        polyfills = config.extra.setdefault("polyfills", [])
        if offline.SHIM not in polyfills:
            polyfills.append(offline.SHIM)
        # Instant navigation needs fetch; on file:// Material's bundle then never announces the page
        # (document$), so no course script would start. Material's docs: disable it offline.
        config.theme["features"] = [feature for feature in config.theme.get("features") or []
                                    if not feature.startswith("navigation.instant")]
    return config


@event_priority(events.AFTER_ALL_LANGUAGES)
def on_post_build(config: MkDocsConfig) -> None:
    """Once every language is built, put the shim where the polyfill entry points."""
    if not offline.enabled(config) or not all_built(config):
        return
    try:
        offline.copy_shim(Path(config.config_file_path).parent, Path(config.site_dir))
    except offline.ShimMissing as error:
        raise PluginError(str(error)) from None
