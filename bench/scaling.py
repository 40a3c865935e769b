"""Scaling: the course at 1x, 3x and 10x its pages, against plain Material + i18n of the same Markdown.
The larger courses are generated: copies of the lesson modules (WHY?, HOW?, WHAT?, with their index
and self-check so relative links hold) in every configured language, each copy a new section of the navigation.
Measured per size: build CPU time per page relative to 1x, peak memory of the build process, a
lesson's first visit (gzipped, without and with search) and the search index per language."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from build_time import _environment, _memory_folder
from common import LANGUAGES, LOCALES, ROOT, SEARCH_LANGUAGES
from page_weight import first_visit
from server import free_port, serving

from course.search_index import language_of  # on the path once common is imported

FACTORS = (1, 3, 10)
COPIED = ("why", "how", "what")  # modules of lessons only (no test, no tool pages)
LESSON = "how/eight-levers/"
SIDES = ("course", "plain")

# Both sides inherit mkdocs.yml and change only the Markdown folder and the navigation; the plain
# side also drops what the project adds (as bench/build_time.py does).
COURSE_CONFIG = {"docs_dir": "{docs}", "hooks": "{hooks}", "watch": [], "theme": {"custom_dir": str(ROOT / "overrides")}}
PLAIN_CONFIG = {"docs_dir": "{docs}", "hooks": [], "extra_css": [], "extra_javascript": [], "watch": [],
                "theme": {"custom_dir": "{empty}"}}


def measure(runs: int, factors: tuple[int, ...] = FACTORS) -> dict:
    """Figures per size and side: pages, CPU s, per-page time relative to 1x, peak MiB, lesson
    weight (KB gzipped) and search index KB per language."""
    from playwright.sync_api import sync_playwright

    from run import CHROMIUM_ARGS

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    results: dict = {}
    with tempfile.TemporaryDirectory(dir=_memory_folder()) as scratch, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for factor in factors:
            folder = Path(scratch) / f"x{factor}"
            configs = _project(folder, factor)
            samples: dict[str, list[tuple[float, int]]] = {side: [] for side in SIDES}
            for run in range(runs):
                for side in (SIDES if run % 2 == 0 else SIDES[::-1]):  # ABBA order
                    samples[side].append(_build(configs[side], folder / side, url))
            for side in SIDES:
                site = folder / side
                pages = sum(1 for _ in site.rglob("index.html"))
                with serving(site, port):
                    weights = {language: first_visit(browser, site, url + LANGUAGES.folder(language) + LESSON)
                               for language in LANGUAGES.all}
                results[(factor, side)] = {
                    "pages": pages, "cpu": statistics.median(s[0] for s in samples[side]),
                    "memory": max(s[1] for s in samples[side]) / 1024,
                    "weight": {language: {"total": w["total"] / 1024, "search": w.get("search index", 0) / 1024,
                                          "HTML": w.get("HTML", 0) / 1024} for language, w in weights.items()},
                    "lesson_html": _gzipped(site / LESSON / "index.html") / 1024,
                    "search": _search_sizes(site)}
            shutil.rmtree(folder)
        browser.close()
    for (factor, side), figures in results.items():
        first = results[(factors[0], side)]
        figures["per_page"] = (figures["cpu"] / figures["pages"]) / (first["cpu"] / first["pages"])
    return results


def print_table(results: dict) -> None:
    """The scaling table, with the targets."""
    print("## Scaling (generated copies of the lesson modules; CPU s median of the runs)\n")
    print(f"| size | side | pages | CPU s | per page vs 1x | peak MiB | lesson HTML | lesson first visit {LOCALES} "
          f"(without search) | search index {LOCALES} | CPU vs plain | memory vs plain |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for (factor, side), r in sorted(results.items(), key=lambda item: (item[0][0], SIDES.index(item[0][1]))):
        plain = results[(factor, "plain")]
        without = " / ".join(f"{w['total'] - w['search']:.1f}" for w in r["weight"].values())
        search = " / ".join(f"{r['search'].get(language, 0):.1f}" for language in LANGUAGES.all)
        versus = (f"{r['cpu'] / plain['cpu'] - 1:+.1%} | {r['memory'] / plain['memory'] - 1:+.1%}"
                  if side == "course" else "- | -")
        print(f"| {factor}x | {side} | {r['pages']} | {r['cpu']:.2f} | {r['per_page']:.2f}x | {r['memory']:.0f} | "
              f"{r['lesson_html']:.1f} | {without} | {search} | {versus} |")
    print("\nKB gzipped. Targets at 10x: lesson first visit <= 110 KB without search, per page within 1.10x "
          "of 1x; the course's CPU time within +5% of plain at every size.\n")


def _project(folder: Path, factor: int) -> dict[str, Path]:
    """The Markdown of a course `factor` times the size, and a configuration for each side."""
    docs = folder / "docs"
    shutil.copytree(ROOT / "docs", docs)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    nav = config["nav"]
    per_language = sum(1 for _ in (ROOT / "docs" / LANGUAGES.source).rglob("*.md"))
    modules = {module: next(entry for entry in nav if list(entry.values())[0][0] == f"{module}/index.md")
               for module in COPIED}
    added, copy = 0, 0
    while added < (factor - 1) * per_language:
        module = COPIED[copy % len(COPIED)]
        number = copy // len(COPIED) + 2
        name = f"{module}-{number}"
        for language in LANGUAGES.all:
            shutil.copytree(ROOT / "docs" / language / module, docs / language / name)
        title, pages = next(iter(modules[module].items()))
        nav.insert(-2, {f"{title} ({number})": [page.replace(f"{module}/", f"{name}/", 1) for page in pages]})
        added += len(pages)
        copy += 1
    (folder / "empty").mkdir()
    configs = {}
    for side, overrides in (("course", COURSE_CONFIG), ("plain", PLAIN_CONFIG)):
        text = json.dumps({"INHERIT": str(ROOT / "mkdocs.yml"), **overrides, "nav": nav})
        text = text.replace('"{hooks}"', json.dumps([str(ROOT / hook) for hook in config["hooks"]]))
        text = text.replace("{docs}", str(docs)).replace("{empty}", str(folder / "empty"))
        configs[side] = folder / f"{side}.yml"
        configs[side].write_text(text, encoding="utf-8")  # JSON is YAML
    return configs


def _build(config: Path, site_dir: Path, site_url: str) -> tuple[float, int]:
    """CPU seconds and peak resident KiB of one build process."""
    env = {**_environment(), "SITE_URL": site_url}
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config),
                                "--site-dir", str(site_dir)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build with {config} failed:\n{stderr[-3000:]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def _search_sizes(site: Path) -> dict[str, float]:
    """KB gzipped of the search index each language's readers download: the course's own index per
    language, or the share of plain Material's one merged index that belongs to each language."""
    own = {path.name.split(".")[1]: path for path in site.rglob("search_index.*.json")}
    if own:
        return {language: _gzipped(path) / 1024 for language, path in own.items()}
    merged = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sizes, languages = {}, list(SEARCH_LANGUAGES)
    for language in languages:
        docs = [d for d in merged["docs"] if language_of(d["location"], languages) == language]
        sizes[language.locale] = len(gzip.compress(json.dumps({**merged, "docs": docs}).encode(), 6)) / 1024
    return sizes


def _gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6, mtime=0))


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's tags (!ENV, !!python/name) are kept as text: only the navigation is read here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="builds per side and size")
    parser.add_argument("--factors", default="1,3,10")
    options = parser.parse_args()
    started = time.perf_counter()
    print_table(measure(options.runs, tuple(int(f) for f in options.factors.split(","))))
    print(f"({time.perf_counter() - started:.0f} s)")
