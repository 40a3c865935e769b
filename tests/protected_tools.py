"""Find the text of protected pages in built output: reusable for the site and the offline package.

`secret_phrases()` takes phrases from the Markdown bodies of every page marked `protected: true`;
`leaks(folder)` lists every file under `folder` whose readable text contains one of them.
"""
from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

from course.pages import read_page
from course.protect import Sealed, unseal

ROOT = Path(__file__).resolve().parents[1]
# Used by the tests only; real builds take the password from the environment.
PASSWORD = "test: lerende-leider 2026"
PHRASE_WORDS = 6
MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKUP = re.compile(r"[*_`]|<!--.*?-->|\{[^}]*\}")
TAG = re.compile(r"<[^>]+>")
READABLE = {".html", ".json", ".xml", ".js", ".txt", ".css", ".svg", ".md"}


def protected_pages(docs: Path = ROOT / "docs") -> list[Path]:
    """Markdown files whose front matter says `protected: true`."""
    return sorted(p for p in docs.rglob("*.md") if read_page(p).meta.get("protected") is True)


def secret_phrases(pages: list[Path] | None = None) -> dict[Path, list[str]]:
    """Per protected page: six words from each line of its body below the title that no public
    page or data file contains (boilerplate shared with public pages is not a secret)."""
    pages = pages if pages is not None else protected_pages()
    public = _public_text(set(protected_pages()))
    found = {}
    for path in pages:
        page = read_page(path)
        body = page.body.split("\n", 1)[1] if page.body.startswith("# ") else page.body
        found[path] = [phrase for line in body.split("\n") for phrase in _phrases(line)
                       if _squash(phrase) not in public]
    return found


def readable_text(path: Path) -> str:
    """A file's text as a reader or crawler gets it (tags, entities, JSON decoded), without spaces."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".json":
        try:
            raw = " ".join(_strings(json.loads(raw)))
        except ValueError:
            pass
    return _squash(html.unescape(TAG.sub("", raw)))


def leaks(folder: Path, phrases: dict[Path, list[str]] | None = None) -> list[str]:
    """'file: phrase' for every protected phrase found in a readable file under `folder`."""
    phrases = phrases if phrases is not None else secret_phrases()
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in READABLE:
            text = readable_text(path)
            found += [f"{path.relative_to(folder)}: {p}" for ps in phrases.values() for p in ps if _squash(p) in text]
    return found


def sealed_pages(folder: Path) -> dict[Path, Sealed]:
    """Every encrypted page under `folder`, read back from its data attributes."""
    pattern = re.compile(r'data-salt="([^"]+)" data-iv="([^"]+)" data-iterations="(\d+)" data-ciphertext="([^"]+)"')
    found = {}
    for path in folder.rglob("*.html"):
        match = pattern.search(path.read_text(encoding="utf-8"))
        if match:
            salt, iv, rounds, ciphertext = match.groups()
            found[path] = Sealed(base64.b64decode(salt), base64.b64decode(iv), int(rounds), base64.b64decode(ciphertext))
    return found


def decrypted_text(sealed: Sealed, password: str = PASSWORD) -> str:
    """The readable text of an encrypted page, as a reader with the password sees it (no spaces)."""
    return _squash(html.unescape(TAG.sub("", unseal(sealed, password))))


def _public_text(protected: set[Path]) -> str:
    sources = [p for p in (ROOT / "docs").rglob("*.md") if p not in protected]
    sources += [p for p in (ROOT / "data").rglob("*") if p.suffix in (".yml", ".md")]
    return "".join(_squash(MARKUP.sub("", MARKDOWN_LINK.sub(r"\1", p.read_text(encoding="utf-8")))) for p in sources)


def _phrases(line: str) -> list[str]:
    text = line.strip()
    if not text or text.startswith(("#", "|", "<", "!!!", "???", "===", "*[")):
        return []
    text = MARKUP.sub("", MARKDOWN_LINK.sub(r"\1", text)).lstrip("-0123456789. >").strip()
    words = text.split()
    return [" ".join(words[:PHRASE_WORDS])] if len(words) >= PHRASE_WORDS else []


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _squash(text: str) -> str:
    """Without any white space: markup between words may add or remove spaces."""
    return re.sub(r"\s+", "", text)
