"""The content check `make check` runs: the page rules (course/page_checks.py) on every page under
docs/<language>/, a description of its own in each translation, and the term list on the data files.

Run as `python -m course.content check [DOCS] [--format human|github|gitlab|json]` with `hooks/`
on the Python path (`make check` does this); tests/test_content.py applies the same rules."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from course import report
from course.data import DataError
from course.languages import languages_for
from course.page_checks import check_page
from course.pages import Page, PageError, read_page
from course.report import Finding
from course.terms import TERMS, data_file_problems


def check_tree(docs: Path) -> list[Finding]:
    """Apply the rules to every page under docs/<language>/ and the term list to the data files next
    to docs/, and check that each translation has a description of its own."""
    findings: list[Finding] = []
    languages = languages_for(docs)
    source_dir = docs / languages.source
    for folder in (docs / language for language in languages.all if (docs / language).is_dir()):
        for path in sorted(folder.rglob("*.md")):
            try:
                page = read_page(path)
            except PageError as error:
                where, line, problem = str(error).split(":", 2)
                findings.append(Finding("error", report.shown(Path(where)), int(line), problem.strip()))
                continue
            findings += [Finding("error", report.shown(path), line, problem)
                         for line, problem in check_page(page, folder.name)]
            findings += _same_description(page, path, source_dir / path.relative_to(folder))
    # the data files' texts follow the term list too (data/ next to docs/)
    for path in sorted((docs.parent / "data").rglob("*.yml")):
        if path.resolve() != TERMS.resolve():
            findings += [Finding("error", report.shown(path), line, problem)
                         for line, problem in data_file_problems(path, list(languages.all))]
    return findings


def _same_description(page: Page, path: Path, source: Path) -> list[Finding]:
    if source == path or not source.is_file() or not page.meta.get("description"):
        return []
    try:
        same = read_page(source).meta.get("description") == page.meta["description"]
    except PageError:
        return []  # reported for the source page itself
    return [Finding("error", report.shown(path), 1, f"description is the same as in {report.shown(source)}; "
                                                    "write it in the page's language")] if same else []


def _main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m course.content")
    parser.add_argument("command", choices=["check"])
    parser.add_argument("docs", nargs="?", default="docs", type=Path)
    report.add_format_option(parser)
    options = parser.parse_args(argv)
    try:
        findings = check_tree(options.docs)
    except (DataError, PluginError) as error:  # a data file the rules are read from is unusable
        print(f"error: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(report.render(findings, options.format, "content"))
    return report.exit_code(findings)


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
