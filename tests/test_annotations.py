"""The check commands' machine-readable output on a small repository with known errors: the exact
annotations an author sees on a pull request, and the translator's list of changed English text."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

ENGLISH = """---
title: Levers
description: Eight levers that make an organisation a place where people learn from work.
kind: page
---

# Levers

## First lever

Leaders ask questions.

<!-- prompt: how-levers -->

## Second lever

Teams reflect every week.
"""
DUTCH = """---
title: Hefbomen
description: Acht hefbomen die van een organisatie een plek maken waar mensen leren van hun werk.
kind: page
translation_of: "{version}"
---

# Hefbomen

## Eerste hefboom

Leidinggevenden stellen vragen.

<!-- prompt: how-levers -->
"""
CHANGED_ENGLISH = ENGLISH.replace("Leaders ask questions.", "Leaders ask questions and listen.")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Author", "-c", "user.email=author@example.org", *args],
                   cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository: an English page and its Dutch translation (recorded, then the English
    changed and the Dutch lost a section), a Dutch page with no English, an English page with a
    malformed link and no Dutch."""
    from course.parity import text_hash

    root = tmp_path_factory.mktemp("repo")
    pages = {"docs/en/how/levers.md": ENGLISH,
             "docs/nl/how/levers.md": DUTCH.format(version=text_hash(ENGLISH)),
             "docs/nl/how/extra.md": "---\ntitle: Extra\ndescription: Een pagina zonder Engelse bron, om te laten zien welke foutmelding de auteur dan krijgt.\nkind: page\n---\n\n# Extra\n",
             "docs/en/links.md": "---\ntitle: Links\ndescription: A page whose only source link is malformed, to show the content rules at work.\nkind: page\n---\n\n# Links\n\nSee [the book](https://exa mple).\n"}
    for name, text in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "Levers in both languages")
    (root / "docs/en/how/levers.md").write_text(CHANGED_ENGLISH, encoding="utf-8")
    git(root, "commit", "-qam", "Levers: leaders listen")
    return root


def run(repo: Path, module: str, output_format: str) -> subprocess.CompletedProcess:
    """A check command as CI runs it, here from the docs folder: paths still start at the repository root."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", module, "check", ".", "--format", output_format],
                          cwd=repo / "docs", env=env, capture_output=True, text=True)


def test_github_annotations_name_file_and_line(repo):
    from course.parity import text_hash

    old, new = text_hash(ENGLISH), text_hash(CHANGED_ENGLISH)
    result = run(repo, "course.parity", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=docs/nl/links.md,line=1,title=translations::missing translation of docs/en/links.md",
        "::error file=docs/nl/how/extra.md,line=1,title=translations::no source page docs/en/how/extra.md for this translation",
        "::error file=docs/nl/how/levers.md,line=10,title=translations::structure differs from docs/en/how/levers.md: "
        "level-2 headings: 2 in the source, 1 in translation",
        f"::warning file=docs/nl/how/levers.md,line=5,title=translations::translation may be outdated: "
        f"docs/en/how/levers.md has changed (recorded {old}, now {new})"
        f"%0AParagraphs changed in the source since {old} (line numbers in docs/en/how/levers.md):"
        "%0A@@ line 11 @@%0A- Leaders ask questions.%0A+ Leaders ask questions and listen.",
        "translations: 3 error(s), 1 warning(s)",
    ]


def test_translator_sees_the_changed_english_paragraphs(repo):
    result = run(repo, "course.parity", "human")
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if "translation may be outdated" in line)
    assert lines[start + 1:start + 5] == [
        f"    Paragraphs changed in the source since {_recorded(repo)} (line numbers in docs/en/how/levers.md):",
        "    @@ line 11 @@",
        "    - Leaders ask questions.",
        "    + Leaders ask questions and listen.",
    ]


def test_recorded_version_missing_from_history_is_said_plainly(repo, tmp_path):
    from course import history, parity

    page = repo / "docs/en/how/levers.md"
    assert history.version_with_hash(page, "000000000000", parity.text_hash) is None
    outside = tmp_path / "levers.md"  # not in any repository
    outside.write_text(ENGLISH, encoding="utf-8")
    assert history.version_with_hash(outside, parity.text_hash(ENGLISH), parity.text_hash) is None


def test_content_rules_as_annotations(repo):
    result = run(repo, "course.content", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=docs/en/links.md,line=9,title=content::external link 'https://exa mple' is not a well-formed URL",
        "content: 1 error(s), 0 warning(s)",
    ]


def test_gitlab_code_quality_report(repo):
    report = json.loads(run(repo, "course.parity", "gitlab").stdout)
    assert [(r["severity"], r["location"]["path"], r["location"]["lines"]["begin"], r["check_name"]) for r in report] == [
        ("major", "docs/nl/links.md", 1, "translations"),
        ("major", "docs/nl/how/extra.md", 1, "translations"),
        ("major", "docs/nl/how/levers.md", 10, "translations"),
        ("minor", "docs/nl/how/levers.md", 5, "translations"),
    ]
    assert report[2]["description"] == ("structure differs from docs/en/how/levers.md: "
                                        "level-2 headings: 2 in the source, 1 in translation")
    assert len({r["fingerprint"] for r in report}) == 4


def test_json_output(repo):
    findings = json.loads(run(repo, "course.content", "json").stdout)
    assert findings == [{"check": "content", "severity": "error", "path": "docs/en/links.md", "line": 9,
                         "message": "external link 'https://exa mple' is not a well-formed URL", "details": []}]


def _recorded(repo: Path) -> str:
    from course.pages import read_page

    return read_page(repo / "docs/nl/how/levers.md").meta["translation_of"]


def test_make_check_passes_the_format_on():
    result = subprocess.run(["make", "-s", "check", "FORMAT=json"], cwd=ROOT, capture_output=True, text=True)
    decoder, text, reports = json.JSONDecoder(), result.stdout.strip(), []
    while text:
        report, end = decoder.raw_decode(text)
        reports.append(report)
        text = text[end:].strip()
    assert [type(report) for report in reports] == [list, list]  # translations, then content
    assert {finding["check"] for report in reports for finding in report} <= {"translations", "content"}
