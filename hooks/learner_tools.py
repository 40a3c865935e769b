"""Learner tools: "mark as done" on lessons, the course map for progress and navigation ticks,
"continue where you left off" on the home page, and the pages with `generate:` progress,
your-data, team-profile, certificate, share (asking for the community's certificate) and verify.
The learner's data stays in the browser (progress.js, data-transfer.js, team-profile.js,
certificate.js, share.js); the certificate and verify pages carry the issuer's published keys and
revocation list (data/issuer/)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from course import events

from course.data import loaded, ui
from course.home import hours_text, load_cards
from course.issuer_data import load_keys, load_revoked
from course.item_bank import bank_for_browser, item_bank
from course.languages import site_languages
from course.learner_pages import catalogue, course_url, module_titles, page_id
from course.milestones import Item, Route, load_criteria, load_routes
from course.render import append, insert_after_title, insert_before_first_section, page_language, render
from course.worksheet import prompts

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

TOOLS = ("progress", "your-data", "team-profile", "certificate", "share", "verify")
_data: dict = {}


def on_pre_build(config: MkDocsConfig) -> None:
    """Load routes, certificate criteria, prompts and the test bank once per language build."""
    def load(languages: tuple[str, ...]) -> dict:
        found = prompts(languages)
        return dict(prompts=found, routes=load_routes(set(found), languages=languages),
                    criteria=load_criteria(set(found), languages=languages), bank=item_bank(languages),
                    cards=load_cards(languages=languages))
    languages = site_languages(config).all
    _data.update(loaded("Learner tools", load, languages=languages))
    _data["issuer"] = loaded("Certificate issuer", lambda languages: {
        "keys": [key.for_browser() for key in load_keys(languages=languages)], "revoked": load_revoked(languages=languages)},
        languages=languages)


@event_priority(events.AFTER_I18N)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Remember this language's files (links to pages)."""
    _data["files"] = files
    return nav


@event_priority(events.AFTER_SEARCH)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Name the page for progress.js; add the done button, the continue box and the tool pages."""
    language, this_page = page_language(page), page_id(page.file)
    context["course_page"] = this_page  # the course map itself: hooks/language_data.py
    t = ui(language)
    if page.meta.get("kind") == "lesson":
        page.content = append(page.content, render(config, "mark-done.html", t=t, lesson=this_page))
    if this_page == "index":  # the home page of either language
        home = _home(page, nav, _data["files"], t, language)
        page.content = insert_before_first_section(
            insert_after_title(page.content, render(config, "home.html", t=t, **home)),
            render(config, "module-cards.html", t=t, **home))
    for route in _data["routes"]:
        if route.page == f"{this_page}.md":  # a route's own page: let the learner choose it here
            html = render(config, "route-pick.html", t=t, route={"id": route.id, "label": route.label[language]},
                          progress_url=course_url("start/progress.md", page, _data["files"], language))
            page.content = insert_before_first_section(page.content, html)
    tool = page.meta.get("generate")
    if tool in TOOLS:
        html = render(config, f"{tool}.html", t=t, lang=language,
                      **_context(tool, page, config, nav, language))
        page.content = append(page.content, html)
    return context


def _context(tool: str, page: Page, config: MkDocsConfig, nav: Navigation, language: str) -> dict:
    files = _data["files"]
    if tool == "progress":
        return {"routes": [_route(route, page, files, language) for route in _data["routes"]],
                "bank": bank_for_browser(_data["bank"], language)}
    if tool in ("certificate", "share"):
        return {"criteria": [_criterion(item, page, files, language) for item in _data["criteria"]],
                "bank": bank_for_browser(_data["bank"], language),
                "issuer": _issuer(config, language), "course_title": config.site_name,
                "route_labels": {route.id: route.label[language] for route in _data["routes"]},
                "published": _published(config, language),
                "catalogue": catalogue(_data["prompts"], module_titles(nav), language)}
    if tool == "verify":
        return {"published": _published(config, language)}
    if tool == "team-profile":
        return {"bank": bank_for_browser(_data["bank"], language)}
    return {"bank": bank_for_browser(_data["bank"], language),
            "catalogue": catalogue(_data["prompts"], module_titles(nav), language)}


def _home(page: Page, nav: Navigation, files: Files, t: dict, language: str) -> dict:
    """The course's time (the sum of the modules' hours), the start page and one card per module."""
    titles = module_titles(nav)
    cards = [{"title": titles.get(card.id, card.id), "url": course_url(f"{card.id}/index.md", page, files, language),
              "hours": hours_text(card.hours, t["decimal_mark"]), "makes": card.makes[language]}
             for card in _data["cards"]]
    return {"cards": cards, "start_url": course_url("start/how-the-course-works.md", page, files, language),
            "hours": hours_text(sum(card.hours for card in _data["cards"]), t["decimal_mark"])}


def _route(route: Route, page: Page, files: Files, language: str) -> dict:
    return {"id": route.id, "label": route.label[language], "summary": route.summary[language],
            "url": course_url(route.page, page, files, language),
            "checklist": [item.for_browser(language) for item in route.checklist]}


def _criterion(item: Item, page: Page, files: Files, language: str) -> dict:
    return {**item.for_browser(language), "url": course_url(item.page, page, files, language) if item.page else None}


def _published(config: MkDocsConfig, language: str) -> dict:
    """What a credential is checked against: the issuer's id (the site's address, as tools/issuer.py
    writes it), its public keys and revoked credentials, and the language to show it in."""
    url = config.site_url or ""
    return {"issuer": url if url.endswith("/") else url + "/", "language": language, **_data["issuer"]}


def _issuer(config: MkDocsConfig, language: str) -> str:
    """The certificate's issuing organisation (hooks/branding.py has checked it exists per language)."""
    return config.extra["branding"]["certificate_issuer"][language]
