"""SCORM packages in the benchmark: the size of every package (per kind and language), and the
compressed suspend data of a typical and of the largest learner's work against each version's
limit. Compressed as the launch page does it: raw DEFLATE, base64, after a 3-character marker."""
from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

from common import LANGUAGES, ROOT
from course.item_bank import load_item_bank  # noqa: E402
from course.worksheet import load_prompts  # noqa: E402

LIMITS = {"scorm12": 4096, "scorm2004": 64000}


def measure() -> dict:
    """Package sizes (bytes, by file name) and suspend-data sizes (characters) of two learners."""
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run([sys.executable, "-m", "course.scorm", "--kind", "all", "--language", "each", "--out", scratch],
                       cwd=ROOT, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})
        sizes = {path.name: path.stat().st_size for path in sorted(Path(scratch).glob("*.zip"))}
    return {"packages": sizes, "suspend": {"typical": _suspend(_typical()), "largest": _suspend(_largest())}}


def _suspend(sections: dict) -> int:
    text = json.dumps({"format": "learning-culture-course", "version": 1, "exported": "2026-12-03T10:00:00.000Z",
                       "data": sections}, separators=(",", ":"))
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    return len("z1:" + base64.b64encode(deflate.compress(text.encode()) + deflate.flush()).decode())


def _attempt(shift: int) -> dict:
    bank = load_item_bank()
    answers = {s.id: {"reality": 1 + (i + shift) % 6, "aspiration": 6 - i % 3} for i, s in enumerate(bank.statements)}
    return {"bank_version": bank.version, "started": "2026-01-01T10:00:00.000Z", "updated": "2026-01-01T10:30:00.000Z",
            "answers": answers}


def _texts(length: int) -> list[str]:
    text = " ".join(" ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs" / LANGUAGES.source).rglob("*.md"))).split())
    return [text[start:start + length] for start in range(0, len(text) - length, length)]


def _typical() -> dict:
    """Ten prompts of about 150 characters, the test once, two cards, half the lessons done."""
    prompts = [pid for pid, p in load_prompts().items() if p.type in ("short", "long")][:10]
    card = {"id": "c1", "what": "A question at the stand-up", "prediction": "Half speak up", "measure": "Count",
            "who": "Team leader", "happened": "", "learned": "", "decision": "", "next": ""}
    return {"culture-test": {"version": 1, "attempts": {"first": _attempt(0)}},
            "worksheet": {"version": 1, "answers": dict(zip(prompts, _texts(150)))},
            "experiments": {"version": 1, "cards": [card, {**card, "id": "c2"}]},
            "progress": {"version": 1, "done": {f"how/lesson-{n}": "2026-01-03T10:00:00.000Z" for n in range(15)}}}


def _largest() -> dict:
    """Every prompt with 300 characters and the test taken twice."""
    prompts = [pid for pid, p in load_prompts().items() if p.type in ("short", "long")]
    return {"culture-test": {"version": 1, "attempts": {"first": _attempt(0), "retake": _attempt(1)}},
            "worksheet": {"version": 1, "answers": dict(zip(prompts, _texts(300)))}}


def print_table(result: dict) -> None:
    print("## SCORM packages\n")
    print("| package | size (KB) |\n|---|---|")
    for name, size in result["packages"].items():
        print(f"| {name} | {size / 1024:.0f} |")
    print("\n| learner's work | suspend data (characters) | SCORM 1.2 limit 4,096 | SCORM 2004 limit 64,000 |\n|---|---|---|---|")
    for name, size in result["suspend"].items():
        fits = ["fits" if size <= limit else f"over by {size - limit:,}" for limit in LIMITS.values()]
        print(f"| {name} | {size:,} | " + " | ".join(fits) + " |")
    print("\nOver the 1.2 limit, the course leaves experiment cards and then action-plan answers out of the LMS's copy and tells the learner.\n")


if __name__ == "__main__":
    print_table(measure())
