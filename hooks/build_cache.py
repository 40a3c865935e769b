"""Build speed: compile each theme template once per process, not once per language build; look at
each source file's version once per build, not each time a hook asks for the file."""
from __future__ import annotations

from types import CodeType
from typing import TYPE_CHECKING

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.plugins import event_priority

from course import events, file_cache

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


class _SharedTemplateCode(BytecodeCache):
    """Compiled template code kept in memory, checked against the template's source checksum."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._code.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)


_cache = _SharedTemplateCode()


@event_priority(events.FIRST)
def on_pre_build(config: MkDocsConfig) -> None:
    """Start remembering file versions for this build (each language is a build of its own)."""
    file_cache.build_started()


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Let every language's build reuse the templates the first one compiled."""
    env.bytecode_cache = _cache
    return env


@event_priority(events.LAST)
def on_post_build(config: MkDocsConfig) -> None:
    """Stop remembering file versions."""
    file_cache.build_ended()


def on_build_error(error: Exception) -> None:
    """Stop remembering file versions when a build fails (mkdocs serve goes on)."""
    file_cache.build_ended()
