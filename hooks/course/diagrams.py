"""Diagrams of the course's models: their words per language in data/diagrams/*.yml, read and
validated into dataclasses (laid out by course/diagram_layouts.py)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from course.diagram_layouts import LAYOUT_WORDS, LAYOUTS
from course.schema import Problems, identifier, mapping, sequence, text
from course.data import DATA, configured, load_yaml


@dataclass(frozen=True)
class Item:
    label: dict[str, str]
    note: dict[str, str] | None = None
    group: str | None = None            # bands: the group it belongs to
    values: tuple[float, float] | None = None  # gap: reality and aspiration on the 1-6 scale


@dataclass(frozen=True)
class Diagram:
    id: str
    layout: str
    title: dict[str, str]
    alt: dict[str, str]
    description: dict[str, str]
    items: tuple[Item, ...]
    words: dict[str, dict[str, str]]    # further words a layout uses: centre, legend, scale, ...
    groups: tuple[tuple[str, dict[str, str]], ...] = ()


def load_diagrams(folder: Path = DATA / "diagrams", languages: tuple[str, ...] | None = None) -> dict[str, Diagram]:
    """Every diagram in data/diagrams/, validated; DataError names file, key and problem."""
    found: dict[str, Diagram] = {}
    for path in sorted(folder.glob("*.yml")):
        problems = Problems(path, configured(languages))
        diagram = _diagram(mapping(load_yaml(path), "top level", problems), path.stem, problems)
        problems.raise_if_any()
        found[diagram.id] = diagram
    return found


# --- reading the data files ------------------------------------------------------------------

def _diagram(raw: dict, stem: str, problems: Problems) -> Diagram:
    diagram_id = identifier(raw.get("id"), "id", problems, set())
    if diagram_id != stem:
        problems.add("id", f"must be the file's name, '{stem}'")
    layout = raw.get("layout")
    if layout not in LAYOUTS:
        problems.add("layout", f"must be one of {', '.join(LAYOUTS)}, found {layout!r}")
    words = {key: text(value, f"words.{key}", problems)
             for key, value in mapping(raw.get("words", {}), "words", problems).items()}
    for key in LAYOUT_WORDS.get(layout, ()):
        if key not in words:
            problems.add("words", f"the {layout} layout needs '{key}'")
    groups = tuple((str(group.get("id")), text(group.get("label"), f"groups[{number}].label", problems))
                   for number, group in enumerate(sequence(raw.get("groups", []), "groups", problems))
                   if isinstance(group, dict))
    items = tuple(_item(entry, f"items[{number}]", layout, {g for g, _ in groups}, problems)
                  for number, entry in enumerate(sequence(raw.get("items"), "items", problems)))
    if not items:
        problems.add("items", "a diagram needs at least one item")
    return Diagram(diagram_id, str(layout), text(raw.get("title"), "title", problems),
                   text(raw.get("alt"), "alt", problems), text(raw.get("description"), "description", problems),
                   items, words, groups)


def _item(raw: object, where: str, layout: object, groups: set[str], problems: Problems) -> Item:
    raw = mapping(raw, where, problems)
    note = text(raw["note"], f"{where}.note", problems) if "note" in raw else None
    group = raw.get("group")
    if layout == "bands" and group not in groups:
        problems.add(f"{where}.group", f"must be one of the groups' ids, found {group!r}")
    values = None
    if layout == "gap":
        pair = raw.get("values")
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, (int, float)) and 1 <= v <= 6 for v in pair)):
            problems.add(f"{where}.values", "must be [reality, aspiration], two numbers from 1 to 6")
        else:
            values = (float(pair[0]), float(pair[1]))
    return Item(text(raw.get("label"), f"{where}.label", problems), note, group, values)
