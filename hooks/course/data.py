"""Load the project's YAML data files safely, once per version, and validated results once while
data/ is unchanged; the interface wording (data/ui.yml)."""
from __future__ import annotations

import contextlib
import gc
from pathlib import Path
from typing import Callable, Iterator, TypeVar

import yaml
from mkdocs.exceptions import PluginError

from course.file_cache import folder_version, per_version
from course.languages import project_languages

T = TypeVar("T")

DATA = Path(__file__).resolve().parents[2] / "data"


class DataError(ValueError):
    """A data file that cannot be used; the message names file, line or key, and the problem."""


# libyaml's loader when PyYAML was built with it (it is, from PyPI): several times faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_loaded: dict[tuple, tuple[tuple, object]] = {}


def load_yaml(path: Path) -> object:
    """Read a YAML file safely; raise DataError naming the file and line on a syntax error."""
    try:
        return _load_yaml(path)
    except OSError as error:
        raise DataError(f"{path}: cannot be read: {error.strerror}") from None


def loaded(label: str, loader: Callable[..., T], **arguments: object) -> T:
    """Run a data loader for a hook; a DataError stops the build with `label` above its problems.

    The result is kept until a file under data/ changes: every language's build, and every rebuild
    of `mkdocs serve` that did not touch data/, reuses it. Do not mutate the result."""
    version = folder_version(DATA)
    key = (label, *sorted(arguments.items()))
    cached = _loaded.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    try:
        result = loader(**arguments)
    except DataError as error:
        raise PluginError(f"{label}:\n{error}") from None
    _loaded[key] = (version, result)
    return result


def configured(languages: tuple[str, ...] | None) -> tuple[str, ...]:
    """`languages`, or when None (scripts and tests) the languages mkdocs.yml configures."""
    return languages if languages is not None else project_languages().all


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
