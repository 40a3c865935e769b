"""Load the project's YAML settings files (authoring rules, interface wording) once per process."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Callable, TypeVar

import yaml
from mkdocs.exceptions import PluginError

T = TypeVar("T")

DATA = Path(__file__).resolve().parents[2] / "data"


class DataError(ValueError):
    """A data file that cannot be used; the message names file, line or key, and the problem."""


# libyaml's loader when PyYAML was built with it (it is, from PyPI): several times faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> object:
    """Read a YAML file safely; raise DataError naming the file and line on a syntax error.

    Cached by modification time: every language's build reads the same files. Do not mutate the result."""
    try:
        return _load_yaml(path, path.stat().st_mtime_ns)
    except OSError as error:
        raise DataError(f"{path}: cannot be read: {error.strerror}") from None


@functools.lru_cache(maxsize=256)
def _load_yaml(path: Path, mtime: int) -> object:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(error, "problem", None) or str(error)
        raise DataError(f"{where}: YAML syntax error: {problem}") from None
    except OSError as error:
        raise DataError(f"{path}: cannot be read: {error.strerror}") from None


def loaded(label: str, loader: Callable[[], T]) -> T:
    """Run a data loader for a hook; a DataError stops the build with `label` above its problems."""
    try:
        return loader()
    except DataError as error:
        raise PluginError(f"{label}:\n{error}") from None


@functools.lru_cache(maxsize=None)
def authoring(data: Path = DATA) -> dict:
    """The authoring rules in data/authoring.yml."""
    return load_yaml(data / "authoring.yml")


@functools.lru_cache(maxsize=None)
def ui(language: str, data: Path = DATA) -> dict[str, str]:
    """Interface wording from data/ui.yml for one language; a missing translation is an error."""
    path = data / "ui.yml"
    strings = load_yaml(path)
    result = {}
    for key, values in strings.items():
        if not isinstance(values, dict) or not values.get(language):
            raise DataError(f"{path}: key '{key}' has no '{language}' text")
        result[key] = values[language]
    return result
