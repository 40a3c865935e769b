"""The Learning Culture test's item bank: load data/culture-test.yml into validated dataclasses."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.data import DATA, configured, load_yaml, loaded
from course.item_bank_revisions import Revision, revisions_of
from course.schema import Problems, identifier, mapping, sequence, text

MIN_DIMENSIONS, MAX_DIMENSIONS = 7, 9
MIN_STATEMENTS, MAX_STATEMENTS = 3, 4


@dataclass(frozen=True)
class ScaleLabel:
    value: int
    text: dict[str, str]


@dataclass(frozen=True)
class Dimension:
    id: str
    title: dict[str, str]
    description: dict[str, str]


@dataclass(frozen=True)
class Statement:
    id: str
    dimension: str
    text: dict[str, str]


@dataclass(frozen=True)
class ItemBank:
    version: int
    attempts: tuple[str, ...]  # in order: the first attempt, then the retake
    scale_min: int
    scale_max: int
    labels: tuple[ScaleLabel, ...]
    questions: dict[str, dict[str, str]]  # "reality" / "aspiration" -> language -> text
    dimensions: tuple[Dimension, ...]
    statements: tuple[Statement, ...]
    revisions: tuple[Revision, ...] = ()

    def statements_of(self, dimension: str) -> list[Statement]:
        return [s for s in self.statements if s.dimension == dimension]

    def scale_texts(self, language: str) -> list[tuple[int, str]]:
        """(value, label) of every point on the scale, in one language."""
        return [(label.value, label.text[language]) for label in self.labels]

    def question_texts(self, language: str) -> list[tuple[str, str]]:
        """(question id, question) of both ratings of every statement, in one language."""
        return [(question, texts[language]) for question, texts in self.questions.items()]


def item_bank(languages: tuple[str, ...]) -> ItemBank:
    """The item bank for the build: loaded once while data/ is unchanged; a broken bank stops it."""
    return loaded("Learning Culture test", load_item_bank, languages=languages)


def load_item_bank(path: Path = DATA / "culture-test.yml", languages: tuple[str, ...] | None = None) -> ItemBank:
    """Read and validate the item bank in the site's `languages` (default: mkdocs.yml's); raise
    DataError listing every problem with file and key."""
    problems = Problems(path, configured(languages))
    data = mapping(load_yaml(path), "top level", problems)
    problems.raise_if_any()
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        problems.add("version", f"expected a whole number of 1 or more, found {version!r}")
    attempts = _attempts(data, problems)
    scale_min, scale_max, labels = _scale(data.get("scale"), problems)
    questions_data = mapping(data.get("questions"), "questions", problems)
    questions = {key: text(questions_data.get(key), f"questions.{key}", problems) for key in ("reality", "aspiration")}
    dimensions = _dimensions(data.get("dimensions"), problems)
    statements = _statements(data.get("statements"), {d.id for d in dimensions}, problems)
    for dimension in dimensions:
        count = sum(s.dimension == dimension.id for s in statements)
        if not MIN_STATEMENTS <= count <= MAX_STATEMENTS:
            problems.add(f"dimensions ({dimension.id})",
                         f"has {count} statements; expected {MIN_STATEMENTS} to {MAX_STATEMENTS}")
    revisions = revisions_of(data.get("revisions", []), version, {s.id for s in statements}, problems)
    problems.raise_if_any()
    return ItemBank(version, attempts, scale_min, scale_max, labels, questions, dimensions, statements, revisions)


def attempt_names(path: Path = DATA / "culture-test.yml") -> tuple[str, ...]:
    """The test's attempts in order (first, retake), for data that names them."""
    problems = Problems(path, ())
    names = _attempts(mapping(load_yaml(path), "top level", problems), problems)
    problems.raise_if_any()
    return names


def bank_for_browser(bank: ItemBank, language: str) -> dict:
    """What the browser needs to score and chart the test, in one language."""
    return {
        "version": bank.version,
        "scale": {"min": bank.scale_min, "max": bank.scale_max},
        "dimensions": [{"id": d.id, "title": d.title[language]} for d in bank.dimensions],
        "statements": [{"id": s.id, "dimension": s.dimension} for s in bank.statements],
        "revisions": [{"version": r.version, "note": r.note[language], "statements": [
            {"from": c.source, "to": c.target, "reworded": c.reworded, "removed": c.removed_text.get(language)}
            for c in r.changes]} for r in bank.revisions],
    }


def _attempts(data: dict, problems: Problems) -> tuple[str, ...]:
    seen: set[str] = set()
    names = tuple(identifier(name, "attempts", problems, seen) for name in sequence(data.get("attempts"), "attempts", problems))
    if len(names) != 2:
        problems.add("attempts", f"expected two attempts (the first and the retake), found {len(names)}")
    return names


def _scale(value: object, problems: Problems) -> tuple[int, int, tuple[ScaleLabel, ...]]:
    scale = mapping(value, "scale", problems)
    low, high = scale.get("min"), scale.get("max")
    if (low, high) != (1, 6):
        problems.add("scale", f"the scale must run from 1 to 6, found {low!r} to {high!r}")
        return 1, 6, ()
    labels = []
    for index, entry in enumerate(sequence(scale.get("labels"), "scale.labels", problems)):
        entry = mapping(entry, f"scale.labels[{index}]", problems)
        labels.append(ScaleLabel(entry.get("value"), text(entry, f"scale.labels[{index}]", problems, besides=("value",))))
    if sorted(label.value for label in labels if isinstance(label.value, int)) != list(range(1, 7)):
        problems.add("scale.labels", "needs exactly one label for each value from 1 to 6")
    return 1, 6, tuple(sorted(labels, key=lambda label: label.value if isinstance(label.value, int) else 0))


def _dimensions(value: object, problems: Problems) -> tuple[Dimension, ...]:
    seen: set[str] = set()
    dimensions = []
    for index, entry in enumerate(sequence(value, "dimensions", problems)):
        entry = mapping(entry, f"dimensions[{index}]", problems)
        where = f"dimensions[{index}] ({entry.get('id')})"
        dimensions.append(Dimension(identifier(entry.get("id"), where, problems, seen),
                                    text(entry.get("title"), f"{where}.title", problems),
                                    text(entry.get("description"), f"{where}.description", problems)))
    if not MIN_DIMENSIONS <= len(dimensions) <= MAX_DIMENSIONS:
        problems.add("dimensions", f"has {len(dimensions)} dimensions; expected {MIN_DIMENSIONS} to {MAX_DIMENSIONS}")
    return tuple(dimensions)


def _statements(value: object, dimension_ids: set[str], problems: Problems) -> tuple[Statement, ...]:
    seen: set[str] = set()
    statements = []
    for index, entry in enumerate(sequence(value, "statements", problems)):
        entry = mapping(entry, f"statements[{index}]", problems)
        where = f"statements[{index}] ({entry.get('id')})"
        statement_id = identifier(entry.get("id"), where, problems, seen)
        dimension = entry.get("dimension")
        if dimension not in dimension_ids:
            problems.add(where, f"unknown dimension '{dimension}'")
        statements.append(Statement(statement_id, str(dimension), text(entry, where, problems, besides=("id", "dimension"))))
    return tuple(statements)
