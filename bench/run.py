"""`make bench`: build time against plain Material, the time of each event handler of a build
(bench/hook_times.py), page weight, Lighthouse, in-browser timings, the edit loop, the LMS packages
and the course at 1x, 3x and 10x its pages (bench/scaling.py). Prints Markdown tables with the targets
beside the figures (copy them into BENCHMARKS.md); asserts nothing. Options: --runs N (builds per
side, default 21), --edits N (saves per side and language for the edit loop, default 7),
--scaling-runs N (builds per side and size, default 3),
--skip build,instructions,hooks,editloop,weight,lighthouse,timings,scaling,lms."""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

import browser_timings
import build_time
import edit_loop
import hook_times
import lighthouse
import lms
import page_weight
import scaling
from server import free_port, serving

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WEIGHT_COLUMNS = ["HTML", "CSS", "JS", "search index", "other", "total", "own JS+CSS"]
TARGETS = {"own JS+CSS": 20 * 1024, "lesson total": 110 * 1024,
           "lighthouse": {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}}


def main() -> None:
    """Run the parts asked for and print their tables."""
    options = _options()
    print(f"# Benchmark {datetime.date.today().isoformat()}\n\nMachine: {_machine()}\n")
    if "build" not in options.skip:
        _print_build(build_time.compare(options.runs, instructions="instructions" not in options.skip))
    if "hooks" not in options.skip:
        hook_times.print_table(hook_times.measure())
    if "editloop" not in options.skip:
        _print_edit_loop(edit_loop.measure(options.edits))
    with tempfile.TemporaryDirectory() as scratch:
        port = free_port()
        site_dir = Path(scratch) / "site"
        _build_site(site_dir, f"http://127.0.0.1:{port}/")
        with serving(site_dir, port) as url:
            if not {"weight", "timings"} <= options.skip:
                _browser_parts(options, site_dir, url)
            if "lighthouse" not in options.skip:
                _print_lighthouse(lighthouse.measure(url))
    if "scaling" not in options.skip:
        scaling.print_table(scaling.measure(options.scaling_runs))
    if "lms" not in options.skip:
        lms.print_table(lms.measure())


def _browser_parts(options: argparse.Namespace, site_dir: Path, url: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        if "weight" not in options.skip:
            _print_weight(page_weight.measure(browser, site_dir, url))
        if "timings" not in options.skip:
            _print_timings(browser_timings.test_results(browser, url))
        browser.close()


def _print_build(result: dict) -> None:
    print(f"## Build ({result['pages']} pages, every language; median of {result['runs']} alternating runs)\n")
    print("| build | wall s (min-max) | CPU s (min-max) |\n|---|---|---|")
    for name, label in (("course", "course (hooks, overrides, scripts)"), ("plain", "plain Material + i18n, same Markdown"),
                        ("cold", "course, first build (no .cache/templates yet)")):
        cells = [f"{result[m][name]:.2f} ({result[m]['spread'][name][0]:.2f}-{result[m]['spread'][name][1]:.2f})" for m in ("wall", "cpu")]
        print(f"| {label} | " + " | ".join(cells) + " |")
    print(f"| **overhead** (target <= +5%) | **{result['wall']['overhead']:+.1%}** | **{result['cpu']['overhead']:+.1%}** |")
    print("| overhead, 95% interval (bootstrap) | " + " | ".join(
        "{:+.1%} to {:+.1%}".format(*result[m]["interval"]) for m in ("wall", "cpu")) + " |")
    print(f"| overhead of a first build | {result['wall']['cold overhead']:+.1%} | {result['cpu']['cold overhead']:+.1%} |\n")
    counted = result["instructions"]
    if isinstance(counted, str):
        print(f"Instructions: {counted}.\n")
    elif counted:
        print("Instructions executed (Valgrind, one build each; unaffected by other load on the machine):\n")
        print("| build | instructions (billions) |\n|---|---|")
        print(f"| course | {counted['course'] / 1e9:.2f} |\n| plain | {counted['plain'] / 1e9:.2f} |")
        print(f"| **overhead** (target <= +5%) | **{counted['overhead']:+.1%}** |\n")


def _print_edit_loop(result: dict) -> None:
    languages = result["languages"]
    print(f"## Edit loop: save a lesson until `mkdocs serve` serves it (median of {result['repetitions']}"
          " saves per side, the sides interleaved in one run)\n")
    print("| serve | " + " | ".join(f"{language} lesson, s" for language in languages) + " |\n|---|"
          + "---|" * len(languages))
    labels = {"course": "course (rebuilds the changed language)",
              "every language": "course, every language rebuilt (before)",
              "plain": "plain Material + i18n, same Markdown"}
    for side, seconds in result["seconds"].items():
        print(f"| {labels[side]} | " + " | ".join(f"{seconds[language]:.2f}" for language in languages) + " |")
    for side, ratios in result["ratio"].items():
        print(f"| **course / {side}** (median of per-save ratios, min-max) | " + " | ".join(
            "**{:.2f}** ({:.2f}-{:.2f})".format(*ratios[language]) for language in languages) + " |")
    print("\nNot counted: one save per side and language first (an English save that makes a translation"
          " outdated, or up to date again, rebuilds every language).\n")


def _print_weight(weights: dict) -> None:
    print("## Page weight (KB gzipped, first visit, everything the page fetches)\n")
    print("| page | language | " + " | ".join(WEIGHT_COLUMNS) + " |\n|---|---|" + "---|" * len(WEIGHT_COLUMNS))
    for (name, language), totals in weights.items():
        cells = [f"{totals.get(column, 0) / 1024:.1f}" for column in WEIGHT_COLUMNS]
        print(f"| {name} | {language} | " + " | ".join(cells) + " |")
    lesson = max(totals["total"] for (name, _), totals in weights.items() if name == "lesson")
    own = max(totals["own JS+CSS"] for totals in weights.values())
    print(f"\nTargets: lesson total <= 110 KB (measured {lesson / 1024:.1f}); own JS+CSS <= 20 KB (largest {own / 1024:.1f}).\n")


def _print_lighthouse(results: dict) -> None:
    targets = TARGETS["lighthouse"]
    print("## Lighthouse (mobile, served with gzip)\n")
    print("| page | language | " + " | ".join(targets) + " | FCP | LCP | TBT | CLS | audits below 100 |\n|---|---|"
          + "---|" * (len(targets) + 5))
    for (name, language), result in results.items():
        scores = [str(result["scores"][category]) for category in targets]
        metrics = [result["metrics"][key] for key in result["metrics"]]
        print(f"| {name} | {language} | " + " | ".join(scores + metrics) + f" | {', '.join(result['failed']) or '-'} |")
    print("\nTargets: " + ", ".join(f"{name} >= {score}" for name, score in targets.items()) + ".\n")


def _print_timings(timings: dict) -> None:
    print("## In-browser timings (median ms)\n")
    print("| measure | language | statements | change handler | until painted |\n|---|---|---|---|---|")
    for language, result in timings.items():
        print(f"| test results re-rendered | {language} | {result['statements']:.0f} | {result['handler']:.1f} | {result['painted']:.1f} |")
    print()


def _build_site(site_dir: Path, site_url: str) -> None:
    env = {**build_time._environment(), "SITE_URL": site_url}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site_dir)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{result.stderr[-3000:]}")


def _machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    memory = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    load = os.getloadavg()[0]
    return f"{cpu}, {os.cpu_count()} cores, {memory} MiB RAM, {platform.platform()}, load average {load:.1f} at start"


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    # 21: on a shared virtual machine single builds vary by 10% and more; the median of 21 is steadier
    parser.add_argument("--runs", type=int, default=21, help="builds per side for the build comparison")
    parser.add_argument("--edits", type=int, default=7, help="saves per side and language for the edit loop")
    parser.add_argument("--scaling-runs", type=int, default=3,
                        help="builds per side and size in the scaling part (a 10x build takes about a minute)")
    parser.add_argument("--skip", default="",
                        help="comma-separated parts to leave out: build,instructions,hooks,editloop,weight,lighthouse,timings,scaling,lms")
    options = parser.parse_args()
    options.skip = set(filter(None, options.skip.split(",")))
    return options


if __name__ == "__main__":
    main()
