"""Protected pages: encrypted at build time, no plaintext anywhere in the site, opened in the browser
with the right password, a clear message in the page's language for a wrong one, and left out
(with a notice and a build message) when the build has no password."""
from __future__ import annotations

import json

import pytest
from cryptography.exceptions import InvalidTag

from conftest import ROOT, build_site, free_port, serve
from course.protect import ITERATIONS, derive_key, seal, unseal
from course.data import ui
from html_tools import built_path
from protected_tools import PASSWORD, decrypted_text, leaks, protected_pages, sealed_pages, secret_phrases

PROGRAMMES = ("learning-leader", "learning-culture", "learning-society")
EXPECTED = sorted(ROOT / "docs" / language / "programmes" / f"{name}.md"
                  for language in ("en", "nl") for name in PROGRAMMES)


@pytest.fixture(scope="module")
def protected_site(tmp_path_factory):
    """The course built with a password, served at the address it was built for."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    folder = tmp_path_factory.mktemp("protected-site")
    result = build_site(folder, url, extra_env={"COURSE_PROTECTED_PASSWORD": PASSWORD})
    server = serve(folder, port)
    yield {"dir": folder, "url": url, "log": result.stderr}
    server.shutdown()


@pytest.fixture(scope="module")
def unprotected_build(tmp_path_factory):
    """The course built without a password."""
    folder = tmp_path_factory.mktemp("no-password-site")
    result = build_site(folder, "http://127.0.0.1:8000/", extra_env={"COURSE_PROTECTED_PASSWORD": ""})
    return {"dir": folder, "log": result.stderr}


def test_sealing_uses_strong_random_parameters_and_rejects_a_wrong_password():
    key = derive_key("correct horse")
    assert key.iterations == ITERATIONS >= 600_000
    first, second = seal("<p>secret</p>", key), seal("<p>secret</p>", key)
    assert len(first.salt) == 16 and len(first.iv) == 12
    assert first.iv != second.iv and first.ciphertext != second.ciphertext
    assert derive_key("correct horse").salt != key.salt
    assert b"secret" not in first.ciphertext
    assert unseal(first, "correct horse") == "<p>secret</p>"
    with pytest.raises(InvalidTag):
        unseal(first, "wrong horse")


def test_a_protected_value_other_than_true_or_false_stops_the_build():
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    import protected

    source = ROOT / "docs" / "en" / "programmes" / "learning-leader.md"
    page = SimpleNamespace(meta={"protected": "yes"}, file=SimpleNamespace(abs_src_path=str(source), locale="en"))
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"))
    with pytest.raises(PluginError, match="docs/en/programmes/learning-leader.md: front matter 'protected' must be true or false"):
        protected.on_page_markdown("text", page=page, config=config, files=None)


def test_the_three_programme_pages_are_protected_in_both_languages():
    assert protected_pages() == EXPECTED


def test_no_plaintext_of_a_protected_page_anywhere_in_the_site(protected_site):
    folder = protected_site["dir"]
    sealed = sealed_pages(folder)
    phrases = secret_phrases()
    expected_pages = {built_path(folder, f"programmes/{p.name}", p.parent.parent.name) for p in EXPECTED}
    assert set(sealed) == expected_pages
    # the phrases are really the pages' text: each one is in its page once decrypted
    for source, page_phrases in phrases.items():
        text = decrypted_text(sealed[built_path(folder, f"programmes/{source.name}", source.parent.parent.name)])
        assert len(page_phrases) >= 10
        assert [p for p in page_phrases if p.replace(" ", "") not in text] == []
    assert leaks(folder, phrases) == []
    # every language's index: search/search_index.en.json, nl/search/search_index.nl.json (issue 8)
    indexed = [d["location"] for index in folder.rglob("search/*.json")
               for d in json.loads(index.read_text(encoding="utf-8"))["docs"]]
    assert len(indexed) > 100
    assert [where for where in indexed if any(f"programmes/{name}/" in where for name in PROGRAMMES)] == []
    assert all(f"programmes/{name}/" in (folder / "sitemap.xml").read_text() for name in PROGRAMMES)


def test_a_build_without_password_leaves_protected_pages_out_and_says_so(unprotected_build):
    folder, log = unprotected_build["dir"], unprotected_build["log"]
    for source in EXPECTED:
        shown = source.relative_to(ROOT)
        assert f"INFO    -  {shown}: protected page left out of this build" in log
        language = source.parent.parent.name
        page = built_path(folder, f"programmes/{source.name}", language).read_text(encoding="utf-8")
        assert ui(language)["protected_left_out"] in page
        assert "data-ciphertext" not in page
    assert leaks(folder) == []


def open_protected(tab, url: str, password: str) -> None:
    tab.goto(url)
    tab.fill("#course-protected-password", password)
    tab.click(".course-protected__form button[type=submit]")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_right_password_opens_the_page_and_a_wrong_one_says_so(browser, protected_site, language):
    context = browser.new_context()
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    prefix = "" if language == "en" else "nl/"
    url = f"{protected_site['url']}{prefix}programmes/learning-leader/"
    source = ROOT / "docs" / language / "programmes" / "learning-leader.md"
    phrase = secret_phrases([source])[source][0]

    open_protected(tab, url, "not the password")
    status = tab.locator(".course-protected__status")
    status.filter(has_text=ui(language)["protected_wrong_password"]).wait_for(timeout=20000)
    assert phrase not in tab.locator("article").inner_text()

    tab.fill("#course-protected-password", PASSWORD)
    tab.click(".course-protected__form button[type=submit]")
    tab.locator("article").get_by_text(phrase[:30]).first.wait_for(timeout=20000)
    assert tab.locator("[data-course-protected]").count() == 0
    assert tab.locator("html").get_attribute("lang") == language

    # the next protected page, reached without a reload, opens with the key already derived
    tab.locator('.md-sidebar--primary a[href$="programmes/learning-culture/"]').first.dispatch_event("click")
    tab.wait_for_url("**/programmes/learning-culture/")
    other = ROOT / "docs" / language / "programmes" / "learning-culture.md"
    tab.locator("article").get_by_text(secret_phrases([other])[other][0][:30]).first.wait_for(timeout=20000)
    assert errors == []
    context.close()
