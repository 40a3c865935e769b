"""Links gate on the built site, both languages: every internal link and anchor resolves, every image
has alt text in its page's language, every page has its own meta description."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from conftest import ROOT
from course.pages import read_page
from html_tools import built_path, nav_pages, parse
from quality_tools import page_name, page_url, site_pages

PAGES = nav_pages(ROOT / "mkdocs.yml")


def test_every_internal_link_and_anchor_resolves(site):
    pages = site_pages(site["dir"])
    ids: dict[Path, set[str]] = {}
    broken = []
    for html_file in pages:
        base = page_url(site, html_file)
        for tag, attrs in parse(html_file).elements:
            href = attrs.get("href") if tag == "a" else None
            if href is None or href.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            url = urljoin(base, href)
            if not url.startswith(site["url"]):
                continue  # another site
            target = _target_file(site["dir"], url[len(site["url"]):])
            fragment = unquote(urlsplit(url).fragment)
            if target is None:
                broken.append(f"{page_name(site, html_file)}: <a href=\"{href}\"> points at a missing page")
            elif fragment and target.suffix == ".html" and fragment not in ids.setdefault(target, _ids(target)):
                broken.append(f"{page_name(site, html_file)}: <a href=\"{href}\"> points at a missing anchor #{fragment}")
    assert len(pages) >= 100
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(sorted(set(broken)))


def test_every_image_has_alt_text_in_its_pages_language(site):
    problems = []
    for page in PAGES:
        alts = {}
        for language in ("en", "nl"):
            html_file = built_path(site["dir"], page, language)
            images = [attrs for tag, attrs in parse(html_file).elements if tag == "img"]
            problems += [f"{page_name(site, html_file)}: <img src=\"{img.get('src')}\"> has no alt text"
                         for img in images if not img.get("alt", "").strip() and img.get("role") != "presentation"]
            alts[language] = {img.get("src"): img.get("alt", "").strip() for img in images}
        # the same picture on the Dutch page needs Dutch alt text, not the English one
        problems += [f"nl/{page}: <img src=\"{src}\"> has the English alt text {alt!r}"
                     for src, alt in alts["nl"].items() if alt and alts["en"].get(src) == alt]
    assert not problems, "\n".join(problems)


def test_every_page_has_its_own_meta_description_in_its_language(site):
    problems = []
    for language in ("en", "nl"):
        for page in PAGES:
            expected = " ".join(str(read_page(ROOT / "docs" / language / page).meta.get("description", "")).split())
            html_file = built_path(site["dir"], page, language)
            found = [attrs.get("content", "") for tag, attrs in parse(html_file).elements
                     if tag == "meta" and attrs.get("name") == "description"]
            if found != [expected] or not expected:
                problems.append(f"{page_name(site, html_file)}: meta description {found}, front matter {expected!r}")
    assert not problems, "\n".join(problems)


def _target_file(site_dir: Path, path: str) -> Path | None:
    relative = unquote(urlsplit(path).path)
    candidate = site_dir / relative
    if relative == "" or relative.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def _ids(html_file: Path) -> set[str]:
    # a fragment names an element's id, or the name of an <a>
    return {value for tag, attrs in parse(html_file).elements
            for value in (attrs.get("id"), attrs.get("name") if tag == "a" else None) if value}
