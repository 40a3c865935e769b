"""The action-plan prompt loader and the route/certificate data: the course's own data loads, and
every mistake an author can make is reported with file, key and problem."""
from __future__ import annotations

from pathlib import Path

import pytest

from course.milestones import load_criteria, load_routes
from course.data import DataError
from course.worksheet import MODULES, load_prompts

GOOD = """\
prompts:
  - id: why-case
    module: why
    type: long
    label: {en: Your case, nl: Jouw pleidooi}
    help: {en: Say why., nl: Zeg waarom.}
  - id: what-pick
    module: what
    type: choice
    label: {en: Pick one, nl: Kies er een}
    help: {en: One only., nl: Maar één.}
    choices:
      - {id: a, label: {en: A, nl: A}}
      - {id: b, label: {en: B, nl: B}}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(call) -> str:
    with pytest.raises(DataError) as caught:
        call()
    return str(caught.value)


def test_the_course_prompts_routes_and_criteria_load():
    prompts = load_prompts()
    assert len(prompts) >= 30
    assert {p.module for p in prompts.values()} == set(MODULES)
    for prompt in prompts.values():
        assert prompt.label["en"] and prompt.label["nl"] and prompt.help["en"] and prompt.help["nl"]
    routes = load_routes(set(prompts))
    assert [r.id for r in routes] == ["individual", "team", "community"]
    criteria = load_criteria(set(prompts))
    assert [c.check["kind"] for c in criteria] == ["all-modules-done", "test-taken", "prompts-filled", "experiment-planned", "prompts-filled"]
    assert criteria[2].check["prompts"] == ["results-learned", "results-will-do", "results-help-others"]
    # sharing one learning earns the certificate, as the course promises (start/certificate.md)
    assert criteria[4].check["prompts"] == ["results-shared"]


def test_a_valid_file_gives_dataclasses_with_both_languages(tmp_path):
    write(tmp_path, "a.yml", GOOD)
    prompts = load_prompts(tmp_path)
    assert list(prompts) == ["why-case", "what-pick"]
    assert prompts["what-pick"].for_browser("nl") == {
        "id": "what-pick", "module": "what", "type": "choice", "label": "Kies er een",
        "choices": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}


@pytest.mark.parametrize(("change", "expected"), [
    (("module: why", "module: later"), "prompts[0] (why-case).module: 'later' is not one of start, introduction"),
    (("type: long", "type: essay"), "prompts[0] (why-case).type: 'essay' is not one of short, long, choice, date"),
    (("label: {en: Your case, nl: Jouw pleidooi}", "label: {en: Your case}"), "prompts[0] (why-case).label: missing 'nl' text"),
    (("help: {en: Say why., nl: Zeg waarom.}", "help: Say why."), "prompts[0] (why-case).help: expected a mapping"),
    (("id: why-case", "id: Why Case"), "prompts[0] (Why Case).id: id 'Why Case' must be lowercase letters"),
    (("id: what-pick", "id: why-case"), "prompts[1] (why-case).id: duplicate id 'why-case'"),
    (("      - {id: b, label: {en: B, nl: B}}\n", ""), "prompts[1] (what-pick).choices: a choice prompt needs at least two choices"),
    (("    module: why\n", "    module: why\n    colour: red\n"), "prompts[0] (why-case).colour: unknown key"),
])
def test_each_mistake_names_file_key_and_problem(tmp_path, change, expected):
    path = write(tmp_path, "a.yml", GOOD.replace(*change, 1))
    message = error_of(lambda: load_prompts(tmp_path))
    assert message.startswith(f"{path}: ")
    assert expected in message


def test_all_problems_of_a_file_are_reported_at_once(tmp_path):
    write(tmp_path, "a.yml", GOOD.replace("type: long", "type: essay").replace("module: what", "module: later"))
    message = error_of(lambda: load_prompts(tmp_path))
    assert "(why-case).type" in message and "(what-pick).module" in message


def test_a_prompt_id_used_in_two_files_names_both(tmp_path):
    write(tmp_path, "a.yml", GOOD)
    second = write(tmp_path, "b.yml", GOOD.split("  - id: what-pick")[0])
    message = error_of(lambda: load_prompts(tmp_path))
    assert message == f"{second}: prompt id 'why-case' is already used in {tmp_path / 'a.yml'}"


def test_a_yaml_syntax_error_names_file_and_line(tmp_path):
    path = write(tmp_path, "a.yml", "prompts:\n  - id: x\n    label: {en: [\n")
    assert error_of(lambda: load_prompts(tmp_path)).startswith(f"{path}:")


ROUTES = """\
routes:
  - id: solo
    label: {en: Solo, nl: Solo}
    summary: {en: Alone., nl: Alleen.}
    page: start/route-individual.md
    checklist:
      - id: test
        label: {en: Test, nl: Test}
        check: {kind: test-taken, attempt: first}
"""


@pytest.mark.parametrize(("change", "expected"), [
    (("kind: test-taken, attempt: first", "kind: quiz"), "routes[0] (solo).checklist[0] (test).check.kind: 'quiz' is not one of"),
    (("attempt: first", "attempt: third"), "check.attempt: 'third' is not one of first, retake"),
    (("kind: test-taken, attempt: first", "kind: prompts-filled, prompts: [nope]"), "check.prompts: unknown prompt id 'nope'"),
    (("kind: test-taken, attempt: first", "kind: module-done, module: extra"), "check.module: 'extra' is not one of"),
    (("kind: test-taken, attempt: first", "kind: manual, module: why"), "a 'manual' check has exactly the keys kind"),
    (("page: start/route-individual.md", "page: 42"), "routes[0] (solo).page: expected the path of a course page"),
])
def test_route_mistakes_name_file_key_and_problem(tmp_path, change, expected):
    path = write(tmp_path, "routes.yml", ROUTES.replace(*change, 1))
    message = error_of(lambda: load_routes({"why-case"}, path))
    assert message.startswith(f"{path}: ")
    assert expected in message


def test_certificate_criteria_cannot_be_ticked_off_by_hand(tmp_path):
    path = write(tmp_path, "certificate.yml", "criteria:\n  - id: x\n    label: {en: X, nl: X}\n    check: {kind: manual}\n")
    assert "criteria[0] (x).check.kind: 'manual' is not one of" in error_of(lambda: load_criteria(set(), path))


def test_an_unquoted_comma_in_a_flow_mapping_is_caught(tmp_path):
    path = write(tmp_path, "a.yml", GOOD.replace("label: {en: Your case, nl: Jouw pleidooi}", "label: {en: Your case, in short, nl: Jouw pleidooi}"))
    message = error_of(lambda: load_prompts(tmp_path))
    assert f"{path}: prompts[0] (why-case).label: unexpected key 'in short'; put text with commas in quotes" in message
