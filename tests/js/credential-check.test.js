// Unit tests of certificate verification (lib/credential-check.js) and the sharing request
// (lib/share-request.js), run with `node --test`; node's Web Crypto signs and verifies Ed25519.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { webcrypto } = require("node:crypto");
const { loadModules } = require("./load-modules.js");

const window = loadModules("lib/credential-check.js");
const Check = window.CredentialCheck;
const subtle = webcrypto.subtle;
const b64 = (bytes) => Buffer.from(bytes).toString("base64url");
const ISSUER = "https://course.example.org/";

function credential(changes) {
  return Object.assign({
    type: ["VerifiableCredential", "OpenBadgeCredential"], id: "urn:uuid:00000000-0000-4000-8000-000000000001",
    issuer: { id: ISSUER, name: "SOL Netherlands", translations: { nl: { name: "SOL Nederland" } } },
    validFrom: "2026-06-01T10:00:00Z",
    credentialSubject: {
      type: ["AchievementSubject"], identifier: [{ type: "IdentityObject", identityType: "name", hashed: false, identityHash: "Anna" }],
      achievement: { name: "Certificate", description: "D", translations: { nl: { name: "Certificaat", description: "B" } } },
    },
  }, changes);
}

async function setup() {
  const pair = await subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
  const jwk = await subtle.exportKey("jwk", pair.publicKey);
  const key = { kid: "k1", x: jwk.x, valid_from: "2026-01-01", valid_until: null };
  const published = { issuer: ISSUER, language: "nl", keys: [key], revoked: [] };
  async function sign(header, payload) {
    const input = b64(Buffer.from(JSON.stringify(header))) + "." + b64(Buffer.from(JSON.stringify(payload)));
    return input + "." + b64(new Uint8Array(await subtle.sign({ name: "Ed25519" }, pair.privateKey, Buffer.from(input))));
  }
  return { published, key, sign };
}

const NOW = "2026-12-03T12:00:00Z";
const HEADER = { alg: "EdDSA", typ: "vc+jwt", kid: "k1" };

test("a genuine credential verifies and is summarised in the page's language", async () => {
  const { published, sign } = await setup();
  const result = await Check.verify(await sign(HEADER, credential()), published, NOW, subtle);
  assert.equal(result.ok, true);
  assert.deepEqual(result.summary, { id: "urn:uuid:00000000-0000-4000-8000-000000000001", name: "Anna", achievement: "Certificaat",
    description: "B", issuer: "SOL Nederland", issued: "2026-06-01", expires: null, route: null });
});

test("links, certificate files and bare tokens are all read", async () => {
  const { published, sign } = await setup();
  const token = await sign(HEADER, credential());
  for (const text of [token, ` ${token}\n`, `${ISSUER}results/verify/#credential=${token}`, JSON.stringify({ credential: token })]) {
    assert.equal((await Check.verify(text, published, NOW, subtle)).ok, true, text.slice(0, 40));
  }
});

test("each failure has its reason", async () => {
  const { published, sign } = await setup();
  const good = await sign(HEADER, credential());
  const [h, p, s] = good.split(".");
  const cases = [
    [`${h}.${b64(Buffer.from(JSON.stringify(credential({ id: "urn:uuid:00000000-0000-4000-8000-000000000002" }))))}.${s}`, "altered"],
    [await sign({ ...HEADER, kid: "nobody" }, credential()), "unknown-issuer"],
    [await sign(HEADER, credential({ issuer: { id: "https://elsewhere.example/", name: "X" } })), "unknown-issuer"],
    [await sign(HEADER, credential({ validFrom: "2025-12-31T23:00:00Z" })), "key-not-valid"],
    [await sign(HEADER, credential({ validUntil: "2026-12-01T00:00:00Z" })), "expired"],
    [await sign({ ...HEADER, alg: "none" }, credential()), "algorithm"],
    [await sign({ ...HEADER, alg: "HS256" }, credential()), "algorithm"],
    [await sign(HEADER, { hello: "world" }), "not-credential"],
    [`${h}.${p}`, "malformed"],
    ["", "malformed"],
    ["x".repeat(10 * 1024 * 1024), "too-large"],
  ];
  for (const [token, reason] of cases) {
    assert.equal((await Check.verify(token, published, NOW, subtle)).reason, reason, reason);
  }
  const revoked = { ...published, revoked: [{ id: "urn:uuid:00000000-0000-4000-8000-000000000001", date: "2026-12-01", reason: "" }] };
  assert.equal((await Check.verify(good, revoked, NOW, subtle)).reason, "revoked");
  const ended = { ...published, keys: [{ ...published.keys[0], valid_until: "2026-05-31" }] };
  assert.equal((await Check.verify(good, ended, NOW, subtle)).reason, "key-not-valid");
});

test("the stored community certificate is validated: a hostile QR code or link is refused", () => {
  const Schema = loadModules("lib/shared-words.js", "lib/learner-migrations.js", "lib/learner-schema.js").LearnerSchema;
  const rows = Array.from({ length: 21 }, () => "01".repeat(10) + "1");
  const issued = { credential: "a.b.c", verify_url: "https://course.example.org/results/verify/#credential=a.b.c", qr: rows };
  assert.deepEqual(Schema.check("certificate", { version: 1, name: "Anna", issued }).value, { version: 1, name: "Anna", issued });
  assert.deepEqual(Schema.check("certificate", { version: 1, name: "Anna" }).value, { version: 1, name: "Anna" });
  // the day the criteria were first met (the personal record's date) is kept beside an imported certificate
  const met = "2026-03-12T10:00:00.000Z";
  assert.deepEqual(Schema.check("certificate", { version: 1, name: "Anna", met, issued }).value, { version: 1, name: "Anna", met, issued });
  assert.equal(Schema.check("certificate", { version: 1, name: "Anna", met: "yesterday", issued }).problem.code, "not-date");
  const bad = [
    [{ ...issued, qr: rows.map((r, i) => (i ? r : "<svg onload=x>")) }, "not-qr"],
    [{ ...issued, qr: rows.slice(1) }, "not-qr"],
    [{ ...issued, verify_url: "javascript:alert(1)" }, "not-link"],
    [{ ...issued, credential: "<b>x</b>" }, "not-credential"],
    [{ ...issued, extra: 1 }, "unknown-key"],
  ];
  for (const [value, code] of bad) assert.equal(Schema.check("certificate", { version: 1, name: "", issued: value }).problem.code, code);
});
