// provides: CredentialCheck
/* Verifying a certificate: an Open Badges 3.0 credential secured as a JWT (VC-JOSE, EdDSA with
   Ed25519) against the issuer's published keys and revocation list (data/issuer/). No DOM, no
   storage and nothing fetched; the signature is checked with the Web Crypto API that `subtle`
   stands for. Every failure is one reason code, which the page words in its own language. */
(function () {
  "use strict";
  var MAX_TOKEN = 100000;                 // characters; issued credentials are a few thousand
  var PART = /^[A-Za-z0-9_-]+$/;         // base64url without padding
  var ALGORITHMS = ["EdDSA", "Ed25519"];  // RFC 8037 and RFC 9864 names of Ed25519 signatures
  var DAY = /^(\d{4}-\d{2}-\d{2})/;

  function fail(reason) { return { ok: false, reason: reason }; }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function isText(value) { return typeof value === "string" && value.trim() !== ""; }

  /* base64url -> bytes, or null when it is not strict base64url. */
  function bytes(part) {
    if (!PART.test(part) || part.length % 4 === 1) return null;
    var plain = part.replace(/-/g, "+").replace(/_/g, "/");
    while (plain.length % 4) plain += "=";
    var binary;
    try { binary = atob(plain); } catch (error) { return null; }
    var result = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) result[i] = binary.charCodeAt(i);
    return result;
  }

  function json(part) {
    var raw = bytes(part);
    if (!raw) return null;
    try { return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw)); } catch (error) { return null; }
  }

  /* The token from what was pasted, uploaded or linked: a compact JWT, the issued .json file or
     a verify link (#credential=...). */
  function tokenFrom(text) {
    if (typeof text !== "string") return null;
    if (text.length > MAX_TOKEN * 2) return { tooLarge: true };
    var value = text.trim();
    if (value.charAt(0) === "{") {
      try { value = JSON.parse(value).credential; } catch (error) { return null; }
      if (typeof value !== "string") return null;
    }
    var at = value.indexOf("#credential=");
    if (at >= 0) value = value.slice(at + "#credential=".length);
    try { value = decodeURIComponent(value); } catch (error) { return null; }
    if (value.length > MAX_TOKEN) return { tooLarge: true };
    return { token: value };
  }

  /* Header and payload of a compact JWS, before its signature is checked. */
  function parse(text) {
    var found = tokenFrom(text);
    if (found && found.tooLarge) return fail("too-large");
    if (!found || !found.token) return fail("malformed");
    var parts = found.token.split(".");
    if (parts.length !== 3) return fail("malformed");
    var header = json(parts[0]);
    if (!isObject(header)) return fail("malformed");
    if (ALGORITHMS.indexOf(header.alg) < 0) return fail("algorithm");
    // a header asking for extensions this page does not know must not be ignored (RFC 7515 4.1.11)
    if (own(header, "crit") || own(header, "b64") || !isText(header.kid)) return fail("malformed");
    var payload = json(parts[1]);
    var signature = bytes(parts[2]);
    if (!isObject(payload) || !signature || signature.length !== 64) return fail("malformed");
    return { ok: true, header: header, payload: payload, signature: signature,
             signed: new TextEncoder().encode(parts[0] + "." + parts[1]) };
  }

  /* The credential's claims against the published key, revocation list and today (YYYY-MM-DD in
     ISO time); `published` = {issuer, keys, revoked}. */
  function claims(payload, key, published, now) {
    var types = Array.isArray(payload.type) ? payload.type : [];
    var subject = payload.credentialSubject;
    if (types.indexOf("VerifiableCredential") < 0 || types.indexOf("OpenBadgeCredential") < 0 ||
        !isObject(subject) || !isObject(subject.achievement) || !isObject(payload.issuer) ||
        !isText(payload.id) || !isText(payload.validFrom) || !DAY.test(payload.validFrom) || !learner(payload)) {
      return fail("not-credential");
    }
    if (payload.issuer.id !== published.issuer) return fail("unknown-issuer");
    var issued = DAY.exec(payload.validFrom)[1];
    if (issued < key.valid_from || (key.valid_until && issued > key.valid_until)) return fail("key-not-valid");
    if (published.revoked.some(function (entry) { return entry.id === payload.id; })) return fail("revoked");
    if (issued > now.slice(0, 10)) return fail("key-not-valid");
    if (payload.validUntil !== undefined && (!isText(payload.validUntil) || payload.validUntil <= now)) return fail("expired");
    return { ok: true };
  }

  /* The learner's name from the subject's identifier (identityType "name", not hashed). */
  function learner(payload) {
    var ids = payload.credentialSubject && payload.credentialSubject.identifier;
    var found = (Array.isArray(ids) ? ids : []).filter(function (id) {
      return isObject(id) && id.identityType === "name" && id.hashed === false && isText(id.identityHash);
    })[0];
    return found ? found.identityHash : null;
  }

  /* What the page shows of a verified credential, in `language` where the credential has it. */
  function summary(payload, language) {
    var achievement = payload.credentialSubject.achievement;
    var translated = (isObject(achievement.translations) && isObject(achievement.translations[language]))
      ? achievement.translations[language] : {};
    var issuer = payload.issuer;
    var issuerText = (isObject(issuer.translations) && isObject(issuer.translations[language])) ? issuer.translations[language] : {};
    var route = payload.credentialSubject.route;
    return {
      id: payload.id, name: learner(payload),
      achievement: String(isText(translated.name) ? translated.name : achievement.name || ""),
      description: String(isText(translated.description) ? translated.description : achievement.description || ""),
      issuer: String(isText(issuerText.name) ? issuerText.name : issuer.name || ""),
      issued: DAY.exec(payload.validFrom)[1],
      expires: isText(payload.validUntil) ? payload.validUntil.slice(0, 10) : null,
      route: isObject(route) && isText(route.label) ? route.label : null
    };
  }

  /* The whole check: resolves to {ok, summary, token} or {ok: false, reason}. `subtle` is
     crypto.subtle; `now` an ISO date-time. */
  function verify(text, published, now, subtle) {
    var parsed = parse(text);
    if (!parsed.ok) return Promise.resolve(parsed);
    var key = published.keys.filter(function (k) { return k.kid === parsed.header.kid; })[0];
    if (!key) return Promise.resolve(fail("unknown-issuer"));
    var jwk = { kty: "OKP", crv: "Ed25519", x: key.x };
    return subtle.importKey("jwk", jwk, { name: "Ed25519" }, false, ["verify"]).then(function (cryptoKey) {
      return subtle.verify({ name: "Ed25519" }, cryptoKey, parsed.signature, parsed.signed);
    }).then(function (valid) {
      if (!valid) return fail("altered");
      var result = claims(parsed.payload, key, published, now);
      if (!result.ok) return result;
      return { ok: true, summary: summary(parsed.payload, published.language), token: tokenFrom(text).token };
    }, function () { return fail("no-crypto"); });
  }

  window.CredentialCheck = { MAX_TOKEN: MAX_TOKEN, parse: parse, claims: claims, summary: summary, verify: verify,
                             tokenFrom: tokenFrom };
})();
