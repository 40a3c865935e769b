"""Words the build and the browser share, each defined once in data/: the site's languages, the
test's attempts and rating scale (data/culture-test.yml) and the experiment card's fields and
decisions (data/learner/experiment-card.yml), the backup nudge's settings (data/learner/backup.yml).
The browser gets them as page data (overrides/main.html)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.backup import load_backup_settings
from course.data import DATA, load_yaml, loaded
from course.item_bank import ItemBank, load_item_bank
from course.languages import SiteLanguages
from course.schema import Problems, identifier, mapping, sequence


@dataclass(frozen=True)
class ExperimentCard:
    fields: tuple[str, ...]
    decisions: tuple[str, ...]


def load_experiment_card(path: Path = DATA / "learner" / "experiment-card.yml") -> ExperimentCard:
    """The card's fields and decisions; a DataError names file, key and problem."""
    problems = Problems(path, ())
    data = mapping(load_yaml(path), "top level", problems)
    lists = {}
    for key in ("fields", "decisions"):
        seen: set[str] = set()
        lists[key] = tuple(identifier(name, key, problems, seen) for name in sequence(data.get(key), key, problems))
        if not lists[key]:
            problems.add(key, "expected a list of at least one name")
    if "decision" not in lists["fields"]:
        problems.add("fields", "needs the field 'decision', which holds one of the decisions")
    problems.raise_if_any()
    return ExperimentCard(lists["fields"], lists["decisions"])


def page_data(languages: SiteLanguages) -> dict:
    """The shared words for the browser, worked out once while data/ is unchanged."""
    return loaded("Shared words", lambda languages: for_browser(languages, load_item_bank(languages=languages.all),
                                                                load_experiment_card(), load_backup_settings()),
                  languages=languages)


def for_browser(languages: SiteLanguages, bank: ItemBank, card: ExperimentCard, backup: dict | None = None) -> dict:
    """The shared words as the browser reads them (the same on every page of every language)."""
    return {"languages": list(languages.all), "source_language": languages.source,
            "attempts": list(bank.attempts), "scale": {"min": bank.scale_min, "max": bank.scale_max},
            "questions": list(bank.questions), "card": {"fields": list(card.fields), "decisions": list(card.decisions)},
            "backup": backup}
