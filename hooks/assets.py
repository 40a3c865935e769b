"""The site's own JavaScript and CSS: the browser modules bundled from their declarations
(hooks/course/browser_modules.py) into one bundle for every page and one per page controller,
which only the pages whose content names it load; the bundles those pages may fetch on demand
(a control's data-course-load, a module's `// later:`), listed for overrides/main.html; one bundle
of the stylesheets, and the stylesheets only some pages load (extra.page_styles); the rest
minified in place."""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import rcssmin
import rjsmin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course import events
from course.browser_modules import EVERY_PAGE, LAYERS, LOADER, Module, ModuleError, bundles, later_of, ordered
from course.file_cache import folder_version
from course.languages import all_built

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

OVERRIDES = Path(__file__).resolve().parents[1] / "overrides"
SCRIPTS = "assets/js"
STYLES = "assets/css/course.min.css"
# Loaded separately: Material's head and content scripts (read document.currentScript), the
# search worker and our stylesheets. Minified where they land in the built site.
SEPARATE = ("assets/js/material-base.js", "assets/js/material-content.js",
            "assets/javascripts/workers/course-search.js")
# A fragment names the page controllers it needs: <div data-course-module="action-plan data-transfer">
NAMES_MODULES = re.compile(r'\sdata-course-module="([a-z0-9 -]+)"')
# A control names the page controller it needs, fetched when it is first used: <button data-course-load="data-transfer">
NAMES_ON_DEMAND = re.compile(r'\sdata-course-load="([a-z0-9 -]+)"')
# Page controllers a whole build loads on every page, by the setting under `extra` that asks for them
BUILD_MODULES = {"lms": "pages/lms"}  # the LMS packages' bridge to the launch page (hooks/lms.py)


def on_config(config: MkDocsConfig) -> None:
    """Fail the build early when the browser modules' declarations do not add up."""
    _bundles()


@event_priority(events.AFTER_I18N)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Leave the bundled modules and stylesheets out of the site: the bundles carry them."""
    bundled = tuple(f"assets/js/{layer}/" for layer in LAYERS)
    styles = {f"assets/css/{name}" for name in config.extra["styles"]}
    for file in list(files):
        if file.src_uri.startswith(bundled) or file.src_uri in styles:
            files.remove(file)
    return files


@event_priority(events.AFTER_SEALING)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """The page controllers this page's fragments name, for overrides/main.html to load, and the
    bundles the page may fetch on demand, for it to list."""
    known = _bundles()
    wanted = _named(NAMES_MODULES, "data-course-module", page, known)
    # first: the LMS bridge puts back the learner's data before the page's tools read it
    wanted = list(dict.fromkeys([name for setting, name in BUILD_MODULES.items() if config.extra.get(setting)] + wanted))
    on_demand = [name for name in _named(NAMES_ON_DEMAND, "data-course-load", page, known) if name not in wanted]
    on_demand += [later for name in [EVERY_PAGE, *wanted, *on_demand] for later in later_of(known[name])]
    context["course_modules"] = [f"{SCRIPTS}/{name}.js" for name in wanted]
    context["course_on_demand"] = {name: f"{SCRIPTS}/{name}.js" for name in on_demand}
    context["course_page_styles"] = [f"assets/css/{name}" for name, classes in config.extra.get("page_styles", {}).items()
                                     if _has_class(page.content or "", classes)]
    return context


@event_priority(events.AFTER_ALL_LANGUAGES)
def on_post_build(config: MkDocsConfig) -> None:
    """After the last language: write the bundles and minify our other scripts and stylesheets."""
    if not all_built(config):
        return
    site = Path(config.site_dir)
    for name, modules in _bundles().items():
        path = site / SCRIPTS / f"{name}.js"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rjsmin.jsmin("\n".join(_wrapped(module) for module in modules)), encoding="utf-8")
    styles = "\n".join((OVERRIDES / "assets/css" / name).read_text(encoding="utf-8")
                       for name in config.extra["styles"])
    (site / STYLES).write_text(rcssmin.cssmin(styles), encoding="utf-8")
    for name in SEPARATE:
        _minify(site / name, rjsmin.jsmin)
    for name in [*config.extra_css, *(f"assets/css/{name}" for name in config.extra.get("page_styles", {}))]:
        _minify(site / name, rcssmin.cssmin)


_cache: dict[tuple, dict[str, list[Module]]] = {}


def _bundles() -> dict[str, list[Module]]:
    """The bundles, worked out again only when a browser file changed (`mkdocs serve`)."""
    key = folder_version(OVERRIDES / "assets/js")  # looked at once per build
    if key not in _cache:
        try:
            _cache.clear()
            _cache[key] = bundles(ordered(OVERRIDES / "assets/js", OVERRIDES.parent))
        except ModuleError as error:
            raise PluginError(f"Browser modules: {error}") from None
    return _cache[key]


def _named(pattern: re.Pattern, attribute: str, page: Page, known: dict[str, list[Module]]) -> list[str]:
    """The page controllers the page's content names in `attribute`; an unknown one stops the build."""
    content = page.content or ""
    # most pages name none: a substring test is far cheaper than the pattern's scan
    names = [f"pages/{name}" for names in pattern.findall(content) for name in names.split()] if attribute in content else []
    for name in names:
        if name not in known:
            raise PluginError(f"{page.file.src_uri}: a fragment names the browser module '{name.removeprefix('pages/')}' "
                              f"({attribute}), but there is no overrides/assets/js/{name}.js")
    return list(dict.fromkeys(names))


def _has_class(html: str, classes: list[str]) -> bool:
    """Whether an element in `html` has one of `classes` (tested for as text first: most pages have none)."""
    return any(name in html for name in classes) and re.search(
        r'class="(?:[^"]* )?(?:%s)[ "]' % "|".join(map(re.escape, classes)), html) is not None


def _wrapped(module: Module) -> str:
    """A module's file, run through CourseModules.load: once, and a throw reported by its name."""
    if module.name == LOADER:
        return module.source
    return f'CourseModules.load("{module.provides}", function () {{\n{module.source}\n}});'


def _minify(path: Path, minify: object) -> None:
    if path.exists():
        path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
