"""Content rules for course pages: front matter, required sections, word counts, links.

Run as `python -m course.content check [DOCS] [--format human|github|gitlab|json]` with `hooks/`
on the Python path (`make check` does this); tests/test_content.py applies the same rules."""
from __future__ import annotations

import argparse
import difflib
import hashlib
import math
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from course import report
from course.data import DATA, DataError, configured, load_yaml, loaded
from course.languages import languages_for
from course.pages import Page, PageError, read_page, section_text
from course.report import Finding
from course.schema import Problems, mapping, per_language
from course.terms import TERMS, data_file_problems, page_problems

EXTERNAL_LINK = re.compile(r"\]\((https?://[^)\s]*)(?:\s+\"[^\"]*\")?\)|<(https?://[^>\s]+)>")
BARE_LINK_TARGET = re.compile(r"\]\([ \t]*(https?:[^)\n]*)\)")
COMMENT = re.compile(r"<!--.*?-->", re.S)
FENCED = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
LINK_TARGET = re.compile(r"\]\([^)]*\)")
# possessive (++, *+): a word never gives letters back, so the engine keeps no backtracking state
WORD = re.compile(r"[^\W_]++(?:['’-][^\W_]++)*+")
EXAMPLE_BOX = re.compile(r"^(!!!|\?\?\?\+?)\s+example\b", re.M)
_counted: dict[bytes, int] = {}  # word counts by digest of the text (_words)


def authoring_rules(languages: tuple[str, ...] | None = None) -> dict:
    """The authoring rules for the site's `languages` (default: mkdocs.yml's), validated once while
    data/ is unchanged."""
    return loaded("Authoring rules", load_authoring_rules, languages=configured(languages))


def load_authoring_rules(path: Path = DATA / "authoring.yml", languages: tuple[str, ...] | None = None) -> dict:
    """data/authoring.yml; a DataError names the file, the key and each language it lacks."""
    problems = Problems(path, configured(languages))
    rules = mapping(load_yaml(path), "top level", problems)
    problems.raise_if_any()
    lesson, overview = mapping(rules.get("lesson"), "lesson", problems), mapping(rules.get("overview"), "overview", problems)
    for where, value in (("lesson.sections", lesson.get("sections")), ("overview.sections", overview.get("sections")),
                         ("lesson.sources_section", lesson.get("sources_section")),
                         ("lesson.prompt_section", lesson.get("prompt_section"))):
        per_language(value, where, problems)
    per_language(rules.get("reading_speed"), "reading_speed", problems)
    problems.raise_if_any()
    return rules


def check_page(page: Page, language: str) -> list[tuple[int, str]]:
    """Return (line, problem) pairs for one page in `language`."""
    rules = authoring_rules()
    problems = _check_meta(page, rules)
    if not page.headings or page.headings[0].level != 1:
        problems.append((page.body_line, "the page must start with a level-1 heading (# Title)"))
    kind = page.meta.get("kind")
    if kind in ("lesson", "overview"):
        problems += _check_sections(page, rules[kind]["sections"][language], kind)
    if kind == "lesson":
        problems += _check_lesson(page, language, rules["lesson"])
    problems += _check_links(page)
    problems += page_problems(page.body, page.body_line, page.meta, language)
    return problems


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


def word_count(page: Page, language: str) -> int:
    """Words of lesson text: without front matter, comments, code, link targets and the sources."""
    sources = authoring_rules()["lesson"]["sources_section"][language]
    return _words(page.body, section_text(page, sources) or "")


def reading_minutes(page: Page, language: str) -> int:
    """Estimated reading time in whole minutes, from the page's own words."""
    speed = authoring_rules()["reading_speed"][language]
    return max(1, math.ceil(word_count(page, language) / speed))


def _words(body: str, sources: str) -> int:
    # the rules and the reading time both count a lesson's words; kept by a digest of the text, so
    # that the counts (a few bytes each) do not keep every lesson's text alive for the whole build
    key = hashlib.blake2b(f"{len(sources)}:{sources}{body}".encode(), digest_size=16).digest()
    if key not in _counted:
        _counted[key] = _count_words(body, sources)
    return _counted[key]


def _count_words(body: str, sources: str) -> int:
    text = body.replace(sources, "") if sources else body
    for pattern in (COMMENT, FENCED, LINK_TARGET):
        text = pattern.sub(" ", text)
    return len(WORD.findall(text))


def unknown_keys(page: Page) -> list[tuple[int, str]]:
    """(line, problem) for every front-matter key the course does not know, with the nearest known
    key: a misspelt `protected` would otherwise publish the page."""
    known = list(authoring_rules()["front_matter"])
    return [(page.key_line(key), f"front matter key '{key}' is unknown; did you mean "
                                 f"'{difflib.get_close_matches(str(key), known, 1, 0)[0]}'? "
                                 f"(known keys: {', '.join(known)})")
            for key in page.meta if key not in known]


def _check_meta(page: Page, rules: dict) -> list[tuple[int, str]]:
    problems = unknown_keys(page)
    for key in ("title", "description", "kind"):
        if not page.meta.get(key):
            problems.append((1, f"front matter has no '{key}'"))
    kind = page.meta.get("kind")
    if kind and kind not in rules["kinds"]:
        problems.append((1, f"front matter 'kind' is '{kind}'; expected one of {', '.join(rules['kinds'])}"))
    description = str(page.meta.get("description") or "")
    low, high = rules["description_length"]["min"], rules["description_length"]["max"]
    if description and not low <= len(description) <= high:
        problems.append((1, f"description is {len(description)} characters; expected {low} to {high}"))
    return problems


def _check_sections(page: Page, required: list[str], kind: str) -> list[tuple[int, str]]:
    found = [h for h in page.headings if h.level == 2]
    titles = [h.text for h in found]
    problems = []
    position, own_needed = 0, False
    for wanted in required:
        if wanted == "*":
            own_needed = True
            continue
        if wanted not in titles[position:]:
            line = found[position].line if position < len(found) else page.body_line
            problems.append((line, f"{kind} has no section '## {wanted}' here (required, in this order: "
                                   f"{', '.join(required)})"))
            continue
        index = titles.index(wanted, position)
        if own_needed and index == position:
            problems.append((found[index].line, f"{kind} needs a section of its own before '## {wanted}'"))
        position, own_needed = index + 1, False
    return problems


def _check_lesson(page: Page, language: str, rules: dict) -> list[tuple[int, str]]:
    problems = []
    top = page.headings[0].line if page.headings else page.body_line
    words = word_count(page, language)
    if not rules["words"]["min"] <= words <= rules["words"]["max"]:
        problems.append((top, f"lesson has {words} words; expected {rules['words']['min']} to {rules['words']['max']}"))
    if not EXAMPLE_BOX.search(page.body):
        problems.append((top, 'lesson has no worked example (an `!!! example "..."` box)'))
    prompt_section = section_text(page, rules["prompt_section"][language]) or ""
    if "<!-- prompt:" not in prompt_section:
        problems.append((top, f"section '## {rules['prompt_section'][language]}' has no <!-- prompt: ID --> marker"))
    sources = section_text(page, rules["sources_section"][language]) or ""
    if not re.search(r"^\s*[-*] \S", sources, re.M):
        problems.append((top, f"section '## {rules['sources_section'][language]}' lists no sources"))
    return problems


def _check_links(page: Page) -> list[tuple[int, str]]:
    problems = []
    for match in BARE_LINK_TARGET.finditer(page.body):
        url = match.group(1).strip().split(' "')[0]
        if not _well_formed(url):
            line = page.body_line + page.body.count("\n", 0, match.start())
            problems.append((line, f"external link '{url}' is not a well-formed URL"))
    return problems


def _same_description(page: Page, path: Path, source: Path) -> list[Finding]:
    if source == path or not source.is_file() or not page.meta.get("description"):
        return []
    try:
        same = read_page(source).meta.get("description") == page.meta["description"]
    except PageError:
        return []  # reported for the source page itself
    return [Finding("error", report.shown(path), 1, f"description is the same as in {report.shown(source)}; "
                                                    "write it in the page's language")] if same else []


def _well_formed(url: str) -> bool:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return (parts.scheme in ("http", "https") and "." in host and " " not in url
            and re.fullmatch(r"[a-z0-9.-]+", host) is not None and not host.endswith("."))


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
