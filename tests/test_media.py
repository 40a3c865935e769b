"""Video and audio in lessons: a clip the site serves itself plays with captions in every language
and a transcript on the page (found by search); a clip on another platform is a consent placeholder
that requests nothing from that platform until the learner presses its button, and a plain link in
the offline package; broken entries and caption files stop the build by file and key. The clip is
made here with Debian's ffmpeg: no media file is kept in the repository."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, build_site, copy_project, free_port, serve
from course.media import load_media
from course.languages import project_languages
from course.data import DataError
from html_tools import external_resources
from quality_tools import run_axe

LANGUAGES = project_languages().all

PAGE = "how/action-learning.md"
EMBED = "https://player.example-video.org/embed/abc123"
CUES = {language: [f"{language}: the set meets every fortnight", f"{language}: a sharper question is progress"]
        for language in LANGUAGES}
MEDIA_YML = f"""media:
  - id: set-meeting
    kind: video
    title: {{{", ".join(f'{language}: "Clip {language}"' for language in LANGUAGES)}}}
    file: assets/media/set-meeting.webm
    captions: {{{", ".join(f"{language}: assets/media/set-meeting.{language}.vtt" for language in LANGUAGES)}}}
  - id: revans-talk
    kind: video
    title: {{{", ".join(f'{language}: "Talk {language}"' for language in LANGUAGES)}}}
    platform:
      name: ExampleVideo
      embed: {EMBED}
      link: https://example-video.org/watch/abc123
"""


def vtt(lines: list[str]) -> str:
    cues = [f"00:00:0{n}.000 --> 00:00:0{n + 1}.000\n{line}\n" for n, line in enumerate(lines)]
    return "WEBVTT\n\n" + "\n".join(cues)


def make_project(root):
    if not shutil.which("ffmpeg"):
        pytest.fail("Debian's ffmpeg is needed to make the test clip (make test installs it)")
    project = copy_project(root)
    media = project / "docs/assets/media"
    media.mkdir(parents=True)
    subprocess.run(["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=duration=2:size=160x120:rate=10",
                    "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:v", "libvpx", "-b:v", "50k",
                    "-c:a", "libopus", "-shortest", str(media / "set-meeting.webm")], check=True)
    for language in LANGUAGES:
        (media / f"set-meeting.{language}.vtt").write_text(vtt(CUES[language]), encoding="utf-8")
    (project / "data/media.yml").write_text(MEDIA_YML, encoding="utf-8")
    for language in LANGUAGES:
        page = project / "docs" / language / PAGE
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("<!-- diagram: action-learning-cycle -->",
                                     "<!-- diagram: action-learning-cycle -->\n\n<!-- media: set-meeting -->\n\n"
                                     "<!-- media: revans-talk -->"), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def media_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("media") / "project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    directory = project / "site"
    build_site(directory, url, project, {"PYTHONPATH": str(project / "hooks")})
    server = serve(directory, port)
    yield {"dir": directory, "url": url, "project": project}
    server.shutdown()


def test_the_privacy_scan_finds_nothing_loaded_from_other_hosts_with_both_kinds_of_clip(media_site):
    assert external_resources(media_site["dir"]) == []


def lesson_url(site: dict, language: str) -> str:
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    return f"{site['url']}{prefix}{PAGE.removesuffix('.md')}/"


def test_the_clip_has_captions_in_every_language_and_the_pages_transcript(media_site):
    for language in LANGUAGES:
        prefix = "" if language == LANGUAGES[0] else f"{language}/"
        html = (media_site["dir"] / prefix / PAGE.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        tracks = re.findall(r'<track kind="captions" srclang="([a-z]+)"[^>]*?( default)?>', html)
        assert sorted(code for code, _ in tracks) == sorted(LANGUAGES)
        assert [code for code, default in tracks if default] == [language]
        for line in CUES[language]:
            assert f"<p>{line}</p>" in html
        others = [line for other in LANGUAGES if other != language for line in CUES[other]]
        assert not any(f"<p>{line}</p>" in html for line in others)
        index, = media_site["dir"].rglob(f"search_index.{language}.json")
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        assert any(CUES[language][1] in doc["text"] for doc in docs), "transcript not found by search"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_clip_plays_with_the_pages_captions_and_nothing_leaves_the_site(browser, media_site, language):
    context = browser.new_context()
    tab = context.new_page()
    requests = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto(lesson_url(media_site, language))
    video = tab.locator("#clip-set-meeting video")
    video.evaluate("(v) => new Promise((done) => v.readyState >= 1 ? done() : v.addEventListener('loadedmetadata', done))")
    assert 1.5 < video.evaluate("(v) => v.duration") < 2.6
    cues = video.evaluate("""(v) => new Promise((done) => {
        const track = Array.from(v.textTracks).find((t) => t.mode === 'showing');
        const read = () => done({lang: track.language, text: Array.from(track.cues || []).map((c) => c.text)});
        track.cues && track.cues.length ? read() : v.querySelector('track[default]').addEventListener('load', read);
    })""")
    assert cues == {"lang": language, "text": CUES[language]}
    assert run_axe(tab, "#clip-set-meeting") == []
    assert all(url.startswith(media_site["url"]) for url in requests), requests
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_clip_elsewhere_loads_nothing_until_the_learner_asks(browser, media_site, language):
    context = browser.new_context()
    tab = context.new_page()
    requests = []
    tab.on("request", lambda request: requests.append(request.url))
    # the platform cannot be reached from here: answer for it, and count what is asked of it
    context.route("https://player.example-video.org/**",
                  lambda route: route.fulfill(status=200, content_type="text/html", body="<title>player</title>"))
    tab.goto(lesson_url(media_site, language))
    placeholder = tab.locator("#clip-revans-talk")
    notice = placeholder.locator(".course-media__notice").inner_text()
    assert "ExampleVideo" in notice and "player.example-video.org" in notice
    assert run_axe(tab, "#clip-revans-talk") == []
    tab.wait_for_timeout(300)
    assert not [url for url in requests if "example-video" in url], "requested before consent"
    button = placeholder.locator("[data-media-load]")
    button.focus()
    with tab.expect_request(EMBED):
        tab.keyboard.press("Enter")
    frame = tab.locator("#clip-revans-talk iframe")
    assert frame.get_attribute("src") == EMBED
    assert [url for url in requests if "example-video" in url] == [EMBED]
    context.close()


def test_in_the_offline_package_a_clip_elsewhere_is_a_plain_link(media_site, tmp_path):
    modules = media_site["project"] / "node_modules"  # the offline package ships a pinned npm shim
    if not modules.exists():
        modules.symlink_to(ROOT / "node_modules")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "offline")],
                            cwd=media_site["project"], capture_output=True, text=True,
                            env={**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1",
                                 "PYTHONPATH": str(media_site["project"] / "hooks")})
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "offline" / PAGE.replace(".md", ".html")).read_text(encoding="utf-8")
    clip = html[html.index('id="clip-revans-talk"'):]
    clip = clip[: clip.index("</figure>")]
    assert "data-media-load" not in clip and '<a href="https://example-video.org/watch/abc123">' in clip


def test_broken_media_entries_are_reported_by_file_and_key(tmp_path):
    docs = tmp_path / "docs"
    (docs / "assets/media").mkdir(parents=True)
    (docs / "assets/media/a.webm").write_bytes(b"\x1a\x45\xdf\xa3")
    (docs / "assets/media/a.bad.vtt").write_text("not a caption file", encoding="utf-8")
    first, *others = LANGUAGES
    captions = ", ".join(f"{language}: assets/media/a.bad.vtt" for language in others)
    (tmp_path / "media.yml").write_text(
        "media:\n"
        f"  - id: a\n    kind: film\n    title: {{{first}: A}}\n    file: assets/media/a.webm\n    captions: {{{captions}}}\n"
        "  - id: b\n    kind: audio\n    title: {" + ", ".join(f"{language}: B" for language in LANGUAGES) + "}\n"
        "    platform: {name: P, embed: 'http://insecure.example/x', link: 'https://example.org/x'}\n",
        encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_media(tmp_path / "media.yml", docs)
    message = str(error.value)
    assert "media.yml: media[0].kind: must be one of video, audio, found 'film'" in message
    assert f"media.yml: media[0].captions: missing '{first}' captions" in message
    for language in others:
        assert f"media.yml: media[0].title: missing '{language}' text" in message
        assert f"media.yml: media[0].captions.{language}: a.bad.vtt is not valid WebVTT" in message
    assert "media.yml: media[1].platform.embed: must be an https:// address" in message
