"""Build time: the course against plain Material + i18n building the same Markdown, without the
project's hooks, overrides and scripts. Runs alternate so background load hits both alike; the
instructions each build executes are counted too, a figure that background load does not move."""
from __future__ import annotations

import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT

from course.template_code import FOLDER as TEMPLATE_CACHE  # on the path once common is imported

# The plain build inherits mkdocs.yml (same Markdown, extensions, theme features, plugins) and
# drops what the project adds. An empty custom_dir stands in for overrides/.
PLAIN_CONFIG = """\
INHERIT: {root}/mkdocs.yml
docs_dir: {root}/docs
hooks: []
extra_css: []
extra_javascript: []
watch: []
theme:
  custom_dir: {empty}
"""


def build_seconds(config: Path, site_dir: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one `mkdocs build` (a fresh process, as an author or CI runs it).
    CPU time is the steadier figure on a busy machine; wall time is what an author waits."""
    cpu_before, started = _children_cpu(), time.perf_counter()
    result = subprocess.run(_command(config, site_dir), cwd=ROOT, env=_environment(), capture_output=True, text=True)
    elapsed, cpu = time.perf_counter() - started, _children_cpu() - cpu_before
    if result.returncode != 0:
        raise SystemExit(f"build with {config} failed:\n{result.stderr[-3000:]}")
    return elapsed, cpu


def compare(runs: int, instructions: bool) -> dict:
    """Median build seconds of the course and of plain Material, and the course's overhead (also for
    the course's first build, before hooks/build_cache.py has kept compiled templates); with
    `instructions`, also the instructions each build executes, counted once by Valgrind."""
    with tempfile.TemporaryDirectory(dir=_memory_folder()) as scratch:
        scratch_dir = Path(scratch)
        configs = _configs(scratch_dir)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in (*configs, "cold")}
        build_seconds(configs["course"], scratch_dir / "warm-up")  # fill the OS file cache first
        for run in range(runs):
            # ABBA order: neither side always runs first, right after the other
            for name in (("course", "plain", "cold") if run % 2 == 0 else ("cold", "plain", "course")):
                if name == "cold":  # a first build: the course's compiled templates not kept yet
                    shutil.rmtree(ROOT / TEMPLATE_CACHE, ignore_errors=True)
                times[name].append(build_seconds(configs["course" if name == "cold" else name], scratch_dir / name))
        pages = sum(1 for _ in (scratch_dir / "course").rglob("index.html"))
        counted = _instructions(configs, scratch_dir) if instructions else None
    result: dict = {"runs": runs, "pages": pages, "instructions": counted}
    for index, measure in enumerate(("wall", "cpu")):
        course, plain, cold = ([run[index] for run in times[name]] for name in ("course", "plain", "cold"))
        result[measure] = {"course": statistics.median(course), "plain": statistics.median(plain),
                           "cold": statistics.median(cold), "overhead": _overhead(course, plain),
                           "interval": _interval(course, plain), "cold overhead": _overhead(cold, plain),
                           "spread": {name: (min(values), max(values)) for name, values
                                      in (("course", course), ("plain", plain), ("cold", cold))}}
    return result


def _overhead(course: list[float], plain: list[float]) -> float:
    return statistics.median(course) / statistics.median(plain) - 1


def _interval(course: list[float], plain: list[float], rounds: int = 2000) -> tuple[float, float]:
    """95% bootstrap interval of the overhead: how far it could move on another set of runs on this
    machine. Pairs (runs made one after the other) are resampled together, as they met the same load."""
    draw = random.Random(0)  # the same runs give the same interval
    pairs = list(zip(course, plain))
    overheads = sorted(_overhead(*zip(*draw.choices(pairs, k=len(pairs)))) for _ in range(rounds))
    return overheads[int(rounds * 0.025)], overheads[int(rounds * 0.975) - 1]


def _instructions(configs: dict[str, Path], scratch_dir: Path) -> dict | str:
    """Instructions of one build per side under Valgrind (both at once, one per core): unlike time,
    the same on a quiet or a busy machine, so small differences show."""
    if shutil.which("valgrind") is None:
        return "left out: valgrind is not installed (apt-get install valgrind)"
    running = {name: subprocess.Popen(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                                       *_command(config, scratch_dir / f"counted-{name}")],
                                      cwd=ROOT, env=_environment(), stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, text=True)
               for name, config in configs.items()}
    counted = {}
    for name, process in running.items():
        _, log = process.communicate()
        found = re.search(r"Collected : (\d+)", log)
        if process.returncode != 0 or not found:
            raise SystemExit(f"counting instructions of the {name} build failed:\n{log[-3000:]}")
        counted[name] = int(found[1])
    return {**counted, "overhead": counted["course"] / counted["plain"] - 1}


def _configs(scratch_dir: Path) -> dict[str, Path]:
    (scratch_dir / "empty").mkdir()
    plain = scratch_dir / "plain.yml"
    plain.write_text(PLAIN_CONFIG.format(root=ROOT, empty=scratch_dir / "empty"), encoding="utf-8")
    return {"course": ROOT / "mkdocs.yml", "plain": plain}


def _memory_folder() -> str | None:
    """Build into memory where the machine has it (/dev/shm): each build deletes and rewrites about
    500 files, and on a disk the file system's bookkeeping for that varied by tens of milliseconds
    from run to run, for both builds alike, drowning the difference being measured."""
    return "/dev/shm" if os.access("/dev/shm", os.W_OK) else None


def _command(config: Path, site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config), "--site-dir", str(site_dir)]


def _environment() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}
    env.pop("LANG_ONLY", None)  # the benchmark measures the whole course (make exports it, empty or not)
    # Let Python cache the hooks' bytecode, as it does on an author's machine; the installed packages
    # Material runs on come precompiled, so a machine that forbids the cache would count compiling
    # the hooks' source against the course in every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
