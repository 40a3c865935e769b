"""The community's certificate end to end in Chromium: a learner shares and exports a request, the
issuer's command issues it, the learner imports and prints it, and anyone verifies it on the
"Verify a certificate" page in either language, which rejects every forged or altered certificate
with its reason. Also: the private key is nowhere in the built site, the offline zip or the project."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import subprocess
import sys
import zipfile

import pytest
import yaml
from joserfc.jwk import OKPKey
from playwright.sync_api import expect

from conftest import ROOT, build_site, copy_project, free_port, serve
from course.languages import project_languages
from issuer_tools import CRITERION_PROMPTS, b64, parts, request, run_issuer, sign, unb64
from test_learner_browser import everything_for_the_certificate

LANGUAGES = project_languages().all
REASON_TEXT = {language: yaml.safe_load((ROOT / "data/ui.yml").read_text(encoding="utf-8")) for language in ("all",)}["all"]
HOSTILE = '<img src=x onerror="window.hacked=1">'


def wording(key: str, language: str) -> str:
    return REASON_TEXT[key][language]


def issue(project, tmp, key, url, value: dict, name: str) -> dict:
    """Issue `value` (a request) with the issuer's command; the certificate file's content."""
    (tmp / f"{name}.json").write_text(json.dumps(value), encoding="utf-8")
    result = run_issuer(project, "issue", str(tmp / f"{name}.json"), str(tmp / name), key=key, site_url=url)
    assert result.returncode == 0, result.stderr
    [document] = (tmp / name).glob("*.json")
    return json.loads(document.read_text())


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    """A copy of the course with two keys (the first rotated out today), credentials issued with
    the second, one of them revoked, built and served at the address they were issued for."""
    tmp = tmp_path_factory.mktemp("issuer")
    project = copy_project(tmp / "project")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    keys = tmp / "secrets"
    for name in ("one", "two"):
        assert run_issuer(project, "key", key=keys / f"{name}.pem").returncode == 0
    current = keys / "two.pem"
    valid = issue(project, tmp, current, url, request(), "valid")
    revoked = issue(project, tmp, current, url, request(name="Revoked Person"), "revoked")
    _, revoked_payload, _ = parts(revoked["credential"])
    assert run_issuer(project, "revoke", revoked_payload["id"], "issued by mistake").returncode == 0
    site = tmp / "site"
    build_site(site, url, project=project)
    server = serve(site, port)
    yield {"project": project, "tmp": tmp, "url": url, "site": site, "keys": keys, "current": current,
           "valid": valid, "revoked": revoked}
    server.shutdown()


@pytest.fixture()
def tab(browser):
    context = browser.new_context(locale="en-GB", accept_downloads=True)
    page = context.new_page()
    page.errors = []
    page.requests = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


def prefix(language: str) -> str:
    return "" if language == LANGUAGES[0] else f"{language}/"


def verify(tab, issued, text: str, language: str = "en") -> tuple[str, str]:
    """Paste `text` on the verify page; (result title, reason code or "")."""
    tab.goto(f"{issued['url']}{prefix(language)}results/verify/")
    tab.evaluate("text => { document.querySelector('[data-verify-text]').value = text; }", text)
    tab.click("[data-verify-button]")
    title = tab.locator("[data-verify-title]")
    expect(title).not_to_have_text(wording("verify_checking", language))
    expect(title).not_to_be_empty()
    return title.inner_text(), tab.locator("[data-verify-reason]").get_attribute("data-reason") or ""


def resign(token: str, pem: bytes, header: dict | None = None, payload: dict | None = None) -> str:
    old_header, old_payload, _ = parts(token)
    return sign(header or old_header, payload or old_payload, pem)


def test_verify_link_shows_the_certificate_in_every_language(tab, issued):
    token = issued["valid"]["credential"]
    for language in LANGUAGES:
        tab.goto(f"{issued['url']}{prefix(language)}results/verify/#credential={token}")
        expect(tab.locator("[data-verify-title]")).to_have_text(wording("verify_valid_title", language))
        details = tab.locator("[data-verify-details]")
        assert tab.locator("[data-verify-field=name]").inner_text() == "Anna de Vries"
        settings = yaml.safe_load((ROOT / "data/issuer/settings.yml").read_text(encoding="utf-8"))
        assert tab.locator("[data-verify-field=achievement]").inner_text() == settings["achievement"]["name"][language]
        assert tab.locator("[data-verify-field=issuer]").inner_text() == "SOL Netherlands" if language == "en" else True
        assert str(dt.date.today().year) in tab.locator("[data-verify-field=issued]").inner_text()
        assert details.is_visible() and not tab.locator("[data-verify-reason]").is_visible()
    assert all(request.startswith(issued["url"]) for request in tab.requests)
    assert tab.errors == []


def test_every_forgery_and_alteration_is_rejected_with_its_reason(tab, issued):
    token = issued["valid"]["credential"]
    pem = issued["current"].read_bytes()
    old_pem = (issued["keys"] / "one.pem").read_bytes()
    header, payload, signature = parts(token)
    head, body, tail = token.split(".")
    stranger = OKPKey.generate_key("Ed25519")
    stranger_pem = stranger.as_pem(private=True)
    public_x = yaml.safe_load((issued["project"] / "data/issuer/keys.yml").read_text())["keys"][1]["x"]
    hs256_head = b64(json.dumps({"alg": "HS256", "kid": header["kid"]}).encode())
    hs256 = f"{hs256_head}.{body}." + b64(hmac.new(public_x.encode(), f"{hs256_head}.{body}".encode(), hashlib.sha256).digest())
    flipped = bytearray(signature)
    flipped[10] ^= 1
    now = dt.datetime.now(dt.timezone.utc)
    cases = {
        "payload byte": (f"{head}.{b64(unb64(body).replace(b'Anna', b'Anne'))}.{tail}", "altered"),
        "signature byte": (f"{head}.{body}.{b64(bytes(flipped))}", "altered"),
        "header byte": (f"{b64(unb64(head).replace(b'vc+jwt', b'vc+jwx'))}.{body}.{tail}", "altered"),
        "other key, same kid": (resign(token, stranger_pem), "altered"),
        "other key, own kid": (resign(token, stranger_pem, {**header, "kid": stranger.thumbprint()}), "unknown-issuer"),
        "other issuer": (resign(token, pem, payload={**payload, "issuer": {**payload["issuer"], "id": "https://forger.example/"}}), "unknown-issuer"),
        "revoked": (issued["revoked"]["credential"], "revoked"),
        "expired": (resign(token, pem, payload={**payload, "validUntil": (now - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")}), "expired"),
        "before the key's validity": (resign(token, pem, payload={**payload, "validFrom": "2020-01-01T00:00:00Z"}), "key-not-valid"),
        "old key, before its validity": (resign(token, old_pem, {**header, "kid": OKPKey.import_key(old_pem).thumbprint()},
                                                 {**payload, "validFrom": "2020-01-01T00:00:00Z"}), "key-not-valid"),
        "dated in the future": (resign(token, pem, payload={**payload, "validFrom": "2099-01-01T00:00:00Z"}), "key-not-valid"),
        "alg none": (f"{b64(json.dumps({'alg': 'none', 'kid': header['kid']}).encode())}.{body}.", "algorithm"),
        "alg HS256 with the public key as secret": (hs256, "algorithm"),
        "alg RS256": (f"{b64(json.dumps({**header, 'alg': 'RS256'}).encode())}.{body}.{tail}", "algorithm"),
        "alg ES256": (f"{b64(json.dumps({**header, 'alg': 'ES256'}).encode())}.{body}.{tail}", "algorithm"),
        "signed, not a credential": (resign(token, pem, payload={"hello": "world"}), "not-credential"),
        "no learner name": (resign(token, pem, payload={**payload, "credentialSubject": {**payload["credentialSubject"], "identifier": []}}), "not-credential"),
        "two parts": (f"{head}.{body}", "malformed"),
        "not base64": (f"{head}.{body}.***", "malformed"),
        "header not JSON": (f"{b64(b'not json')}.{body}.{tail}", "malformed"),
        "short signature": (f"{head}.{body}.{b64(signature[:32])}", "malformed"),
        "crit header": (resign(token, pem, {**header, "crit": ["exp"], "exp": 1}), "malformed"),
        "words": ("hello world", "malformed"),
        "10 MB paste": ("x" * (10 * 1024 * 1024), "too-large"),
        "nothing": ("   ", "empty"),
    }
    seen = {}
    for name, (text, reason) in cases.items():
        title, code = verify(tab, issued, text)
        seen[name] = code
        assert title == wording("verify_invalid_title", "en"), name
        if reason != "empty":
            assert tab.locator("[data-verify-reason]").inner_text() == wording(f"verify_reason_{reason}", "en"), name
    assert seen == {name: reason for name, (_, reason) in cases.items()}
    # a certificate the rotated-out key signed while it was valid still verifies
    assert verify(tab, issued, resign(token, old_pem, {**header, "kid": OKPKey.import_key(old_pem).thumbprint()}))[1] == ""
    assert tab.errors == []


def test_reasons_are_given_in_the_page_language(tab, issued):
    token = issued["valid"]["credential"]
    head, body, tail = token.split(".")
    for language in LANGUAGES:
        title, code = verify(tab, issued, f"{head}.{b64(unb64(body).replace(b'Anna', b'Anne'))}.{tail}", language)
        assert (title, code) == (wording("verify_invalid_title", language), "altered")
        assert tab.locator("[data-verify-reason]").inner_text() == wording("verify_reason_altered", language)
        assert verify(tab, issued, issued["revoked"]["credential"], language)[1] == "revoked"


def test_markup_in_every_field_is_shown_as_text(tab, issued):
    pem = issued["current"].read_bytes()
    header, payload, _ = parts(issued["valid"]["credential"])
    subject = payload["credentialSubject"]
    achievement = {**subject["achievement"], "name": HOSTILE, "description": HOSTILE,
                   "translations": {language: {"name": HOSTILE, "description": HOSTILE} for language in LANGUAGES}}
    hostile = {**payload, "id": HOSTILE, "issuer": {**payload["issuer"], "name": HOSTILE,
                                                      "translations": {language: {"name": HOSTILE} for language in LANGUAGES}},
               "credentialSubject": {**subject, "achievement": achievement, "route": {"id": "x", "label": HOSTILE},
                                     "identifier": [{**subject["identifier"][0], "identityHash": HOSTILE}]}}
    title, code = verify(tab, issued, sign(header, hostile, pem))
    assert code == ""
    for field in ("name", "achievement", "issuer", "route", "id"):
        assert tab.locator(f"[data-verify-field={field}]").inner_text() == HOSTILE, field
    assert tab.locator("[data-course-verify] img").count() == 0
    assert tab.evaluate("() => window.hacked") is None


def test_a_file_upload_verifies_and_a_huge_file_is_refused(tab, issued, tmp_path):
    tab.goto(f"{issued['url']}results/verify/")
    good = tmp_path / "certificate.json"
    good.write_text(json.dumps(issued["valid"]), encoding="utf-8")
    tab.set_input_files("[data-verify-file]", str(good))
    expect(tab.locator("[data-verify-title]")).to_have_text(wording("verify_valid_title", "en"))
    huge = tmp_path / "huge.json"
    huge.write_bytes(b"{" + b" " * (10 * 1024 * 1024) + b"}")
    tab.set_input_files("[data-verify-file]", str(huge))
    expect(tab.locator("[data-verify-reason]")).to_have_attribute("data-reason", "too-large")


def test_learner_shares_issuer_issues_learner_imports_prints_and_anyone_verifies(tab, issued):
    url = issued["url"]
    language = LANGUAGES[1]
    tab.goto(f"{url}{prefix(language)}results/request-certificate/")
    everything_for_the_certificate(tab)
    answers = {prompt: "b" for prompt in CRITERION_PROMPTS} | {"results-learned": "Samen leren <b>werkt</b>"}
    tab.evaluate("(answers) => CourseStorage.write('worksheet', {version: 1, answers})", answers)
    tab.reload()
    tab.fill("[data-share-name]", "Anna de Vries")
    tab.click("[data-share-preview]")
    preview = tab.locator("[data-share-preview-text]").inner_text()
    assert "Anna de Vries" in preview and "Samen leren &lt;b>werkt&lt;/b>" in preview
    assert "[x] " in preview and "[ ] " not in preview
    assert not tab.locator("[data-share-missing]").is_visible()
    with tab.expect_download() as markdown:
        tab.click("[data-share-export=markdown]")
    assert "Samen leren" in open(markdown.value.path(), encoding="utf-8").read()
    with tab.expect_download() as download:
        tab.click("[data-share-export=json]")
    shared = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert shared["language"] == language and "answers" not in shared["test"][0]
    tmp = issued["tmp"]
    (tmp / "journey.json").write_text(json.dumps(shared), encoding="utf-8")
    result = run_issuer(issued["project"], "issue", str(tmp / "journey.json"), str(tmp / "journey"), key=issued["current"], site_url=url)
    assert result.returncode == 0, result.stderr
    [certificate_file] = (tmp / "journey").glob("*.json")
    certificate = json.loads(certificate_file.read_text())

    tab.goto(f"{url}{prefix(language)}results/certificate/")
    met = "2026-03-12T10:00:00.000Z"  # the day the criteria were first met, which the personal record carries
    tab.evaluate("(met) => CourseStorage.write('certificate', {version: 1, name: '', met})", met)
    tab.reload()
    tab.set_input_files("[data-issued-file]", str(certificate_file))
    expect(tab.locator("[data-issued-message]")).to_have_text(wording("issued_imported", language))
    assert tab.evaluate("() => CourseLearner.load('certificate').met") == met  # importing keeps it
    card = tab.locator("[data-issued-certificate]")
    assert tab.locator("[data-issued-field=name]").inner_text() == "Anna de Vries"
    assert tab.locator("[data-issued-field=link]").inner_text() == certificate["verify_url"]
    assert card.locator("svg path").count() == 1
    tab.fill("[data-certificate-name]", "Anna dV")  # the personal record's name is saved beside it
    tab.reload()  # kept with the learner's data
    expect(card).to_be_visible()
    tab.evaluate("() => { window.print = () => {}; }")
    tab.click("[data-issued-print]")
    tab.emulate_media(media="print")
    assert card.is_visible() and not tab.locator("[data-certificate]").is_visible()
    assert wording("issued_heading", language) in card.inner_text()
    tab.emulate_media(media="screen")

    tab.goto(certificate["verify_url"])
    expect(tab.locator("[data-verify-title]")).to_have_text(wording("verify_valid_title", language))
    assert tab.locator("[data-verify-field=name]").inner_text() == "Anna de Vries"
    assert tab.errors == []


def test_an_altered_certificate_file_is_not_imported(tab, issued, tmp_path):
    document = dict(issued["valid"])
    head, body, tail = document["credential"].split(".")
    document["credential"] = f"{head}.{b64(unb64(body).replace(b'Anna', b'Anne'))}.{tail}"
    path = tmp_path / "altered.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    tab.goto(f"{issued['url']}results/certificate/")
    tab.set_input_files("[data-issued-file]", str(path))
    expected = wording("issued_refused", "en").replace("{reason}", wording("verify_reason_altered", "en"))
    expect(tab.locator("[data-issued-message]")).to_have_text(expected)
    assert not tab.locator("[data-issued-certificate]").is_visible()
    assert tab.evaluate("() => CourseStorage.read('certificate').value") is None


def _secrets(keys) -> list[bytes]:
    """Every private key's PEM body and its raw scalar (base64url, as a JWK's "d")."""
    found = []
    for path in keys.glob("*.pem"):
        pem = path.read_bytes()
        found.append(b"".join(pem.splitlines()[1:-1]))
        found.append(OKPKey.import_key(pem).as_dict(private=True)["d"].encode())
    return found


def test_no_private_key_in_the_site_the_offline_zip_or_the_project(issued, tmp_path):
    secrets = _secrets(issued["keys"])
    assert len(secrets) == 4
    def scan(name: str, content: bytes) -> None:
        assert b"PRIVATE KEY" not in content, name
        for secret in secrets:
            assert secret not in content, name
    for folder in (issued["site"], issued["project"]):
        for path in folder.rglob("*"):
            if path.is_file() and "node_modules" not in path.parts:
                scan(str(path), path.read_bytes())
    offline = tmp_path / "course-offline"
    build_site(offline, issued["url"], project=issued["project"], extra_env={"OFFLINE": "true"})
    subprocess.run([sys.executable, "-m", "zipfile", "-c", str(tmp_path / "course-offline.zip"), str(offline)], check=True)
    with zipfile.ZipFile(tmp_path / "course-offline.zip") as package:
        assert len(package.namelist()) > 50
        for name in package.namelist():
            scan(name, package.read(name))
    # the repository: every tracked file
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, tracked):
        path = ROOT / name.decode()
        if path.is_file():
            assert b"PRIVATE KEY-----" not in path.read_bytes() or path.suffix in (".py", ".md"), name
    # the published keys are public ones only
    for key in yaml.safe_load((issued["project"] / "data/issuer/keys.yml").read_text())["keys"]:
        assert set(key) == {"kid", "x", "valid_from", "valid_until"}
