"""Validation helpers for the YAML data files: collect every problem, then fail once. Text is
checked against the site's languages (course/languages.py), which every loader is given."""
from __future__ import annotations

import re
from pathlib import Path

from course.data import DataError

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class Problems:
    """Problems found in one file whose texts must exist in `languages`; `raise_if_any` fails with
    all of them, naming file and key."""

    def __init__(self, path: Path, languages: tuple[str, ...]) -> None:
        self.path = path
        self.languages = languages
        self.messages: list[str] = []

    def add(self, where: str, problem: str) -> None:
        self.messages.append(f"{self.path}: {where}: {problem}")

    def raise_if_any(self) -> None:
        if self.messages:
            raise DataError("\n".join(self.messages))


def mapping(value: object, where: str, problems: Problems) -> dict:
    """A YAML mapping, or {} after recording the problem."""
    if isinstance(value, dict):
        return value
    problems.add(where, f"expected a mapping of keys to values, found {_kind(value)}")
    return {}


def sequence(value: object, where: str, problems: Problems) -> list:
    """A YAML list, or [] after recording the problem."""
    if isinstance(value, list):
        return value
    problems.add(where, f"expected a list, found {_kind(value)}")
    return []


def text(value: object, where: str, problems: Problems, besides: tuple[str, ...] = ()) -> dict[str, str]:
    """Text in every language, a mapping of language to text; a missing language is a problem, and
    so is any other key not in `besides`: an unquoted comma in a YAML flow mapping such as
    {en: One, two, nl: ...} silently makes "two" a key, which this catches."""
    value = mapping(value, where, problems) if value is not None else {}
    for extra in sorted(set(value) - set(problems.languages) - set(besides), key=str):
        problems.add(where, f"unexpected key {extra!r}; put text with commas in quotes")
    result = {}
    for language in problems.languages:
        entry = value.get(language)
        if not isinstance(entry, str) or not entry.strip():
            problems.add(where, f"missing '{language}' text")
        else:
            result[language] = entry.strip()
    return result


def per_language(value: object, where: str, problems: Problems) -> dict:
    """A value (of any kind) for every language, e.g. {en: 200, nl: 190}; a missing one is a problem."""
    value = mapping(value, where, problems)
    for language in problems.languages:
        if value.get(language) in (None, "", []):
            problems.add(where, f"missing '{language}'")
    return value


def identifier(value: object, where: str, problems: Problems, seen: set[str]) -> str:
    """A lowercase-hyphen id, unique within `seen`."""
    if not isinstance(value, str) or not ID.match(value):
        problems.add(where, f"id {value!r} must be lowercase letters, digits and hyphens")
        return str(value)
    if value in seen:
        problems.add(where, f"duplicate id '{value}'")
    seen.add(value)
    return value


def _kind(value: object) -> str:
    return "nothing" if value is None else type(value).__name__
