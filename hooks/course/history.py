"""What changed in an English page since its translation was made: the version whose hash the
translation records is looked up in the page's git history (nothing else is stored), and the
paragraphs that differ from today's page are listed."""
from __future__ import annotations

import difflib
import subprocess
from pathlib import Path
from typing import Callable


def version_with_hash(source: Path, recorded: str, text_hash: Callable[[str], str]) -> str | None:
    """The text of `source` in the newest commit whose text_hash is `recorded`; None when no
    commit has it (or the folder is not in a git repository)."""
    folder, name = source.parent, f"./{source.name}"
    commits = _git(folder, "log", "--format=%H", "--", name)
    if not commits:
        return None
    requests = "".join(f"{commit}:{name}\n" for commit in commits.decode().split())
    blobs = _git(folder, "cat-file", "--batch", stdin=requests.encode())
    for text in _blobs(blobs or b""):
        if text_hash(text) == recorded:
            return text
    return None


def changed_paragraphs(old: str, new: str) -> list[str]:
    """The paragraphs (blocks between blank lines) that differ, as diff lines: '@@ line N @@' with
    N the line in the new text, then '- ' old lines and '+ ' new lines."""
    before, after = _paragraphs(old), _paragraphs(new)
    matcher = difflib.SequenceMatcher(a=[text for _, text in before], b=[text for _, text in after], autojunk=False)
    lines: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        where = after[j1][0] if j1 < len(after) else (after[-1][0] if after else 1)
        lines.append(f"@@ line {where} @@")
        lines += [f"- {line}" for _, text in before[i1:i2] for line in text.split("\n")]
        lines += [f"+ {line}" for _, text in after[j1:j2] for line in text.split("\n")]
    return lines


def _paragraphs(text: str) -> list[tuple[int, str]]:
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.rstrip())
        elif current:
            blocks.append((start, "\n".join(current)))
            current = []
    if current:
        blocks.append((start, "\n".join(current)))
    return blocks


def _blobs(output: bytes) -> list[str]:
    """Split `git cat-file --batch` output: '<sha> blob <size>\\n<content>\\n' per found object."""
    texts, position = [], 0
    while position < len(output):
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            texts.append(output[position:position + size].decode("utf-8", errors="replace"))
            position += size + 1
    return texts


def _git(folder: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    try:
        result = subprocess.run(["git", "-C", str(folder), *args], input=stdin, capture_output=True, check=False)
    except OSError:  # no git on this machine
        return None
    return result.stdout if result.returncode == 0 else None
