"""The certificate issuer's commands (README, "Issuing certificates"):

  issuer.py key                      make an Ed25519 key pair; private key to $COURSE_ISSUER_KEY
  issuer.py issue REQUEST OUT        check a learner's request file and write the signed credential
  issuer.py revoke ID REASON         publish that a credential is withdrawn

The private key never enters the repository: its path comes from COURSE_ISSUER_KEY, must lie
outside the project, is created with mode 600 and is never overwritten. The public key and its
validity go to data/issuer/keys.yml and are published with the site."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

import segno  # noqa: E402
import yaml  # noqa: E402
from joserfc import jws  # noqa: E402
from joserfc.jwk import OKPKey  # noqa: E402
from mkdocs.utils.yaml import yaml_load  # noqa: E402

from course.credential import RequestError, check_request, credential, payload  # noqa: E402
from course.data import DataError  # noqa: E402
from course.issuer_data import load_keys, load_revoked, load_settings  # noqa: E402
from course.languages import project_languages  # noqa: E402
from course.milestones import load_criteria  # noqa: E402
from course.worksheet import load_prompts  # noqa: E402

KEY_VARIABLE = "COURSE_ISSUER_KEY"
MAX_REQUEST = 5_000_000   # bytes, as the browser's export limit
CERTIFICATE_FORMAT = "learning-culture-certificate"


class IssuerError(Exception):
    """Stops a command with a message saying what is wrong and what to do."""


def main(argv: list[str] | None = None) -> int:
    """Run one command; a problem is printed (exit 1) and nothing is half written."""
    parser = argparse.ArgumentParser(prog="issuer", description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parents[1],
                        help="the course project (default: this repository)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("key", help="make a new key pair (ends the current key's validity today)")
    issue = commands.add_parser("issue", help="check a request file and issue the credential")
    issue.add_argument("request", type=Path)
    issue.add_argument("out", type=Path, help="folder for the credential, its link and QR code")
    revoke = commands.add_parser("revoke", help="revoke an issued credential")
    revoke.add_argument("id", help="the credential's id, urn:uuid:...")
    revoke.add_argument("reason")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    try:
        if args.command == "key":
            make_key(project, dt.date.today())
        elif args.command == "issue":
            issue_credential(project, args.request, args.out, dt.datetime.now(dt.timezone.utc))
        else:
            revoke_credential(project, args.id, args.reason, dt.date.today())
    except (IssuerError, RequestError, DataError) as error:
        print(f"issuer {args.command}: {error}", file=sys.stderr)
        return 1
    return 0


def make_key(project: Path, today: dt.date) -> None:
    """A new Ed25519 key: private part to $COURSE_ISSUER_KEY (mode 600), public part published."""
    path = _key_path(project)
    if path.exists():
        raise IssuerError(f"{path} exists; a key file is never overwritten. To rotate keys, set "
                          f"{KEY_VARIABLE} to a new path and run the command again")
    folder = project / "data" / "issuer"
    keys = load_keys(folder)
    key = OKPKey.generate_key("Ed25519")
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        os.fchmod(handle.fileno(), 0o600)
        handle.write(key.as_pem(private=True))
    # rotation: the key in use until now stays valid for what it signed up to today
    entries = [{"kid": k.kid, "x": k.x, "valid_from": k.valid_from, "valid_until": k.valid_until or max(today, k.valid_from)}
               for k in keys]
    entries.append({"kid": key.thumbprint(), "x": key.as_dict(private=False)["x"], "valid_from": today,
                    "valid_until": None})
    _rewrite(folder / "keys.yml", "keys", entries)
    print(f"Private key written to {path} (mode 600). Keep it safe; it is not part of the site.")
    print(f"Public key {key.thumbprint()} added to data/issuer/keys.yml; rebuild and publish the site.")


def issue_credential(project: Path, request_file: Path, out: Path, now: dt.datetime) -> None:
    """Check the request, sign the credential and write it with its verify link and QR code."""
    key, kid = _signing_key(project, now.date())
    languages = project_languages(project / "mkdocs.yml").all
    config = _config(project)
    criteria = load_criteria(set(load_prompts(project / "data" / "worksheet", languages)),
                             project / "data" / "learner" / "certificate.yml", languages)
    if request_file.stat().st_size > MAX_REQUEST:
        raise IssuerError(f"{request_file}: larger than {MAX_REQUEST // 1_000_000} MB, not a request file")
    try:
        raw = json.loads(request_file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise IssuerError(f"{request_file}: not JSON ({error})") from None
    try:
        request = check_request(raw, criteria, languages)
    except RequestError as error:
        raise RequestError(f"{request_file}:\n{error}") from None
    site_url = _site_url(config)
    issuer = {"id": site_url, "name": config["extra"]["branding"]["certificate_issuer"]}
    value = credential(request, load_settings(project / "data" / "issuer", languages), issuer, now, languages, site_url)
    with warnings.catch_warnings():
        # RFC 9864 prefers "Ed25519"; "EdDSA" with an Ed25519 key is what VC-JOSE verifiers know today
        warnings.simplefilter("ignore")
        token = jws.serialize_compact({"alg": "EdDSA", "typ": "vc+jwt", "cty": "vc", "kid": kid},
                                      payload(value), key, algorithms=["EdDSA"])
    prefix = "" if request.language == languages[0] else f"{request.language}/"
    link = f"{site_url}{prefix}results/verify/#credential={token}"
    try:
        qr = segno.make(link, error="l")  # the lowest error correction: the link is long
    except segno.DataOverflowError:
        raise IssuerError(f"the verify link ({len(link)} characters) is too long for a QR code; shorten the "
                          "texts in data/issuer/settings.yml or the learner's name") from None
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"certificate-{value['id'].removeprefix('urn:uuid:')}"
    qr.save(f"{stem}.svg", scale=4, border=4, title=value["name"])
    rows = ["".join("1" if cell else "0" for cell in row) for row in qr.matrix]
    document = {"format": CERTIFICATE_FORMAT, "version": 1, "credential": token, "verify_url": link, "qr": rows}
    Path(f"{stem}.json").write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    Path(f"{stem}.jwt").write_text(token + "\n", encoding="utf-8")
    print(f"Issued {value['id']} to {request.name}.\n  For the learner: {stem}.json\n"
          f"  Credential: {stem}.jwt\n  QR code: {stem}.svg\n  Verify: {link}")


def revoke_credential(project: Path, credential_id: str, reason: str, today: dt.date) -> None:
    """Add the credential to data/issuer/revoked.yml (published with the next build)."""
    folder = project / "data" / "issuer"
    revoked = load_revoked(folder)
    if not re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", credential_id):
        raise IssuerError(f"'{credential_id}' is not a credential id (urn:uuid:...)")
    if any(entry["id"] == credential_id for entry in revoked):
        raise IssuerError(f"{credential_id} is already revoked")
    entries = [{**entry, "date": dt.date.fromisoformat(entry["date"])} for entry in revoked]
    _rewrite(folder / "revoked.yml", "revoked", [*entries, {"id": credential_id, "date": today, "reason": reason}])
    print(f"Revoked {credential_id}; rebuild and publish the site.")


def _key_path(project: Path) -> Path:
    value = os.environ.get(KEY_VARIABLE, "").strip()
    if not value:
        raise IssuerError(f"set {KEY_VARIABLE} to the path of the private key file, outside this repository")
    path = Path(value).expanduser().resolve()
    if path.is_relative_to(project):
        raise IssuerError(f"{path} lies inside the project {project}; the private key must be kept outside it")
    return path


def _signing_key(project: Path, today: dt.date) -> tuple[OKPKey, str]:
    path = _key_path(project)
    if not path.is_file():
        raise IssuerError(f"{path} does not exist; make a key first (make issuer-key)")
    if path.stat().st_mode & 0o077:
        raise IssuerError(f"{path} can be read by others; run chmod 600 on it")
    key = OKPKey.import_key(path.read_bytes())
    kid = key.thumbprint()
    published = {k.kid: k for k in load_keys(project / "data" / "issuer")}.get(kid)
    if published is None:
        raise IssuerError(f"the key in {path} ({kid}) is not in data/issuer/keys.yml, so nobody could verify it")
    if not published.valid_from <= today or (published.valid_until and today > published.valid_until):
        raise IssuerError(f"key {kid} is not valid today (data/issuer/keys.yml); make a new key")
    return key, kid


def _config(project: Path) -> dict:
    with (project / "mkdocs.yml").open(encoding="utf-8") as handle:
        return yaml_load(handle)


def _site_url(config: dict) -> str:
    url = os.environ.get("SITE_URL") or config.get("site_url") or ""
    if not url.startswith(("https://", "http://")):
        raise IssuerError("set SITE_URL to the address the course is published at (as for make build)")
    return url if url.endswith("/") else url + "/"


def _rewrite(path: Path, key: str, entries: list[dict]) -> None:
    """Write `key: entries` under the file's leading comment lines, atomically."""
    header = "".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                     if line.startswith("#"))
    body = yaml.safe_dump({key: entries}, allow_unicode=True, sort_keys=False)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(header + body, encoding="utf-8")
    temporary.replace(path)


if __name__ == "__main__":
    sys.exit(main())
