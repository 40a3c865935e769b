"""Validation helpers for the bilingual YAML data files: collect every problem, then fail once."""
from __future__ import annotations

import re
from pathlib import Path

from course.settings import DataError

LANGUAGES = ("en", "nl")
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class Problems:
    """Problems found in one file; `raise_if_any` fails with all of them, naming file and key."""

    def __init__(self, path: Path) -> None:
        self.path = path
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


def text(value: object, where: str, problems: Problems) -> dict[str, str]:
    """Text in every language, e.g. {en: ..., nl: ...}; a missing language is a problem."""
    value = mapping(value, where, problems) if value is not None else {}
    result = {}
    for language in LANGUAGES:
        entry = value.get(language)
        if not isinstance(entry, str) or not entry.strip():
            problems.add(where, f"missing '{language}' text")
        else:
            result[language] = entry.strip()
    return result


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
