"""Translation parity: every page in every language, the same structure, and up-to-date translations.
The languages, the source language and the translations declared partial come from mkdocs.yml
(course/languages.py): a page missing in a partial translation is a warning (the site shows the
source page with a notice), in any other an error.

Run as `python -m course.parity check [DOCS]` or `python -m course.parity done [PAGE ...]` with
`hooks/` on the Python path (the Makefile does this); both read the mkdocs.yml next to DOCS.
"""
from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from course.file_cache import per_version
from course.languages import SiteLanguages, project_languages
from course.pages import Page, PageError, read_page
from course.content import authoring_rules

RECORD_KEY = "translation_of"


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" or "warning"
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.path}:{self.line}: {self.message}"


@per_version  # the check and every translation's build ask for it
def source_hash(source: Path) -> str:
    """Short content hash of a source page, recorded in its translation's front matter."""
    text = source.read_text(encoding="utf-8").replace("\r\n", "\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def check(docs: Path, languages: SiteLanguages | None = None) -> list[Finding]:
    """Compare every translation folder with the source language's folder (languages: those of
    the mkdocs.yml next to `docs`)."""
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
            findings.extend(_compare(source_dir / rel, target_dir / rel))
    return findings


def languages_for(docs: Path) -> SiteLanguages:
    """The languages of the project whose docs folder is `docs` (the mkdocs.yml beside it; this
    project's for a folder without one, such as a test's)."""
    config_file = Path(docs).resolve().parent / "mkdocs.yml"
    return project_languages(config_file) if config_file.is_file() else project_languages()


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


def _compare(source_path: Path, target_path: Path) -> list[Finding]:
    try:
        source, target = read_page(source_path), read_page(target_path)
    except PageError as error:
        return [Finding("error", *_split(str(error)))]
    problems = _structure_differences(source, target)
    recorded = RECORD_KEY in target.meta
    stale = recorded and outdated(source_path, target.meta)
    if not problems and recorded and not stale:
        return []  # the usual case: no need to work out how to show the paths
    where = _show(target_path)
    findings = [Finding("error", where, 1, f"structure differs from {_show(source_path)}: {p}")
                for p in problems]
    if not recorded:
        findings.append(Finding("warning", where, 1,
                                f"no {RECORD_KEY} recorded; after checking the translation run "
                                f"`make translations-done PAGE={where}`"))
    elif stale:
        findings.append(Finding("warning", where, 1,
                                f"translation may be outdated: {_show(source_path)} has changed "
                                f"(recorded {target.meta[RECORD_KEY]}, now {source_hash(source_path)})"))
    return findings


def _structure_differences(source: Page, target: Page) -> list[str]:
    problems = []
    source_levels = Counter(h.level for h in source.headings)
    target_levels = Counter(h.level for h in target.headings)
    for level in sorted(set(source_levels) | set(target_levels)):
        if source_levels[level] != target_levels[level]:
            problems.append(f"level-{level} headings: {source_levels[level]} in the source, "
                            f"{target_levels[level]} in translation")
    source_ids = [h.anchor for h in source.headings if h.anchor]
    target_ids = [h.anchor for h in target.headings if h.anchor]
    if source_ids != target_ids:
        problems.append(_list_difference("heading ids", source_ids, target_ids))
    source_markers = [m.key for m in source.markers]
    target_markers = [m.key for m in target.markers]
    if source_markers != target_markers:
        problems.append(_list_difference("markers", source_markers, target_markers))
    # front-matter keys that drive generated content and must match between languages
    for key in (key for key, rule in authoring_rules()["front_matter"].items() if rule["shared"]):
        if source.meta.get(key) != target.meta.get(key):
            problems.append(f"front matter '{key}': {source.meta.get(key)!r} in the source, "
                            f"{target.meta.get(key)!r} in translation")
    return problems


def _list_difference(what: str, source: list[str], target: list[str]) -> str:
    missing = [x for x in source if x not in target]
    extra = [x for x in target if x not in source]
    if not missing and not extra:
        return f"{what} in a different order: {', '.join(source)} in the source, {', '.join(target)} in translation"
    parts = []
    if missing:
        parts.append("missing " + ", ".join(missing))
    if extra:
        parts.append("not in the source " + ", ".join(extra))
    return f"{what}: " + "; ".join(parts)


def _pages(folder: Path) -> set[Path]:
    return {p.relative_to(folder) for p in folder.rglob("*.md")} if folder.is_dir() else set()


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _split(message: str) -> tuple[str, int, str]:
    path, line, rest = message.split(":", 2)
    return path, int(line), rest.strip()


def _main(argv: list[str]) -> int:
    command, *args = argv or ["check"]
    if command == "check":
        docs = Path(args[0]) if args else Path("docs")
        findings = check(docs)
        for finding in findings:
            print(finding)
        errors = sum(f.severity == "error" for f in findings)
        warnings = len(findings) - errors
        print(f"translations: {errors} error(s), {warnings} warning(s)")
        return 1 if errors else 0
    if command == "done":
        languages = languages_for(Path("docs"))
        targets = [Path(a) for a in args] or sorted(
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
    print("usage: python -m course.parity check [DOCS] | done [PAGE ...]")
    return 2


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
