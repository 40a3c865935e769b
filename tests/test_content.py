"""Content rules for the whole course (both languages) and the messages authors get."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from course.authoring import authoring_rules
from course.content import check_tree
from course.data import DataError, ui
from course.languages import project_languages
from course.page_checks import check_page, reading_minutes, word_count
from course.pages import parse_page, read_page, section_text
from course.terms import data_file_problems, vocabulary
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


def test_module_times_on_the_course_page_agree_with_each_module_overview():
    # the course page's time table names each module's time; the module's own "## Time" section
    # opens with the same figure ("About 4 hours: ..."), so the two cannot drift apart again
    row = re.compile(r"^\|\s*\[[^\]]+\]\(\.\./(\w+)/index\.md\)\s*\|\s*([^|]+?)\s*\|", re.M)
    for language in ("en", "nl"):
        table = read_page(DOCS / language / "start" / "how-the-course-works.md").body
        rows = dict(row.findall(table))
        assert set(rows) == set(MODULES), f"{language}: time table lists {sorted(rows)}"
        time_heading = authoring_rules()["overview"]["sections"][language][1]
        for module, stated in rows.items():
            overview = read_page(DOCS / language / module / "index.md")
            opening = (section_text(overview, time_heading) or "").strip().split(":")[0]
            assert opening.lower() == stated.lower(), f"{language}/{module}: '{opening}' vs '{stated}'"


# --- the term list (data/terms.yml) -------------------------------------------------------------

def test_every_data_file_uses_the_term_list():
    problems = []
    for path in sorted((ROOT / "data").rglob("*.yml")):
        if path.name != "terms.yml":
            problems += [f"{path.relative_to(ROOT)}:{line}: {problem}"
                         for line, problem in data_file_problems(path, list(project_languages().all))]
    assert problems == [], "\n".join(problems)


def test_a_non_preferred_dutch_term_is_named_with_its_line_and_the_preferred_term():
    text = lesson("word " * 700 + "\n\nHet verschil is het gat tussen nu en straks.")
    assert problems_of(text, "nl")[-1] == (
        "17: 'gat' is not the course's term; write 'kloof (meervoud kloven)' (data/terms.yml: gap)")


def test_a_variant_is_found_across_a_line_break_and_in_the_title():
    text = lesson("word " * 700 + "\n\nDe deelnemers aan het\nleernetwerk leerden veel.")
    text = text.replace("title: A lesson", "title: Waarom de realiteit telt")
    found = [p for p in problems_of(text, "nl") if "course's term" in p]
    assert found == [
        "1: 'realiteit' is not the course's term; write 'werkelijkheid' (data/terms.yml: reality)",
        "18: 'leernetwerk' is not the course's term; write 'lerend netwerk' (data/terms.yml: learning-network)"]


def test_allowed_phrases_links_code_and_comments_are_not_flagged():
    body = ("word " * 700 + "\n\nHoud de planning in de gaten en schrijf een business case. "
            "Zie [de les](../x/case.md), `gat` en <!-- realiteit -->.\n\n```\ngat\n```")
    assert [p for p in problems_of(lesson(body), "nl") if "course's term" in p] == []


def test_each_language_is_checked_against_its_own_variants():
    english = lesson("word " * 700 + "\n\nWe made it discussable; the gat in Dutch is fine here.")
    assert [p for p in problems_of(english) if "course's term" in p] == [
        "17: 'discussable' is not the course's term; write 'open to discussion' (data/terms.yml: open-to-discussion)"]


def test_data_files_are_checked_per_language_value_with_the_variants_line(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("a:\n  label: {en: The gap, nl: Het gat}\n"
                    "  help:\n    en: >-\n      A discussable point\n    nl: >-\n      Eerste regel,\n"
                    "      dan de realiteit.\n", encoding="utf-8")
    assert data_file_problems(path, ["en", "nl"]) == [
        (2, "'gat' is not the course's term; write 'kloof (meervoud kloven)' (data/terms.yml: gap)"),
        (5, "'discussable' is not the course's term; write 'open to discussion' (data/terms.yml: open-to-discussion)"),
        (8, "'realiteit' is not the course's term; write 'werkelijkheid' (data/terms.yml: reality)")]


def test_a_malformed_term_list_names_the_file_and_term(tmp_path):
    path = tmp_path / "terms.yml"
    path.write_text("terms:\n  - id: gap\n    avoid: {nl: [gat]}\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"terms\.yml: terms\[0\] \(gap\): has variants to avoid in 'nl' but no 'nl' term"):
        vocabulary("nl", path)


def test_the_blank_experiment_card_has_every_field_of_the_card_in_the_action_plan():
    # the paper card and the card in the browser ask the same questions, in each language
    fields = ("experiment_what", "experiment_prediction", "experiment_measure", "experiment_who",
              "experiment_happened", "experiment_learned", "experiment_next")
    for language in ("en", "nl"):
        wording = ui(language)
        template = read_page(DOCS / language / "results" / "experiment-card-template.md").body
        rows = {row.split("|")[1].strip() for row in template.splitlines() if row.startswith("| ")}
        missing = [wording[key] for key in fields if wording[key] not in rows]
        assert missing == [], f"{language}: the blank experiment card lacks {missing}"
        for decision in ("adopt", "adapt", "abandon"):
            assert wording[f"experiment_decision_{decision}"].lower() in template.lower()


def test_a_data_file_that_is_not_yaml_is_named_with_its_line_instead_of_crashing_the_check(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("a:\n  nl: [ongesloten\n", encoding="utf-8")
    [(line, problem)] = data_file_problems(path, ["en", "nl"])
    assert line == 3 and problem.startswith("YAML syntax error")


def test_the_old_should_wording_of_the_second_question_is_flagged_in_every_language():
    # "how true should it be" invites everyone to answer 6; the test asks what the learner wants, realistically
    english = lesson("word " * 700 + "\n\nRate it today and say how true it should be in twelve\nmonths.")
    dutch = lesson("word " * 700 + "\n\nHoe waar zou het over twaalf maanden moeten zijn?")
    assert [p for p in problems_of(english) if "course's term" in p] == [
        "17: 'should be in twelve months' is not the course's term; write 'how true do you want this to be in "
        "twelve months, realistically?' (data/terms.yml: aspiration-question)"]
    assert [p.split(";")[0] for p in problems_of(dutch, "nl") if "course's term" in p] == [
        "17: 'over twaalf maanden moeten zijn' is not the course's term"]


def test_the_term_list_gives_the_second_question_as_the_test_asks_it():
    # pages quote the question from the term list; the test page shows it from the item bank
    import yaml
    terms = {t["id"]: t for t in yaml.safe_load((ROOT / "data/terms.yml").read_text(encoding="utf-8"))["terms"]}
    bank = yaml.safe_load((ROOT / "data/culture-test.yml").read_text(encoding="utf-8"))
    for language in project_languages().all:
        asked = bank["questions"]["aspiration"][language]
        assert terms["aspiration-question"][language].lower() == asked.lower(), language
