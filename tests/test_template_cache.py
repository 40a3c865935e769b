"""Compiled templates kept between builds (hooks/build_cache.py, .cache/templates beside mkdocs.yml):
an author's edit to a template shows in the next build, and a damaged or unwritable cache costs
only speed, never a wrong or failed build."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from jinja2.bccache import bc_magic

from conftest import build_site, copy_project

LESSON = "how/eight-levers/index.html"
FRAGMENT = "overrides/fragments/reading-time.html"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("project"))


def cached(project: Path) -> dict[str, int]:
    """Each cache file and its modification time."""
    return {path.name: path.stat().st_mtime_ns for path in (project / ".cache/templates").glob("*.cache")}


def test_a_second_build_reuses_the_templates_and_an_edited_one_is_compiled_again(project, tmp_path):
    build_site(tmp_path / "first", "http://127.0.0.1:8000/", project)
    before = cached(project)
    assert len(before) >= 20, before  # the theme's templates and the course's fragments
    build_site(tmp_path / "second", "http://127.0.0.1:8000/", project)
    assert cached(project) == before  # nothing compiled, nothing written again
    assert (tmp_path / "second" / LESSON).read_bytes() == (tmp_path / "first" / LESSON).read_bytes()
    fragment = project / FRAGMENT
    fragment.write_text(fragment.read_text(encoding="utf-8").replace(
        'class="course-reading-time"', 'class="course-reading-time" data-edited'), encoding="utf-8")
    build_site(tmp_path / "third", "http://127.0.0.1:8000/", project)
    assert "data-edited" in (tmp_path / "third" / LESSON).read_text(encoding="utf-8")
    after = cached(project)
    assert [name for name in after if after[name] != before.get(name)], "the edited fragment was not stored again"


def test_damaged_or_unwritable_cache_gives_the_same_site(project, tmp_path):
    build_site(tmp_path / "fresh", "http://127.0.0.1:8000/", project)
    files = sorted((project / ".cache/templates").glob("*.cache"))
    for path in files[::2]:
        path.write_bytes(bc_magic + b"not a pickled checksum")
    for path in files[1::2]:
        path.write_bytes(path.read_bytes()[:len(path.read_bytes()) // 2])  # cut short
    build_site(tmp_path / "damaged", "http://127.0.0.1:8000/", project)
    assert (tmp_path / "damaged" / LESSON).read_bytes() == (tmp_path / "fresh" / LESSON).read_bytes()
    shutil.rmtree(project / ".cache")
    (project / ".cache").write_text("a file where the cache folder would go", encoding="utf-8")
    build_site(tmp_path / "unwritable", "http://127.0.0.1:8000/", project)
    assert (tmp_path / "unwritable" / LESSON).read_bytes() == (tmp_path / "fresh" / LESSON).read_bytes()
