"""Media: a `<!-- media: id -->` marker becomes a clip (data/media.yml): the site's own file with
captions in every language and a transcript in the page's, or a consent placeholder for a clip on
another platform (a plain link in the offline package). Drawn before search indexes the page, so
the transcript is found."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.utils import get_relative_url

from course import offline
from course.data import loaded, ui
from course.languages import site_languages
from course.media import Clip, load_media
from course.pages import check_marker_ids, replace_markers
from course.render import page_language, render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

KIND = "media"
_clips: dict[str, Clip] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    """Load and validate the clips once; a broken entry or caption file stops the build by name."""
    global _clips
    _clips = loaded("Media", load_media, languages=site_languages(config).all)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> None:
    """Stop the build at a media marker whose id data/media.yml does not define."""
    check_marker_ids(Path(page.file.abs_src_path), config.config_file_path, KIND, _clips,
                     "clip", "clips are defined in data/media.yml")


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Show the page's clips where their markers stand."""
    language = page_language(page)
    names = {entry.locale: entry.name for entry in config.plugins["i18n"].config.languages}

    def show(clip_id: str) -> str:
        return render(config, "media.html", clip=_clips[clip_id], lang=language, t=ui(language), names=names,
                      url=lambda path: get_relative_url(path, page.url), plain=offline.enabled(config))
    return replace_markers(html, Path(page.file.abs_src_path), KIND, show)
