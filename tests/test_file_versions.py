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


def test_a_page_saved_during_a_build_is_read_whole_as_it_is_now(tmp_path):
    """The build keeps each page's outline (front matter, headings) and reads the body again when a
    hook needs it: a save in between must not pair the old outline with the new body."""
    page = tmp_path / "lesson.md"
    _edit(page, "First", 1_000_000_000)
    try:
        file_cache.build_started()
        assert [h.text for h in read_page(page).headings] == ["First"]
        page.write_text(PAGE.format(title="Second") + "\n## Added\n", encoding="utf-8")
        os.utime(page, ns=(2_000_000_000, 2_000_000_000))
        again = read_page(page)
        assert [h.text for h in again.headings] == ["Second", "Added"]
        assert again.body == "\n# Second\n\n## Added\n" and again.meta["title"] == "Second"
    finally:
        file_cache.build_ended()


def test_the_cached_outline_and_the_body_read_again_make_the_page_as_parsed(tmp_path):
    page = tmp_path / "lesson.md"
    page.write_text("---\r\ntitle: T\r\nkind: lesson\r\n---\r\n\r\n# T\r\n\r\nText <!-- prompt: p -->\r\n", encoding="utf-8")
    first, second = read_page(page), read_page(page)  # the second from the cached outline
    assert first == second
    assert second.body == "\n# T\n\nText <!-- prompt: p -->\n" and second.body_line == 5
    assert [m.key for m in second.markers] == ["prompt:p"] and second.meta == {"title": "T", "kind": "lesson"}
