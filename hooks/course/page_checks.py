"""The content rules for one course page: front matter, the first heading, required sections, a
lesson's words, worked example, prompt and sources, well-formed links and the term list; and a
lesson's word count and reading time, which the build shows on the page."""
from __future__ import annotations

import difflib
import hashlib
import math
import re
from urllib.parse import urlsplit

from course.authoring import authoring_rules
from course.pages import Page, section_text
from course.terms import page_problems

BARE_LINK_TARGET = re.compile(r"\]\([ \t]*(https?:[^)\n]*)\)")
COMMENT = re.compile(r"<!--.*?-->", re.S)
FENCED = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
LINK_TARGET = re.compile(r"\]\([^)]*\)")
# possessive (++, *+): a word never gives letters back, so the engine keeps no backtracking state
WORD = re.compile(r"[^\W_]++(?:['’-][^\W_]++)*+")
EXAMPLE_BOX = re.compile(r"^(!!!|\?\?\?\+?)\s+example\b", re.M)
_counted: dict[bytes, int] = {}  # word counts by digest of the text (_words)


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


def word_count(page: Page, language: str) -> int:
    """Words of lesson text: without front matter, comments, code, link targets and the sources."""
    sources = authoring_rules()["lesson"]["sources_section"][language]
    return _words(page.body, section_text(page, sources) or "")


def reading_minutes(page: Page, language: str) -> int:
    """Estimated reading time in whole minutes, from the page's own words."""
    speed = authoring_rules()["reading_speed"][language]
    return max(1, math.ceil(word_count(page, language) / speed))


def unknown_keys(page: Page) -> list[tuple[int, str]]:
    """(line, problem) for every front-matter key the course does not know, with the nearest known
    key: a misspelt `protected` would otherwise publish the page."""
    known = list(authoring_rules()["front_matter"])
    return [(page.key_line(key), f"front matter key '{key}' is unknown; did you mean "
                                 f"'{difflib.get_close_matches(str(key), known, 1, 0)[0]}'? "
                                 f"(known keys: {', '.join(known)})")
            for key in page.meta if key not in known]


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


def _well_formed(url: str) -> bool:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return (parts.scheme in ("http", "https") and "." in host and " " not in url
            and re.fullmatch(r"[a-z0-9.-]+", host) is not None and not host.endswith("."))
