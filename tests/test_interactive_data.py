"""Validation of the test item bank and the self-checks: every error names file, key and problem."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project
from course.item_bank import load_item_bank
from course.selfchecks import load_self_check, load_self_checks
from course.data import DataError

BANK = yaml.safe_load((ROOT / "data/culture-test.yml").read_text(encoding="utf-8"))


def write(tmp_path: Path, data: object, name: str = "culture-test.yml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def bank_error(tmp_path: Path, change) -> str:
    data = yaml.safe_load(yaml.safe_dump(BANK))
    change(data)
    with pytest.raises(DataError) as error:
        load_item_bank(write(tmp_path, data))
    return str(error.value)


def test_the_course_item_bank_is_valid():
    bank = load_item_bank()
    assert 7 <= len(bank.dimensions) <= 9
    assert all(3 <= len(bank.statements_of(d.id)) <= 4 for d in bank.dimensions)


def test_yaml_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "culture-test.yml"
    path.write_text("version: 1\nscale:\n  min: 1\n  max: [6\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_item_bank(path)
    assert str(error.value).startswith(f"{path}:5: YAML syntax error:")


def test_unknown_dimension(tmp_path):
    def change(data):
        data["statements"][0]["dimension"] = "leadershp"
    first = BANK["statements"][0]["id"]
    assert f"statements[0] ({first}): unknown dimension 'leadershp'" in bank_error(tmp_path, change)


def test_duplicate_id(tmp_path):
    def change(data):
        data["statements"][1]["id"] = data["statements"][0]["id"]
    message = bank_error(tmp_path, change)
    assert f"statements[1] ({BANK['statements'][0]['id']}): duplicate id '{BANK['statements'][0]['id']}'" in message


def test_missing_language(tmp_path):
    def change(data):
        del data["statements"][2]["nl"]
        data["dimensions"][0]["title"].pop("en")
    message = bank_error(tmp_path, change)
    assert f"statements[2] ({BANK['statements'][2]['id']}): missing 'nl' text" in message
    assert f"dimensions[0] ({BANK['dimensions'][0]['id']}).title: missing 'en' text" in message


def test_wrong_scale(tmp_path):
    def change(data):
        data["scale"]["max"] = 5
    assert "scale: the scale must run from 1 to 6, found 1 to 5" in bank_error(tmp_path, change)


def test_dimension_with_too_few_statements(tmp_path):
    dimension = BANK["dimensions"][0]["id"]

    def change(data):
        keep = [s for s in data["statements"] if s["dimension"] == dimension][:2]
        data["statements"] = [s for s in data["statements"] if s["dimension"] != dimension] + keep
    assert f"dimensions ({dimension}): has 2 statements; expected 3 to 4" in bank_error(tmp_path, change)


def test_every_problem_is_reported_at_once_with_the_file(tmp_path):
    def change(data):
        data["scale"]["min"] = 0
        data["statements"][0]["dimension"] = "nope"
    message = bank_error(tmp_path, change)
    assert len(message.splitlines()) >= 2
    assert all(line.startswith(str(tmp_path / "culture-test.yml")) for line in message.splitlines())


# --- self-checks ------------------------------------------------------------------------------

CHECK = yaml.safe_load((ROOT / "data/selfchecks/why.yml").read_text(encoding="utf-8"))


def check_error(tmp_path: Path, change) -> str:
    data = yaml.safe_load(yaml.safe_dump(CHECK))
    change(data)
    with pytest.raises(DataError) as error:
        load_self_check(write(tmp_path, data, "why.yml"))
    return str(error.value)


def test_the_course_self_checks_are_valid():
    checks = load_self_checks()
    assert set(checks) == {"introduction", "why", "how", "what", "results"}
    assert all(4 <= len(c.questions) <= 6 for c in checks.values())


def test_single_choice_question_needs_exactly_one_right_option(tmp_path):
    def change(data):
        for option in data["questions"][0]["options"]:
            option["correct"] = True
        data["questions"][0]["type"] = "single"
    q = CHECK["questions"][0]["id"]
    count = len(CHECK["questions"][0]["options"])
    assert f"questions[0] ({q}): is a single-choice question with {count} correct options; expected exactly 1" in check_error(tmp_path, change)


def test_option_without_feedback_and_too_few_questions(tmp_path):
    def change(data):
        del data["questions"][0]["options"][0]["feedback"]["nl"]
        data["questions"] = data["questions"][:1]
    message = check_error(tmp_path, change)
    q, o = CHECK["questions"][0]["id"], CHECK["questions"][0]["options"][0]["id"]
    assert f"questions[0] ({q}).options[0] ({o}).feedback: missing 'nl' text" in message
    assert "questions: has 1 questions; expected 4 to 6" in message


def test_broken_item_bank_stops_the_build_and_builds_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    bank = project / "data/culture-test.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("dimension: leadership", "dimension: leadershp", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    assert "Learning Culture test:" in result.stderr
    assert "unknown dimension 'leadershp'" in result.stderr
    assert not (tmp_path / "site/introduction/learning-culture-test/index.html").exists()


# --- revisions of the item bank -----------------------------------------------------------------

def test_the_course_revisions_account_for_every_statement():
    bank = load_item_bank()
    assert [r.version for r in bank.revisions] == list(range(2, bank.version + 1))
    latest = bank.revisions[-1]
    targets = {c.target for c in latest.changes if c.target}
    assert targets <= {s.id for s in bank.statements}
    # the removed statements keep their old wording, in both languages, for the results page
    assert all(set(c.removed_text) == {"en", "nl"} for c in latest.changes if c.target is None)
    # every dimension keeps at least two carried-over statements, so an old attempt still has a mean
    carried = {s.dimension for s in bank.statements if s.id in targets}
    assert all(sum(s.id in targets for s in bank.statements_of(d.id)) >= 2 for d in bank.dimensions), carried


def test_revision_pointing_to_an_unknown_statement(tmp_path):
    def change(data):
        data["revisions"][-1]["statements"][0]["to"] = "leadership-99"
    first = BANK["revisions"][-1]["statements"][0]["from"]
    assert (f"({first}): 'leadership-99' is not a statement of version {BANK['version']}"
            in bank_error(tmp_path, change))


def test_revision_giving_two_old_statements_one_new_one(tmp_path):
    def change(data):
        data["revisions"][-1]["statements"][1]["to"] = data["revisions"][-1]["statements"][0]["to"]
    target = BANK["revisions"][-1]["statements"][0]["to"]
    assert f"'{target}' already takes over the ratings of another statement" in bank_error(tmp_path, change)


def test_revision_needs_to_or_removed_and_a_version_each(tmp_path):
    def change(data):
        entry = data["revisions"][-1]["statements"][0]
        entry["removed"] = {"en": "Old", "nl": "Oud"}
        data["version"] = BANK["version"] + 1
    message = bank_error(tmp_path, change)
    assert "needs either 'to' (the statement taking over its ratings) or 'removed' (its old text)" in message
    assert f"revisions: expected one revision for each version from 2 to {BANK['version'] + 1}" in message
