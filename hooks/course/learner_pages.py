"""What the learner tools need to know about the course: its modules and pages from the navigation
(with language-independent page ids) and the prompt catalogue per module."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, TypeVar

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from course.worksheet import MODULES, Prompt

if TYPE_CHECKING:
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

T = TypeVar("T")
_per_nav: dict[str, tuple[Navigation, object]] = {}


def page_id(file: File) -> str:
    """The page's id, the same in every language: its path in the language folder without '.md'
    (mkdocs-static-i18n's `norm_src_uri`; a page that falls back to the source language has the
    same one)."""
    path = getattr(file, "norm_src_uri", file.src_uri)
    return path.removesuffix(".md")


def module_titles(nav: Navigation) -> dict[str, str]:
    """This language's module titles by module id, worked out once per navigation."""
    return _once_per_nav("titles", nav, lambda: {module_id: title for module_id, title, _ in modules_from_nav(nav)})


def modules_from_nav(nav: Navigation) -> list[tuple[str, str, list[Page]]]:
    """(module id, title, pages) of every top-level nav section that is a course module."""
    found = []
    for section in nav.items:
        pages = [child for child in getattr(section, "children", None) or [] if getattr(child, "file", None)]
        if pages:
            # the folder most of the section's pages live in (Start also holds the home page)
            folders = [page_id(page.file).split("/")[0] for page in pages]
            module_id = max(folders, key=folders.count)
            if module_id in MODULES:
                found.append((module_id, section.title, pages))
    return found


def course_modules(nav: Navigation) -> list[dict]:
    """Modules and their pages (lessons flagged), for the browser, once per navigation; needs every
    page's title read (call it from on_page_context)."""
    return _once_per_nav("modules", nav, lambda: _course_modules(nav))


def _course_modules(nav: Navigation) -> list[dict]:
    # titles are escaped Markup for the templates (hooks/lessons.py); the browser writes them as text
    return [{"id": module_id, "title": title, "pages": [
        {"id": page_id(page.file), "title": Markup(page.title).unescape(), "url": page.url,
         "lesson": page.meta.get("kind") == "lesson"}
        for page in pages]} for module_id, title, pages in modules_from_nav(nav)]


def catalogue(prompts: dict[str, Prompt], titles: dict[str, str], language: str, full: bool = False) -> list[dict]:
    """Prompts grouped by module in course order: Prompt objects (`full`) or their browser form."""
    modules = []
    for module in MODULES:
        chosen = [p if full else p.for_browser(language) for p in prompts.values() if p.module == module]
        if chosen:
            modules.append({"id": module, "title": titles.get(module, module), "prompts": chosen})
    return modules


def _once_per_nav(name: str, nav: Navigation, work_out: Callable[[], T]) -> T:
    """`work_out()` for this navigation (one per language build), kept until the next one."""
    cached = _per_nav.get(name)
    if cached is None or cached[0] is not nav:
        cached = _per_nav[name] = (nav, work_out())
    return cached[1]


def course_url(target: str, page: Page, files: Files, language: str) -> str:
    """The URL of course page `target` (e.g. start/progress.md) in `language`, relative to `page`."""
    for candidate in (f"{language}/{target}", target):
        file = files.get_file_from_path(candidate)
        if file is not None:
            return get_relative_url(file.url, page.url)
    raise PluginError(f"{page.file.src_uri}: links to the course page '{target}', which does not exist")
