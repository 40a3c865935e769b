"""The offline package: whether this build is one, and the iframe-worker shim it ships instead of a CDN copy."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# Material's offline plugin adds the shim from a CDN unless a polyfill with "iframe-worker" in its
# address is listed already; this local copy is that polyfill.
SHIM = "assets/vendor/iframe-worker/shim.js"
# npm package `iframe-worker`, pinned in package.json; MIT, so its licence travels with the copy.
PACKAGE = Path("node_modules") / "iframe-worker"
PACKAGE_FILES = {"shim/index.js": SHIM, "LICENSE": "assets/vendor/iframe-worker/LICENSE"}


class ShimMissing(FileNotFoundError):
    """The npm package with the shim is not installed."""


def enabled(config: MkDocsConfig) -> bool:
    """True when Material's offline plugin is switched on (OFFLINE=true, see mkdocs.yml)."""
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def copy_shim(project: Path, site_dir: Path) -> None:
    """Copy the pinned iframe-worker shim and its licence from node_modules into the built site."""
    package = project / PACKAGE
    for source, target in PACKAGE_FILES.items():
        if not (package / source).is_file():
            raise ShimMissing(f"{package / source} is missing: run `npm ci` (or `make offline`) first")
        destination = site_dir / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(package / source, destination)
