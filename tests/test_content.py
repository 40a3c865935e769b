"""Content rules for the whole course (both languages) and the messages authors get."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from course.content import check_page, check_tree, reading_minutes, word_count
from course.pages import parse_page, read_page
from html_tools import nav_pages

DOCS = ROOT / "docs"
MODULES = {"introduction": 4, "why": 4, "how": 6, "what": 4, "results": 4}


def all_pages() -> list[tuple[str, Path]]:
    return [(lang, path) for lang in ("en", "nl") for path in sorted((DOCS / lang).rglob("*.md"))]


def test_every_page_follows_the_authoring_rules():
    """The rules `make check` applies (python -m course.content check), descriptions of their own included."""
    problems = [str(finding) for finding in check_tree(DOCS)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("module,minimum", MODULES.items())
def test_every_module_has_an_overview_lessons_and_a_self_check(module, minimum):
    for language in ("en", "nl"):
        folder = DOCS / language / module
        kinds = {p.name: read_page(p).meta.get("kind") for p in folder.glob("*.md")}
        assert kinds.get("index.md") == "overview", f"{folder}/index.md is not an overview"
        lessons = [name for name, kind in kinds.items() if kind == "lesson"]
        assert len(lessons) >= minimum, f"{folder}: {len(lessons)} lessons, need {minimum}"
        assert read_page(folder / "self-check.md").meta.get("generate") == "self-check"


def test_every_page_is_reachable_from_the_navigation():
    listed = set(nav_pages(ROOT / "mkdocs.yml"))
    for language in ("en", "nl"):
        pages = {str(p.relative_to(DOCS / language)) for p in (DOCS / language).rglob("*.md")}
        assert pages - listed == set(), f"{language} pages missing from nav"
        assert listed - pages == set(), f"nav pages missing in {language}"


def test_every_lesson_gets_a_reading_time_from_its_own_words():
    for language, path in all_pages():
        page = read_page(path)
        if page.meta.get("kind") == "lesson":
            assert reading_minutes(page, language) >= 3, path


# --- the rules themselves, on small pages -------------------------------------------------------

LESSON = """---
title: A lesson
description: A description that is long enough to pass the length rule of the authoring guide.
kind: lesson
---

# A lesson

## Learning objectives

- Know things.

## Body

{body}

!!! example "Scenario: a team"
    Something happens.

## Reflection questions

1. Why?

## Your action plan

<!-- prompt: how-levers -->

## Key takeaways

- One.

## Sources

- Senge, P. (1990). *The Fifth Discipline*. [Publisher]({url})
"""


def lesson(body: str = "word " * 700, url: str = "https://example.org/book") -> str:
    return LESSON.format(body=body, url=url)


def problems_of(text: str, language: str = "en") -> list[str]:
    return [f"{line}: {problem}" for line, problem in check_page(parse_page(Path("x.md"), text), language)]


def test_a_complete_lesson_passes():
    assert problems_of(lesson()) == []


def test_word_count_excludes_sources_and_link_targets():
    page = parse_page(Path("x.md"), lesson())
    assert 700 < word_count(page, "en") < 740


def test_too_short_lesson_is_reported_with_its_count():
    assert problems_of(lesson(body="word " * 100)) == ["7: lesson has 124 words; expected 600 to 1200"]


def test_missing_section_is_named():
    text = lesson().replace("## Key takeaways", "## Takeaways")
    assert problems_of(text) == [
        "28: lesson has no section '## Key takeaways' here (required, in this order: Learning objectives, *, "
        "Reflection questions, Your action plan, Key takeaways, Sources)"]


def test_dutch_lesson_needs_dutch_headings():
    assert "lesson has no section '## Leerdoelen'" in problems_of(lesson(), "nl")[0]


def test_malformed_source_link_is_reported_with_its_line():
    assert problems_of(lesson(url="https://exa mple")) == [
        "34: external link 'https://exa mple' is not a well-formed URL"]


def test_missing_description_and_prompt_marker_are_reported():
    text = lesson().replace("description: A description that is long enough to pass the length rule of the authoring guide.\n", "")
    text = text.replace("<!-- prompt: how-levers -->", "")
    assert problems_of(text) == [
        "1: front matter has no 'description'",
        "6: section '## Your action plan' has no <!-- prompt: ID --> marker",
    ]
