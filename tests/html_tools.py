"""Small helpers to read built HTML in tests."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from course.languages import project_languages


class Elements(HTMLParser):
    """Collects (tag, attributes) of every element, and the text of <nav> sections."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def nav_pages(mkdocs_yml: Path) -> list[str]:
    """Every Markdown path listed in mkdocs.yml's nav, in order."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !ENV and !!python/name tags; their values do not matter here
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=Loader)
    found: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    walk(value) if isinstance(value, list) else found.append(value)

    walk(config["nav"])
    return found


def built_path(site: Path, page: str, language: str) -> Path:
    """Where a docs page ends up in the built site (directory URLs)."""
    stem = page[: -len(".md")]
    prefix = site if language == project_languages().source else site / language
    if stem == "index":
        return prefix / "index.html"
    if stem.endswith("/index"):
        return prefix / stem[: -len("/index")] / "index.html"
    return prefix / stem / "index.html"


def language_data(page: Path) -> tuple[Path, dict]:
    """The language data file a built page loads (hooks/language_data.py) and what it sets."""
    import json
    import re

    source = re.search(r'<script src="([^"]*language-data\.[^"]+\.js)"', page.read_text(encoding="utf-8"))
    assert source, f"{page} loads no language data file"
    path = (page.parent / source[1]).resolve()
    text = path.read_text(encoding="utf-8")
    prefix = "window.CourseLanguageData = "
    assert text.startswith(prefix) and text.endswith(";\n"), path
    return path, json.loads(text[len(prefix):-2])


def external_resources(site_dir: Path) -> list[str]:
    """Every resource a built page or style sheet would load from another host (the privacy scan)."""
    import re
    from urllib.parse import urlsplit

    resource_attributes = {"script": "src", "img": "src", "iframe": "src", "source": "src", "track": "src",
                           "audio": "src", "video": "src", "embed": "src", "object": "data"}
    offenders = []
    for html_file in site_dir.rglob("*.html"):
        for tag, attrs in parse(html_file).elements:
            url = attrs.get(resource_attributes.get(tag, ""), "")
            if tag == "link" and attrs.get("rel") in ("stylesheet", "preload", "modulepreload", "icon", "preconnect", "dns-prefetch", "manifest"):
                url = attrs.get("href", "")
            if urlsplit(url).netloc:
                offenders.append(f"{html_file.relative_to(site_dir)}: <{tag}> {url}")
    for css in site_dir.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?(https?:)?//[^)]*\)", css.read_text(encoding="utf-8")):
            offenders.append(f"{css.relative_to(site_dir)}: {url}")
    return offenders
