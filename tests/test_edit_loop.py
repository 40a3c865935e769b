"""The edit loop: under `mkdocs serve` (as `make serve` runs it) every kind of save shows up in the
served pages, and a one-language rebuild leaves the same site as a full build."""
from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import copy_project, free_port

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


@pytest.fixture()
def served(tmp_path):
    """A copy of the course under `mkdocs serve`, with the address `make serve` gives it."""
    project = copy_project(tmp_path / "project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(url + f"nl/{LESSON}/", "<h1")
        yield project, url
    finally:
        server.terminate()
        server.wait(timeout=30)


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


def test_a_one_language_rebuild_leaves_the_same_site_as_a_full_build(tmp_path, monkeypatch):
    """The rebuild mkdocs serve does after a Dutch save, compared file by file with a fresh build."""
    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:8000/")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from course import edit_loop

    monkeypatch.setattr(edit_loop, "_serving", False)  # put back as it was after the test
    monkeypatch.setattr(edit_loop, "_versions", None)
    load = lambda site: load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    first = load(tmp_path / "served")
    first.plugins.on_startup(command="serve", dirty=False)
    build(first, serve_url="http://127.0.0.1:8000/")
    append(project / f"docs/nl/{LESSON}.md", "Een nieuwe alinea van de vertaler.")
    build(load(tmp_path / "served"), serve_url="http://127.0.0.1:8000/")
    assert edit_loop.only_language() == "nl"
    edit_loop._serving = False
    build(load(tmp_path / "fresh"))
    assert "Een nieuwe alinea van de vertaler." in (tmp_path / f"served/nl/{LESSON}/index.html").read_text()
    assert _differences(tmp_path / "served", tmp_path / "fresh") == []


def _differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    found = [str(left / name) for name in comparison.left_only + comparison.right_only + comparison.diff_files]
    found += [str(left / name) for name in comparison.common_files
              if not filecmp.cmp(left / name, right / name, shallow=False)]
    for name in comparison.common_dirs:
        found += _differences(left / name, right / name)
    return sorted(set(found))
