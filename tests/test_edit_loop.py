"""The edit loop: under `mkdocs serve` (as `make serve` runs it) every kind of save shows up in the
served pages, and a one-language rebuild leaves the same site as a full build."""
from __future__ import annotations

import contextlib
import filecmp
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import copy_project, free_port
from course.languages import project_languages

LESSON = "how/action-learning"
DEADLINE_SECONDS = 120  # a deadline for a change to appear, not a timing being tested


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, *texts: str, absent: str | None = None) -> str:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        html = fetch(url)
        if all(text in html for text in texts) and (absent is None or absent not in html):
            return html
        time.sleep(0.2)
    pytest.fail(f"{url} did not show {texts} within {DEADLINE_SECONDS} s")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n\n{text}\n", encoding="utf-8")


@contextlib.contextmanager
def serving(project: Path, only: str | None = None):
    """`mkdocs serve` of a project, with the address `make serve` gives it; `only`: LANG_ONLY."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**{k: v for k, v in os.environ.items() if k != "LANG_ONLY"}, "SITE_URL": url,  # every language unless `only`
           "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks"), **({"LANG_ONLY": only} if only else {})}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture()
def served(tmp_path):
    """A copy of the course under `mkdocs serve`, every language."""
    project = copy_project(tmp_path / "project")
    with serving(project) as url:
        wait_for(url + f"nl/{LESSON}/", "<h1")
        yield project, url


@pytest.mark.parametrize("language", project_languages().all)
def test_each_language_serves_alone_at_the_root_and_shows_a_save(language, tmp_path):
    project = copy_project(tmp_path / "project")
    with serving(project, only=language) as url:
        lesson = url + f"{LESSON}/"
        wait_for(lesson, f'<html lang="{language}"')
        others = [other for other in project_languages().all if other != language]
        assert all(fetch(url + f"{other}/{LESSON}/") == "" for other in others), "another language was served"
        append(project / f"docs/{language}/{LESSON}.md", "Saved while serving one language.")
        wait_for(lesson, "Saved while serving one language.", f'<html lang="{language}"')


def test_lesson_data_and_nav_edits_show_in_the_served_pages(served):
    project, url = served
    english, dutch = url + f"{LESSON}/", url + f"nl/{LESSON}/"
    notice = "course-outdated"  # the notice on a translation whose English page changed
    assert notice not in fetch(dutch)

    # a Dutch lesson: rebuilt alone; the English page is still served
    append(project / f"docs/nl/{LESSON}.md", "Een nieuwe alinea van de vertaler.")
    wait_for(dutch, "Een nieuwe alinea van de vertaler.")
    assert "<h1" in fetch(english) and "Een nieuwe alinea" not in fetch(english)

    # an English lesson: its page changes, and the Dutch page now says it may be outdated
    append(project / f"docs/en/{LESSON}.md", "A new paragraph by the author.")
    wait_for(english, "A new paragraph by the author.")
    wait_for(dutch, notice, "Een nieuwe alinea van de vertaler.")

    # interface wording in data/: every language
    ui = project / "data/ui.yml"
    ui.write_text(ui.read_text(encoding="utf-8").replace("Reading time: about", "Reading time: roughly")
                  .replace("Leestijd: ongeveer", "Leestijd: circa"), encoding="utf-8")
    wait_for(english, "Reading time: roughly", "A new paragraph by the author.")
    wait_for(dutch, "Leestijd: circa", notice)

    # the navigation in mkdocs.yml
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - About:\n", "  - About the course:\n"),
                      encoding="utf-8")
    wait_for(english, "About the course", "Reading time: roughly")


@pytest.mark.parametrize("language", project_languages().all)
def test_a_one_language_rebuild_leaves_the_same_site_as_a_full_build(language, tmp_path, monkeypatch):
    """The rebuild mkdocs serve does after a save in one language's pages, compared file by file
    with a fresh build (the source language's first save outdates translations: a full rebuild)."""
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000/")
    monkeypatch.delenv("LANG_ONLY", raising=False)  # make exports it, empty or not
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from course import edit_loop

    monkeypatch.setattr(edit_loop, "_serving", False)  # put back as it was after the test
    monkeypatch.setattr(edit_loop, "_versions", None)
    load = lambda site: load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    first = load(tmp_path / "served")
    first.plugins.on_startup(command="serve", dirty=False)
    build(first, serve_url="http://127.0.0.1:8000/")
    saves = 2 if language == project_languages().source else 1
    for number in range(saves):
        append(project / f"docs/{language}/{LESSON}.md", f"A new paragraph, save {number}.")
        build(load(tmp_path / "served"), serve_url="http://127.0.0.1:8000/")
    assert edit_loop.only_language() == language
    edit_loop._serving = False
    build(load(tmp_path / "fresh"))
    page = tmp_path / "served" / ("" if saves == 2 else language) / LESSON / "index.html"
    assert f"A new paragraph, save {saves - 1}." in page.read_text(encoding="utf-8")
    assert _differences(tmp_path / "served", tmp_path / "fresh") == []


def _differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    found = [str(left / name) for name in comparison.left_only + comparison.right_only + comparison.diff_files]
    found += [str(left / name) for name in comparison.common_files
              if not filecmp.cmp(left / name, right / name, shallow=False)]
    for name in comparison.common_dirs:
        found += _differences(left / name, right / name)
    return sorted(set(found))


# --- which saves rebuild one language, on a small tree ------------------------------------------

@pytest.fixture()
def planner(tmp_path, monkeypatch):
    """course.edit_loop.plan on a small project, as mkdocs serve calls it; returns save((path, text)...),
    which adds each text to its file (or creates it) and returns the plan for the next build."""
    from types import SimpleNamespace

    from course import edit_loop, parity
    from course.languages import SiteLanguages

    for name, text in {"docs/en/a.md": "# A\n", "docs/en/b.md": "# B\n", "docs/nl/a.md": "# A\n",
                       "docs/nl/b.md": "# B\n", "data/ui.yml": "x: 1\n", "mkdocs.yml": "site_name: x\n"}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    for name in ("a.md", "b.md"):
        parity.mark_done(tmp_path / "docs/nl" / name, tmp_path / "docs/en" / name)
    config = SimpleNamespace(docs_dir=str(tmp_path / "docs"), config_file_path=str(tmp_path / "mkdocs.yml"),
                             watch=[str(tmp_path / "data")])
    monkeypatch.setattr(edit_loop, "_serving", False)
    monkeypatch.setattr(edit_loop, "_versions", None)
    edit_loop.serving()
    languages = SiteLanguages("en", ("en", "nl"))
    assert edit_loop.plan(config, languages, ["en", "nl"]) is None  # the first build builds everything

    def save(*changes: tuple[str, str], built: tuple[str, ...] = ("en", "nl")) -> str | None:
        for name, text in changes:
            path = tmp_path / name
            old = path.stat().st_mtime_ns if path.exists() else 0
            path.write_text((path.read_text(encoding="utf-8") if path.exists() else "") + text, encoding="utf-8")
            os.utime(path, ns=(old + 10**9, old + 10**9))  # a new version even within one clock tick
        return edit_loop.plan(config, languages, list(built))
    return save


def test_a_save_in_one_languages_pages_rebuilds_that_language(planner):
    assert planner(("docs/nl/a.md", "\nMeer.\n")) == "nl"
    assert planner(("docs/nl/a.md", "\nNog meer.\n"), ("docs/nl/b.md", "\nOok.\n")) == "nl"


def test_data_config_new_pages_and_two_languages_rebuild_everything(planner):
    assert planner(("data/ui.yml", "y: 2\n")) is None
    assert planner(("mkdocs.yml", "site_description: y\n")) is None
    assert planner(("docs/nl/c.md", "# C\n")) is None
    assert planner(("docs/nl/a.md", "\nMeer.\n"), ("docs/nl/b.md", "\nOok.\n")) == "nl"  # still fine after those
    assert planner(("docs/nl/a.md", "\nMeer.\n"), ("docs/en/b.md", "\nMore.\n")) is None


def test_an_english_save_that_outdates_a_translation_rebuilds_everything(planner):
    assert planner(("docs/en/a.md", "\nMore.\n")) is None      # the Dutch page gets its notice
    assert planner(("docs/en/a.md", "\nEven more.\n")) == "en"  # still outdated: English only
    assert planner(("docs/nl/a.md", "\nMeer.\n")) == "nl"


def test_an_english_save_that_brings_a_translation_up_to_date_rebuilds_everything(planner, tmp_path):
    english = tmp_path / "docs/en/a.md"
    assert planner(("docs/en/a.md", "\nMore.\n")) is None
    english.write_text("# A\n", encoding="utf-8")  # back to the version the translation records
    assert planner() is None


def test_one_language_builds_are_left_alone(planner):
    assert planner(("docs/nl/a.md", "\nMeer.\n"), built=("nl",)) is None
