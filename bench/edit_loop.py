"""Edit loop: the time from saving a lesson until `mkdocs serve` serves the changed page, for the
course, for the course rebuilding every language on each save (as before hooks/edit_loop.py) and
for plain Material + i18n building the same Markdown (the plain config of build_time).

The machine is shared and its load drifts, so the three sides are measured in the same run,
interleaved: each side serves its own copy of the project (the real docs/ are never edited), all
three servers run for the whole measurement, and every repetition saves the lesson once per side in
a rotating order, waiting until each server has finished its rebuild (it logs "Reloading browsers"). The figures are medians over the
repetitions, and the course's times as ratios to the other sides' times in the same repetition."""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import threading
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Iterator

import build_time
from common import LANGUAGES, ROOT
from server import free_port

LESSON = "how/action-learning"  # the lesson saved, in each language
SIDES = ("course", "every language", "plain")
EDIT_LOOP_HOOK = "  - hooks/edit_loop.py"
STARTUP_SECONDS = 600  # a first build of every language, on a busy shared machine
VISIBLE_SECONDS = 90
DONE = "Reloading browsers"  # what mkdocs serve logs once a rebuild is finished


def measure(repetitions: int = 7) -> dict:
    """Per side and language: the median seconds from save to served page; per compared side and
    language: the median of the course's time divided by that side's, repetition by repetition."""
    languages = LANGUAGES.all
    with tempfile.TemporaryDirectory() as scratch, ExitStack() as servers:
        scratch_dir = Path(scratch)
        projects = {side: _copy_project(scratch_dir / side.replace(" ", "-")) for side in SIDES}
        configs = {"course": projects["course"] / "mkdocs.yml",
                   "every language": _every_language_config(projects["every language"]),
                   "plain": _plain_config(projects["plain"], scratch_dir)}
        running = {side: servers.enter_context(_serving(projects[side], configs[side])) for side in SIDES}
        for side, (url, server) in running.items():  # uncounted: an English save that outdates a
            for language in languages:               # translation rebuilds every language, once
                _save_to_visible(projects[side], url, server, language, "Warm-up.")
        times = {side: {language: [] for language in languages} for side in SIDES}
        for repetition in range(repetitions):
            order = SIDES[repetition % len(SIDES):] + SIDES[:repetition % len(SIDES)]
            for language in languages:
                for side in order:
                    url, server = running[side]
                    mark = f"Edit-loop mark {language} {repetition}."
                    times[side][language].append(_save_to_visible(projects[side], url, server, language, mark))
    return {"repetitions": repetitions, "languages": languages,
            "seconds": {side: {language: statistics.median(values) for language, values in by_language.items()}
                        for side, by_language in times.items()},
            "ratio": {side: {language: _median_ratio(times["course"][language], times[side][language])
                             for language in languages} for side in SIDES if side != "course"}}


def address(language: str) -> str:
    """The lesson's address in `language` (the source language at the site's root)."""
    return f"{LANGUAGES.folder(language)}{LESSON}/"


def _median_ratio(course: list[float], other: list[float]) -> tuple[float, float, float]:
    ratios = sorted(mine / theirs for mine, theirs in zip(course, other))
    return statistics.median(ratios), ratios[0], ratios[-1]


def _save_to_visible(project: Path, url: str, server: _Server, language: str, mark: str) -> float:
    """Append a paragraph holding `mark` to the lesson, wait until the served page shows it, then
    until the rebuild is finished (so the next save, on any server, does not share the CPU with it)."""
    path = project / "docs" / language / f"{LESSON}.md"
    finished = server.rebuilds()
    with path.open("a", encoding="utf-8") as lesson:
        lesson.write(f"\n\n{mark}\n")
    saved = time.perf_counter()
    deadline = saved + VISIBLE_SECONDS
    while mark not in _fetch(url + address(language)):
        if time.perf_counter() > deadline:
            raise SystemExit(f"the edit of {path} did not show at {url + address(language)} within {VISIBLE_SECONDS} s")
        time.sleep(0.02)
    elapsed = time.perf_counter() - saved
    while server.rebuilds() == finished and time.perf_counter() < deadline:
        time.sleep(0.1)
    return elapsed


class _Server:
    """A running mkdocs serve and the number of rebuilds it has finished, read from its log."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.process, self._finished, self.log = process, 0, []
        threading.Thread(target=self._read, daemon=True).start()

    def rebuilds(self) -> int:
        return self._finished

    def _read(self) -> None:
        for line in self.process.stderr:
            self._finished += DONE in line
            self.log = [*self.log[-20:], line]


@contextmanager
def _serving(project: Path, config: Path) -> Iterator[tuple[str, _Server]]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**build_time._environment(), "SITE_URL": url, "PYTHONPATH": str(project / "hooks")}
    env.pop("LANG_ONLY", None)  # every language is served (make exports LANG_ONLY, empty or not)
    # --no-strict: the plain side logs a warning that strict mode (mkdocs.yml) would stop it for
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--config-file", str(config), "--dev-addr", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    server = _Server(process)
    try:
        deadline = time.perf_counter() + STARTUP_SECONDS
        while not all(_fetch(url + address(language)) for language in LANGUAGES.all):
            if process.poll() is not None or time.perf_counter() > deadline:
                raise SystemExit(f"mkdocs serve --config-file {config} did not start (exit status {process.poll()}):\n{''.join(server.log)}")
            time.sleep(0.2)
        yield url, server
    finally:
        process.terminate()
        process.wait(timeout=30)


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
    result = measure(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
    for side, seconds in result["seconds"].items():
        print(side, {language: round(value, 2) for language, value in seconds.items()})
    for side, ratios in result["ratio"].items():
        print(f"course / {side}", {language: tuple(round(r, 2) for r in ratio) for language, ratio in ratios.items()})
