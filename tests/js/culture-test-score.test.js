// Unit tests of the Learning Culture test's scoring (pure functions), run with `node --test`.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { loadModules } = require("./load-modules.js");

const Score = loadModules("lib/shared-words.js", "lib/learner-migrations.js", "lib/culture-test-score.js").CultureTestScore;

const bank = {
  version: 1,
  scale: { min: 1, max: 6 },
  dimensions: [{ id: "a", title: "A" }, { id: "b", title: "B" }, { id: "c", title: "C" }],
  statements: [
    { id: "a1", dimension: "a" }, { id: "a2", dimension: "a" }, { id: "a3", dimension: "a" },
    { id: "b1", dimension: "b" }, { id: "b2", dimension: "b" }, { id: "b3", dimension: "b" },
    { id: "c1", dimension: "c" }, { id: "c2", dimension: "c" }, { id: "c3", dimension: "c" },
  ],
};

test("empty input gives no means, no gaps, no focus and zero answered", () => {
  for (const answers of [undefined, {}]) {
    const scores = Score.dimensionScores(bank, answers);
    assert.equal(scores.length, 3);
    for (const s of scores) {
      assert.equal(s.reality, null);
      assert.equal(s.aspiration, null);
      assert.equal(s.gap, null);
      assert.equal(s.gapPct, null);
    }
    assert.deepEqual(Score.focusDimensions(scores), []);
    assert.equal(Score.answeredCount(bank, answers), 0);
    assert.equal(Score.complete(scores), false);
  }
});

test("a dimension mean needs two answered statements; partly answered dimensions stay open", () => {
  const scores = Score.dimensionScores(bank, {
    a1: { reality: 2, aspiration: 5 }, a2: { reality: 4 },
    b1: { reality: 3, aspiration: 6 },
  });
  const [a, b] = scores;
  assert.equal(a.reality, 3);          // (2 + 4) / 2
  assert.equal(a.aspiration, null);    // one aspiration only
  assert.equal(a.gap, null);
  assert.equal(a.answeredReality, 2);
  assert.equal(a.answeredAspiration, 1);
  assert.equal(b.reality, null);
  assert.equal(Score.answeredCount(bank, { a1: { reality: 2, aspiration: 5 }, a2: { reality: 4 } }), 1);
});

test("gap is aspiration minus reality, also on 0-100, and may be negative", () => {
  const scores = Score.dimensionScores(bank, {
    a1: { reality: 1, aspiration: 6 }, a2: { reality: 1, aspiration: 6 },
    b1: { reality: 5, aspiration: 3 }, b2: { reality: 6, aspiration: 4 },
  });
  assert.equal(scores[0].gap, 5);
  assert.equal(scores[0].realityPct, 0);
  assert.equal(scores[0].aspirationPct, 100);
  assert.equal(scores[0].gapPct, 100);
  assert.equal(scores[1].gap, -2);
  assert.equal(scores[1].gapPct, -40);
  assert.equal(scores[1].realityPct, 90);
  // a negative gap is never offered as a focus
  assert.deepEqual(Score.focusDimensions(scores).map((s) => s.id), ["a"]);
});

test("gaps sort largest first; ties keep the bank's order; focus takes at most three", () => {
  const answers = {};
  for (const s of bank.statements) answers[s.id] = { reality: 3, aspiration: s.dimension === "a" ? 4 : 5 };
  const scores = Score.dimensionScores(bank, answers);
  assert.deepEqual(Score.sortedByGap(scores).map((s) => s.id), ["b", "c", "a"]);
  assert.deepEqual(Score.focusDimensions(scores, 2).map((s) => s.id), ["b", "c"]);
  assert.equal(Score.complete(scores), true);
});

test("ratings outside the scale or of the wrong type are ignored", () => {
  const scores = Score.dimensionScores(bank, {
    a1: { reality: 7, aspiration: "5" }, a2: { reality: 0, aspiration: 2.5 }, a3: { reality: 4, aspiration: 4 },
  });
  assert.equal(scores[0].answeredReality, 1);
  assert.equal(scores[0].reality, null);
});

test("comparing attempts gives the change in today's score per dimension", () => {
  const first = Score.dimensionScores(bank, { a1: { reality: 2 }, a2: { reality: 2 }, b1: { reality: 4 } });
  const second = Score.dimensionScores(bank, { a1: { reality: 3 }, a2: { reality: 4 }, b1: { reality: 4 }, b2: { reality: 4 } });
  const change = Score.compareAttempts(first, second);
  assert.deepEqual(change[0], { id: "a", before: 2, after: 3.5, change: 1.5 });
  assert.equal(change[1].change, null); // no first-attempt mean for b
});
