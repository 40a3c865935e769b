"""Load the project's YAML settings files (authoring rules, interface wording) once per version."""
from __future__ import annotations

import contextlib
import functools
import gc
import os
from pathlib import Path
from typing import Callable, Iterator, TypeVar

import yaml
from mkdocs.exceptions import PluginError

T = TypeVar("T")

DATA = Path(__file__).resolve().parents[2] / "data"


class DataError(ValueError):
    """A data file that cannot be used; the message names file, line or key, and the problem."""


# libyaml's loader when PyYAML was built with it (it is, from PyPI): several times faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def per_version(function: Callable[..., T]) -> Callable[..., T]:
    """Cache `function(path, *args)` for as long as the file at `path` keeps its modification time
    and size: both language builds and `mkdocs serve` rebuilds read the same files. The stat raises
    OSError for a missing file, as reading it would. Callers must not mutate the result."""
    cached = functools.lru_cache(maxsize=1024)(lambda path, version, *args: function(path, *args))

    @functools.wraps(function)
    def by_version(path: Path, *args: object) -> T:
        return cached(path, _version(path), *args)
    return by_version


def build_started() -> None:
    """From now until `build_ended`, look at each file's version once: a build asks about the same
    pages and data files hundreds of times, and authors' edits are picked up by the next build."""
    global _versions
    _versions = {}


def build_ended() -> None:
    """Look at files every time again (tests and scripts change them between reads)."""
    global _versions
    _versions = None


def load_yaml(path: Path) -> object:
    """Read a YAML file safely; raise DataError naming the file and line on a syntax error."""
    try:
        return _load_yaml(path)
    except OSError as error:
        raise DataError(f"{path}: cannot be read: {error.strerror}") from None


@per_version
def _load_yaml(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as handle, _collector_paused():
            return yaml.load(handle, Loader=SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(error, "problem", None) or str(error)
        raise DataError(f"{where}: YAML syntax error: {problem}") from None
    except OSError as error:
        raise DataError(f"{path}: cannot be read: {error.strerror}") from None


def loaded(label: str, loader: Callable[[], T]) -> T:
    """Run a data loader for a hook; a DataError stops the build with `label` above its problems.

    The result is kept until a file under data/ changes: every language's build, and every rebuild
    of `mkdocs serve` that did not touch data/, reuses it. Do not mutate the result."""
    version = _data_version()
    cached = _loaded.get(label)
    if cached is not None and cached[0] == version:
        return cached[1]
    try:
        result = loader()
    except DataError as error:
        raise PluginError(f"{label}:\n{error}") from None
    _loaded[label] = (version, result)
    return result


def authoring(data: Path = DATA) -> dict:
    """The authoring rules in data/authoring.yml."""
    return load_yaml(data / "authoring.yml")


def ui(language: str, data: Path = DATA) -> dict[str, str]:
    """Interface wording from data/ui.yml for one language; a missing translation is an error."""
    path = data / "ui.yml"
    try:
        return _ui(path, language)
    except OSError as error:
        raise DataError(f"{path}: cannot be read: {error.strerror}") from None


@per_version
def _ui(path: Path, language: str) -> dict[str, str]:
    result = {}
    for key, values in load_yaml(path).items():
        if not isinstance(values, dict) or not values.get(language):
            raise DataError(f"{path}: key '{key}' has no '{language}' text")
        result[key] = values[language]
    return result


_loaded: dict[str, tuple[tuple, object]] = {}
_versions: dict[Path, tuple] | None = None  # during a build: the versions looked at


def _version(path: Path) -> tuple[int, int]:
    known = _versions.get(path) if _versions is not None else None
    if known is None:
        status = path.stat()
        known = (status.st_mtime_ns, status.st_size)
        if _versions is not None:
            _versions[path] = known
    return known


def _data_version() -> tuple:
    if _versions is not None and DATA in _versions:  # listed once per build, like a file's version
        return _versions[DATA]
    version = tuple(sorted(_file_times(DATA)))
    if _versions is not None:
        _versions[DATA] = version
    return version


def _file_times(folder: Path) -> Iterator[tuple[str, int]]:
    with os.scandir(folder) as entries:  # scandir: the stats come with the listing
        for entry in entries:
            if entry.is_dir():
                yield from _file_times(Path(entry.path))
            elif entry.is_file():
                yield entry.path, entry.stat().st_mtime_ns


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cycle collector while PyYAML builds a file's node tree: the tree is acyclic and
    dropped a moment later, so collecting while it grows finds nothing, yet promotes thousands of
    short-lived nodes to the old generation and brings on an extra full collection later."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
