"""When an English page changes, its Dutch page tells readers the translation may be outdated."""
from __future__ import annotations

from conftest import build_site, copy_project
from html_tools import built_path

NOTICE = '<p class="admonition-title">Deze vertaling is mogelijk verouderd</p>'


def test_outdated_dutch_page_shows_notice_with_link_to_english(tmp_path):
    project = copy_project(tmp_path / "project")
    lesson = project / "docs/en/how/eight-levers.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nOne more sentence for the English readers.\n", encoding="utf-8")

    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", project=project)

    changed = built_path(tmp_path / "site", "how/eight-levers.md", "nl").read_text(encoding="utf-8")
    assert NOTICE in changed
    assert 'href="../../../how/eight-levers/" hreflang="en">Lees de Engelse pagina</a>' in changed
    untouched = built_path(tmp_path / "site", "how/action-learning.md", "nl").read_text(encoding="utf-8")
    assert NOTICE not in untouched
    english = built_path(tmp_path / "site", "how/eight-levers.md", "en").read_text(encoding="utf-8")
    assert "course-outdated" not in english
    assert "translation may be outdated: docs/en/how/eight-levers.md has changed" in result.stderr
