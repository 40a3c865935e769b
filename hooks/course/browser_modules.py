"""The browser modules under overrides/assets/js/{core,lib,pages}: each file starts with
`// provides: Name` and, when it uses other modules, `// needs: A, B`; a module that uses a lib/ module
only after a user action or when the learner's data calls for it says `// later: C` and gets it with
CourseModules.later("C"). The bundles are ordered from these declarations (files that depend on
nothing keep their layer-and-name order), and every mistake that would break a page at load fails
the build instead, naming the files.

Bundles: `course` (every page) holds the loader, core/ and the lib/ modules core/ needs; each page
controller `pages/<name>` gets its own with what it needs beyond `course`, loaded only by the pages
whose content names it (hooks/assets.py); each module named in a `// later:` line gets `later/<Name>`
with what it needs beyond `course`, fetched only when CourseModules.later asks for it."""
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
LATER = "later"  # the folder of the bundles loaded on demand, each named by the module it provides
NAME = r"[A-Za-z_$][A-Za-z0-9_$]*"
DECLARATION = re.compile(r"//\s*([A-Za-z-]+)\s*:(.*)")
PROVIDES = re.compile(rf"// provides: ({NAME})")
NEEDS = re.compile(rf"// needs: ({NAME}(?:, {NAME})*)")
LATER_NEEDS = re.compile(rf"// later: ({NAME}(?:, {NAME})*)")


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
    later: tuple[str, ...] = ()

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
    for module in modules:
        for name in set(module.later) & every_page:
            raise ModuleError(f"{module.name} declares '// later: {name}', but every page loads {name} already")
    result = {EVERY_PAGE: loader + [m for m in modules if m.provides in every_page and m.name != LOADER]}
    for page in (m for m in modules if m.layer == "pages"):
        own = closure([page]) - every_page
        result[page.name.removesuffix(".js")] = [m for m in modules if m.provides in own]
    for name in sorted({name for module in modules for name in module.later}):
        own = closure([by_name[name]]) - every_page
        result[f"{LATER}/{name}"] = [m for m in modules if m.provides in own]
    return result


def later_of(bundle: list[Module]) -> list[str]:
    """The `later/<Name>` bundles the modules of `bundle` may fetch on demand."""
    return [f"{LATER}/{name}" for name in dict.fromkeys(name for module in bundle for name in module.later)]


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
        if match.group(1) not in ("provides", "needs", "later"):
            raise ModuleError(f"{where}: unknown declaration '{line.strip()}' (only '// provides: Name', "
                              "'// needs: A, B' and '// later: C' are known)")
    provides = PROVIDES.fullmatch(head[0]) if head else None
    if provides is None:
        raise ModuleError(f"{where}: the file must start with '// provides: Name' (one module name)")
    rest = head[1:]
    needs = _names(rest, "needs", NEEDS, where, len(head))
    later = _names(rest, "later", LATER_NEEDS, where, len(head))
    if rest:
        raise ModuleError(f"{where}: after '// provides: Name' come '// needs: A, B' and then '// later: C' "
                          "(module names, comma and space), each once")
    return Module(path, path.parent.relative_to(root).as_posix(), provides.group(1), needs, source, later)


def _names(rest: list[str], kind: str, pattern: re.Pattern, where: str, lines: int) -> tuple[str, ...]:
    """The names of the declaration `kind` first in `rest` (which loses it), or none; `lines` counts the head."""
    if not rest or not rest[0].lstrip().startswith(f"// {kind}"):
        return ()
    line = lines - len(rest) + 1
    match = pattern.fullmatch(rest.pop(0))
    if match is None:
        raise ModuleError(f"{where}: line {line} must be '// {kind}: A, B' (module names, comma and space)")
    return tuple(match.group(1).split(", "))


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
        for name in module.later:
            if name not in by_name or by_name[name].layer != "lib" or name in module.needs:
                raise ModuleError(f"{where} declares '// later: {name}', but only a lib/ module it does not "
                                  "already need can load later")
            if name not in used:
                raise ModuleError(f"{where} declares '// later: {name}' but never uses it")
        for name in sorted(used & by_name.keys() - set(module.needs) - set(module.later) - {module.provides}):
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
