"""Edit loop: the time from saving a lesson until `mkdocs serve` serves the changed page, for the
course, for the course rebuilding every language on each save (as before hooks/edit_loop.py) and
for plain Material + i18n building the same Markdown (the plain config of build_time). Each side
runs in a copy of the project, so the real docs/ are never edited."""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import build_time
from server import free_port

ROOT = Path(__file__).resolve().parents[1]
# one lesson in each language; the English one is what authors edit most
LESSONS = {"en": ("docs/en/how/action-learning.md", "how/action-learning/"),
           "nl": ("docs/nl/how/action-learning.md", "nl/how/action-learning/")}
SIDES = ("course", "every language", "plain")
EDIT_LOOP_HOOK = "  - hooks/edit_loop.py"
STARTUP_SECONDS = 120
VISIBLE_SECONDS = 60


def measure(edits: int = 7) -> dict[str, dict[str, float]]:
    """Median seconds from saving a lesson until its served page shows the edit, per side and language."""
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        project = _copy_project(Path(scratch) / "project")
        configs = dict(zip(SIDES, (project / "mkdocs.yml", _every_language_config(project),
                                   _plain_config(project, Path(scratch)))))
        for name, config in configs.items():
            with _serving(project, config) as url:
                results[name] = {language: statistics.median(_edit_times(project, url, language, edits))
                                 for language in LESSONS}
    return results


def save_to_visible(project: Path, url: str, language: str, mark: str) -> float:
    """Append a paragraph holding `mark` to the lesson and wait until the served page shows it."""
    source, address = LESSONS[language]
    path = project / source
    with path.open("a", encoding="utf-8") as lesson:
        lesson.write(f"\n\n{mark}\n")
    saved = time.perf_counter()
    deadline = saved + VISIBLE_SECONDS
    while time.perf_counter() < deadline:
        if mark in _fetch(url + address):
            return time.perf_counter() - saved
        time.sleep(0.02)
    raise SystemExit(f"the edit of {source} did not show at {url + address} within {VISIBLE_SECONDS} s")


def _edit_times(project: Path, url: str, language: str, edits: int) -> list[float]:
    source, address = LESSONS[language]
    original = (project / source).read_text(encoding="utf-8")
    times = []
    try:
        for number in range(edits):
            times.append(save_to_visible(project, url, language, f"Edit-loop mark {language} {number}."))
            time.sleep(0.5)  # let the server settle before the next save
    finally:
        (project / source).write_text(original, encoding="utf-8")
        # the restore rebuilds too: let it finish before the next measurement starts
        deadline = time.perf_counter() + VISIBLE_SECONDS
        while "Edit-loop mark" in _fetch(url + address) and time.perf_counter() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)
    return times


@contextmanager
def _serving(project: Path, config: Path) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**build_time._environment(), "SITE_URL": url, "PYTHONPATH": str(project / "hooks")}
    # --quiet as in build_time: warnings are not counted by strict mode (the plain side has one)
    command = [sys.executable, "-m", "mkdocs", "serve", "--quiet", "--config-file", str(config), "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.perf_counter() + STARTUP_SECONDS
        while not _fetch(url + LESSONS["nl"][1]):
            if server.poll() is not None or time.perf_counter() > deadline:
                raise SystemExit(f"mkdocs serve --config-file {config} did not start")
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _copy_project(destination: Path) -> Path:
    for name in ("docs", "hooks", "overrides", "data"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


def _every_language_config(project: Path) -> Path:
    """The course without the one-language rebuild: every save rebuilds every language."""
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    kept = [line for line in lines if not line.startswith(EDIT_LOOP_HOOK)]
    if len(kept) == len(lines):
        raise SystemExit(f"mkdocs.yml has no hook line starting {EDIT_LOOP_HOOK.strip()!r}")
    every = project / "mkdocs-every-language.yml"
    every.write_text("\n".join(kept), encoding="utf-8")
    return every


def _plain_config(project: Path, scratch: Path) -> Path:
    (scratch / "empty").mkdir()
    plain = scratch / "plain.yml"
    plain.write_text(build_time.PLAIN_CONFIG.format(root=project, empty=scratch / "empty"), encoding="utf-8")
    return plain


if __name__ == "__main__":
    os.chdir(ROOT)
    for side, times in measure(int(sys.argv[1]) if len(sys.argv) > 1 else 7).items():
        print(side, {language: round(seconds, 2) for language, seconds in times.items()})
