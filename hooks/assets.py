"""The site's own JavaScript and CSS: one minified bundle of the modules, the rest minified in place."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import rcssmin
import rjsmin
from mkdocs.plugins import event_priority

from course import events
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


@event_priority(events.AFTER_I18N)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Leave the bundled modules out of the site: the bundles carry them."""
    for kind, names in (("js", config.extra["scripts"]), ("css", config.extra["styles"])):
        for name in names:
            file = files.get_file_from_path(f"assets/{kind}/{name}")
            if file is not None:
                files.remove(file)
    return files


@event_priority(events.AFTER_ALL_LANGUAGES)
def on_post_build(config: MkDocsConfig) -> None:
    """After the last language: write the bundle and minify our other scripts and stylesheets."""
    if not all_built(config):
        return
    site = Path(config.site_dir)
    # Each module is an IIFE; the ";" keeps two of them from joining into one expression.
    scripts = "\n;".join(_source("js", name) for name in config.extra["scripts"])
    (site / SCRIPTS).write_text(rjsmin.jsmin(scripts), encoding="utf-8")
    styles = "\n".join(_source("css", name) for name in config.extra["styles"])
    (site / STYLES).write_text(rcssmin.cssmin(styles), encoding="utf-8")
    for name in SEPARATE:
        _minify(site / name, rjsmin.jsmin)
    for name in config.extra_css:
        _minify(site / name, rcssmin.cssmin)


def _source(kind: str, name: str) -> str:
    return (OVERRIDES / "assets" / kind / name).read_text(encoding="utf-8")


def _minify(path: Path, minify: object) -> None:
    if path.exists():
        path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
