"""Hooks read pages and data files through caches: an edit must show in the next build (as under
`mkdocs serve`) and at once outside a build (tests, `make translations-done`)."""
from __future__ import annotations

import os

from course import file_cache
from course.pages import read_page

PAGE = "---\ntitle: {title}\n---\n\n# {title}\n"


def _edit(path, title: str, tick: int) -> None:
    path.write_text(PAGE.format(title=title), encoding="utf-8")
    os.utime(path, ns=(tick, tick))  # a distinct modification time, even on a coarse clock


def test_an_edited_page_is_read_again_by_the_next_build(tmp_path):
    page = tmp_path / "lesson.md"
    _edit(page, "First", 1_000_000_000)
    try:
        file_cache.build_started()
        assert read_page(page).meta["title"] == "First"
        file_cache.build_started()  # mkdocs serve: the author saved, the site rebuilds
        _edit(page, "Second", 2_000_000_000)
        assert read_page(page).meta["title"] == "Second"
    finally:
        file_cache.build_ended()


def test_outside_a_build_every_read_sees_the_file_as_it_is(tmp_path):
    page = tmp_path / "lesson.md"
    _edit(page, "First", 1_000_000_000)
    assert read_page(page).meta["title"] == "First"
    _edit(page, "Second and longer", 2_000_000_000)
    assert read_page(page).meta["title"] == "Second and longer"
