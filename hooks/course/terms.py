"""The course's term list (data/terms.yml): flag non-preferred variants in pages and data files."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from course.schema import Problems, identifier, mapping, sequence
from course.data import DATA, SafeLoader, load_yaml
from course.file_cache import per_version

TERMS = DATA / "terms.yml"
# spans of a page that are not prose: comments, fenced code, inline code, link targets, bare URLs
NOT_PROSE = re.compile(r"<!--.*?-->|^(```|~~~).*?^\1|`[^`\n]*`|\]\([^)]*\)|<https?://[^>\s]*>|https?://\S+",
                       re.S | re.M)


@dataclass(frozen=True)
class Variant:
    term: str        # the term's id in data/terms.yml
    preferred: str   # what to write instead, in the variant's language


@dataclass(frozen=True)
class Vocabulary:
    """One language's variants to flag, compiled once per version of the term list. Each phrase
    keeps its words in lower case, one space apart: a text without them skips the phrase's pattern."""
    variants: tuple[tuple[str, re.Pattern], ...]
    allowed: tuple[tuple[str, re.Pattern], ...]
    lookup: dict[str, Variant]

    def mentioned(self, text: str) -> bool:
        """Whether `text` may hold a variant at all (a cheap test before the full scan)."""
        words = _normalised(text)
        return any(phrase in words for phrase, _ in self.variants)

    def problems(self, text: str, first_line: int) -> list[tuple[int, str]]:
        """(line, problem) for every variant in `text`, whose first line is `first_line`."""
        words = _normalised(text)
        candidates = [pattern for phrase, pattern in self.variants if phrase in words]
        if not candidates:
            return []
        for phrase, pattern in self.allowed:
            if phrase in words:
                text = pattern.sub(_blank, text)
        found = []
        for pattern in candidates:
            for match in pattern.finditer(text):
                shown = " ".join(match.group(0).split())
                variant = self.lookup[_normalised(shown)]
                line = first_line + text.count("\n", 0, match.start())
                found.append((line, f"'{shown}' is not the course's term; write '{variant.preferred}' "
                                    f"(data/terms.yml: {variant.term})"))
        return sorted(found)


def vocabulary(language: str, path: Path = TERMS) -> Vocabulary:
    """The variants to flag in `language`; a malformed term list is a DataError naming the file."""
    return _vocabulary(path, language)


def page_problems(body: str, body_line: int, meta: dict, language: str) -> list[tuple[int, str]]:
    """Variants in a page's title, description (line 1) and prose (comments, code, URLs left out)."""
    words = vocabulary(language)
    head = " ".join(str(meta.get(key) or "") for key in ("title", "description"))
    problems = [(1, problem) for _, problem in words.problems(head, 1)]
    if words.mentioned(body):  # most pages hold no variant: skip blanking their code and links
        problems += words.problems(NOT_PROSE.sub(_blank, body), body_line)
    return problems


def data_file_problems(path: Path, languages: list[str]) -> list[tuple[int, str]]:
    """Variants in a YAML data file's text: every value under a language key is checked in that
    language, at the line where the variant stands (also inside {en: ..., nl: ...} on one line)."""
    source = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(source, Loader=SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [(mark.line + 1 if mark else 1, f"YAML syntax error: {getattr(error, 'problem', None) or error}")]
    problems: list[tuple[int, str]] = []
    for language, node in _language_values(root, set(languages)):
        raw = source[node.start_mark.index:node.end_mark.index]
        problems += vocabulary(language).problems(raw, node.start_mark.line + 1)
    return sorted(problems)


@per_version
def _vocabulary(path: Path, language: str) -> Vocabulary:
    problems = Problems(path, ())
    data = mapping(load_yaml(path), "top level", problems)
    lookup: dict[str, Variant] = {}
    allowed: list[str] = []
    seen: set[str] = set()
    for index, raw in enumerate(sequence(data.get("terms"), "terms", problems)):
        raw = mapping(raw, f"terms[{index}]", problems)
        term = identifier(raw.get("id"), f"terms[{index}].id", problems, seen)
        avoid = mapping(raw.get("avoid"), f"terms[{index}] ({term}).avoid", problems)
        variants = avoid.get(language) or []
        if variants and not isinstance(raw.get(language), str):
            problems.add(f"terms[{index}] ({term})", f"has variants to avoid in '{language}' but no '{language}' term")
        for variant in sequence(variants, f"terms[{index}] ({term}).avoid.{language}", problems):
            lookup[_normalised(str(variant))] = Variant(term, str(raw.get(language)))
        allow = mapping(raw.get("allow") or {}, f"terms[{index}] ({term}).allow", problems)
        allowed += [str(phrase) for phrase in sequence(allow.get(language) or [], f"terms[{index}].allow", problems)]
    problems.raise_if_any()
    return Vocabulary(_phrases(lookup), _phrases(allowed), lookup)


def _phrases(phrases) -> tuple[tuple[str, re.Pattern], ...]:
    """(phrase, pattern) per phrase: whole words, any case, any whitespace between the words."""
    return tuple((_normalised(phrase),
                  re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, phrase.split())) + r"(?![\w-])", re.I))
                 for phrase in phrases)


def _language_values(node: yaml.Node, languages: set[str]):
    """(language, scalar node) for every string value whose key is a language code."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(value, yaml.ScalarNode) and key.value in languages:
                yield key.value, value
            else:
                yield from _language_values(value, languages)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _language_values(item, languages)


def _normalised(text: str) -> str:
    return " ".join(text.lower().split())


def _blank(match: re.Match) -> str:
    """The same span as spaces, keeping its line breaks, so later positions keep their line."""
    return re.sub(r"[^\n]", " ", match.group(0))
