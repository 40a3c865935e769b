"""Action-plan worksheet: prompt markers in lessons become fields; `generate: action-plan` gathers
them all, with the test focus and the experiment cards (saved in the browser by worksheet.js and
action-plan.js)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from course import events
from course.data import loaded, ui
from course.item_bank import bank_for_browser, item_bank
from course.languages import site_languages
from course.learner_pages import catalogue, course_url, module_titles
from course.pages import check_marker_ids, replace_markers
from course.render import append, page_language, render
from course.shared_words import ExperimentCard, load_experiment_card
from course.worksheet import Prompt, prompts

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from course.item_bank import ItemBank

_prompts: dict[str, Prompt] = {}
_card: ExperimentCard | None = None
_bank: ItemBank | None = None
_files: Files | None = None
TEST_PAGE = "introduction/learning-culture-test.md"  # where the plan sends a learner without a test


def on_pre_build(config: MkDocsConfig) -> None:
    """Load and validate the prompts, the experiment card and the test bank once per language
    build; broken data stops the build."""
    global _prompts, _card, _bank
    languages = site_languages(config).all
    _prompts, _bank = prompts(languages), item_bank(languages)
    _card = loaded("Experiment card", load_experiment_card)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> None:
    """Stop the build at a `<!-- prompt: id -->` marker whose id no data file defines."""
    global _files
    _files = files
    _check_markers(page, config)


@event_priority(events.AFTER_SEARCH)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Render the prompt markers (kept as HTML comments by Markdown) as fields; fill the action plan."""
    language = page_language(page)
    page.content = replace_markers(page.content, Path(page.file.abs_src_path), "prompt",
                                   lambda prompt_id: render(config, "prompt.html", prompt=_prompts[prompt_id],
                                                            lang=language, t=ui(language)))
    if page.meta.get("generate") == "action-plan":
        titles = module_titles(nav)
        html = render(config, "action-plan.html", t=ui(language), lang=language, fields=_card.fields,
                      decisions=_card.decisions, modules=catalogue(_prompts, titles, language, full=True),
                      browser_catalogue=catalogue(_prompts, titles, language),
                      browser_bank=bank_for_browser(_bank, language),
                      test_url=course_url(TEST_PAGE, page, _files, language))
        page.content = append(page.content, html)
    return context


def _check_markers(page: Page, config: MkDocsConfig) -> None:
    check_marker_ids(Path(page.file.abs_src_path), config.config_file_path, "prompt", _prompts,
                     "prompt id", "prompts are defined in data/worksheet/*.yml")
