"""Diagrams: a `<!-- diagram: id -->` marker in a page becomes the model's picture as inline SVG in
the page's language (data/diagrams/<id>.yml, laid out by course/diagrams.py, drawn by
fragments/diagram.html). Drawn before search indexes the page, so its words are found."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING


from course.data import loaded, ui
from course.diagram_layouts import scene
from course.diagrams import Diagram, load_diagrams
from course.languages import site_languages
from course.pages import check_marker_ids, replace_markers
from course.render import page_language, render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

KIND = "diagram"
_diagrams: dict[str, Diagram] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    """Load and validate the diagrams once; a broken data file stops the build naming file and key."""
    global _diagrams
    _diagrams = loaded("Diagrams", load_diagrams, languages=site_languages(config).all)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> None:
    """Stop the build at a diagram marker whose id no data file defines."""
    check_marker_ids(Path(page.file.abs_src_path), config.config_file_path, KIND, _diagrams,
                     "diagram", "diagrams are defined in data/diagrams/<id>.yml")


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Draw the page's diagrams where their markers stand."""
    language = page_language(page)

    def draw(diagram_id: str) -> str:
        diagram = _diagrams[diagram_id]
        return render(config, "diagram.html", diagram=diagram, scene=scene(diagram, language),
                      lang=language, t=ui(language))
    return replace_markers(html, Path(page.file.abs_src_path), KIND, draw)
