"""SCORM packages (LMS=scorm12|scorm2004 with OFFLINE=true, `make lms`): after the last language,
write the launch page that holds the LMS session and the package manifest (course/scorm.py)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from course.item_bank import bank_for_browser, item_bank
from course import events, offline, scorm
from course.languages import all_built, default_language, site_languages
from course.milestones import load_criteria
from course.data import ui
from course.render import render, script_json
from course.worksheet import prompts

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

LAUNCHER = "assets/lms/launch.js"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check the package kind; a package is always the offline build (relative links, no server)."""
    try:
        kind = scorm.kind(config.extra)
    except ValueError as error:
        raise PluginError(f"{config.config_file_path}: {error}") from None
    if kind and not offline.enabled(config):
        raise PluginError("An LMS package is built with OFFLINE=true as well: use `make lms`")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The launcher's script belongs in packages only."""
    if not scorm.kind(config.extra):
        launcher = files.get_file_from_path(LAUNCHER)
        if launcher is not None:
            files.remove(launcher)
    return files


@event_priority(events.PACKAGE)
def on_post_build(config: MkDocsConfig) -> None:
    """Once every language is built, write launch.html and imsmanifest.xml at the package root."""
    kind = scorm.kind(config.extra)
    if not kind or not all_built(config):
        return
    site = Path(config.site_dir)
    languages = _languages(config)
    first = languages[0]
    names, descriptions = _per_language(config, "site_name"), _per_language(config, "site_description")
    every = site_languages(config).all
    criteria = load_criteria(set(prompts(every)), languages=every)
    bank = bank_for_browser(item_bank(every), first)
    launcher = render(config, "lms-launch.html", lang=first, title=names[first], t=ui(first),
                      data=script_json("lms-launch", {
                          "kind": kind, "start": "index.html", "languages": list(languages),
                          "reportTest": bool(config.extra.get("lms_report_test")),
                          "criteria": [{"id": c.id, "check": c.check} for c in criteria], "bank": bank}))
    (site / scorm.LAUNCH).write_text(launcher, encoding="utf-8")
    package = scorm.Package(kind, languages, {lang: names[lang] for lang in languages},
                            {lang: descriptions[lang] for lang in languages}, scorm.version(),
                            scorm.site_files(site))
    (site / scorm.METADATA).write_text(render(config, f"metadata-{kind}.xml", package=package), encoding="utf-8")
    package = scorm.Package(kind, languages, package.title, package.description, package.version, scorm.site_files(site))
    manifest = render(config, f"imsmanifest-{kind}.xml", package=package, schema_version=scorm.KINDS[kind])
    (site / scorm.MANIFEST).write_text(manifest, encoding="utf-8")


def _per_language(config: MkDocsConfig, key: str) -> dict[str, str]:
    """A setting in every language: a language's own (i18n's overrides) or the project's."""
    i18n = config.plugins["i18n"]
    # the build of the last language has replaced the setting; i18n keeps the project's value
    original = i18n.original_configs.get(key, config[key])
    return {entry.locale: getattr(entry, key, None) or original for entry in i18n.config.languages}


def _languages(config: MkDocsConfig) -> tuple[str, ...]:
    """The languages this build contains, the default (the package's own) first."""
    built = [entry.locale for entry in config.plugins["i18n"].config.languages if entry.build]
    default = default_language(config)
    return tuple(sorted(built, key=lambda language: language != default))
