"""Search before and after one index per language (hooks/language_search.py): what each language's
pages download, and how long until the first results show. `python bench/search.py [--runs N]`;
prints Markdown tables, asserts nothing. "Before" is the same site built without the hook (with
bench/stock_search.py in its place): Material's one merged index and stock worker."""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import SEARCH_LANGUAGES
from run import CHROMIUM_ARGS, ROOT
from server import free_port, gzipped_size, serving

from course.search_index import STUB, Language  # on the path once common is imported

HOOK = "hooks/language_search.py"
STOCK_HOOK = "bench/stock_search.py"
PAGE = "how/eight-levers/"  # the page searched from, in each language
WORD = re.compile(r"[^\W\d_]+")


def main() -> None:
    """Build both sides, then print index sizes and time to first results."""
    runs = _options().runs
    with tempfile.TemporaryDirectory() as scratch:
        sides = {side: Path(scratch) / side for side in ("before", "after")}
        for side, folder in sides.items():
            _build(folder, without_hook=side == "before")
        _print_sizes(sides)
        _print_timings(sides, runs, {language: _query(sides["after"], language) for language in SEARCH_LANGUAGES})


def _print_sizes(sides: dict[str, Path]) -> None:
    print("## Search index a page downloads (bytes; gzip level 6 as a web server sends it)\n")
    print("| language | before: merged index | before gzip | after: stub + own index | after gzip |\n|---|---|---|---|---|")
    for language in SEARCH_LANGUAGES:
        before = [sides["before"] / STUB]
        after = [sides["after"] / STUB, sides["after"] / language.index]
        print(f"| {language.locale} | {_total(before, raw=True):,} | {_total(before):,} | "
              f"{_total(after, raw=True):,} | {_total(after):,} |")
    print()


def _print_timings(sides: dict[str, Path], runs: int, queries: dict[Language, str]) -> None:
    from playwright.sync_api import sync_playwright

    print(f"## Page load to first search results (ms, median of {runs}; index download + lunr indexing + query)\n")
    print("| language | query | before | after |\n|---|---|---|---|")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        rows: dict[Language, dict[str, float]] = {language: {} for language in SEARCH_LANGUAGES}
        for side, folder in sides.items():
            with serving(folder, free_port()) as url:
                for language, row in rows.items():
                    row[side] = statistics.median(
                        _first_results(browser, url + language.prefix + PAGE, queries[language]) for _ in range(runs))
        browser.close()
    for language, row in rows.items():
        print(f"| {language.locale} | {queries[language]} | {row['before']:.0f} | {row['after']:.0f} |")
    print()


def _query(site: Path, language: Language) -> str:
    """What a reader searches for in `language`: the longest word of the searched page's title in
    that language's own index. Derived, not listed per language, so a configured language gets a
    query too; a word of the title is in the index as written, which both sides need (the stock
    search finds no other form of a word, e.g. "experimenting" for "experiment"), and the longest
    one is no stop word that the search would drop."""
    docs = json.loads((site / language.index).read_text(encoding="utf-8"))["docs"]
    title = next(doc["title"] for doc in docs if doc["location"] == language.prefix + PAGE)
    return max(WORD.findall(title.lower()), key=len)


def _first_results(browser, url: str, query: str) -> float:
    context = browser.new_context()
    tab = context.new_page()
    started = time.perf_counter()
    tab.goto(url)
    field = tab.locator("input.md-search__input")
    field.fill(query)
    field.press("End")
    tab.wait_for_selector(".md-search-result__item")
    elapsed = (time.perf_counter() - started) * 1000
    context.close()
    return elapsed


def _total(paths: list[Path], raw: bool = False) -> int:
    return sum(path.stat().st_size if raw else gzipped_size(path) for path in paths)


def _build(folder: Path, without_hook: bool) -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if without_hook:
        config = config.replace(HOOK, STOCK_HOOK)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}
    # The configuration comes on stdin, so paths in it stay relative to the project.
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", "-", "--site-dir", str(folder)],
                            cwd=ROOT, env=env, input=config, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{result.stderr[-3000:]}")


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="page loads per language and side")
    return parser.parse_args()


if __name__ == "__main__":
    main()
