"""How a translation's structure differs from its source page (headings per level, heading ids,
markers, the front-matter keys every language shares), each difference on the line of the
translation where it departs from the source."""
from __future__ import annotations

import difflib
from collections import Counter

from course.authoring import authoring_rules
from course.pages import Page


def differences(source: Page, target: Page) -> list[tuple[int, str]]:
    """(line in the translation, problem) for each structural difference from the source page."""
    problems = []
    source_levels = Counter(h.level for h in source.headings)
    target_levels = Counter(h.level for h in target.headings)
    for level in sorted(set(source_levels) | set(target_levels)):
        if source_levels[level] != target_levels[level]:
            line = _heading_departure(source, target, level)
            problems.append((line, f"level-{level} headings: {source_levels[level]} in the source, "
                                   f"{target_levels[level]} in translation"))
    source_ids = [h.anchor for h in source.headings if h.anchor]
    target_anchored = [h for h in target.headings if h.anchor]
    if source_ids != [h.anchor for h in target_anchored]:
        line = _first_difference(source_ids, target_anchored, lambda h: h.anchor, target.body_line)
        problems.append((line, _list_difference("heading ids", source_ids, [h.anchor for h in target_anchored])))
    source_markers = [m.key for m in source.markers]
    if source_markers != [m.key for m in target.markers]:
        line = _first_difference(source_markers, target.markers, lambda m: m.key, target.body_line)
        problems.append((line, _list_difference("markers", source_markers, [m.key for m in target.markers])))
    # front-matter keys that drive generated content and must match between languages
    for key in (key for key, rule in authoring_rules()["front_matter"].items() if rule["shared"]):
        if source.meta.get(key) != target.meta.get(key):
            problems.append((target.key_line(key),
                             f"front matter '{key}': {source.meta.get(key)!r} in the source, "
                             f"{target.meta.get(key)!r} in translation"))
    return problems


def _heading_departure(source: Page, target: Page, level: int) -> int:
    """The line where the translation's level-`level` headings depart from the source's. Headings
    are aligned by level and by the paragraphs under them, so a heading left out, its text now
    part of the section before, shows at that section's heading, and an added one at the first
    heading that has no counterpart in the source."""
    before, after = _heading_shapes(source), _heading_shapes(target)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or i2 - i1 == j2 - j1 or level not in {shape[0] for shape in before[i1:i2] + after[j1:j2]}:
            continue  # the same number of headings: paragraphs split or joined, not a heading lost
        if j1 < j2:
            return target.headings[j1].line
        return target.headings[j1 - 1].line if j1 else target.body_line  # the text went with it
    return _first_difference([h.level for h in source.headings], target.headings,
                             lambda h: h.level, target.body_line, wanted=level)


def _heading_shapes(page: Page) -> list[tuple[int, int]]:
    """(level, paragraphs up to the next heading) for each heading of a page."""
    lines = page.body.split("\n")
    starts = [heading.line - page.body_line for heading in page.headings] + [len(lines)]
    return [(heading.level, sum(1 for i in range(start + 1, end) if lines[i].strip() and not lines[i - 1].strip()))
            for heading, start, end in zip(page.headings, starts, starts[1:])]


def _first_difference(source: list, target: tuple | list, key, fallback: int, wanted: object = None) -> int:
    """The line of the translation's item (heading, marker) where it first departs from the
    source's sequence; with `wanted`, the first departure that involves that value."""
    keys = [key(item) for item in target]
    matcher = difflib.SequenceMatcher(a=source, b=keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (wanted is not None and wanted not in source[i1:i2] + keys[j1:j2]):
            continue
        index = next((j for j in range(j1, j2) if wanted is None or keys[j] == wanted), j1)
        if index < len(target):
            return target[index].line
        return target[-1].line if target else fallback
    return fallback


def _list_difference(what: str, source: list[str], target: list[str]) -> str:
    missing = [x for x in source if x not in target]
    extra = [x for x in target if x not in source]
    if not missing and not extra:
        return f"{what} in a different order: {', '.join(source)} in the source, {', '.join(target)} in translation"
    parts = []
    if missing:
        parts.append("missing " + ", ".join(missing))
    if extra:
        parts.append("not in the source " + ", ".join(extra))
    return f"{what}: " + "; ".join(parts)
