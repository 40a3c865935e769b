"""What the benchmark scripts share: the project's folder and the languages mkdocs.yml configures
(read by hooks/course/languages.py, the one place that reads them), so that no script names a
language. hooks/ goes at the end of the path: it holds modules named like bench's own (lms.py,
edit_loop.py), and bench/ must find its own first."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "hooks") not in sys.path:
    sys.path.append(str(ROOT / "hooks"))

from course.languages import project_languages  # noqa: E402 - after the path to hooks/
from course.search_index import Language  # noqa: E402

LANGUAGES = project_languages(ROOT / "mkdocs.yml")
# a table column of one figure per language: the configured locales in order, " / " between them
LOCALES = " / ".join(LANGUAGES.all)
# the same languages as the build's search hook sees them: each with its folder and its own index
SEARCH_LANGUAGES = tuple(Language(locale, LANGUAGES.folder(locale)) for locale in LANGUAGES.all)
