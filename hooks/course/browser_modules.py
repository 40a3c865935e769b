"""The browser modules under overrides/assets/js/{core,lib,pages}: each file starts with
`// provides: Name` and, when it uses other modules, `// needs: A, B`. The bundles are ordered from
these declarations (files that depend on nothing keep their layer-and-name order), and every
mistake that would break a page at load fails the build instead, naming the files.

Bundles: `course` (every page) holds the loader, core/ and the lib/ modules core/ needs; each page
controller `pages/<name>` gets its own with what it needs beyond `course`, loaded only by the pages
whose content names it (hooks/assets.py)."""
from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from pathlib import Path

import rjsmin

# Lower layers never use higher ones: lib is pure functions, core is storage/wording/page-wide
# behaviour, pages are one controller per tool page and never use each other.
LAYERS = {"lib": ("lib",), "core": ("lib", "core"), "pages": ("lib", "core")}
LOADER = "core/modules.js"  # CourseModules: loads every other module, so it goes first, needing nothing
EVERY_PAGE = "course"
NAME = r"[A-Za-z_$][A-Za-z0-9_$]*"
DECLARATION = re.compile(r"//\s*([A-Za-z-]+)\s*:(.*)")
PROVIDES = re.compile(rf"// provides: ({NAME})")
NEEDS = re.compile(rf"// needs: ({NAME}(?:, {NAME})*)")


class ModuleError(ValueError):
    """A browser module's declarations are missing, unknown, duplicated or circular."""


@dataclass(frozen=True)
class Module:
    """One browser file: where it is, what it provides and needs, and its source."""

    path: Path
    layer: str
    provides: str
    needs: tuple[str, ...]
    source: str

    @property
    def name(self) -> str:
        """The file's path under overrides/assets/js, such as `pages/worksheet.js`."""
        return f"{self.layer}/{self.path.name}"


def ordered(root: Path, shown: Path) -> list[Module]:
    """Every module under `root`, each after the modules it needs; paths in errors are relative to `shown`."""
    modules = [_parse(path, root, shown) for layer in LAYERS for path in sorted((root / layer).glob("*.js"))]
    return _sort(_checked(modules, shown), shown)


def bundles(modules: list[Module]) -> dict[str, list[Module]]:
    """Bundle name -> its modules in order: `course` first, then `pages/<name>` per page controller."""
    by_name = {module.provides: module for module in modules}

    def closure(start: list[Module]) -> set[str]:
        found: set[str] = set()
        waiting = [module.provides for module in start]
        while waiting:
            name = waiting.pop()
            if name not in found:
                found.add(name)
                waiting.extend(by_name[name].needs)
        return found

    loader = [m for m in modules if m.name == LOADER]
    if not loader or loader[0].needs:
        raise ModuleError(f"{LOADER} must exist and need nothing: it loads every other module")
    every_page = closure([m for m in modules if m.layer == "core"])
    result = {EVERY_PAGE: loader + [m for m in modules if m.provides in every_page and m.name != LOADER]}
    for page in (m for m in modules if m.layer == "pages"):
        own = closure([page]) - every_page
        result[page.name.removesuffix(".js")] = [m for m in modules if m.provides in own]
    return result


def _parse(path: Path, root: Path, shown: Path) -> Module:
    source = path.read_text(encoding="utf-8")
    where = _shown(path, shown)
    lines = source.splitlines()
    head = []
    for line in lines:
        match = DECLARATION.fullmatch(line.strip())
        if not match:
            break
        head.append(line.rstrip())
        if match.group(1) not in ("provides", "needs"):
            raise ModuleError(f"{where}: unknown declaration '{line.strip()}' (only '// provides: Name' "
                              "and '// needs: A, B' are known)")
    provides = PROVIDES.fullmatch(head[0]) if head else None
    if provides is None:
        raise ModuleError(f"{where}: the file must start with '// provides: Name' (one module name)")
    needs: tuple[str, ...] = ()
    if len(head) > 1:
        match = NEEDS.fullmatch(head[1])
        if match is None or len(head) > 2:
            raise ModuleError(f"{where}: line 2 must be '// needs: A, B' (module names, comma and space)")
        needs = tuple(match.group(1).split(", "))
    return Module(path, path.parent.relative_to(root).as_posix(), provides.group(1), needs, source)


def _checked(modules: list[Module], shown: Path) -> list[Module]:
    by_name: dict[str, Module] = {}
    for module in modules:
        other = by_name.setdefault(module.provides, module)
        if other is not module:
            raise ModuleError(f"duplicate module {module.provides}: provided by both {_shown(other.path, shown)} "
                              f"and {_shown(module.path, shown)}")
    for module in modules:
        where = _shown(module.path, shown)
        code = rjsmin.jsmin(module.source)  # comments left out, strings kept
        used = set(re.findall(NAME, code))
        for name in module.needs:
            if name not in by_name:
                raise ModuleError(f"{where} needs {name}, which no file under {_shown(module.path.parents[1], shown)} "
                                  "provides (missing dependency)")
            needed = by_name[name]
            if needed.layer not in LAYERS[module.layer]:
                rule = ("page controllers never use each other: move what they share into lib/ or core/"
                        if module.layer == needed.layer == "pages" else
                        f"{module.layer}/ may only use {' and '.join(l + '/' for l in LAYERS[module.layer])}")
                raise ModuleError(f"{where} needs {name} of {_shown(needed.path, shown)}, but {rule}")
            if name not in used:
                raise ModuleError(f"{where} declares '// needs: {name}' but never uses it")
        for name in sorted(used & by_name.keys() - set(module.needs) - {module.provides}):
            raise ModuleError(f"{where} uses {name} of {_shown(by_name[name].path, shown)} without declaring it: "
                              f"add it to the file's '// needs:' line (unknown dependency)")
    return modules


def _sort(modules: list[Module], shown: Path) -> list[Module]:
    """Kahn's algorithm; among the files ready to go, the first in layer-and-name order goes first."""
    index = {module.provides: number for number, module in enumerate(modules)}
    waiting = {number: len(module.needs) for number, module in enumerate(modules)}
    users: dict[str, list[int]] = {}
    for number, module in enumerate(modules):
        for name in module.needs:
            users.setdefault(name, []).append(number)
    ready = [number for number, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    result = []
    while ready:
        number = heapq.heappop(ready)
        result.append(modules[number])
        for user in users.get(modules[number].provides, []):
            waiting[user] -= 1
            if waiting[user] == 0:
                heapq.heappush(ready, user)
    if len(result) < len(modules):
        raise ModuleError("circular dependency: " + _cycle(modules, index, {m.provides for m in result}, shown))
    return result


def _cycle(modules: list[Module], index: dict[str, int], placed: set[str], shown: Path) -> str:
    """One cycle among the modules that could not be placed, as 'a.js (A) -> b.js (B) -> a.js (A)'."""
    start = next(m for m in modules if m.provides not in placed)
    path = [start]
    while True:
        following = next(modules[index[n]] for n in path[-1].needs if n not in placed)
        if following in path:
            loop = path[path.index(following):] + [following]
            return " -> ".join(f"{_shown(m.path, shown)} ({m.provides})" for m in loop)
        path.append(following)


def _shown(path: Path, shown: Path) -> str:
    try:
        return path.relative_to(shown).as_posix()
    except ValueError:
        return path.as_posix()
