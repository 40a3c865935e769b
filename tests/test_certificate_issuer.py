"""The issuer's commands (tools/issuer.py): the key pair (private key outside the repository, mode
600, never overwritten, rotation), checking a request against the criteria, and the signed Open
Badges 3.0 credential with its verify link and QR code; revocation."""
from __future__ import annotations

import json
import stat

import pytest
import yaml
from joserfc import jws
from joserfc.jwk import OKPKey

from conftest import ROOT, copy_project
from issuer_tools import parts, request, run_issuer


@pytest.fixture()
def project(tmp_path):
    return copy_project(tmp_path / "project")


def published(project) -> list[dict]:
    return yaml.safe_load((project / "data/issuer/keys.yml").read_text(encoding="utf-8"))["keys"]


def test_key_goes_outside_the_project_with_mode_600_and_its_public_half_is_published(project, tmp_path):
    key = tmp_path / "secrets" / "issuer.pem"
    result = run_issuer(project, "key", key=key)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert b"PRIVATE KEY" in key.read_bytes()
    [entry] = published(project)
    private = OKPKey.import_key(key.read_bytes())
    assert entry["kid"] == private.thumbprint() and entry["x"] == private.as_dict(private=False)["x"]
    assert entry["valid_until"] is None
    # the comment that explains the file stays
    assert (project / "data/issuer/keys.yml").read_text(encoding="utf-8").startswith("# The certificate issuer's")


def test_key_is_refused_inside_the_project_without_a_path_and_never_overwritten(project, tmp_path):
    inside = run_issuer(project, "key", key=project / "site" / "issuer.pem")
    assert inside.returncode == 1 and "inside the project" in inside.stderr
    assert not (project / "site" / "issuer.pem").exists()
    assert "set COURSE_ISSUER_KEY" in run_issuer(project, "key").stderr
    key = tmp_path / "issuer.pem"
    assert run_issuer(project, "key", key=key).returncode == 0
    before, keys_before = key.read_bytes(), published(project)
    again = run_issuer(project, "key", key=key)
    assert again.returncode == 1 and "never overwritten" in again.stderr
    assert key.read_bytes() == before and published(project) == keys_before


def test_the_repository_itself_refuses_a_key_inside_it(tmp_path):
    result = run_issuer(ROOT, "key", key=ROOT / "data" / "issuer" / "oops.pem")
    assert result.returncode == 1 and "inside the project" in result.stderr
    assert not (ROOT / "data" / "issuer" / "oops.pem").exists()


def test_rotation_ends_the_old_key_today_and_signs_with_the_new_one(project, tmp_path):
    assert run_issuer(project, "key", key=tmp_path / "one.pem").returncode == 0
    assert run_issuer(project, "key", key=tmp_path / "two.pem").returncode == 0
    old, new = published(project)
    assert old["valid_until"] == new["valid_from"] and new["valid_until"] is None
    (tmp_path / "request.json").write_text(json.dumps(request()), encoding="utf-8")
    result = run_issuer(project, "issue", str(tmp_path / "request.json"), str(tmp_path / "out"), key=tmp_path / "two.pem")
    assert result.returncode == 0, result.stderr
    [token_file] = (tmp_path / "out").glob("*.jwt")
    header, _, _ = parts(token_file.read_text().strip())
    assert header["kid"] == new["kid"]


def test_issued_credential_is_a_signed_open_badge_with_link_and_qr(project, tmp_path):
    key = tmp_path / "issuer.pem"
    run_issuer(project, "key", key=key)
    (tmp_path / "request.json").write_text(json.dumps(request(language="nl")), encoding="utf-8")
    result = run_issuer(project, "issue", str(tmp_path / "request.json"), str(tmp_path / "out"), key=key,
                        site_url="https://course.example.org/leercultuur/")
    assert result.returncode == 0, result.stderr
    [document_file] = (tmp_path / "out").glob("*.json")
    document = json.loads(document_file.read_text())
    token = document["credential"]
    public = OKPKey.import_key({"kty": "OKP", "crv": "Ed25519", "x": published(project)[0]["x"]})
    verified = jws.deserialize_compact(token, public, algorithms=["EdDSA"])
    header, credential, _ = parts(token)
    assert header == {"alg": "EdDSA", "typ": "vc+jwt", "cty": "vc", "kid": public.thumbprint()}
    assert json.loads(verified.payload) == credential
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert credential["issuer"]["id"] == "https://course.example.org/leercultuur/"
    assert credential["issuer"]["translations"]["nl"]["name"] == "SOL Nederland"
    subject = credential["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == "Anna de Vries"
    assert subject["achievement"]["translations"]["nl"]["name"] == "SOL Leercultuur-certificaat"
    assert subject["route"]["id"] == "community"
    assert "validUntil" not in credential  # valid_years: 0
    assert document["verify_url"] == f"https://course.example.org/leercultuur/nl/results/verify/#credential={token}"
    rows = document["qr"]
    assert len(rows) == len(rows[0]) >= 21 and set("".join(rows)) == {"0", "1"}
    assert (tmp_path / "out" / f"{document_file.stem}.svg").read_text().startswith("<?xml")


def test_request_missing_criteria_or_malformed_is_refused_naming_what_is_wrong(project, tmp_path):
    key = tmp_path / "issuer.pem"
    run_issuer(project, "key", key=key)
    cases = {
        "missing.json": (json.dumps(request(experiments=[{"what": "w", "prediction": "", "measure": "m"}],
                                            test=[])), ["criterion 'test' not met", "criterion 'experiment' not met"]),
        "fields.json": (json.dumps(request(name="", language="fr", progress=None)), ["name:", "language: expected one of en, nl", "progress: missing"]),
        "other.json": (json.dumps({"format": "learning-culture-course"}), ["not a certificate request"]),
        "broken.json": ("{not json", ["not JSON"]),
    }
    for name, (content, expected) in cases.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        result = run_issuer(project, "issue", str(tmp_path / name), str(tmp_path / "out"), key=key)
        assert result.returncode == 1, name
        for words in expected:
            assert words in result.stderr, (name, result.stderr)
    assert not (tmp_path / "out").exists()


def test_issuing_needs_a_published_private_key_kept_private(project, tmp_path):
    (tmp_path / "request.json").write_text(json.dumps(request()), encoding="utf-8")
    stray = tmp_path / "stray.pem"
    stray.write_bytes(OKPKey.generate_key("Ed25519").as_pem(private=True))
    stray.chmod(0o600)
    result = run_issuer(project, "issue", str(tmp_path / "request.json"), str(tmp_path / "out"), key=stray)
    assert result.returncode == 1 and "is not in data/issuer/keys.yml" in result.stderr
    stray.chmod(0o644)
    assert "chmod 600" in run_issuer(project, "issue", str(tmp_path / "request.json"), str(tmp_path / "out"), key=stray).stderr


def test_revoke_publishes_the_id_once(project):
    credential = "urn:uuid:12345678-1234-1234-1234-123456789abc"
    assert run_issuer(project, "revoke", credential, "issued by mistake").returncode == 0
    [entry] = yaml.safe_load((project / "data/issuer/revoked.yml").read_text())["revoked"]
    assert entry["id"] == credential and entry["reason"] == "issued by mistake"
    assert "already revoked" in run_issuer(project, "revoke", credential, "again").stderr
    assert "not a credential id" in run_issuer(project, "revoke", "abc", "x").stderr
