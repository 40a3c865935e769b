"""Translation parity: every page in every language, the same structure, and up-to-date translations.
The languages, the source language and the translations declared partial come from mkdocs.yml
(course/languages.py): a page missing in a partial translation is a warning (the site shows the
source page with a notice), in any other an error.

Run as `python -m course.parity check [DOCS] [--format human|github|gitlab|json]` or
`python -m course.parity done [PAGE ...]` with `hooks/` on the Python path (the Makefile does this);
both read the mkdocs.yml next to DOCS.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

from course import history, report, structure
from course.file_cache import per_version
from course.languages import SiteLanguages, languages_for
from course.pages import PageError, read_page
from course.report import Finding, shown as _show

RECORD_KEY = "translation_of"


@per_version  # the check and every translation's build ask for it
def source_hash(source: Path) -> str:
    """Short content hash of a source page, recorded in its translation's front matter."""
    return text_hash(source.read_text(encoding="utf-8"))


def text_hash(text: str) -> str:
    """The hash source_hash records, of a page's text."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()[:12]


def check(docs: Path, languages: SiteLanguages | None = None, diffs: bool = False) -> list[Finding]:
    """Compare every translation folder with the source language's folder (languages: those of
    the mkdocs.yml next to `docs`); with `diffs`, an outdated translation's finding lists the
    source paragraphs changed since its recorded version."""
    languages = languages or languages_for(docs)
    findings: list[Finding] = []
    source_dir = docs / languages.source
    sources = _pages(source_dir)
    for language in languages.translations:
        target_dir = docs / language
        targets = _pages(target_dir)
        missing = "warning" if language in languages.partial else "error"
        for rel in sorted(sources - targets):
            findings.append(Finding(missing, _show(target_dir / rel), 1,
                                    f"missing translation of {_show(source_dir / rel)}"
                                    + (" (the source page is shown instead)" if missing == "warning" else "")))
        for rel in sorted(targets - sources):
            findings.append(Finding("error", _show(target_dir / rel), 1,
                                    f"no source page {_show(source_dir / rel)} for this translation"))
        for rel in sorted(sources & targets):
            findings.extend(_compare(source_dir / rel, target_dir / rel, diffs))
    return findings


def outdated(source: Path, target_meta: dict) -> bool:
    """True when the recorded source version differs from the source page as it is now."""
    return str(target_meta.get(RECORD_KEY)) != source_hash(source)


def mark_done(target: Path, source: Path) -> bool:
    """Record the current source version in a translation's front matter; True if it changed."""
    text = target.read_text(encoding="utf-8")
    # quoted: an all-digit hash would otherwise be read back as a number
    record = f'{RECORD_KEY}: "{source_hash(source)}"'
    existing = re.compile(rf"^{RECORD_KEY}:.*$", re.M)
    if not text.startswith("---\n"):
        new = f"---\n{record}\n---\n\n{text}"
    elif existing.search(text.split("\n---", 2)[0] + "\n"):
        new = existing.sub(record, text, count=1)
    else:
        new = text.replace("\n---", f"\n{record}\n---", 1)
    if new != text:
        target.write_text(new, encoding="utf-8")
    return new != text


def _compare(source_path: Path, target_path: Path, diffs: bool) -> list[Finding]:
    try:
        source, target = read_page(source_path), read_page(target_path)
    except PageError as error:
        return [Finding("error", *_split(str(error)))]
    problems = structure.differences(source, target)
    recorded = RECORD_KEY in target.meta
    stale = recorded and outdated(source_path, target.meta)
    if not problems and recorded and not stale:
        return []  # the usual case: no need to work out how to show the paths
    where = _show(target_path)
    findings = [Finding("error", where, line, f"structure differs from {_show(source_path)}: {p}")
                for line, p in problems]
    if not recorded:
        findings.append(Finding("warning", where, 1,
                                f"no {RECORD_KEY} recorded; after checking the translation run "
                                f"`make translations-done PAGE={where}`"))
    elif stale:
        version = str(target.meta[RECORD_KEY])
        findings.append(Finding("warning", where, target.key_line(RECORD_KEY),
                                f"translation may be outdated: {_show(source_path)} has changed "
                                f"(recorded {version}, now {source_hash(source_path)})",
                                _changes(source_path, version) if diffs else ()))
    return findings


def _changes(source_path: Path, version: str) -> tuple[str, ...]:
    old = history.version_with_hash(source_path, version, text_hash)
    if old is None:
        return (f"version {version} of {_show(source_path)} is not in the git history; compare the pages by hand",)
    new = source_path.read_text(encoding="utf-8")
    return (f"Paragraphs changed in the source since {version} (line numbers in {_show(source_path)}):",
            *history.changed_paragraphs(old, new))


def _pages(folder: Path) -> set[Path]:
    return {p.relative_to(folder) for p in folder.rglob("*.md")} if folder.is_dir() else set()


def _split(message: str) -> tuple[str, int, str]:
    path, line, rest = message.split(":", 2)
    return path, int(line), rest.strip()


def _main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m course.parity")
    commands = parser.add_subparsers(dest="command")
    check_command = commands.add_parser("check", help="report missing, mismatched and outdated translations")
    check_command.add_argument("docs", nargs="?", default="docs", type=Path)
    report.add_format_option(check_command)
    done_command = commands.add_parser("done", help="record the source version a translation is up to date with")
    done_command.add_argument("pages", nargs="*", type=Path)
    options = parser.parse_args(argv or ["check"])
    if options.command == "check":
        findings = check(options.docs, diffs=True)
        sys.stdout.write(report.render(findings, options.format, "translations"))
        return report.exit_code(findings)
    languages = languages_for(Path("docs"))
    targets = options.pages or sorted(
        p for language in languages.translations for p in (Path("docs") / language).rglob("*.md"))
    for target in targets:
        language_dir = target.parts.index("docs") + 1
        source = Path(*target.parts[:language_dir], languages.source, *target.parts[language_dir + 1:])
        if not source.exists():
            print(f"error: {target}: no source page {source}")
            return 1
        if mark_done(target, source):
            print(f"recorded {source_hash(source)} in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
