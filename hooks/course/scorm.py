"""SCORM packages of the course (`make lms`): what kind of package a build is for, its manifest's
contents, and the command that builds and zips every package into build/lms/.

A package is the offline build (relative links, no server needed) plus a launch page that holds
the LMS session while the course pages change inside its frame (overrides/assets/lms/launch.js)."""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from course.languages import project_languages

KINDS = {"scorm12": "1.2", "scorm2004": "2004 4th Edition"}
LAUNCH = "launch.html"
MANIFEST = "imsmanifest.xml"
METADATA = "metadata.xml"     # the package's LOM description, which the manifest points to
ROOT = Path(__file__).resolve().parents[2]
# what the course is made of: a change to any of them makes a new package version
SOURCES = ("docs", "data", "overrides", "hooks", "mkdocs.yml")


@dataclass(frozen=True)
class Package:
    kind: str                     # scorm12 | scorm2004
    languages: tuple[str, ...]    # the languages inside, the first one the package's own
    title: dict[str, str]
    description: dict[str, str]
    version: str
    files: tuple[str, ...]        # every file, relative to the package root, "/" separated

    @property
    def display_title(self) -> str:
        """The title as the LMS lists it: in every language of the package."""
        return " / ".join(self.title[language] for language in self.languages)

    @property
    def identifier(self) -> str:
        return f"learning-culture-{'-'.join(self.languages)}-{self.kind}"


def kind(extra: dict) -> str:
    """The package kind this build is for ("" for the plain site), from `extra.lms` in mkdocs.yml."""
    value = str(extra.get("lms") or "")
    if value and value not in KINDS:
        raise ValueError(f"extra.lms (LMS=...) must be one of {', '.join(KINDS)} or empty, found {value!r}")
    return value


def version(root: Path = ROOT) -> str:
    """A short hash of the course's sources: it changes whenever the course does."""
    digest = hashlib.sha256()
    for name in SOURCES:
        path = root / name
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(file.relative_to(root).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def site_files(site: Path) -> tuple[str, ...]:
    """Every file of a built site, relative to it, the manifest left out."""
    return tuple(sorted(file.relative_to(site).as_posix() for file in site.rglob("*")
                        if file.is_file() and file.name != MANIFEST))


def _build(kind_name: str, language: str, out: Path) -> Path:
    """Build one package's site with the offline layout, the LMS kind and (optionally) one language."""
    site = out / f"{language}-{kind_name}"
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, "OFFLINE": "true", "LMS": kind_name, "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": str(ROOT / "hooks")}
    if language != "all":
        env["LANG_ONLY"] = language
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                   cwd=ROOT, env=env, check=True)
    return site


def _zip(site: Path, target: Path) -> None:
    """The package zip: imsmanifest.xml and launch.html at its root, as LMSs expect."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(site.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(site).as_posix())


def _main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m course.scorm", description="Build the SCORM packages.")
    parser.add_argument("--kind", choices=[*KINDS, "all"], default="all")
    parser.add_argument("--language", default="all", help="a configured language, 'all' (bilingual), or 'each'")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "lms")
    options = parser.parse_args(argv)
    options.out.mkdir(parents=True, exist_ok=True)
    kinds = list(KINDS) if options.kind == "all" else [options.kind]
    languages = [options.language]
    if options.language == "each":
        languages = [*project_languages().all, "all"]
    for kind_name in kinds:
        for language in languages:
            site = _build(kind_name, language, options.out)
            name = f"learning-culture-{'bilingual' if language == 'all' else language}-{kind_name}.zip"
            _zip(site, options.out / name)
            print(f"built {options.out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
