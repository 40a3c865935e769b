"""Valid HTML gate: the Nu Html Checker over every page of the built site, both languages. The only
errors allowed are listed, with their reason, in tests/vnu-allowlist.yml."""
from __future__ import annotations

import json
import re
import subprocess

import material
import pytest
import yaml

from conftest import ROOT
from quality_tools import VNU_JAR, java, npm_tool, site_pages

ALLOWLIST = ROOT / "tests" / "vnu-allowlist.yml"


@pytest.fixture(scope="module")
def checker_errors(site) -> list[dict]:
    """Every error the Nu Html Checker reports for the built site."""
    assert len(site_pages(site["dir"])) >= 100
    result = subprocess.run([java(), "-jar", str(npm_tool(VNU_JAR)), "--errors-only", "--format", "json",
                             "--skip-non-html", str(site["dir"])], capture_output=True, text=True)
    # the checker writes its JSON report to stderr and exits 1 when it found errors
    assert result.returncode in (0, 1), f"the Nu Html Checker failed to run:\n{result.stderr[-3000:]}"
    report = json.loads(result.stderr)
    for message in report["messages"]:
        message["page"] = message.get("url", "").removeprefix("file:").removeprefix(str(site["dir"]) + "/")
    return [message for message in report["messages"] if message["type"] in ("error", "non-document-error")]


def allowlist() -> list[dict]:
    entries = yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8")) or []
    for entry in entries:
        assert {"message", "markup", "reason"} <= entry.keys(), f"{ALLOWLIST.name}: entry needs message, markup, reason: {entry}"
    return entries


def allowed(error: dict, entry: dict) -> bool:
    return error["message"].startswith(entry["message"]) and entry["markup"] in error.get("extract", "")


def test_every_page_is_valid_html(checker_errors):
    entries = allowlist()
    problems = sorted(f"{error['page']}:{error.get('lastLine', '?')}: {error['message']}\n    {' '.join(error.get('extract', '').split())}"
                      for error in checker_errors if not any(allowed(error, entry) for entry in entries))
    assert not problems, f"{len(problems)} HTML errors (Nu Html Checker):\n" + "\n".join(problems[:60])


def test_every_allowlisted_error_still_occurs(checker_errors):
    stale = [entry["message"] for entry in allowlist() if not any(allowed(error, entry) for error in checker_errors)]
    assert not stale, f"remove these entries from {ALLOWLIST.name}, the errors are gone: {stale}"


def test_copied_material_partials_match_the_installed_material():
    # overrides/partials that are patched copies of Material's own name the version they came from;
    # after an upgrade, re-copy them from the new version and re-apply the change they describe
    copies = [path for path in (ROOT / "overrides" / "partials").glob("*.html")
              if re.search(r"Material \d+\.\d+\.\d+'s partials/", path.read_text(encoding="utf-8"))]
    assert copies, "no patched copies of Material partials found"
    outdated = [path.name for path in copies if f"Material {material.__version__}'s" not in path.read_text(encoding="utf-8")]
    assert not outdated, f"copied from another Material version than {material.__version__}: {outdated}"
