"""Video and audio clips (data/media.yml): a file the site serves itself, with WebVTT captions in
every language and a transcript made from them, or a clip on another platform, which is shown
behind a consent placeholder (nothing is requested from it until the learner asks)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import webvtt

from course.schema import Problems, identifier, mapping, sequence, text
from course.data import DATA, configured, load_yaml

KINDS = ("video", "audio")
DOCS = DATA.parent / "docs"


@dataclass(frozen=True)
class Platform:
    name: str
    embed: str      # the address loaded in a frame once the learner agrees
    link: str       # the clip's own page on the platform

    @property
    def host(self) -> str:
        return urlsplit(self.embed).hostname or ""


@dataclass(frozen=True)
class Clip:
    id: str
    kind: str
    title: dict[str, str]
    file: str | None = None                      # under docs/, as served: assets/media/...
    captions: dict[str, str] | None = None       # language -> WebVTT file under docs/
    transcript: dict[str, tuple[str, ...]] | None = None  # language -> the captions' lines
    platform: Platform | None = None


def load_media(path: Path = DATA / "media.yml", docs: Path = DOCS,
               languages: tuple[str, ...] | None = None) -> dict[str, Clip]:
    """Every clip in data/media.yml, validated (files present, captions readable WebVTT in every
    language); DataError names file, key and problem."""
    problems = Problems(path, configured(languages))
    raw = mapping(load_yaml(path), "top level", problems)
    seen: set[str] = set()
    clips = [_clip(mapping(entry, f"media[{number}]", problems), f"media[{number}]", docs, seen, problems)
             for number, entry in enumerate(sequence(raw.get("media", []), "media", problems))]
    problems.raise_if_any()
    return {clip.id: clip for clip in clips}


def _clip(raw: dict, where: str, docs: Path, seen: set[str], problems: Problems) -> Clip:
    clip_id = identifier(raw.get("id"), f"{where}.id", problems, seen)
    kind = raw.get("kind")
    if kind not in KINDS:
        problems.add(f"{where}.kind", f"must be one of {', '.join(KINDS)}, found {kind!r}")
    title = text(raw.get("title"), f"{where}.title", problems)
    if ("file" in raw) == ("platform" in raw):
        problems.add(where, "give either `file` (served by the site) or `platform` (another site), not both or neither")
        return Clip(clip_id, str(kind), title)
    if "platform" in raw:
        return Clip(clip_id, str(kind), title, platform=_platform(raw["platform"], f"{where}.platform", problems))
    file = _served(raw["file"], f"{where}.file", docs, problems)
    captions = mapping(raw.get("captions"), f"{where}.captions", problems) if "captions" in raw else {}
    transcript: dict[str, tuple[str, ...]] = {}
    for language in problems.languages:
        if language not in captions:
            problems.add(f"{where}.captions", f"missing '{language}' captions (a WebVTT file)")
            continue
        vtt = _served(captions[language], f"{where}.captions.{language}", docs, problems)
        if vtt:
            transcript[language] = _cues(docs / vtt, f"{where}.captions.{language}", problems)
    return Clip(clip_id, str(kind), title, file, dict(captions), transcript)


def _platform(raw: object, where: str, problems: Problems) -> Platform | None:
    raw = mapping(raw, where, problems)
    values = {key: raw.get(key) for key in ("name", "embed", "link")}
    valid = True
    for key, value in values.items():
        if not isinstance(value, str) or not value.strip():
            problems.add(f"{where}.{key}", "missing")
            valid = False
        elif key != "name" and urlsplit(value).scheme != "https":
            problems.add(f"{where}.{key}", f"must be an https:// address, found {value!r}")
            valid = False
    return Platform(**values) if valid else None


def _served(value: object, where: str, docs: Path, problems: Problems) -> str | None:
    # shared by every language: under docs/ but outside the language folders
    if not isinstance(value, str) or value.split("/")[0] in problems.languages or not (docs / value).is_file():
        problems.add(where, f"{value!r} is not a file under docs/ (outside the language folders)")
        return None
    return value


def _cues(path: Path, where: str, problems: Problems) -> tuple[str, ...]:
    try:
        lines = tuple(caption.text.strip() for caption in webvtt.read(str(path)) if caption.text.strip())
    except (webvtt.errors.MalformedFileError, UnicodeDecodeError) as error:
        problems.add(where, f"{path.name} is not valid WebVTT: {error}")
        return ()
    if not lines:
        problems.add(where, f"{path.name} has no captions")
    return lines
