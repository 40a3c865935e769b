"""Route checklists (data/learner/routes.yml) and certificate criteria (data/learner/certificate.yml).

Both are lists of items with a `check` that the browser evaluates against the learner's own data
(overrides/assets/js/lib/milestones.js); the loader makes sure every check names things that exist.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.data import DATA, configured, load_yaml
from course.item_bank import attempt_names
from course.schema import Problems, identifier, mapping, sequence, text
from course.worksheet import MODULES

# kind -> the keys it needs besides `kind`
CHECKS = {"module-done": ("module",), "all-modules-done": (), "test-taken": ("attempt",),
          "prompts-filled": ("prompts",), "experiment-planned": (), "manual": ()}


@dataclass(frozen=True)
class Item:
    id: str
    label: dict[str, str]
    check: dict
    page: str | None = None

    def for_browser(self, language: str) -> dict:
        """The item in one language, as the browser evaluates and shows it."""
        return {"id": self.id, "label": self.label[language], "check": self.check}


@dataclass(frozen=True)
class Route:
    id: str
    label: dict[str, str]
    summary: dict[str, str]
    page: str
    checklist: tuple[Item, ...]


def load_routes(prompt_ids: set[str], path: Path = DATA / "learner" / "routes.yml",
                languages: tuple[str, ...] | None = None) -> list[Route]:
    """The routes and their checklists; a DataError lists every problem by file and key."""
    problems = Problems(path, configured(languages))
    attempts = attempt_names()
    data = mapping(load_yaml(path), "top level", problems)
    seen: set[str] = set()
    routes = []
    for index, raw in enumerate(sequence(data.get("routes"), "routes", problems)):
        raw = mapping(raw, f"routes[{index}]", problems)
        where = f"routes[{index}] ({raw.get('id')})"
        item_ids: set[str] = set()
        checklist = tuple(_item(item, f"{where}.checklist[{n}]", problems, item_ids, (prompt_ids, attempts), manual=True)
                          for n, item in enumerate(sequence(raw.get("checklist"), f"{where}.checklist", problems)))
        routes.append(Route(identifier(raw.get("id"), f"{where}.id", problems, seen),
                            text(raw.get("label"), f"{where}.label", problems),
                            text(raw.get("summary"), f"{where}.summary", problems),
                            _page(raw.get("page"), f"{where}.page", problems), checklist))
    problems.raise_if_any()
    return routes


def load_criteria(prompt_ids: set[str], path: Path = DATA / "learner" / "certificate.yml",
                  languages: tuple[str, ...] | None = None) -> list[Item]:
    """The certificate's completion criteria; the learner cannot tick these off by hand."""
    problems = Problems(path, configured(languages))
    attempts = attempt_names()
    data = mapping(load_yaml(path), "top level", problems)
    seen: set[str] = set()
    criteria = [_item(raw, f"criteria[{n}]", problems, seen, (prompt_ids, attempts), manual=False)
                for n, raw in enumerate(sequence(data.get("criteria"), "criteria", problems))]
    if not criteria:
        problems.add("criteria", "expected at least one criterion")
    problems.raise_if_any()
    return criteria


def _item(raw: object, where: str, problems: Problems, seen: set[str], known: tuple[set[str], tuple[str, ...]],
          manual: bool) -> Item:
    """One checklist item or criterion; `known` holds the prompt ids and the test's attempts."""
    raw = mapping(raw, where, problems)
    where = f"{where} ({raw.get('id')})"
    page = _page(raw["page"], f"{where}.page", problems) if "page" in raw else None
    return Item(identifier(raw.get("id"), f"{where}.id", problems, seen),
                text(raw.get("label"), f"{where}.label", problems),
                _check(raw.get("check"), f"{where}.check", problems, known, manual), page)


def _check(check: object, where: str, problems: Problems, known: tuple[set[str], tuple[str, ...]], manual: bool) -> dict:
    prompt_ids, attempts = known
    check = mapping(check, where, problems)
    kind = check.get("kind")
    allowed = [k for k in CHECKS if manual or k != "manual"]
    if kind not in allowed:
        problems.add(f"{where}.kind", f"{kind!r} is not one of {', '.join(allowed)}")
        return {}
    expected = {"kind", *CHECKS[kind]}
    if set(check) != expected:
        problems.add(where, f"a '{kind}' check has exactly the keys {', '.join(sorted(expected))}")
    elif kind == "module-done" and check["module"] not in MODULES:
        problems.add(f"{where}.module", f"{check['module']!r} is not one of {', '.join(MODULES)}")
    elif kind == "test-taken" and check["attempt"] not in attempts:
        problems.add(f"{where}.attempt", f"{check['attempt']!r} is not one of {', '.join(attempts)}")
    elif kind == "prompts-filled":
        prompts = sequence(check["prompts"], f"{where}.prompts", problems)
        for prompt in prompts:
            if prompt not in prompt_ids:
                problems.add(f"{where}.prompts", f"unknown prompt id '{prompt}' (prompts are in data/worksheet/)")
        if not prompts:
            problems.add(f"{where}.prompts", "expected at least one prompt id")
    return dict(check)


def _page(value: object, where: str, problems: Problems) -> str:
    if not isinstance(value, str) or not value.endswith(".md"):
        problems.add(where, f"expected the path of a course page such as start/progress.md, found {value!r}")
        return ""
    return value
