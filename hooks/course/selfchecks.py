"""Module self-checks: load data/selfchecks/<module>.yml into validated dataclasses."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.data import DATA, DataError, configured, load_yaml
from course.schema import Problems, identifier, mapping, sequence, text

MIN_QUESTIONS, MAX_QUESTIONS = 4, 6
TYPES = ("single", "multiple")
LEVELS = ("recall", "application")  # remembering what a lesson said, or using it in a situation


@dataclass(frozen=True)
class Option:
    id: str
    correct: bool
    text: dict[str, str]
    feedback: dict[str, str]


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    text: dict[str, str]
    options: tuple[Option, ...]
    level: str = "application"
    point: str = ""  # the one learning point the question tests, unique across the course


@dataclass(frozen=True)
class SelfCheck:
    module: str
    questions: tuple[Question, ...]


def load_self_checks(folder: Path = DATA / "selfchecks", languages: tuple[str, ...] | None = None) -> dict[str, SelfCheck]:
    """Every module's self-check in the site's `languages`, keyed by module; DataError names file,
    key and problem."""
    checks = {}
    points: dict[str, str] = {}
    problems = []
    for path in sorted(folder.glob("*.yml")):
        check = load_self_check(path, languages)
        checks[check.module] = check
        for question in check.questions:
            if question.point in points:
                problems.append(f"{path}: {question.id}: tests the point '{question.point}', "
                                f"which {points[question.point]} already tests; ask about something else")
            points[question.point] = question.id
    if problems:
        raise DataError("\n".join(problems))
    return checks


def load_self_check(path: Path, languages: tuple[str, ...] | None = None) -> SelfCheck:
    """One self-check file."""
    problems = Problems(path, configured(languages))
    data = mapping(load_yaml(path), "top level", problems)
    problems.raise_if_any()
    module = data.get("module")
    if module != path.stem:
        problems.add("module", f"is {module!r}; expected '{path.stem}' (the file name)")
    seen: set[str] = set()
    questions = tuple(_question(entry, index, problems, seen)
                      for index, entry in enumerate(sequence(data.get("questions"), "questions", problems)))
    if not MIN_QUESTIONS <= len(questions) <= MAX_QUESTIONS:
        problems.add("questions", f"has {len(questions)} questions; expected {MIN_QUESTIONS} to {MAX_QUESTIONS}")
    problems.raise_if_any()
    return SelfCheck(str(module), questions)


def _question(entry: object, index: int, problems: Problems, seen: set[str]) -> Question:
    entry = mapping(entry, f"questions[{index}]", problems)
    where = f"questions[{index}] ({entry.get('id')})"
    question_id = identifier(entry.get("id"), where, problems, seen)
    kind = entry.get("type")
    if kind not in TYPES:
        problems.add(where, f"type is {kind!r}; expected one of {', '.join(TYPES)}")
    level = entry.get("level")
    if level not in LEVELS:
        problems.add(where, f"level is {level!r}; expected one of {', '.join(LEVELS)}")
    point = entry.get("point")
    if not isinstance(point, str) or not point.strip():
        problems.add(where, "needs a 'point': a short name for the one learning point it tests")
    option_ids: set[str] = set()
    options = []
    for number, option in enumerate(sequence(entry.get("options"), f"{where}.options", problems)):
        option = mapping(option, f"{where}.options[{number}]", problems)
        at = f"{where}.options[{number}] ({option.get('id')})"
        if not isinstance(option.get("correct"), bool):
            problems.add(at, "needs 'correct: true' or 'correct: false'")
        options.append(Option(identifier(option.get("id"), at, problems, option_ids), option.get("correct") is True,
                              text(option.get("text"), f"{at}.text", problems),
                              text(option.get("feedback"), f"{at}.feedback", problems)))
    correct = sum(o.correct for o in options)
    if len(options) < 2:
        problems.add(where, f"has {len(options)} options; expected at least 2")
    elif kind == "single" and correct != 1:
        problems.add(where, f"is a single-choice question with {correct} correct options; expected exactly 1")
    elif kind == "multiple" and correct < 1:
        problems.add(where, "is a multiple-choice question with no correct option")
    return Question(question_id, str(kind), text(entry.get("question"), f"{where}.question", problems), tuple(options),
                    str(level), str(point))
