"""Certificate requests and credentials: checking a learner's request file against the criteria of
data/learner/certificate.yml, and the Open Badges 3.0 achievement credential (W3C VC Data Model 2.0)
the issuer signs as a JWT (VC-JOSE, EdDSA with Ed25519). Used by tools/issuer.py."""
from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

from course.issuer_data import Settings
from course.milestones import Item

REQUEST_FORMAT = "learning-culture-certificate-request"
CARD_PLANNED = ("what", "prediction", "measure")   # as Milestones.planned in lib/milestones.js
MAX_NAME = 200
CONTEXTS = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]


class RequestError(ValueError):
    """A request file that cannot be issued; the message lists every problem."""


@dataclass(frozen=True)
class Request:
    name: str
    language: str
    route: str | None
    route_label: str | None


def check_request(raw: object, criteria: list[Item], languages: tuple[str, ...]) -> Request:
    """The request, when it is well formed and meets every criterion; else RequestError naming
    each key that is missing or malformed and each criterion not met."""
    if not isinstance(raw, dict) or raw.get("format") != REQUEST_FORMAT:
        raise RequestError(f"not a certificate request: expected \"format\": \"{REQUEST_FORMAT}\"")
    problems = []
    if raw.get("version") != 1:
        problems.append("version: expected 1 (made by this course's sharing page)")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
        problems.append(f"name: expected the learner's name (1 to {MAX_NAME} characters)")
    language = raw.get("language")
    if language not in languages:
        problems.append(f"language: expected one of {', '.join(languages)}")
    route = raw.get("route")
    if route is not None and not (isinstance(route, dict) and isinstance(route.get("id"), str)
                                  and isinstance(route.get("label"), str)):
        problems.append("route: expected null or {\"id\": ..., \"label\": ...}")
    evidence = {key: raw.get(key) for key in ("progress", "test", "prompts", "experiments")}
    for key, kind in (("progress", dict), ("test", list), ("prompts", list), ("experiments", list)):
        if not isinstance(evidence[key], kind):
            problems.append(f"{key}: missing or malformed ({'an object' if kind is dict else 'a list'} expected)")
    if not problems:
        problems += [f"criterion '{item.id}' not met: {item.label[languages[0]]}"
                     for item in criteria if not _met(item.check, evidence)]
    if problems:
        raise RequestError("\n".join(problems))
    return Request(name.strip(), language, route["id"] if route else None, route["label"] if route else None)


def credential(request: Request, settings: Settings, issuer: dict, issued: dt.datetime,
               languages: tuple[str, ...], site_url: str) -> dict:
    """The OpenBadgeCredential for `request`, issued at `issued` (UTC); `issuer` = {id, name} with
    name in every language. The achievement names every language; `name` is the request's one."""
    source = languages[0]
    language = request.language
    until = None
    if settings.valid_years:
        until = issued.replace(year=issued.year + settings.valid_years)
    achievement = {
        "id": f"{site_url}#achievement", "type": ["Achievement"],
        "name": settings.name[source], "description": settings.description[source],
        "criteria": {"narrative": settings.criteria[source]}, "inLanguage": source,
        # every configured language, so the verify page shows its reader's (an extension property)
        "translations": {lang: {"name": settings.name[lang], "description": settings.description[lang]}
                         for lang in languages},
    }
    subject = {"type": ["AchievementSubject"], "achievement": achievement,
               "identifier": [{"type": "IdentityObject", "identityType": "name", "hashed": False,
                               "identityHash": request.name}]}
    if request.route:
        subject["route"] = {"id": request.route, "label": request.route_label}
    result = {
        "@context": CONTEXTS, "id": f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": settings.name[language],
        "issuer": {"id": issuer["id"], "type": ["Profile"], "name": issuer["name"][source],
                   "translations": {lang: {"name": issuer["name"][lang]} for lang in languages}},
        "validFrom": _stamp(issued),
        "credentialSubject": subject,
    }
    if until:
        result["validUntil"] = _stamp(until)
    return result


def payload(credential_value: dict) -> bytes:
    """The JWT payload: the credential itself (VC-JOSE), compact UTF-8 JSON."""
    return json.dumps(credential_value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _filled(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _met(check: dict, evidence: dict) -> bool:
    """A criterion against the request's evidence, as lib/milestones.js checks it in the browser."""
    modules = [m for m in evidence["progress"].get("modules") or [] if isinstance(m, dict)]
    kind = check["kind"]
    if kind == "all-modules-done":
        return bool(modules) and all(_whole(m.get("total")) > 0 and m.get("done") == m.get("total") for m in modules)
    if kind == "module-done":
        return any(m.get("id") == check["module"] and _whole(m.get("total")) > 0 and m.get("done") == m.get("total")
                   for m in modules)
    if kind == "test-taken":
        return any(isinstance(t, dict) and t.get("attempt") == check["attempt"] and t.get("complete") is True
                   and _filled(t.get("date")) for t in evidence["test"])
    if kind == "prompts-filled":
        texts = {p.get("id"): p.get("text") for p in evidence["prompts"] if isinstance(p, dict)}
        return all(_filled(texts.get(prompt)) for prompt in check["prompts"])
    if kind == "experiment-planned":
        return any(isinstance(card, dict) and all(_filled(card.get(field)) for field in CARD_PLANNED)
                   for card in evidence["experiments"])
    return False


def _whole(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
