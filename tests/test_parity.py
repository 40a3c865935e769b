"""The translation parity check, on small fixture trees: the messages an author sees."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from course import parity

LESSON_EN = """---
title: Levers
kind: lesson
---

# Levers

## Learning objectives

Text.

## Body

<!-- prompt: how-levers -->

### Detail
"""
LESSON_NL = """---
title: Hefbomen
kind: lesson
---

# Hefbomen

## Leerdoelen

Tekst.

## Inhoud

<!-- prompt: how-levers -->

### Detail
"""


def make_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "docs"


@pytest.fixture()
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return lambda files: make_tree(tmp_path, files)


def messages(docs: Path) -> list[str]:
    return [str(f) for f in parity.check(docs)]


def test_page_missing_in_dutch_names_both_paths(tree):
    docs = tree({"en/how/levers.md": LESSON_EN})
    assert messages(docs) == ["error: docs/nl/how/levers.md:1: missing translation of docs/en/how/levers.md"]


def test_page_missing_in_english_names_both_paths(tree):
    docs = tree({"en/index.md": "# Home\n", "nl/how/levers.md": LESSON_NL})
    assert "error: docs/nl/how/levers.md:1: no source page docs/en/how/levers.md for this translation" in messages(docs)


def test_translation_that_matches_and_is_recorded_passes(tree):
    docs = tree({"en/how/levers.md": LESSON_EN, "nl/how/levers.md": LESSON_NL})
    parity.mark_done(docs / "nl/how/levers.md", docs / "en/how/levers.md")
    assert messages(docs) == []


def test_structural_mismatch_names_page_and_difference(tree):
    dutch = LESSON_NL.replace("### Detail\n", "").replace("<!-- prompt: how-levers -->", "<!-- prompt: how-hefbomen -->")
    docs = tree({"en/how/levers.md": LESSON_EN, "nl/how/levers.md": dutch})
    parity.mark_done(docs / "nl/how/levers.md", docs / "en/how/levers.md")
    assert messages(docs) == [
        "error: docs/nl/how/levers.md:13: structure differs from docs/en/how/levers.md: "
        "level-3 headings: 1 in the source, 0 in translation",
        "error: docs/nl/how/levers.md:15: structure differs from docs/en/how/levers.md: "
        "markers: missing prompt:how-levers; not in the source prompt:how-hefbomen",
    ]


THREE_SECTIONS = "---\ntitle: {title}\nkind: page\n---\n\n# {title}\n\n## One\n\nA.\n\nB.\n\n## Two\n\nC.\n\n## Three\n\nD.\n\nE.\n\nF.\n"


def test_a_heading_left_out_is_reported_at_the_section_that_took_its_text(tree):
    """'## Two' became a paragraph in the translation: the finding is on '## One' (line 9), the
    section its text ran into (sections told apart by their paragraphs), not on the last heading."""
    dutch = THREE_SECTIONS.format(title="Drie").replace("## Two\n", "Two.\n")
    docs = tree({"en/three.md": THREE_SECTIONS.format(title="Three"), "nl/three.md": dutch})
    parity.mark_done(docs / "nl/three.md", docs / "en/three.md")
    assert messages(docs) == ["error: docs/nl/three.md:9: structure differs from docs/en/three.md: "
                              "level-2 headings: 3 in the source, 2 in translation"]


def test_a_heading_added_is_reported_where_the_headings_depart(tree):
    """'## Extra' took the paragraph of '## Two': the finding is on '## Two' (line 15), the first
    heading with no counterpart in the source, two lines above '## Extra'."""
    dutch = THREE_SECTIONS.format(title="Drie").replace("C.\n", "## Extra\n\nC.\n")
    docs = tree({"en/three.md": THREE_SECTIONS.format(title="Three"), "nl/three.md": dutch})
    parity.mark_done(docs / "nl/three.md", docs / "en/three.md")
    assert [m.split(": structure")[0] for m in messages(docs)] == ["error: docs/nl/three.md:15"]


def test_generated_element_and_heading_ids_must_match(tree):
    english = "---\nkind: tool\ngenerate: self-check\nmodule: why\n---\n# Check\n\n## Term {#action-learning}\n"
    dutch = "---\nkind: tool\ngenerate: self-check\nmodule: hoe\n---\n# Toets\n\n## Term {#actieleren}\n"
    docs = tree({"en/why/check.md": english, "nl/why/check.md": dutch})
    parity.mark_done(docs / "nl/why/check.md", docs / "en/why/check.md")
    assert messages(docs) == [
        "error: docs/nl/why/check.md:9: structure differs from docs/en/why/check.md: "
        "heading ids: missing action-learning; not in the source actieleren",
        "error: docs/nl/why/check.md:4: structure differs from docs/en/why/check.md: "
        "front matter 'module': 'why' in the source, 'hoe' in translation",
    ]


def test_changed_english_page_makes_translation_outdated_as_a_warning(tree):
    docs = tree({"en/how/levers.md": LESSON_EN, "nl/how/levers.md": LESSON_NL})
    parity.mark_done(docs / "nl/how/levers.md", docs / "en/how/levers.md")
    old = parity.source_hash(docs / "en/how/levers.md")
    (docs / "en/how/levers.md").write_text(LESSON_EN + "\nA new paragraph.\n", encoding="utf-8")
    new = parity.source_hash(docs / "en/how/levers.md")
    assert messages(docs) == [
        f"warning: docs/nl/how/levers.md:4: translation may be outdated: docs/en/how/levers.md has changed "
        f"(recorded {old}, now {new})"
    ]


def test_done_command_records_the_version_and_clears_the_warning(tree, tmp_path):
    docs = tree({"en/how/levers.md": LESSON_EN, "nl/how/levers.md": LESSON_NL})
    run = lambda *args: subprocess.run([sys.executable, "-m", "course.parity", *args], cwd=tmp_path,
                                       env={"PYTHONPATH": str(ROOT / "hooks")}, capture_output=True, text=True)
    before = run("check", "docs")
    assert before.returncode == 0
    assert "warning: docs/nl/how/levers.md:1: no translation_of recorded" in before.stdout
    done = run("done", "docs/nl/how/levers.md")
    assert done.stdout.strip() == f"recorded {parity.source_hash(docs / 'en/how/levers.md')} in docs/nl/how/levers.md"
    assert f'translation_of: "{parity.source_hash(docs / "en/how/levers.md")}"' in (docs / "nl/how/levers.md").read_text()
    after = run("check", "docs")
    assert after.stdout.strip() == "translations: 0 error(s), 0 warning(s)"


def test_check_command_fails_on_errors(tree, tmp_path):
    tree({"en/how/levers.md": LESSON_EN})
    result = subprocess.run([sys.executable, "-m", "course.parity", "check", "docs"], cwd=tmp_path,
                            env={"PYTHONPATH": str(ROOT / "hooks")}, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "translations: 1 error(s), 0 warning(s)"


def test_the_course_itself_has_complete_translations():
    findings = [str(f) for f in parity.check(ROOT / "docs") if f.severity == "error"]
    assert findings == []
