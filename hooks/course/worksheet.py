"""Action-plan prompts: load data/worksheet/*.yml into validated dataclasses.

Every problem is reported at once as a DataError naming the file, the key (for example
`prompts[2] (why-case).label`) and what is wrong, so an author can fix it without reading Python.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.data import DATA, DataError, configured, load_yaml, loaded
from course.schema import Problems, identifier, mapping, sequence, text

MODULES = ("start", "introduction", "why", "how", "what", "results")
TYPES = ("short", "long", "choice", "date")
KEYS = {"id", "module", "type", "label", "help", "choices"}


@dataclass(frozen=True)
class Choice:
    id: str
    label: dict[str, str]


@dataclass(frozen=True)
class Prompt:
    id: str
    module: str
    type: str
    label: dict[str, str]
    help: dict[str, str]
    choices: tuple[Choice, ...] = ()

    def for_browser(self, language: str) -> dict:
        """What the browser needs to show and export this prompt in one language."""
        return {"id": self.id, "module": self.module, "type": self.type, "label": self.label[language],
                "choices": [{"id": c.id, "label": c.label[language]} for c in self.choices]}


def prompts(languages: tuple[str, ...]) -> dict[str, Prompt]:
    """The prompts for the build: loaded once while data/ is unchanged; broken data stops it."""
    return loaded("Action-plan prompts", load_prompts, languages=languages)


def load_prompts(folder: Path = DATA / "worksheet", languages: tuple[str, ...] | None = None) -> dict[str, Prompt]:
    """Every prompt of every file in `folder` in the site's `languages`, by id, in file-name then
    file order."""
    prompts: dict[str, Prompt] = {}
    origin: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yml")):
        for prompt in _read_file(path, configured(languages)):
            if prompt.id in prompts:
                raise DataError(f"{path}: prompt id '{prompt.id}' is already used in {origin[prompt.id]}")
            prompts[prompt.id], origin[prompt.id] = prompt, path
    return prompts


def _read_file(path: Path, languages: tuple[str, ...]) -> list[Prompt]:
    problems = Problems(path, languages)
    data = mapping(load_yaml(path), "top level", problems)
    seen: set[str] = set()
    prompts = [_prompt(item, f"prompts[{index}]", problems, seen)
               for index, item in enumerate(sequence(data.get("prompts"), "prompts", problems))]
    problems.raise_if_any()
    return prompts


def _prompt(item: object, where: str, problems: Problems, seen: set[str]) -> Prompt:
    item = mapping(item, where, problems)
    where = f"{where} ({item.get('id')})"
    for extra in sorted(set(item) - KEYS):
        problems.add(f"{where}.{extra}", f"unknown key; expected {', '.join(sorted(KEYS))}")
    prompt_id = identifier(item.get("id"), f"{where}.id", problems, seen)
    for key, allowed in (("module", MODULES), ("type", TYPES)):
        if item.get(key) not in allowed:
            problems.add(f"{where}.{key}", f"{item.get(key)!r} is not one of {', '.join(allowed)}")
    return Prompt(prompt_id, str(item.get("module")), str(item.get("type")),
                  text(item.get("label"), f"{where}.label", problems),
                  text(item.get("help"), f"{where}.help", problems), _choices(item, where, problems))


def _choices(item: dict, where: str, problems: Problems) -> tuple[Choice, ...]:
    if item.get("type") != "choice":
        if "choices" in item:
            problems.add(f"{where}.choices", "only prompts of type 'choice' have choices")
        return ()
    raw = sequence(item.get("choices"), f"{where}.choices", problems)
    if len(raw) < 2:
        problems.add(f"{where}.choices", "a choice prompt needs at least two choices")
    seen: set[str] = set()
    choices = []
    for index, choice in enumerate(raw):
        choice = mapping(choice, f"{where}.choices[{index}]", problems)
        choices.append(Choice(identifier(choice.get("id"), f"{where}.choices[{index}].id", problems, seen),
                              text(choice.get("label"), f"{where}.choices[{index}].label", problems)))
    return tuple(choices)
