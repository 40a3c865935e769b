"""The site's own JavaScript and CSS: one minified bundle of the browser modules (ordered by their
declarations, hooks/course/browser_modules.py), one of the stylesheets, the rest minified in place."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import rcssmin
import rjsmin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course import events
from course.browser_modules import LAYERS, Module, ModuleError, ordered
from course.languages import all_built

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

OVERRIDES = Path(__file__).resolve().parents[1] / "overrides"
SCRIPTS = "assets/js/course.js"
STYLES = "assets/css/course.min.css"
# Loaded separately: Material's head and content scripts (read document.currentScript), the
# search worker and our stylesheets. Minified where they land in the built site.
SEPARATE = ("assets/js/material-base.js", "assets/js/material-content.js",
            "assets/javascripts/workers/course-search.js")


def on_config(config: MkDocsConfig) -> None:
    """Fail the build early when the browser modules' declarations do not add up."""
    _modules()


@event_priority(events.AFTER_I18N)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Leave the bundled modules and stylesheets out of the site: the bundles carry them."""
    bundled = tuple(f"assets/js/{layer}/" for layer in LAYERS)
    styles = {f"assets/css/{name}" for name in config.extra["styles"]}
    for file in list(files):
        if file.src_uri.startswith(bundled) or file.src_uri in styles:
            files.remove(file)
    return files


@event_priority(events.AFTER_ALL_LANGUAGES)
def on_post_build(config: MkDocsConfig) -> None:
    """After the last language: write the bundles and minify our other scripts and stylesheets."""
    if not all_built(config):
        return
    site = Path(config.site_dir)
    # Each module is an IIFE; the ";" keeps two of them from joining into one expression.
    scripts = "\n;".join(module.source for module in _modules())
    (site / SCRIPTS).write_text(rjsmin.jsmin(scripts), encoding="utf-8")
    styles = "\n".join((OVERRIDES / "assets/css" / name).read_text(encoding="utf-8")
                       for name in config.extra["styles"])
    (site / STYLES).write_text(rcssmin.cssmin(styles), encoding="utf-8")
    for name in SEPARATE:
        _minify(site / name, rjsmin.jsmin)
    for name in config.extra_css:
        _minify(site / name, rcssmin.cssmin)


def _modules() -> list[Module]:
    try:
        return ordered(OVERRIDES / "assets/js", OVERRIDES.parent)
    except ModuleError as error:
        raise PluginError(f"Browser modules: {error}") from None


def _minify(path: Path, minify: object) -> None:
    if path.exists():
        path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
