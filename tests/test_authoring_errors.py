"""Authors' slips that must not publish or run anything (issue 20, items 1 and 7), on copies of the
project built for real: a misspelt or unknown front-matter key stops the build naming file, line
and the nearest known key; a page protected anywhere the build knows of (the authoring rules'
list, its other language, the previous build) but not here stops it too; a title with markup is
shown as text everywhere it is written."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project, free_port, serve
from html_tools import built_path
from protected_tools import leaks, secret_phrases

LEADER = Path("programmes/learning-leader.md")
MASTERY = Path("programmes/personal-mastery.md")  # a public page, on no list
HOSTILE = 'Eight <img src=x onerror="window.__pwned=1"> levers'


def build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """A strict build of `project` into `site`, as `make build` runs it, without a password."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/",
           "COURSE_PROTECTED_PASSWORD": ""}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=project, env=env, capture_output=True, text=True)


def edit(project: Path, page: Path, languages: tuple[str, ...], old: str, new: str) -> None:
    for language in languages:
        path = project / "docs" / language / page
        text = path.read_text(encoding="utf-8")
        assert old in text, path
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, start: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if line.startswith(start))


@pytest.fixture()
def project(tmp_path):
    return copy_project(tmp_path / "project")


@pytest.mark.parametrize("languages", [("en", "nl"), ("nl",)])
def test_a_misspelt_front_matter_key_stops_the_build_naming_file_line_and_nearest_key(project, tmp_path, languages):
    edit(project, LEADER, languages, "\nprotected: true", "\nprotectd: true")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    first = languages[0]
    line = line_of(project / "docs" / first / LEADER, "protectd:")
    assert (f"docs/{first}/{LEADER}:{line}: front matter key 'protectd' is unknown; did you mean 'protected'?"
            in result.stderr), result.stderr[-3000:]
    source = Path(__file__).resolve().parents[1] / "docs" / first / LEADER
    assert leaks(tmp_path / "site", secret_phrases([source])) == []


def test_any_unknown_key_is_named_with_the_nearest_known_one(project, tmp_path):
    edit(project, Path("how/eight-levers.md"), ("en",), "\nkind: lesson", "\nkind: lesson\ndescripton: Levers")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    line = line_of(project / "docs" / "en" / "how" / "eight-levers.md", "descripton:")
    assert f"docs/en/how/eight-levers.md:{line}: front matter key 'descripton' is unknown; did you mean 'description'?" in result.stderr


def test_a_page_on_the_protected_list_without_protected_true_stops_the_build(project, tmp_path):
    edit(project, LEADER, ("en", "nl"), "\nprotected: true", "")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (f"docs/en/{LEADER}: protected in data/authoring.yml (protected_pages), but not here"
            in result.stderr), result.stderr[-3000:]
    source = Path(__file__).resolve().parents[1] / "docs" / "en" / LEADER
    assert leaks(tmp_path / "site", secret_phrases([source])) == []


def test_a_page_protected_in_its_other_language_only_stops_the_build(project, tmp_path):
    edit(project, MASTERY, ("en",), "\nkind: page", "\nkind: page\nprotected: true")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/nl/{MASTERY}: protected in its en version (en/{MASTERY}), but not here" in result.stderr


def test_a_page_the_previous_build_protected_stays_protected_until_published_on_purpose(project, tmp_path):
    site = tmp_path / "site"
    edit(project, MASTERY, ("en", "nl"), "\nkind: page", "\nkind: page\nprotected: true")
    assert build(project, site).returncode == 0
    assert str(MASTERY) in json.loads((site / "protected-pages.json").read_text())["protected"]
    edit(project, MASTERY, ("en", "nl"), "\nprotected: true", "")
    result = build(project, site)
    assert result.returncode != 0
    assert (f"docs/en/{MASTERY}: protected in the previous build (protected-pages.json in the site folder), "
            "but not here") in result.stderr, result.stderr[-3000:]
    # written out, `protected: false` publishes it
    edit(project, MASTERY, ("en", "nl"), "\nkind: page", "\nkind: page\nprotected: false")
    assert build(project, site).returncode == 0
    assert str(MASTERY) not in json.loads((site / "protected-pages.json").read_text())["protected"]
    assert "soft skills" in built_path(site, str(MASTERY), "en").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_title_site(tmp_path_factory):
    """The course with markup in a lesson's front-matter title, in both languages, served."""
    project = copy_project(tmp_path_factory.mktemp("hostile-title"))
    edit(project, Path("how/eight-levers.md"), ("en", "nl"), "\ntitle: ", f"\ntitle: {HOSTILE}\nxtitle: ")
    for language in ("en", "nl"):  # drop the original title line, now renamed
        path = project / "docs" / language / "how" / "eight-levers.md"
        path.write_text(re.sub(r"\nxtitle: [^\n]*", "", path.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    site = tmp_path_factory.mktemp("hostile-title-site")
    port = free_port()
    result = build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    server = serve(site, port)
    yield {"dir": site, "url": f"http://127.0.0.1:{port}/"}
    server.shutdown()


def test_a_title_with_markup_is_written_escaped_in_every_page(hostile_title_site):
    pages = sorted(hostile_title_site["dir"].rglob("*.html"))
    assert len(pages) > 100
    raw = [str(path.relative_to(hostile_title_site["dir"])) for path in pages
           if "<img src=x" in path.read_text(encoding="utf-8")]
    assert raw == []
    escaped = built_path(hostile_title_site["dir"], "how/index.md", "nl").read_text(encoding="utf-8")
    assert "Eight &lt;img src=x" in escaped


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_title_with_markup_shows_as_text_and_never_runs(browser, hostile_title_site, language):
    context = browser.new_context()
    tab = context.new_page()
    prefix = "" if language == "en" else "nl/"
    # the lesson and a neighbour (navigation), the home page's "continue" box drawn by the browser
    # from the course map (the lesson was the last one read)
    for path, where in (("how/", ".md-sidebar--primary"), ("how/eight-levers/", ".md-sidebar--primary"),
                        ("", "[data-course-continue]")):
        tab.goto(f"{hostile_title_site['url']}{prefix}{path}")
        tab.wait_for_load_state("load")
        assert tab.evaluate("window.__pwned") is None, path
        assert tab.locator("img[src=x]").count() == 0, path
        link = tab.locator(f'{where} a[href$="eight-levers/"]').first
        assert HOSTILE in " ".join(link.inner_text().split()), path
        if path == "how/eight-levers/":
            assert tab.title().startswith(HOSTILE)
    context.close()
