"""Diagrams of the course's models: each placed in its lesson in every language, its words the data
file's words in the page's language (read back out of the built SVG), legible on a 390-pixel phone
(smallest rendered text at least 12 CSS px, no text outside the picture), accessible (axe), within
the page width on paper, and a broken data file or an unknown marker stops the build by name."""
from __future__ import annotations

import dataclasses
import html
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, copy_project
from course.diagram_layouts import scene
from course.diagrams import load_diagrams
from course.pages import read_page
from course.languages import project_languages
from course.data import DataError
from html_tools import built_path, nav_pages
from quality_tools import page_url, run_axe

LANGUAGES = project_languages().all

DIAGRAMS = load_diagrams()
PAGES = nav_pages(ROOT / "mkdocs.yml")
FIGURE = re.compile(r'<figure class="course-diagram" id="diagram-([a-z0-9-]+)".*?</figure>', re.S)
SVG_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)


def placements() -> dict[str, list[str]]:
    """Diagram id -> the pages (source paths) whose Markdown has its marker."""
    found: dict[str, list[str]] = {}
    for page in PAGES:
        for marker in read_page(ROOT / "docs/en" / page).markers:
            if marker.kind == "diagram":
                found.setdefault(marker.id, []).append(page)
    return found


PLACED = placements()


def figures(path) -> dict[str, str]:
    return {match.group(1): match.group(0) for match in FIGURE.finditer(path.read_text(encoding="utf-8"))}


def test_at_least_eight_diagrams_each_in_a_lesson_of_the_course():
    models = {"course-journey", "five-disciplines", "water-lily", "learning-practice-team",
              "action-learning-cycle", "experiment-cycle", "eight-levers", "reality-aspiration-gap"}
    assert models <= set(DIAGRAMS)
    assert set(PLACED) == set(DIAGRAMS), "every diagram file is used, and only those"


@pytest.mark.parametrize("diagram_id", sorted(DIAGRAMS))
def test_the_built_svg_holds_the_words_of_the_pages_language(site, diagram_id):
    diagram = DIAGRAMS[diagram_id]
    for page in PLACED[diagram_id]:
        for language in LANGUAGES:
            figure = figures(built_path(site["dir"], page, language)).get(diagram_id)
            assert figure, f"{language}/{page} shows no {diagram_id}"
            drawn = " ".join(html.unescape(text) for text in SVG_TEXT.findall(figure))
            expected = " ".join(line.text for line in scene(diagram, language).lines)
            assert drawn == expected
            for item in diagram.items:  # every label, wrapped over lines as the layout chose
                assert item.label[language] in drawn
            others = [other for other in LANGUAGES if other != language
                      and diagram.items[0].label[other] != diagram.items[0].label[language]]
            for other in others:
                assert diagram.items[0].label[other] not in drawn, f"{other} words in the {language} diagram"
            shown = html.unescape(figure)
            assert f'aria-label="{diagram.alt[language]}"' in shown
            assert diagram.description[language] in shown


def test_a_diagram_is_found_by_search_in_its_language(site):
    import json
    for language in LANGUAGES:
        index_file, = site["dir"].rglob(f"search_index.{language}.json")  # hooks/language_search.py
        index = json.loads(index_file.read_text(encoding="utf-8"))
        label = DIAGRAMS["eight-levers"].items[5].label[language]
        hits = [doc["location"] for doc in index["docs"] if label in doc["text"]]
        assert any("eight-levers" in hit for hit in hits), f"{language}: '{label}' not indexed"


@pytest.fixture(scope="module")
def phone(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_diagram_is_legible_on_a_phone_accessible_and_loads_nothing_else(phone, site, language):
    smallest = {}
    for diagram_id, pages in sorted(PLACED.items()):
        phone.goto(page_url(site, built_path(site["dir"], pages[0], language)))
        figure = phone.locator(f"#diagram-{diagram_id}")
        measured = figure.evaluate("""(f) => {
            const svg = f.querySelector('svg'), box = svg.getBoundingClientRect();
            const scale = box.width / svg.viewBox.baseVal.width, view = svg.viewBox.baseVal;
            const texts = Array.from(svg.querySelectorAll('text'));
            return {
              width: box.width, page: document.documentElement.clientWidth,
              smallest: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale)),
              outside: texts.filter(t => { const b = t.getBBox();
                return b.x < -0.5 || b.y < -0.5 || b.x + b.width > view.width + 0.5 || b.y + b.height > view.height + 0.5;
              }).map(t => t.textContent),
            };
        }""")
        assert measured["width"] <= measured["page"], f"{diagram_id} wider than the phone"
        assert measured["outside"] == [], f"{diagram_id}: text outside the picture"
        smallest[diagram_id] = measured["smallest"]
        assert run_axe(phone, f"#diagram-{diagram_id}") == [], diagram_id
    assert min(smallest.values()) >= 12, smallest
    assert all(request.startswith(site["url"]) for request in phone.requests)


def test_diagrams_fit_the_printed_page(browser, site):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(site["url"] + "how/eight-levers/")
    tab.emulate_media(media="print")
    width = tab.locator("#diagram-eight-levers svg").evaluate("(svg) => svg.getBoundingClientRect().width")
    context.close()
    assert 200 < width <= 15 / 2.54 * 96 + 1  # at most 15 cm


def test_a_broken_diagram_file_is_reported_by_file_and_key(tmp_path):
    folder = tmp_path / "diagrams"
    folder.mkdir()
    (folder / "cycle.yml").write_text(
        "id: cycle\nlayout: spiral\ntitle: {en: A, nl: B}\nalt: {en: A}\ndescription: {en: A, nl: B}\n"
        "items:\n  - label: {en: One, nl: Een}\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_diagrams(folder)
    message = str(error.value)
    assert "cycle.yml: layout: must be one of" in message
    assert f"cycle.yml: alt: missing '{LANGUAGES[-1]}' text" in message


def test_an_unknown_diagram_marker_stops_the_build_naming_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/nl/how/eight-levers.md"
    text = page.read_text(encoding="utf-8").replace("<!-- diagram: eight-levers -->", "<!-- diagram: eight-leavers -->")
    page.write_text(text, encoding="utf-8")
    line = text[: text.index("eight-leavers")].count("\n") + 1
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                            cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")})
    assert result.returncode != 0
    assert f"docs/nl/how/eight-levers.md:{line}: unknown diagram 'eight-leavers'" in result.stderr


def test_the_parity_check_reports_a_diagram_missing_in_a_translation(tmp_path):
    from course import parity

    languages = project_languages()
    source, target = languages.source, languages.translations[0]
    page = "how/eight-levers.md"
    for language in (source, target):
        path = tmp_path / "docs" / language / page
        path.parent.mkdir(parents=True)
        text = (ROOT / "docs" / language / page).read_text(encoding="utf-8")
        path.write_text(text if language == source else text.replace("<!-- diagram: eight-levers -->", ""),
                        encoding="utf-8")
    findings = [str(finding) for finding in parity.check(tmp_path / "docs", dataclasses.replace(languages, all=(source, target)))]
    assert any(f"docs/{target}/{page}" in finding and "missing diagram:eight-levers" in finding for finding in findings), findings
