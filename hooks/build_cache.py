"""Build speed and memory: compile each template once, not once per language build and build (the
code is kept in memory and in .cache/templates: course/template_code.py); look at each source file's
version once per build, not each time a hook asks for the file; let go of each page's text once the
page is written."""
from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from course import events, file_cache, template_code

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


@event_priority(events.FIRST)
def on_pre_build(config: MkDocsConfig) -> None:
    """Start remembering file versions for this build (each language is a build of its own)."""
    file_cache.build_started()


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Let every language's build, and the next build, reuse the templates compiled before."""
    template_code.shared.keep_beside(config.config_file_path)
    env.bytecode_cache = template_code.shared
    return env


@event_priority(events.LAST)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Let go of the page's Markdown and HTML once it is written: MkDocs keeps every page until the
    build ends, and mkdocs-static-i18n builds the next language before this one's build ends."""
    # empty, not None: MkDocs works out a page's title (in later pages' navigation) from whether they are None
    page.markdown = page.content = ""
    return output


@event_priority(events.LAST)
def on_post_build(config: MkDocsConfig) -> None:
    """Stop remembering file versions."""
    file_cache.build_ended()


def on_build_error(error: Exception) -> None:
    """Stop remembering file versions when a build fails (mkdocs serve goes on)."""
    file_cache.build_ended()
