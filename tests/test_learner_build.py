"""A real build: prompt markers become labelled fields in both languages with the same ids, the
action plan and the learner tools are generated, and a marker naming an unknown prompt stops the
build with the page's file and line."""
from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys

from conftest import ROOT, copy_project
from course.languages import project_languages
from course.pages import read_page
from course.worksheet import MODULES, load_prompts
from html_tools import built_path, language_data, nav_pages, parse

PROMPTS = load_prompts()
PAGES = nav_pages(ROOT / "mkdocs.yml")


def fields(path) -> list[str]:
    return [a["data-course-prompt"] for tag, a in parse(path).elements if "data-course-prompt" in a]


def script_json(path, element_id: str):
    """Data the build put in a page: a data-json attribute in the content, a JSON script in the head."""
    text = path.read_text(encoding="utf-8")
    match = re.search(rf"<div hidden id=\"{element_id}\" data-json='([^']*)'>", text) or \
        re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', text, re.S)
    assert match, f"{path} has no #{element_id}"
    return json.loads(html.unescape(match.group(1)))


def test_every_prompt_marker_is_a_field_in_both_languages(site):
    found = 0
    for page in PAGES:
        markers = [m.id for m in read_page(ROOT / "docs/en" / page).markers if m.kind == "prompt"]
        if not markers or page == "results/action-plan.md":
            continue
        for language in ("en", "nl"):
            path = built_path(site["dir"], page, language)
            assert fields(path) == markers, f"{language}/{page}"
            html = path.read_text(encoding="utf-8")
            for prompt_id in markers:
                assert f'for="prompt-{prompt_id}"' in html or f'name="prompt-{prompt_id}"' in html
                label = PROMPTS[prompt_id].label[language]
                assert label.replace("&", "&amp;").replace("'", "&#39;").replace('"', "&#34;") in html, label
        found += len(markers)
    assert found >= 30


def test_action_plan_gathers_every_prompt_by_module_with_the_test_bank(site):
    for language, headings in (("en", ["Getting started", "1 Introduction", "2 WHY?", "5 Results"]), ("nl", ["Start", "1 Introductie", "2 WAAROM?", "5 Resultaten"])):
        path = built_path(site["dir"], "results/action-plan.md", language)
        assert sorted(fields(path)) == sorted(PROMPTS)
        text = " ".join(parse(path).text)
        for heading in headings:
            assert heading in text
        catalogue = script_json(path, "course-worksheet")
        assert [p["id"] for m in catalogue for p in m["prompts"]] == [p.id for module in MODULES for p in PROMPTS.values() if p.module == module]
        assert catalogue[1]["prompts"][0]["label"] == PROMPTS[catalogue[1]["prompts"][0]["id"]].label[language]
        assert len(script_json(path, "culture-test-bank")["dimensions"]) >= 7


def test_lessons_have_a_done_button_and_every_page_the_course_map(site):
    lessons = [p for p in PAGES if read_page(ROOT / "docs/en" / p).meta.get("kind") == "lesson"]
    assert len(lessons) >= 20
    for language in ("en", "nl"):
        for page in PAGES:
            path = built_path(site["dir"], page, language)
            done = [a["data-course-done"] for tag, a in parse(path).elements if "data-course-done" in a]
            assert done == ([page[:-3]] if page in lessons else []), f"{language}/{page}"
        module_page = built_path(site["dir"], "why/index.md", language)
        assert script_json(module_page, "course-page") == "why/index"
        _, course_map = language_data(module_page)
        mapped = [p["id"] + ".md" for m in course_map["modules"] for p in m["pages"] if p["lesson"]]
        assert sorted(mapped) == sorted(lessons)
        prefix = "" if language == "en" else "nl/"
        assert all(p["url"].startswith(prefix) for m in course_map["modules"] for p in m["pages"])


def test_tool_pages_are_generated_in_both_languages(site):
    expected = {"start/progress.md": "data-course-progress", "start/your-data.md": "data-course-data",
                "results/team-profile.md": "data-course-team", "results/certificate.md": "data-course-certificate",
                "index.md": "data-course-continue"}
    for language in ("en", "nl"):
        for page, attribute in expected.items():
            assert any(attribute in a for _, a in parse(built_path(site["dir"], page, language)).elements), f"{language}/{page}"
    assert "SOL Nederland" in built_path(site["dir"], "results/certificate.md", "nl").read_text(encoding="utf-8")
    routes = script_json(built_path(site["dir"], "start/progress.md", "nl"), "course-routes")
    assert [r["label"] for r in routes] == ["Individueel", "Team", "Community of practice"]
    assert routes[0]["url"] == "../route-individual/"


def test_an_unknown_prompt_id_stops_the_build_naming_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    lesson = project / "docs/nl/why/engagement-and-wellbeing.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("<!-- prompt: why-evidence-today -->", "<!-- prompt: why-evidence-todya -->"), encoding="utf-8")
    line = text[: text.index("<!-- prompt: why-evidence-today -->")].count("\n") + 1
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")})
    assert result.returncode != 0
    # relative to the project, like every other build message: the path an author sees in the pull request
    assert f"docs/nl/why/engagement-and-wellbeing.md:{line}: unknown prompt id 'why-evidence-todya'; prompts are defined in data/worksheet/*.yml" in result.stderr
    assert str(project) not in result.stderr


def test_page_ids_do_not_depend_on_the_language_folder(site):
    """Progress is kept by page id: every page has the same id in every language (its path)."""
    for page in PAGES:
        ids = {script_json(built_path(site["dir"], page, language), "course-page")
               for language in project_languages().all}
        assert ids == {page.removesuffix(".md")}, page
