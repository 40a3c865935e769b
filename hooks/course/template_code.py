"""Compiled template code shared by the theme's templates and the course's fragments: kept in memory
for the process (every language's build reuses it) and in .cache/templates between builds."""
from __future__ import annotations

import pickle
from pathlib import Path
from types import CodeType

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

FOLDER = ".cache/templates"  # beside mkdocs.yml, where Material's plugins keep their caches too


class SharedTemplateCode(BytecodeCache):
    """Each template's code checked against its source checksum (and on disk against Jinja's and
    Python's version too); until `folder` is set, kept in memory only."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, CodeType]] = {}
        self.folder: Path | None = None

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._code.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code
            return
        if self.folder is None:
            return
        try:
            _on_disk(self.folder).load_bytecode(bucket)  # resets the bucket when the source changed
        except (OSError, ValueError, EOFError, TypeError, pickle.UnpicklingError):  # damaged: compile afresh
            bucket.reset()
        if bucket.code is not None:
            self._code[bucket.key] = (bucket.checksum, bucket.code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _on_disk(self.folder).dump_bytecode(bucket)
        except OSError:
            pass  # a read-only checkout builds as before, compiling its templates each time

    def keep_beside(self, config_file: str) -> None:
        """Keep the code on disk in .cache/templates beside this mkdocs.yml."""
        self.folder = Path(config_file).parent / FOLDER


shared = SharedTemplateCode()


def _on_disk(folder: Path) -> FileSystemBytecodeCache:
    return FileSystemBytecodeCache(str(folder), "%s.cache")
