"""The site's languages come from the i18n plugin's configuration in mkdocs.yml, and every data file
is checked against them: a language the configuration adds but a file lacks is named with the file
and the key, never a traceback."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.utils.yaml import yaml_load

from conftest import ROOT, copy_project
from course.branding import BrandingError, read_branding
from course.authoring import load_authoring_rules
from course.data import DATA, DataError
from course.item_bank import load_item_bank
from course.languages import project_languages
from course.milestones import load_criteria, load_routes
from course.selfchecks import load_self_checks
from course.worksheet import load_prompts

CONFIGURED = project_languages().all
WITH_GERMAN = (*CONFIGURED, "de")


def error_of(load) -> str:
    with pytest.raises(DataError) as error:
        load()
    return str(error.value)


def test_languages_come_from_the_i18n_plugin_configuration(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nextra:\n  partial_translations: [fr]\nplugins:\n  - search\n  - i18n:\n      languages:\n"
        "        - {locale: nl, name: Nederlands}\n        - {locale: en, name: English, default: true}\n"
        "        - {locale: fr, name: Français}\n", encoding="utf-8")
    languages = project_languages(config)
    assert (languages.source, languages.all, languages.translations) == ("en", ("en", "nl", "fr"), ("nl", "fr"))
    assert languages.partial == {"fr"}
    # the default language is served at the site's root, every other one under its locale
    assert [languages.folder(language) for language in languages.all] == ["", "nl/", "fr/"]


def test_no_hook_or_template_names_a_language():
    """Languages are configuration: no hook, fragment, template, browser module or benchmark script
    spells out a locale of mkdocs.yml."""
    sources = [*(ROOT / "hooks").rglob("*.py"), *(ROOT / "bench").glob("*.py"), *(ROOT / "overrides").rglob("*.html"),
               *(ROOT / "overrides/assets/js").rglob("*.js"), ROOT / "overrides/assets/javascripts/workers/course-search.js"]
    quoted = re.compile("|".join(rf"""["']{language}/?["']""" for language in CONFIGURED))
    named = [f"{path.relative_to(ROOT)}: {line.strip()}" for path in sources
             for line in path.read_text(encoding="utf-8").splitlines() if quoted.search(line)]
    assert named == []
    # the search plugin takes its languages from the i18n plugin, not from a list of its own
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        assert "search" in yaml_load(handle)["plugins"]


def test_authoring_rules_name_file_key_and_missing_language():
    message = error_of(lambda: load_authoring_rules(languages=WITH_GERMAN))
    path = DATA / "authoring.yml"
    for key in ("lesson.sections", "overview.sections", "lesson.sources_section", "lesson.prompt_section", "reading_speed"):
        assert f"{path}: {key}: missing 'de'" in message.splitlines()


@pytest.mark.parametrize("load, file, key", [
    (lambda: load_item_bank(languages=WITH_GERMAN), "culture-test.yml", "questions.reality"),
    (lambda: load_prompts(languages=WITH_GERMAN), "worksheet/", ".label"),
    (lambda: load_self_checks(languages=WITH_GERMAN), "selfchecks/", ".question"),
    (lambda: load_routes(set(load_prompts()), languages=WITH_GERMAN), "learner/routes.yml", "routes[0] (individual).label"),
    (lambda: load_criteria(set(load_prompts()), languages=WITH_GERMAN), "learner/certificate.yml", ".label"),
])
def test_every_data_file_names_a_missing_language(load, file, key):
    message = error_of(load)
    first = message.splitlines()[0]
    assert first.startswith(str(DATA / file)) and "missing 'de' text" in first, first
    assert any(key in line and line.endswith("missing 'de' text") for line in message.splitlines()), message


def test_branding_names_a_missing_language():
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        extra = yaml_load(handle)["extra"]
    with pytest.raises(BrandingError, match=r"extra.branding.name has no 'de' text"):
        read_branding(extra, [str(ROOT / "overrides")], WITH_GERMAN)


def test_one_text_validator_catches_a_stray_key_in_every_file(tmp_path):
    """An unquoted comma in a flow mapping ({en: One, two, nl: ...}) makes "two" a key: refused in
    the item bank too, as in the prompts."""
    bank = yaml.safe_load((DATA / "culture-test.yml").read_text(encoding="utf-8"))
    bank["statements"][0]["two"] = None
    path = tmp_path / "culture-test.yml"
    path.write_text(yaml.safe_dump(bank, allow_unicode=True), encoding="utf-8")
    assert f"{path}: statements[0] ({bank['statements'][0]['id']}): unexpected key 'two'" in error_of(lambda: load_item_bank(path))


def test_a_data_file_without_a_configured_language_stops_the_build(tmp_path):
    """The build reads the languages from mkdocs.yml: with German configured (branding included)
    and data/authoring.yml without German, it stops naming file, key and language, no KeyError."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = re.sub(r"^( +)nl: (.*)$", lambda m: f"{m[0]}\n{m[1]}de: {m[2]}", config.read_text(encoding="utf-8"), flags=re.M)
    text = text.replace("\nnav:\n", "\n        - locale: de\n          name: Deutsch\n\nnav:\n", 1)
    config.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "KeyError" not in result.stderr
    assert f"{project / 'data/authoring.yml'}: lesson.sections: missing 'de'" in result.stderr


def test_a_partial_translation_must_be_a_configured_one(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nextra:\n  partial_translations: [de]\nplugins:\n  - i18n:\n      languages:\n"
                      "        - {locale: en, name: English, default: true}\n        - {locale: nl, name: Nederlands}\n",
                      encoding="utf-8")
    with pytest.raises(PluginError, match=r"extra.partial_translations: de is not one of the translations configured in the i18n plugin \(nl\)"):
        project_languages(config)
