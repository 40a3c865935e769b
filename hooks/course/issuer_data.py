"""The certificate issuer's published data (data/issuer/): public keys with their validity, the
revoked credentials and the achievement's wording; read and validated in one place for the build
(the verify page publishes them) and for the issuer's commands (tools/issuer.py)."""
from __future__ import annotations

import base64
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from course.data import DATA, configured, load_yaml
from course.schema import Problems, mapping, sequence, text

ISSUER = DATA / "issuer"
KID = re.compile(r"^[A-Za-z0-9_-]{43}$")        # an RFC 7638 SHA-256 JWK thumbprint
CREDENTIAL_ID = re.compile(r"^urn:uuid:[0-9a-f-]{36}$")


@dataclass(frozen=True)
class PublicKey:
    kid: str
    x: str                        # the Ed25519 public key, base64url (a JWK's "x")
    valid_from: dt.date
    valid_until: dt.date | None   # None: still in use

    def for_browser(self) -> dict:
        """The key as the verify page reads it (an OKP JWK plus its validity)."""
        return {"kid": self.kid, "kty": "OKP", "crv": "Ed25519", "x": self.x,
                "valid_from": self.valid_from.isoformat(),
                "valid_until": self.valid_until.isoformat() if self.valid_until else None}


@dataclass(frozen=True)
class Settings:
    valid_years: int
    name: dict[str, str]
    description: dict[str, str]
    criteria: dict[str, str]


def load_keys(folder: Path = ISSUER, languages: tuple[str, ...] | None = None) -> list[PublicKey]:
    """The published public keys; a DataError names file, entry and problem."""
    path = folder / "keys.yml"
    problems = Problems(path, configured(languages))
    data = mapping(load_yaml(path), "top level", problems)
    keys = []
    for index, raw in enumerate(sequence(data.get("keys"), "keys", problems)):
        raw = mapping(raw, f"keys[{index}]", problems)
        where = f"keys[{index}]"
        kid, x = str(raw.get("kid", "")), str(raw.get("x", ""))
        if not KID.fullmatch(kid):
            problems.add(f"{where}.kid", "expected the key's 43-character thumbprint")
        if len(_unbase64(x)) != 32:
            problems.add(f"{where}.x", "expected a 32-byte Ed25519 public key in base64url")
        start, end = _date(raw.get("valid_from"), f"{where}.valid_from", problems), raw.get("valid_until")
        end = None if end is None else _date(end, f"{where}.valid_until", problems)
        if start and end and end < start:
            problems.add(f"{where}.valid_until", "lies before valid_from")
        keys.append(PublicKey(kid, x, start or dt.date.min, end))
    if len({key.kid for key in keys}) != len(keys):
        problems.add("keys", "the same kid is listed twice")
    problems.raise_if_any()
    return keys


def load_revoked(folder: Path = ISSUER, languages: tuple[str, ...] | None = None) -> list[dict]:
    """The revoked credentials: [{id, date, reason}]."""
    path = folder / "revoked.yml"
    problems = Problems(path, configured(languages))
    data = mapping(load_yaml(path), "top level", problems)
    revoked = []
    for index, raw in enumerate(sequence(data.get("revoked"), "revoked", problems)):
        raw = mapping(raw, f"revoked[{index}]", problems)
        if not CREDENTIAL_ID.fullmatch(str(raw.get("id", ""))):
            problems.add(f"revoked[{index}].id", "expected a credential id like urn:uuid:...")
        day = _date(raw.get("date"), f"revoked[{index}].date", problems)
        revoked.append({"id": str(raw.get("id")), "date": day.isoformat() if day else "",
                        "reason": str(raw.get("reason") or "")})
    problems.raise_if_any()
    return revoked


def load_settings(folder: Path = ISSUER, languages: tuple[str, ...] | None = None) -> Settings:
    """How certificates are issued: expiry and the achievement's wording in every language."""
    path = folder / "settings.yml"
    problems = Problems(path, configured(languages))
    data = mapping(load_yaml(path), "top level", problems)
    years = data.get("valid_years")
    if not isinstance(years, int) or isinstance(years, bool) or not 0 <= years <= 100:
        problems.add("valid_years", "expected a whole number of years from 0 (never expires) to 100")
    achievement = mapping(data.get("achievement"), "achievement", problems)
    settings = Settings(years if isinstance(years, int) else 0,
                        *(text(achievement.get(key), f"achievement.{key}", problems)
                          for key in ("name", "description", "criteria")))
    problems.raise_if_any()
    return settings


def _date(value: object, where: str, problems: Problems) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.add(where, f"expected a date like 2026-12-03, found {value!r}")
        return None


def _unbase64(value: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except ValueError:
        return b""
