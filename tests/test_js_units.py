"""Runs the browser code's pure-function unit tests (tests/js/*.test.js) with node's test runner."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

from conftest import ROOT
from course.languages import project_languages
from course.shared_words import page_data


def test_javascript_unit_tests_pass():
    node = shutil.which("node")
    assert node, "node is needed for the JavaScript unit tests"
    files = sorted(str(p) for p in (ROOT / "tests/js").glob("*.test.js"))
    assert files, "no JavaScript unit tests found"
    # the shared words as every page carries them, from the data files (lib/shared-words.js)
    words = json.dumps(page_data(project_languages()))
    result = subprocess.run([node, "--test", *files], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "COURSE_WORDS": words})
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
