"""The benchmark measures every language mkdocs.yml configures, each at its own address, and runs its
own scripts (bench/lms.py, bench/edit_loop.py), not the hooks of the same name."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from course.languages import project_languages

sys.path.insert(0, str(ROOT / "bench"))

import lighthouse  # noqa: E402
import page_weight  # noqa: E402
import search  # noqa: E402
from course.search_index import Language  # noqa: E402


@pytest.fixture
def three_languages(tmp_path):
    """A configuration whose default language is listed second, with a third language added."""
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - i18n:\n      languages:\n        - {locale: nl}\n"
                      "        - {locale: en, default: true}\n        - {locale: de}\n", encoding="utf-8")
    return project_languages(config)


def test_every_configured_language_is_weighed_and_audited_at_its_own_address(monkeypatch, three_languages):
    visited = []
    monkeypatch.setattr(page_weight, "LANGUAGES", three_languages)
    monkeypatch.setattr(page_weight, "first_visit", lambda browser, site, url: visited.append(url) or {})
    weights = page_weight.measure(None, Path("site"), "http://host/")
    assert list(weights)[:3] == [("lesson", "en"), ("lesson", "nl"), ("lesson", "de")]
    assert visited[:3] == ["http://host/how/eight-levers/", "http://host/nl/how/eight-levers/",
                           "http://host/de/how/eight-levers/"]
    audited = []
    monkeypatch.setattr(lighthouse, "LANGUAGES", three_languages)
    monkeypatch.setattr(lighthouse, "audit", lambda url: audited.append(url) or {})
    assert len(lighthouse.measure("http://host/")) == 3 * len(lighthouse.PAGES)
    assert audited[:3] == visited[:3]


def test_each_language_is_searched_for_the_longest_word_of_the_page_title_in_its_own_index(tmp_path):
    german = Language("de", "de/")
    index = tmp_path / german.index
    index.parent.mkdir(parents=True)
    index.write_text(json.dumps({"docs": [{"location": "de/", "title": "Start", "text": ""},
                                          {"location": "de/how/eight-levers/", "title": "Die acht Stellschrauben",
                                           "text": ""}]}), encoding="utf-8")
    assert search._query(tmp_path, german) == "stellschrauben"


def test_make_bench_runs_the_benchmark_scripts_not_the_hooks_of_the_same_name():
    # as `make bench` runs it: bench/run.py with hooks/ on PYTHONPATH
    probe = "import run; print(run.lms.__file__); print(run.edit_loop.__file__)"
    result = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, 'bench'); {probe}"], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": "hooks", "NO_MKDOCS_2_WARNING": "1"},
                            capture_output=True, text=True, check=True)
    assert result.stdout.split() == [str(ROOT / "bench" / "lms.py"), str(ROOT / "bench" / "edit_loop.py")]
