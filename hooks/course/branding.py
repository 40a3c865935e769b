"""The organisation's branding from `extra.branding` in mkdocs.yml: read, validated, one place."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from course.data import configured

COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
COLOUR_KEYS = ("primary", "primary_light", "primary_dark", "accent")


class BrandingError(ValueError):
    """Branding that cannot be used; the message names the key and the problem."""


@dataclass(frozen=True)
class Branding:
    name: dict[str, str]
    logo: str  # path of an image in the theme's custom_dir, or "" for the theme's icon
    colours: dict[str, str]
    contact_url: str
    contact_label: dict[str, str]
    certificate_issuer: dict[str, str]
    copyright: dict[str, str]


def read_branding(extra: dict, theme_dirs: list[str], languages: tuple[str, ...] | None = None) -> Branding:
    """Validate `extra.branding` with a text in each of the site's `languages` (default:
    mkdocs.yml's); raise BrandingError naming the key when something is wrong."""
    languages = configured(languages)
    data = extra.get("branding")
    if not isinstance(data, dict):
        raise BrandingError("extra.branding is missing; see README, 'Your own branding'")
    contact = _mapping(data, "contact")
    colours = _mapping(data, "colours")
    for key in COLOUR_KEYS:
        if not COLOUR.fullmatch(str(colours.get(key, ""))):
            raise BrandingError(f"extra.branding.colours.{key} must be a colour like \"#1f5f4a\"")
    url = str(contact.get("url", ""))
    if urlsplit(url).scheme not in ("http", "https", "mailto"):
        raise BrandingError("extra.branding.contact.url must start with https://, http:// or mailto:")
    logo = str(data.get("logo") or "")
    if logo and not any((Path(folder) / logo).is_file() for folder in theme_dirs):
        raise BrandingError(f"extra.branding.logo '{logo}' is not a file in the theme's custom_dir (overrides/)")
    return Branding(
        name=_texts(data, "name", languages),
        logo=logo,
        colours={key: colours[key] for key in COLOUR_KEYS},
        contact_url=url,
        contact_label=_texts(contact, "label", languages, "contact.label"),
        certificate_issuer=_texts(data, "certificate_issuer", languages),
        copyright=_texts(data, "copyright", languages),
    )


def _mapping(data: dict, key: str) -> dict:
    value = data.get(key)
    if not isinstance(value, dict):
        raise BrandingError(f"extra.branding.{key} is missing or not a mapping")
    return value


def _texts(data: dict, key: str, languages: tuple[str, ...], shown: str | None = None) -> dict[str, str]:
    value = data.get(key)
    shown = shown or key
    if not isinstance(value, dict):
        raise BrandingError(f"extra.branding.{shown} needs a text per language ({', '.join(languages)})")
    for language in languages:
        if not str(value.get(language) or "").strip():
            raise BrandingError(f"extra.branding.{shown} has no '{language}' text")
    return {language: str(value[language]) for language in languages}
