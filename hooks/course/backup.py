"""Backup nudge settings (data/learner/backup.yml): how much work, or how old a backup, makes the
browser suggest a backup. The browser reads them as page data (shared_words.page_data)."""
from __future__ import annotations

from pathlib import Path

from course.data import DATA, load_yaml
from course.schema import Problems, mapping

UNITS = ("prompt", "card", "self_check", "test_statement")


def load_backup_settings(path: Path = DATA / "learner" / "backup.yml") -> dict:
    """{work, days, units: {...}} with positive numbers; a DataError names file, key and problem."""
    problems = Problems(path, ())
    data = mapping(load_yaml(path), "top level", problems)
    for key in set(data) - {"work", "days", "units"}:
        problems.add(key, "unknown key (known: work, days, units)")
    result = {key: _positive(data.get(key), key, problems) for key in ("work", "days")}
    units = mapping(data.get("units"), "units", problems)
    for key in set(units) - set(UNITS):
        problems.add(f"units.{key}", f"unknown key (known: {', '.join(UNITS)})")
    result["units"] = {key: _positive(units.get(key), f"units.{key}", problems) for key in UNITS}
    problems.raise_if_any()
    return result


def _positive(value: object, where: str, problems: Problems) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        problems.add(where, f"expected a number above 0, found {value!r}")
        return 1
    return value
