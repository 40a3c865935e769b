"""The home page's module cards (data/learner/modules.yml): time and what the learner makes."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.data import DATA, configured, load_yaml
from course.schema import Problems, identifier, mapping, sequence, text
from course.worksheet import MODULES

COURSE_MODULES = tuple(module for module in MODULES if module != "start")


@dataclass(frozen=True)
class ModuleCard:
    id: str
    hours: float
    makes: dict[str, str]


def load_cards(path: Path = DATA / "learner" / "modules.yml", languages: tuple[str, ...] | None = None) -> list[ModuleCard]:
    """One card per course module, in course order; a DataError lists every problem by key."""
    problems = Problems(path, configured(languages))
    data = mapping(load_yaml(path), "top level", problems)
    seen: set[str] = set()
    cards = []
    for index, raw in enumerate(sequence(data.get("modules"), "modules", problems)):
        raw = mapping(raw, f"modules[{index}]", problems)
        where = f"modules[{index}] ({raw.get('id')})"
        hours = raw.get("hours")
        if isinstance(hours, bool) or not isinstance(hours, (int, float)) or hours <= 0:
            problems.add(f"{where}.hours", f"expected a number of hours above 0, found {hours!r}")
        cards.append(ModuleCard(identifier(raw.get("id"), f"{where}.id", problems, seen),
                                hours, text(raw.get("makes"), f"{where}.makes", problems)))
    if tuple(card.id for card in cards) != COURSE_MODULES:
        problems.add("modules", f"expected the modules {', '.join(COURSE_MODULES)}, in this order")
    problems.raise_if_any()
    return cards


def hours_text(hours: float, decimal_mark: str) -> str:
    """Hours as the page's language writes them: 2.5 or 2,5; whole hours without decimals."""
    return f"{hours:g}".replace(".", decimal_mark)
