"""Where the course's build time goes: one `mkdocs build` of the course with every event handler
timed (the project's hooks and the plugins alike), so the build overhead can be traced to a hook.
The handlers run as usual; each is wrapped in a timer when MkDocs registers it. mkdocs-static-i18n
builds the other languages from its on_post_build, so that handler's time holds their whole builds
and is left out of the sums."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from build_time import _environment, _memory_folder
from common import ROOT

NESTED = "mkdocs_static_i18n.plugin:on_post_build"  # holds the other languages' builds


def measure() -> dict:
    """Seconds and calls per handler in one build of the course, and the build's CPU seconds."""
    with tempfile.TemporaryDirectory(dir=_memory_folder()) as scratch:
        report = Path(scratch) / "handlers.json"
        command = [sys.executable, __file__, str(report), "build", "--quiet", "--config-file", str(ROOT / "mkdocs.yml"),
                   "--site-dir", str(Path(scratch) / "site")]
        result = subprocess.run(command, cwd=ROOT, env=_environment(), capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"timed build failed:\n{result.stderr[-3000:]}")
        return json.loads(report.read_text(encoding="utf-8"))


def print_table(result: dict, shown: int = 15) -> None:
    """The handlers that took longest, and the project's hooks' share of the build."""
    handlers = {name: figures for name, figures in result["handlers"].items() if name != NESTED}
    hooks = sum(seconds for name, (seconds, _) in handlers.items() if name.startswith("hooks/"))
    pages = max((calls for _, calls in handlers.values()), default=1)
    print(f"## Event handlers (one build of the course, {pages} pages; CPU {result['cpu']:.2f} s)\n")
    print("| handler | calls | s | ms per call |\n|---|---|---|---|")
    for name, (seconds, calls) in sorted(handlers.items(), key=lambda item: -item[1][0])[:shown]:
        print(f"| {name} | {calls} | {seconds:.3f} | {seconds / calls * 1000:.2f} |")
    print(f"| **the project's hooks, all handlers** | | **{hooks:.3f}** | **{hooks / pages * 1000:.2f} per page** |")
    print(f"\nThe hooks' share of the build: {hooks / result['cpu']:.1%}.\n")


def _run_timed(report: Path, arguments: list[str]) -> None:
    """Run MkDocs' command line with every event handler timed; write the figures to `report`."""
    from mkdocs import plugins
    from mkdocs.__main__ import cli

    seconds: Counter = Counter()
    calls: Counter = Counter()
    register = plugins.PluginCollection._register_event

    def timed_register(collection, event_name, method, plugin_name=None):
        if isinstance(method, plugins.CombinedEvent):  # registers each of its methods through here
            return register(collection, event_name, method, plugin_name)
        source = getattr(method, "__module__", "") or ""
        module = sys.modules.get(source)
        where = Path(getattr(module, "__file__", "") or "")
        name = (f"hooks/{where.name}" if where.parent == ROOT / "hooks" else source) + f":{method.__name__}"

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                seconds[name] += time.perf_counter() - started
                calls[name] += 1
        if hasattr(method, "mkdocs_priority"):  # MkDocs orders handlers by it
            timed.mkdocs_priority = method.mkdocs_priority
        return register(collection, event_name, timed, plugin_name)

    plugins.PluginCollection._register_event = timed_register
    try:
        cli.main(arguments, standalone_mode=False)
    finally:
        report.write_text(json.dumps({"cpu": time.process_time(),
                                      "handlers": {name: (seconds[name], calls[name]) for name in seconds}}),
                          encoding="utf-8")


if __name__ == "__main__":
    _run_timed(Path(sys.argv[1]), sys.argv[2:])
