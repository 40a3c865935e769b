"""Branding: one place in mkdocs.yml (extra.branding) sets the organisation's name, logo, colours,
contact link, copyright and certificate issuer. A second branding, built from a copy of the
project whose mkdocs.yml inherits the real one, appears everywhere it should and the default
nowhere; a broken branding stops the build naming the key."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, build_site
from course.branding import BrandingError, read_branding

OTHER = {
    "name": {"en": "Northwind Health Academy", "nl": "Northwind Zorgacademie"},
    "logo": "assets/images/northwind.svg",
    "colours": {"primary": "#3a1f6b", "primary_light": "#5b3a94", "primary_dark": "#24124a", "accent": "#c2185b"},
    "contact": {"url": "https://learning.northwind.example/community",
                "label": {"en": "Northwind learning community", "nl": "Leergemeenschap van Northwind"}},
    "certificate_issuer": {"en": "Northwind Health Academy, Learning Office", "nl": "Northwind Zorgacademie, Leerbureau"},
    "copyright": {"en": "Course text © Northwind and the course authors", "nl": "Cursustekst © Northwind en de auteurs"},
}
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10"/></svg>\n'
HEADER = re.compile(r'<a [^>]*class="md-header__button md-logo".*?</a>', re.S)
FOOTER = re.compile(r'<div class="md-copyright">.*?</footer>', re.S)


def default_branding() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["extra"]["branding"]


def project_with(folder, branding: dict):
    """A copy of the project whose mkdocs.yml inherits the real one and sets `branding`."""
    for part in ("docs", "hooks", "overrides", "data"):
        shutil.copytree(ROOT / part, folder / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", folder / "course.yml")
    (folder / "mkdocs.yml").write_text(yaml.safe_dump({"INHERIT": "course.yml", "extra": {"branding": branding}},
                                                      allow_unicode=True), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def branded(tmp_path_factory):
    """The course built with another organisation's branding."""
    project = project_with(tmp_path_factory.mktemp("branded-project"), OTHER)
    (project / "overrides" / "assets" / "images").mkdir(parents=True, exist_ok=True)
    (project / "overrides" / OTHER["logo"]).write_text(LOGO, encoding="utf-8")
    site = tmp_path_factory.mktemp("branded-site")
    build_site(site, "http://127.0.0.1:8000/", project=project)
    return site


def test_every_page_shows_the_organisations_branding_in_its_language(branded):
    pages = sorted(branded.rglob("*.html"))
    assert len(pages) > 100 and branded / "404.html" in pages and branded / "nl" / "404.html" in pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        language = re.search(r'<html lang="(\w+)"', html).group(1)
        header, footer = HEADER.search(html).group(0), FOOTER.search(html).group(0)
        logo = re.search(r'<img src="([^"]+)" alt="([^"]+)"', header)
        assert logo and logo.group(2) == OTHER["name"][language], path
        assert logo.group(1).endswith(OTHER["logo"]), path
        assert f'<span class="course-branding__name">{OTHER["name"][language]}</span>' in footer, path
        assert f'href="{OTHER["contact"]["url"]}"' in footer, path
        assert OTHER["contact"]["label"][language] in footer, path
        assert OTHER["copyright"][language] in footer, path
    assert (branded / OTHER["logo"]).read_text(encoding="utf-8") == LOGO
    css = (branded / "assets" / "css" / "branding.css").read_text(encoding="utf-8")
    for key, colour in OTHER["colours"].items():
        assert f"{colour};" in css, key
    for language, prefix in (("en", ""), ("nl", "nl/")):
        certificate = (branded / prefix / "results" / "certificate" / "index.html").read_text(encoding="utf-8")
        assert f"<dd>{OTHER['certificate_issuer'][language]}</dd>" in certificate


def test_the_default_branding_appears_nowhere(branded):
    default = default_branding()
    texts = [*default["copyright"].values(), *default["contact"]["label"].values()]
    everywhere = [f'href="{default["contact"]["url"]}"', *default["colours"].values()]
    for path in [*branded.rglob("*.html"), *branded.rglob("*.css")]:
        content = path.read_text(encoding="utf-8")
        assert [value for value in [*texts, *everywhere] if value in content] == [], path
        # course text and page titles may name the organisation that wrote the course; the
        # logo and the footer may not
        frame = "".join(m.group(0) for m in (HEADER.search(content), FOOTER.search(content)) if m)
        assert [name for name in default["name"].values() if name in frame] == [], path
        for language in ("en", "nl"):
            assert f"<dd>{default['certificate_issuer'][language]}</dd>" not in content, path


def test_the_header_uses_the_brand_colour(browser, branded):
    from conftest import free_port, serve

    port = free_port()
    server = serve(branded, port)
    context = browser.new_context(locale="nl-NL")
    tab = context.new_page()
    tab.goto(f"http://127.0.0.1:{port}/nl/")
    assert tab.locator("html").get_attribute("lang") == "nl"
    colour = tab.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    expected = "rgb({}, {}, {})".format(*(int(OTHER["colours"]["primary"][i:i + 2], 16) for i in (1, 3, 5)))
    assert colour == expected
    assert tab.locator(".md-header img").first.get_attribute("alt") == OTHER["name"]["nl"]
    assert tab.locator(".md-header img").first.evaluate("img => img.naturalWidth") > 0
    context.close()
    server.shutdown()


@pytest.mark.parametrize("change, message", [
    (lambda b: b["name"].pop("nl"), "extra.branding.name has no 'nl' text"),
    (lambda b: b["colours"].update(accent="orange"), "extra.branding.colours.accent must be a colour"),
    (lambda b: b["contact"].update(url="javascript:alert(1)"), "extra.branding.contact.url must start with"),
    (lambda b: b.update(logo="assets/images/missing.svg"), "extra.branding.logo 'assets/images/missing.svg' is not a file"),
    (lambda b: b.pop("certificate_issuer"), "extra.branding.certificate_issuer needs a text per language"),
])
def test_a_broken_branding_is_reported_by_key(change, message):
    branding = default_branding()
    assert read_branding({"branding": branding}, [str(ROOT / "overrides")])
    change(branding)
    with pytest.raises(BrandingError, match=re.escape(message)):
        read_branding({"branding": branding}, [str(ROOT / "overrides")])


def test_the_build_stops_on_a_broken_branding(tmp_path):
    branding = default_branding()
    branding["colours"]["primary"] = "green"
    project = project_with(tmp_path / "project", branding)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    assert "extra.branding.colours.primary must be a colour" in result.stderr
