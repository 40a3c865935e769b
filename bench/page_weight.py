"""Page weight: the gzipped bytes a first visit downloads (HTML, CSS, JS, search index, other), per
page type and language, recorded in Chromium; the project's own CSS and JS are shown apart."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from common import LANGUAGES, ROOT
from server import gzipped_size

PAGE_TYPES = {
    "lesson": "how/eight-levers/",
    "test": "introduction/learning-culture-test/",
    "action plan": "results/action-plan/",
    "certificate": "results/certificate/",
}
OVERRIDES = ROOT / "overrides"  # the project's own files are the ones that come from overrides/
# ... or that hooks/assets.py bundles from them
BUNDLES = {"assets/js/course.js", "assets/css/course.min.css"}


def kind(path: str) -> str:
    """Which column a downloaded file counts in."""
    if Path(path).name.startswith("search_index") and path.endswith(".json"):
        return "search index"
    suffix = Path(path).suffix or ".html"
    return {".html": "HTML", ".css": "CSS", ".js": "JS"}.get(suffix, "other")


def first_visit(browser, site_dir: Path, url: str) -> dict[str, int]:
    """Gzipped bytes per kind of every same-site file a first visit to `url` fetches, once loading settles."""
    context = browser.new_context()  # empty cache
    tab = context.new_page()
    fetched: list[str] = []
    tab.on("requestfinished", lambda request: fetched.append(request.url))
    tab.goto(url, wait_until="networkidle")
    tab.wait_for_timeout(500)  # Material starts the search worker and fetches the index after load
    context.close()
    base = urlsplit(url)
    totals: dict[str, int] = {"own JS+CSS": 0}
    for address in dict.fromkeys(fetched):
        parts = urlsplit(address)
        if parts.netloc != base.netloc:
            continue
        path = parts.path.lstrip("/")
        file = site_dir / path / "index.html" if path == "" or path.endswith("/") else site_dir / path
        if not file.is_file():
            continue  # a 404, such as Material's probe for the other language's sitemap.xml
        size = gzipped_size(file)
        totals[kind(path)] = totals.get(kind(path), 0) + size
        if kind(path) in ("CSS", "JS") and ((OVERRIDES / path).is_file() or path in BUNDLES):
            totals["own JS+CSS"] += size
    totals["total"] = sum(value for name, value in totals.items() if name not in ("own JS+CSS", "total"))
    return totals


def measure(browser, site_dir: Path, site_url: str) -> dict[tuple[str, str], dict[str, int]]:
    """Weights of every page type in every configured language."""
    return {(name, language): first_visit(browser, site_dir, site_url + LANGUAGES.folder(language) + path)
            for name, path in PAGE_TYPES.items() for language in LANGUAGES.all}
