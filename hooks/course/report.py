"""Findings of the check commands and the formats they are printed in: human (the default), GitHub
workflow commands (annotations on the lines), a GitLab code-quality report, JSON."""
from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

FORMATS = ("human", "github", "gitlab", "json")
# GitLab's code-quality severities: errors fail the check, warnings do not
GITLAB_SEVERITY = {"error": "major", "warning": "minor"}


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" or "warning"
    path: str      # relative to the repository root (see `shown`)
    line: int
    message: str
    details: tuple[str, ...] = ()  # further lines, such as the source paragraphs that changed

    def __str__(self) -> str:
        return f"{self.severity}: {self.path}:{self.line}: {self.message}"


def add_format_option(parser: argparse.ArgumentParser) -> None:
    """The --format option every check command takes."""
    parser.add_argument("--format", choices=FORMATS, default="human",
                        help="human (default), github (workflow annotations), gitlab (code-quality JSON), json")


def render(findings: Iterable[Finding], output_format: str, check: str) -> str:
    """All findings of the check called `check` in `output_format`, ending in a newline."""
    findings = list(findings)
    errors = sum(f.severity == "error" for f in findings)
    summary = f"{check}: {errors} error(s), {len(findings) - errors} warning(s)"
    if output_format == "json":
        return json.dumps([_as_dict(f, check) for f in findings], ensure_ascii=False, indent=2) + "\n"
    if output_format == "gitlab":
        return json.dumps([_code_quality(f, check) for f in findings], ensure_ascii=False, indent=2) + "\n"
    if output_format == "github":
        lines = [f"::{f.severity} file={_property(f.path)},line={f.line},title={_property(check)}::"
                 f"{_data(chr(10).join((f.message, *f.details)))}" for f in findings]
    else:
        lines = [line for f in findings for line in (str(f), *(f"    {d}" for d in f.details))]
    return "\n".join([*lines, summary]) + "\n"


def exit_code(findings: Iterable[Finding]) -> int:
    """1 when any finding is an error (warnings do not fail a check)."""
    return 1 if any(f.severity == "error" for f in findings) else 0


def shown(path: Path) -> str:
    """A path as findings show it: relative to the repository root (the nearest folder above it
    holding .git), else to the current folder, else as given."""
    resolved = path.resolve()
    for folder in resolved.parents:
        if (folder / ".git").exists():
            return resolved.relative_to(folder).as_posix()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _as_dict(finding: Finding, check: str) -> dict:
    return {"check": check, "severity": finding.severity, "path": finding.path, "line": finding.line,
            "message": finding.message, "details": list(finding.details)}


def _code_quality(finding: Finding, check: str) -> dict:
    # the fingerprint leaves out the line, so a finding that moves is still the same finding
    identity = f"{check}\0{finding.path}\0{finding.message}"
    return {"description": "\n".join((finding.message, *finding.details)), "check_name": check,
            "fingerprint": hashlib.sha256(identity.encode("utf-8")).hexdigest(),
            "severity": GITLAB_SEVERITY[finding.severity],
            "location": {"path": finding.path, "lines": {"begin": finding.line}}}


def _data(text: str) -> str:
    """Escape a workflow command's message (GitHub's rules: %, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a workflow command's property value (also : and ,)."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
