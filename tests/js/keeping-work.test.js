// Unit tests of when the backup nudge is due (lib/backup-plan.js) and of the handoff link's
// fragment (lib/handoff-link.js), run with `node --test` from tests/test_js_units.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const zlib = require("node:zlib");
const { loadModules } = require("./load-modules.js");

const window = loadModules("lib/shared-words.js", "lib/learner-migrations.js", "lib/learner-schema.js", "lib/backup-plan.js", "lib/handoff-link.js");
const Plan = window.BackupPlan;
const Link = window.HandoffLink;
const settings = { work: 5, days: 14, units: { prompt: 1, card: 1, self_check: 1, test_statement: 0.2 } };
const DAY = 86400000;
const now = Date.parse("2026-06-30T12:00:00Z");
const ago = (days) => new Date(now - days * DAY).toISOString();

function prompts(count) {
  const answers = {};
  for (let i = 0; i < count; i++) answers["p" + i] = "text";
  answers.empty = "  ";
  return { worksheet: { version: 1, answers } };
}

test("work counts filled prompts, cards, checked self-checks and rated statements", () => {
  const sections = {
    ...prompts(2), experiments: { version: 1, cards: [{}, {}] },
    "self-checks": { version: 1, modules: { why: { checked: true }, how: { checked: false } } },
    "culture-test": { version: 1, attempts: { first: { answers: { a: { reality: 1 }, b: {}, c: { aspiration: 2 } } } } },
  };
  assert.equal(Plan.units(sections, settings.units), 2 + 2 + 1 + 0.4);
  assert.equal(Plan.units({}, settings.units), 0);
});

test("the nudge is due after the configured work since the last backup, not before", () => {
  assert.equal(Plan.due({}, 4, now, settings), false);
  assert.equal(Plan.due({}, 5, now, settings), true);
  assert.equal(Plan.due({ exported: ago(1), units: 5 }, 9, now, settings), false);
  assert.equal(Plan.due({ exported: ago(1), units: 5 }, 10, now, settings), true);
});

test("an old backup makes any new work due, but no new work never is", () => {
  assert.equal(Plan.due({ exported: ago(15), units: 5 }, 6, now, settings), true);
  assert.equal(Plan.due({ exported: ago(13), units: 5 }, 6, now, settings), false);
  assert.equal(Plan.due({ exported: ago(100), units: 5 }, 5, now, settings), false);
});

test("a dismissed nudge waits for as much work again or as many days", () => {
  const dismissed = { dismissed: ago(1), dismissed_units: 6 };
  assert.equal(Plan.due(dismissed, 10, now, settings), false);
  assert.equal(Plan.due(dismissed, 11, now, settings), true);
  assert.equal(Plan.due({ dismissed: ago(14), dismissed_units: 6 }, 7, now, settings), true);
});

test("a fragment holds the text compressed and reads back identically", async () => {
  const text = JSON.stringify({ format: "learning-culture-course", answer: "Één café — ✓".repeat(50) });
  const fragment = await Link.toFragment(text);
  assert.match(fragment, /^#continue=1\.[A-Za-z0-9_-]+$/);
  assert.ok(fragment.length < text.length);
  assert.deepEqual(await Link.fromFragment(fragment, 5000000), { ok: true, text });
});

test("cut, altered, foreign and inflating fragments are refused with a reason", async () => {
  const fragment = await Link.toFragment(JSON.stringify({ a: "b".repeat(500) }));
  const broken = { ok: false, problem: { path: "", code: "link-broken" } };
  assert.deepEqual(await Link.fromFragment(fragment.slice(0, -5), 5000000), broken);
  assert.deepEqual(await Link.fromFragment("#continue=1.@@", 5000000), broken);
  assert.deepEqual(await Link.fromFragment("#other", 5000000), broken);
  const bomb = "#continue=1." + zlib.deflateRawSync(Buffer.alloc(6000000, 32)).toString("base64url");
  assert.deepEqual(await Link.fromFragment(bomb, 5000000), { ok: false, problem: { path: "", code: "too-large" } });
});
