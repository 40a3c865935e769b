"""Which pages must be protected, from more than the page's own front matter, so that one slip there
cannot publish a protected page: the authoring rules' list, the page in every other language, and
the manifest the previous build wrote into the site."""
from __future__ import annotations

import json
from pathlib import Path

from course.pages import read_outline
from course.content import authoring_rules

MANIFEST = "protected-pages.json"  # in the built site: the pages that build protected


def previous(site_dir: Path) -> set[str]:
    """The pages the previous build into `site_dir` protected (none when there was none)."""
    try:
        return set(json.loads((site_dir / MANIFEST).read_text(encoding="utf-8"))["protected"])
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def write_manifest(site_dir: Path, pages: set[str]) -> None:
    """Record the pages this build protected, for the next build to compare."""
    (site_dir / MANIFEST).write_text(json.dumps({"protected": sorted(pages)}, indent=1) + "\n", encoding="utf-8")


def required_by(page: str, docs: Path, languages: list[str], earlier: set[str]) -> str | None:
    """Where `page` (its path inside a language folder) is declared protected, or None."""
    if page in authoring_rules()["protected_pages"]:
        return "data/authoring.yml (protected_pages)"
    for language in languages:
        other = docs / language / page
        if other.is_file() and read_outline(other).meta.get("protected") is True:
            return f"its {language} version ({Path(language) / page})"
    if page in earlier:
        return f"the previous build ({MANIFEST} in the site folder)"
    return None
