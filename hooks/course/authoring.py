"""The authoring rules (data/authoring.yml): page kinds, front-matter keys, required sections, word
counts, reading speed and protected pages, validated once per version of the file. The page checks,
the parity check and the protection of pages read them from here."""
from __future__ import annotations

from pathlib import Path

from course.data import DATA, configured, load_yaml, loaded
from course.schema import Problems, mapping, per_language


def authoring_rules(languages: tuple[str, ...] | None = None) -> dict:
    """The authoring rules for the site's `languages` (default: mkdocs.yml's), validated once while
    data/ is unchanged."""
    return loaded("Authoring rules", load_authoring_rules, languages=configured(languages))


def load_authoring_rules(path: Path = DATA / "authoring.yml", languages: tuple[str, ...] | None = None) -> dict:
    """data/authoring.yml; a DataError names the file, the key and each language it lacks."""
    problems = Problems(path, configured(languages))
    rules = mapping(load_yaml(path), "top level", problems)
    problems.raise_if_any()
    lesson, overview = mapping(rules.get("lesson"), "lesson", problems), mapping(rules.get("overview"), "overview", problems)
    for where, value in (("lesson.sections", lesson.get("sections")), ("overview.sections", overview.get("sections")),
                         ("lesson.sources_section", lesson.get("sources_section")),
                         ("lesson.prompt_section", lesson.get("prompt_section"))):
        per_language(value, where, problems)
    per_language(rules.get("reading_speed"), "reading_speed", problems)
    problems.raise_if_any()
    return rules
