"""The item bank's revisions (data/culture-test.yml, `revisions`): for every version after the first,
where each statement of the previous version went, so saved attempts can be carried over."""
from __future__ import annotations

from dataclasses import dataclass

from course.schema import Problems, identifier, mapping, sequence, text


@dataclass(frozen=True)
class StatementChange:
    source: str                  # the statement's id in the previous version
    target: str | None           # the statement that takes over its ratings; None when removed
    reworded: bool               # the wording changed, the idea did not
    removed_text: dict[str, str]  # the old wording of a removed statement, per language


@dataclass(frozen=True)
class Revision:
    version: int                 # the version this revision produced (from version - 1)
    note: dict[str, str]
    changes: tuple[StatementChange, ...]


def revisions_of(value: object, version: object, current: set[str], problems: Problems) -> tuple[Revision, ...]:
    """One revision per version after the first, in order; each maps the previous version's ids."""
    revisions = []
    for index, entry in enumerate(sequence(value, "revisions", problems)):
        entry = mapping(entry, f"revisions[{index}]", problems)
        where = f"revisions[{index}] (version {entry.get('version')})"
        changes = tuple(_change(change, f"{where}.statements[{number}]", problems)
                        for number, change in enumerate(sequence(entry.get("statements"), f"{where}.statements", problems)))
        revisions.append(Revision(entry.get("version"), text(entry.get("note"), f"{where}.note", problems), changes))
    if isinstance(version, int) and [r.version for r in revisions] != list(range(2, version + 1)):
        problems.add("revisions", f"expected one revision for each version from 2 to {version}, in order, "
                                  f"found versions {[r.version for r in revisions]}; saved attempts could not be carried over")
    for index, revision in enumerate(revisions):
        # the ids a revision carries ratings to are the next version's ids: its `from` ids, or the bank's
        later = current if index == len(revisions) - 1 else {c.source for c in revisions[index + 1].changes}
        sources: set[str] = set()
        targets: set[str] = set()
        for change in revision.changes:
            where = f"revisions[{index}] (version {revision.version}) ({change.source})"
            identifier(change.source, where, problems, sources)
            if change.target is None:
                continue
            if change.target in targets:
                problems.add(where, f"'{change.target}' already takes over the ratings of another statement")
            targets.add(change.target)
            if change.target not in later:
                problems.add(where, f"'{change.target}' is not a statement of version {revision.version}")
    return tuple(revisions)


def _change(value: object, where: str, problems: Problems) -> StatementChange:
    entry = mapping(value, where, problems)
    source, target, removed = entry.get("from"), entry.get("to"), entry.get("removed")
    if (target is None) == (removed is None):
        problems.add(where, "needs either 'to' (the statement taking over its ratings) or 'removed' (its old text)")
    reworded = entry.get("reworded", False)
    if not isinstance(reworded, bool) or (reworded and target is None):
        problems.add(where, "'reworded' is true or false, and only goes with 'to'")
    return StatementChange(str(source), None if target is None else str(target), reworded is True,
                           text(removed, f"{where}.removed", problems) if removed is not None else {})
