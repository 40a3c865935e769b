"""The benchmark's event-handler timing (bench/hook_times.py): a timed build is the course's build,
every handler counted once per call, and the table names the hooks' share without the i18n
plugin's nested builds."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import hook_times  # noqa: E402


def test_a_timed_build_counts_each_page_handler_once_per_page_and_leaves_the_nested_builds_out(capsys):
    pages = sum(1 for _ in (ROOT / "docs").rglob("*.md"))  # every language's pages
    result = hook_times.measure()
    handlers = result["handlers"]
    assert handlers["hooks/lessons.py:on_page_markdown"][1] == pages
    assert handlers["hooks/diagrams.py:on_page_content"][1] == pages
    assert handlers["material.plugins.search.plugin:on_page_context"][1] == pages
    hooks = sum(seconds for name, (seconds, _) in handlers.items() if name.startswith("hooks/"))
    assert 0 < hooks < result["cpu"]
    hook_times.print_table(result)
    table = capsys.readouterr().out
    assert f"{pages} pages" in table and "the project's hooks, all handlers" in table
    assert hook_times.NESTED not in table
