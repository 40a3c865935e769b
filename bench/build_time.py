"""Build time: the course against plain Material + i18n building the same Markdown, without the
project's hooks, overrides and scripts. Runs alternate so background load hits both alike."""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

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
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}
    # Let Python cache the hooks' bytecode, as it does on an author's machine; the installed packages
    # Material runs on come precompiled, so a machine that forbids the cache would count compiling
    # the hooks' source against the course in every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cpu_before, started = _children_cpu(), time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config),
                             "--site-dir", str(site_dir)], cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed, cpu = time.perf_counter() - started, _children_cpu() - cpu_before
    if result.returncode != 0:
        raise SystemExit(f"build with {config} failed:\n{result.stderr[-3000:]}")
    return elapsed, cpu


def compare(runs: int) -> dict:
    """Median build seconds of the course and of plain Material, and the course's overhead."""
    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch)
        (scratch_dir / "empty").mkdir()
        plain = scratch_dir / "plain.yml"
        plain.write_text(PLAIN_CONFIG.format(root=ROOT, empty=scratch_dir / "empty"), encoding="utf-8")
        configs = {"course": ROOT / "mkdocs.yml", "plain": plain}
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in configs}
        build_seconds(configs["course"], scratch_dir / "warm-up")  # fill the OS file cache first
        for _ in range(runs):
            for name, config in configs.items():
                times[name].append(build_seconds(config, scratch_dir / name))
        pages = sum(1 for _ in (scratch_dir / "course").rglob("index.html"))
    result: dict = {"runs": runs, "pages": pages}
    for index, measure in enumerate(("wall", "cpu")):
        medians = {name: statistics.median(run[index] for run in values) for name, values in times.items()}
        result[measure] = {**medians, "overhead": medians["course"] / medians["plain"] - 1,
                           "spread": {name: (min(run[index] for run in values), max(run[index] for run in values))
                                      for name, values in times.items()}}
    return result


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
