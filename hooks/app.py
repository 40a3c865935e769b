"""The course as an installable app: a web app manifest per language (name, icons and colours from
the branding, the language's home page as start URL), its icons, and the service worker sw.js at
the site's root (overrides/assets/app/service-worker.js with this build's version and shell).
Left out of the offline package and the LMS packages (OFFLINE=true): they run from files."""
from __future__ import annotations

import hashlib
import json
import math
import posixpath
import re
import struct
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import rjsmin
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from course import events, offline
from course.data import ui
from course.languages import all_built, building, default_language

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

OVERRIDES = Path(__file__).resolve().parents[1] / "overrides"
SOURCE = "assets/app/service-worker.js"
WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
ICONS = {192: "assets/images/app-icon-192.png", 512: "assets/images/app-icon-512.png"}
# files of a page the shell keeps: scripts, style sheets, the icon and the manifest
LINKED = re.compile(r'<(?:script|link)\b[^>]*?\s(?:src|href)="([^"#?]+)"[^>]*>')
NOT_HASHED = (WORKER, "sitemap.xml", "sitemap.xml.gz")  # the sitemap carries the build date
_names: dict[str, str] = {}


@event_priority(events.AFTER_I18N)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The worker's source is written to sw.js after the build, not copied as it is."""
    source = files.get_file_from_path(SOURCE)
    if source is not None:
        files.remove(source)
    _names[building(config)] = config.site_name
    return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """The manifest of the page's language, for overrides/main.html to link (none offline)."""
    if not offline.enabled(config):
        language = building(config)
        folder = "" if language == default_language(config) else f"{language}/"
        context["course_manifest"] = get_relative_url(folder + MANIFEST, page.url)
    return context


@event_priority(events.LAST)
def on_post_build(config: MkDocsConfig) -> None:
    """After everything else: write the manifests, icons and the worker with the shell and version."""
    if offline.enabled(config) or not all_built(config):
        return
    site = Path(config.site_dir)
    colours = config.extra["branding"]["colours"]
    for size, path in ICONS.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(_icon(size, colours["primary"]))
    shell = {MANIFEST, *ICONS.values()}
    for language, name in _names.items():
        folder = "" if language == default_language(config) else f"{language}/"
        (site / folder / MANIFEST).write_text(json.dumps(_manifest(language, name, folder, colours), ensure_ascii=False, indent=1), encoding="utf-8")
        shell.add(folder + MANIFEST)
        html = (site / folder / "index.html").read_text(encoding="utf-8")
        shell.update(posixpath.normpath(folder + link) for link in LINKED.findall(html) if "://" not in link)
    shell = sorted(path for path in shell if (site / path).is_file())
    source = (OVERRIDES / SOURCE).read_text(encoding="utf-8")
    worker = source.replace('"__COURSE_BUILD__"', json.dumps(_version(site))).replace("__COURSE_SHELL__", json.dumps(shell))
    (site / WORKER).write_text(rjsmin.jsmin(worker), encoding="utf-8")


def _manifest(language: str, name: str, folder: str, colours: dict) -> dict:
    t = ui(language)
    root = "../" * folder.count("/") or "./"
    return {"name": name, "short_name": t["app_short_name"], "description": t["app_description"], "lang": language,
            "start_url": "./", "id": "./", "scope": root, "display": "standalone",
            "background_color": "#ffffff", "theme_color": colours["primary"],
            "icons": [{"src": root + path, "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any maskable"}
                      for size, path in ICONS.items()]}


def _version(site: Path) -> str:
    """A hash of every built file: the same site gives the same worker, so browsers update only
    when something changed."""
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.relative_to(site).as_posix() not in NOT_HASHED:
            digest.update(path.relative_to(site).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _icon(size: int, colour: str) -> bytes:
    """A PNG of the brand colour with a white ring, drawn within the safe zone of maskable icons."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    brand, white = bytes((red, green, blue)), b"\xff\xff\xff"
    centre, outer, inner = size / 2, size * 0.28, size * 0.18
    rows = bytearray()
    for y in range(size):
        dy = (y + 0.5 - centre) ** 2
        row = bytearray(brand * size)
        for start, end in _ring_runs(size, lambda x: inner ** 2 <= (x + 0.5 - centre) ** 2 + dy <= outer ** 2,
                                     math.sqrt(max(inner ** 2 - dy, 0)), math.sqrt(max(outer ** 2 - dy, 0))):
            row[start * 3:end * 3] = white * (end - start)
        rows += b"\0" + row

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")


def _ring_runs(size: int, on_ring: Callable[[int], bool], near: float, far: float) -> list[tuple[int, int]]:
    """The runs [start, end) of a row's pixels on the ring, left and right of the centre: found
    from the distances `near` and `far` and settled pixel by pixel at their ends (a pixel loop
    over every row took most of the build's post-processing)."""
    runs = []
    for side in (-1, 1):
        middle = size / 2 - 0.5
        start, end = sorted(int(middle + side * distance) for distance in (near, far))
        # each side's window stays on its side of the centre, so a run never bridges the hole
        start = max(start - 2, 0 if side < 0 else math.ceil(middle))
        end = min(end + 3, size if side > 0 else math.floor(middle) + 1)
        while start < end and not on_ring(start):
            start += 1
        while end > start and not on_ring(end - 1):
            end -= 1
        if start < end:
            runs.append((start, end))
    return runs
