"""Read course pages: front matter, headings and markers, with line numbers."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable, NamedTuple

import yaml
from mkdocs.exceptions import PluginError

from course.data import SafeLoader
from course.file_cache import per_version, version

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
HEADING_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
FENCE = re.compile(r"^[ \t]*(```|~~~)")
# <!-- prompt: some-id --> and friends: the places where the build renders interactive elements
MARKER = re.compile(r"<!--\s*([a-z][a-z-]*)\s*:\s*([a-z0-9][a-z0-9-]*)\s*-->")
TOP_LEVEL_KEY = re.compile(r"^([^\s#:][^:]*?)[ \t]*:", re.M)


class PageError(ValueError):
    """A page that cannot be read; the message names file and line."""


# Named tuples, not dataclasses: a build keeps every page's headings, and tuples of plain values
# are left alone by the garbage collector.
class Heading(NamedTuple):
    level: int
    text: str
    line: int
    anchor: str | None = None


class Marker(NamedTuple):
    kind: str
    id: str
    line: int

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"


class Page(NamedTuple):
    path: Path
    meta: dict
    body: str
    body_line: int  # line number of the body's first line in the file
    headings: tuple[Heading, ...] = ()
    markers: tuple[Marker, ...] = ()
    key_lines: dict | None = None  # front-matter key -> its line in the file
    body_start: int = 0  # where the body starts in the file's text

    def key_line(self, key: str) -> int:
        """The line of a front-matter key, or 1 when it cannot be told."""
        return (self.key_lines or {}).get(key, 1)


def shown(path: Path, config_file: str) -> str:
    """A source file's path as messages show it: relative to the project (mkdocs.yml's folder)."""
    try:
        return str(path.relative_to(Path(config_file).parent))
    except ValueError:
        return str(path)


def check_marker_ids(path: Path, config_file: str, kind: str, known: object, unknown: str, defined: str) -> None:
    """Stop the build at a `<!-- kind: id -->` marker in the page at `path` whose id is not in
    `known`: "<file>:<line>: unknown <unknown> '<id>'; <defined>"."""
    for marker in source_of(path, body=False).markers:
        if marker.kind == kind and marker.id not in known:
            raise PluginError(f"{shown(path, config_file)}:{marker.line}: unknown {unknown} '{marker.id}'; {defined}")


def replace_markers(html: str, path: Path, kind: str, fragment: Callable[[str], str]) -> str:
    """`html` with each `<!-- kind: id -->` marker of the page at `path` replaced by `fragment(id)`;
    unchanged (and not searched) when the page's source has no such marker."""
    if not any(marker.kind == kind for marker in source_of(path, body=False).markers):
        return html
    return MARKER.sub(lambda match: fragment(match.group(2)) if match.group(1) == kind else match.group(0), html)


def source_of(path: Path, body: bool = True) -> Page:
    """read_page (or read_outline, without `body`) for a hook: a page that cannot be parsed stops
    the build with its file and line."""
    try:
        return read_page(path) if body else read_outline(path)
    except PageError as error:
        raise PluginError(str(error)) from None


def read_page(path: Path) -> Page:
    """Parse one Markdown file; raise PageError naming file and line on bad front matter."""
    known = version(path)
    outline = read_outline(path)
    with path.open(encoding="utf-8") as file:
        status = os.fstat(file.fileno())
        text = file.read().replace("\r\n", "\n")
    if (status.st_mtime_ns, status.st_size) != known:  # changed since: parse what is there now
        return parse_page(path, text)
    return outline._replace(body=text[outline.body_start:])


@per_version  # several hooks and every language's build read the same pages
def read_outline(path: Path) -> Page:
    """A page's front matter, headings and markers, without its body: kept for the whole build, and
    the bodies of a large course would take megabytes (read_page reads the body again, cheaply)."""
    return parse_page(path, path.read_text(encoding="utf-8").replace("\r\n", "\n"))._replace(body="")


def parse_page(path: Path, text: str) -> Page:
    """Parse Markdown text that came from `path`."""
    meta: dict = {}
    key_lines: dict[str, int] = {}
    body, body_line, body_start = text, 1, 0
    match = FRONT_MATTER.match(text)
    if match:
        try:
            meta = yaml.load(match.group(1), Loader=SafeLoader) or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark else 1
            raise PageError(f"{path}:{line}: front matter is not valid YAML: {_problem(error)}") from None
        if not isinstance(meta, dict):
            raise PageError(f"{path}:2: front matter must be a mapping of keys to values")
        body_start = match.end()
        body = text[body_start:]
        body_line = text[: match.end()].count("\n") + 1
        front = match.group(1)
        key_lines = {m.group(1): front.count("\n", 0, m.start()) + 2 for m in TOP_LEVEL_KEY.finditer(front)}
    return Page(path, meta, body, body_line, *_scan(body, body_line), key_lines, body_start)


def section_text(page: Page, title: str) -> str | None:
    """Return the text of the level-2 section called `title`, or None when there is none."""
    lines = page.body.split("\n")
    start = None
    for heading in page.headings:
        if start is not None and heading.level <= 2:
            return "\n".join(lines[start : heading.line - page.body_line])
        if heading.level == 2 and heading.text == title:
            start = heading.line - page.body_line + 1
    return "\n".join(lines[start:]) if start is not None else None


def _scan(body: str, first_line: int) -> tuple[tuple[Heading, ...], tuple[Marker, ...]]:
    headings: list[Heading] = []
    markers: list[Marker] = []
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        # cheap tests first: a page has thousands of lines and few fences, headings or markers
        if ("```" in line or "~~~" in line) and FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        number = first_line + offset
        heading = HEADING.match(line) if line.startswith("#") else None
        if heading:
            text = heading.group(2)
            anchor = HEADING_ID.search(text)
            if anchor:
                text = text[: anchor.start()].rstrip()
            headings.append(Heading(len(heading.group(1)), text, number, anchor and anchor.group(1)))
        if "<!--" in line:
            markers.extend(Marker(m.group(1), m.group(2), number) for m in MARKER.finditer(line))
    return tuple(headings), tuple(markers)


def _problem(error: yaml.YAMLError) -> str:
    return str(getattr(error, "problem", None) or error).strip()
