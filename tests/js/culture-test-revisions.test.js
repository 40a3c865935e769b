// The statement migration: attempts saved on an earlier version of the Learning Culture test's item
// bank are carried over along the bank's revisions (lib/learner-migrations.js), run with `node --test`.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { loadModules } = require("./load-modules.js");

const { LearnerMigrations: Migrate, CultureTestScore: Score, ExportFile: Export, TeamProfile: Team } = loadModules(
  "lib/shared-words.js", "lib/learner-migrations.js", "lib/culture-test-score.js", "lib/learner-schema.js",
  "lib/export-file.js", "lib/import-file.js", "lib/team-profile.js");

// version 1: a1 a2 a3 | b1 b2 b3; version 2: a1 kept, a2 reworded, a3 removed, a4 new | b1 b2 kept, b3 -> b4 reworded
// version 3: b2 removed, b5 new
const revision2 = { version: 2, note: "Revised.", statements: [
  { from: "a1", to: "a1", reworded: false, removed: null }, { from: "a2", to: "a2", reworded: true, removed: null },
  { from: "a3", to: null, reworded: false, removed: "Old a3" }, { from: "b1", to: "b1", reworded: false, removed: null },
  { from: "b2", to: "b2", reworded: false, removed: null }, { from: "b3", to: "b4", reworded: true, removed: null }] };
const revision3 = { version: 3, note: "Revised again.", statements: [
  { from: "a1", to: "a1", reworded: false, removed: null }, { from: "a2", to: "a2", reworded: false, removed: null },
  { from: "a4", to: "a4", reworded: false, removed: null }, { from: "b1", to: "b1", reworded: false, removed: null },
  { from: "b2", to: null, reworded: false, removed: "Old b2" }, { from: "b4", to: "b4", reworded: false, removed: null }] };
function bank(version, statements, revisions) {
  return { version, scale: { min: 1, max: 6 }, dimensions: [{ id: "a", title: "A" }, { id: "b", title: "B" }],
           statements: statements.map((id) => ({ id, dimension: id[0] })), revisions };
}
const v2 = bank(2, ["a1", "a2", "a4", "b1", "b2", "b4"], [revision2]);
const v3 = bank(3, ["a1", "a2", "a4", "b1", "b4", "b5"], [revision2, revision3]);

const rating = (reality, aspiration) => ({ reality, aspiration });
const oldAttempt = {
  bank_version: 1, started: "2025-01-01T10:00:00.000Z", updated: "2025-01-01T10:30:00.000Z",
  answers: { a1: rating(2, 5), a2: rating(3, 5), a3: rating(1, 6), b1: rating(4, 5), b2: rating(4, 6), b3: rating(2, 4) },
};

test("ratings follow their statement to its new id; removed statements' ratings are left out", () => {
  const { attempt, changes } = Migrate.attempt(oldAttempt, v2);
  assert.deepEqual(attempt, {
    bank_version: 2, started: oldAttempt.started, updated: oldAttempt.updated,
    answers: { a1: rating(2, 5), a2: rating(3, 5), b1: rating(4, 5), b2: rating(4, 6), b4: rating(2, 4) },
  });
  assert.deepEqual(changes, { from: 1, notes: ["Revised."], removed: ["Old a3"], reworded: ["a2", "b4"], added: ["a4"] });
});

test("the stored attempt is not changed, and an attempt on the current version passes through", () => {
  const before = JSON.stringify(oldAttempt);
  Migrate.attempt(oldAttempt, v2);
  assert.equal(JSON.stringify(oldAttempt), before);
  const current = { ...oldAttempt, bank_version: 2 };
  assert.deepEqual(Migrate.attempt(current, v2), { attempt: current, changes: null });
});

test("several revisions are applied in turn, and what changed is counted from the attempt's version", () => {
  const { attempt, changes } = Migrate.attempt(oldAttempt, v3);
  assert.deepEqual(Object.keys(attempt.answers).sort(), ["a1", "a2", "b1", "b4"]);
  assert.equal(attempt.bank_version, 3);
  assert.deepEqual(changes, { from: 1, notes: ["Revised.", "Revised again."], removed: ["Old a3", "Old b2"],
                              reworded: ["a2", "b4"], added: ["a4", "b5"] });
  // an attempt made on version 2 only sees the second revision
  const later = Migrate.attempt({ ...oldAttempt, bank_version: 2, answers: { a4: rating(3, 3) } }, v3);
  assert.deepEqual(later.changes, { from: 2, notes: ["Revised again."], removed: ["Old b2"], reworded: [], added: ["b5"] });
  assert.deepEqual(later.attempt.answers, { a4: rating(3, 3) });
});

test("a first attempt on the old bank stays comparable with a retake on the new one", () => {
  const before = Score.attemptScores(v2, oldAttempt);
  assert.deepEqual(before.map((s) => s.reality), [2.5, (4 + 4 + 2) / 3]);   // a: a1, a2; b: b1, b2, b4 (was b3)
  const retake = { bank_version: 2, answers: { a1: rating(3, 5), a2: rating(4, 5), a4: rating(4, 5), b1: rating(4, 5), b2: rating(5, 6), b4: rating(3, 4) } };
  const change = Score.compareAttempts(before, Score.attemptScores(v2, retake));
  assert.deepEqual(change.map((c) => c.change), [11 / 3 - 2.5, 4 - 10 / 3]);
  assert.deepEqual(Score.latestScores(v2, { attempts: { first: oldAttempt } }), before);
});

test("without the revision it needs, an attempt is left as it is rather than guessed at", () => {
  const gap = bank(3, ["a1"], [revision3]);
  assert.deepEqual(Migrate.attempt(oldAttempt, gap), { attempt: oldAttempt, changes: null });
});

test("a team profile on the new bank counts colleagues who took the test on the old one, and refuses a bank it cannot reach", () => {
  const file = (name, attempt, person) => ({ name, text: JSON.stringify(Export.serialise(
    { "culture-test": { version: 1, person, attempts: { first: attempt } } }, "2025-02-01T12:00:00.000Z")) });
  const shifted = (by) => ({ ...oldAttempt, answers: Object.fromEntries(Object.entries(oldAttempt.answers)
    .map(([id, r]) => [id, rating(r.reality + by, 6)])) });
  const newer = { bank_version: 3, started: null, updated: null, answers: { a1: rating(1, 6), a2: rating(1, 6), b1: rating(1, 6), b4: rating(1, 6) } };
  const result = Team.combineTeam([file("ann.json", shifted(0), "pann0001"), file("bob.json", shifted(1), "pbob0001"),
                                   file("cas.json", shifted(2), "pcas0001"), file("dee.json", newer, "pdee0001")], v2);
  assert.equal(result.people, 3);
  assert.deepEqual(result.rejected, [{ name: "dee.json", code: "other-bank" }]);
  // dimension a: a1, a2 carried over (a3 removed); mean of 2.5, 3.5, 4.5
  assert.equal(result.dimensions[0].reality.mean, 3.5);
});
