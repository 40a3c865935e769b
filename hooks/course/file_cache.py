"""Cache what is worked out from a file for as long as the file is unchanged (modification time and
size); during a build, look at each file's version once."""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")

_versions: dict[Path, tuple] | None = None  # during a build: the versions looked at


def per_version(function: Callable[..., T]) -> Callable[..., T]:
    """Cache `function(path, *args)` for as long as the file at `path` keeps its modification time
    and size: every language's build and `mkdocs serve` rebuilds read the same files. The stat raises
    OSError for a missing file, as reading it would. Callers must not mutate the result."""
    # room for every page of a course ten times this size (about 1,200), with its data files
    cached = functools.lru_cache(maxsize=4096)(lambda path, version, *args: function(path, *args))

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


def folder_version(folder: Path) -> tuple:
    """The versions of every file under `folder`: changes when any of them is edited, added or removed."""
    if _versions is not None and folder in _versions:  # listed once per build, like a file's version
        return _versions[folder]
    version = tuple(sorted(_file_times(folder)))
    if _versions is not None:
        _versions[folder] = version
    return version


def version(path: Path) -> tuple[int, int]:
    """The file's version as the cache sees it: modification time and size (once per build)."""
    return _version(path)


def _version(path: Path) -> tuple[int, int]:
    known = _versions.get(path) if _versions is not None else None
    if known is None:
        status = path.stat()
        known = (status.st_mtime_ns, status.st_size)
        if _versions is not None:
            _versions[path] = known
    return known


def _file_times(folder: Path) -> Iterator[tuple[str, int]]:
    with os.scandir(folder) as entries:  # scandir: the stats come with the listing
        for entry in entries:
            if entry.is_dir():
                yield from _file_times(Path(entry.path))
            elif entry.is_file():
                yield entry.path, entry.stat().st_mtime_ns
