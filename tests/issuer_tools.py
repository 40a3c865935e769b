"""Helpers for the certificate tests: running the issuer's commands on a copy of the project, a
request that meets every criterion, and tokens made by hand (altered, other keys and algorithms)."""
from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from course.milestones import load_criteria
from course.worksheet import load_prompts


def run_issuer(project: Path, *args: str, key: Path | None = None, site_url: str = "http://127.0.0.1:9/") -> subprocess.CompletedProcess:
    """`tools/issuer.py --project PROJECT ARGS` with the key path and site address in its environment."""
    env = {k: v for k, v in os.environ.items() if k != "COURSE_ISSUER_KEY"}
    env.update({"SITE_URL": site_url, "PYTHONPATH": str(ROOT / "hooks")})
    if key is not None:
        env["COURSE_ISSUER_KEY"] = str(key)
    return subprocess.run([sys.executable, str(ROOT / "tools" / "issuer.py"), "--project", str(project), *args],
                          env=env, capture_output=True, text=True)


def _criterion_prompts() -> tuple[str, ...]:
    """The prompts the certificate's criteria ask to be filled in (data/learner/certificate.yml)."""
    criteria = load_criteria(set(load_prompts()))
    return tuple(p for c in criteria if c.check.get("kind") == "prompts-filled" for p in c.check["prompts"])


CRITERION_PROMPTS = _criterion_prompts()


def request(name: str = "Anna de Vries", language: str = "en", **changes: object) -> dict:
    """A request as the sharing page writes it, meeting every criterion of data/learner/certificate.yml."""
    value = {
        "format": "learning-culture-certificate-request", "version": 1, "created": "2026-12-03T10:00:00.000Z",
        "language": language, "name": name, "route": {"id": "community", "label": "Community of practice"},
        "criteria": [], "progress": {"modules": [{"id": "why", "title": "WHY?", "done": 4, "total": 4}],
                                     "lessons_done": ["why/index"]},
        "test": [{"attempt": "first", "date": "2026-11-01T09:00:00.000Z", "complete": True}],
        "prompts": [{"id": p, "module": "results", "label": p, "text": "written"}
                    for p in CRITERION_PROMPTS],
        "experiments": [{"id": "c1", "what": "w", "prediction": "p", "measure": "m"}],
    }
    value.update(changes)
    return value


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def parts(token: str) -> tuple[dict, dict, bytes]:
    """Header, payload and signature of a compact JWS."""
    header, payload, signature = token.split(".")
    return json.loads(unb64(header)), json.loads(unb64(payload)), unb64(signature)


def sign(header: dict, payload: dict, private_pem: bytes) -> str:
    """A compact JWS signed with an Ed25519 private key, as an issuer (or a forger with their own key) would."""
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    key = load_pem_private_key(private_pem, password=None)
    signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(payload, ensure_ascii=False).encode())}"
    return f"{signing_input}.{b64(key.sign(signing_input.encode('ascii')))}"
