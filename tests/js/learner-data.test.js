// Unit tests of the learner data functions (serialise, validate, migrate, combine team files,
// progress, checks, Markdown), run with `node --test` from tests/test_js_units.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { loadModules } = require("./load-modules.js");

const {
  CultureTestScore: Score, LearnerSchema: Schema, ExportFile: Export, ImportFile: Import, LessonProgress, Milestones, PlanMarkdown, TeamProfile: Team,
} = loadModules("lib/shared-words.js", "lib/culture-test-score.js", "lib/learner-migrations.js", "lib/learner-schema.js", "lib/export-file.js", "lib/import-file.js",
  "lib/lesson-progress.js", "lib/milestones.js", "lib/plan-cover.js", "lib/plan-markdown.js", "lib/team-profile.js");

const bank = {
  version: 1, scale: { min: 1, max: 6 },
  dimensions: [{ id: "a", title: "Alpha" }, { id: "b", title: "Beta" }],
  statements: [{ id: "a1", dimension: "a" }, { id: "a2", dimension: "a" }, { id: "b1", dimension: "b" }, { id: "b2", dimension: "b" }],
};

function attempt(reality, aspiration) {
  const answers = {};
  for (const id of ["a1", "a2", "b1", "b2"]) answers[id] = { reality, aspiration };
  return { bank_version: 1, started: "2025-01-01T10:00:00.000Z", updated: "2025-01-01T10:05:00.000Z", answers };
}

function sections() {
  return {
    language: "nl",
    "culture-test": { version: 1, attempts: { first: attempt(2, 5) } },
    "self-checks": { version: 2, seed: "k3x9q2m7p1", modules: { why: { answers: { "why-q1": ["a"] }, checked: true, score: 1, total: 5, tries: 1 } } },
    worksheet: { version: 1, answers: { "results-learned": "Small steps work.", "start-role": "L&D adviser" } },
    experiments: { version: 1, cards: [{ id: "card-1", created: null, updated: null, what: "Weekly review", prediction: "More ideas", measure: "Ideas per week, now 2", who: "", happened: "", learned: "", decision: "adapt", next: "" }] },
    progress: { version: 1, done: { "why/engagement-and-wellbeing": "2025-01-02T09:00:00.000Z" }, last: { page: "why/index", at: "2025-01-02T09:00:00.000Z" } },
    route: { version: 1, route: "team", checked: { "team:colleagues": true } },
    certificate: { version: 1, name: "Anna de Vries" },
  };
}

function exported(data) { return JSON.stringify(Export.serialise(data, "2025-01-03T12:00:00.000Z")); }

test("serialise then parseExport gives back exactly the same sections", () => {
  const file = Export.serialise(sections(), "2025-01-03T12:00:00.000Z");
  assert.equal(file.format, "learning-culture-course");
  assert.equal(file.version, 1);
  const parsed = Import.parseExport(JSON.stringify(file));
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.data, sections());
});

test("serialise leaves out sections that are not stored and names it does not know", () => {
  const file = Export.serialise({ worksheet: { version: 1, answers: {} }, progress: null, secret: 1 }, "2025-01-03T12:00:00.000Z");
  assert.deepEqual(Object.keys(file.data), ["worksheet"]);
});

test("parseExport refuses bad files with a precise reason", () => {
  const cases = [
    ["not json {", "not-json", ""],
    [JSON.stringify([1, 2]), "not-course-file", "format"],
    [JSON.stringify({ format: "something-else", version: 1, data: {} }), "not-course-file", "format"],
    [JSON.stringify({ format: Export.FORMAT, version: 2, data: {} }), "newer", "version"],
    [JSON.stringify({ format: Export.FORMAT, version: "1", data: {} }), "version", "version"],
    [JSON.stringify({ format: Export.FORMAT, version: 1, data: { passwords: {} } }), "unknown-key", "data.passwords"],
    [JSON.stringify({ format: Export.FORMAT, version: 1, data: { worksheet: { version: 1, answers: { "start-role": 42 } } } }), "not-text", "data.worksheet.answers.start-role"],
    [JSON.stringify({ format: Export.FORMAT, version: 1, data: { worksheet: { version: 3, answers: {} } } }), "newer", "data.worksheet.version"],
    [JSON.stringify({ format: Export.FORMAT, version: 1, data: { experiments: { version: 1, cards: [{ id: "c", decision: "maybe" }] } } }), "not-choice", "data.experiments.cards.0.decision"],
    [JSON.stringify({ format: Export.FORMAT, version: 1, data: { "culture-test": { version: 1, attempts: { first: { bank_version: 1, answers: { a1: { reality: 9 } } } } } } }), "not-number", "data.culture-test.attempts.first.answers.a1.reality"],
    [JSON.stringify({ format: Export.FORMAT, version: 1, data: { language: "fr" } }), "not-language", "data.language"],
    [JSON.stringify({ format: Export.FORMAT, version: 1, data: { worksheet: { version: 1, answers: { "x": "a".repeat(20001) } } } }), "too-long", "data.worksheet.answers.x"],
  ];
  for (const [text, code, path] of cases) {
    const result = Import.parseExport(text);
    assert.equal(result.ok, false, text.slice(0, 80));
    assert.deepEqual(result.problem, { path, code }, text.slice(0, 80));
  }
});

test("the languages, attempts, rating scale and card words come from the page's data, not from the code", () => {
  const words = JSON.parse(process.env.COURSE_WORDS);
  const file = (data) => JSON.stringify({ format: Export.FORMAT, version: 1, data });
  const [first, retake] = words.attempts;
  const max = words.scale.max;
  const card = { id: "c", decision: words.card.decisions[0] };
  words.card.fields.filter((field) => field !== "decision").forEach((field) => { card[field] = "x"; });
  const sample = { language: words.languages[words.languages.length - 1],
    "culture-test": { version: 1, attempts: { [retake]: { bank_version: 1, answers: { a1: { [words.questions[0]]: max } } } } },
    experiments: { version: 1, cards: [card] } };
  assert.equal(Import.parseExport(file(sample)).ok, true);
  assert.equal(Import.parseExport(file({ language: "de" })).ok, false);
  process.env.COURSE_WORDS = JSON.stringify({ ...words, languages: [...words.languages, "de"], attempts: [first, "third"],
    scale: { min: 1, max: max + 1 }, card: { ...words.card, decisions: ["keep"] } });
  try {
    assert.equal(Import.parseExport(file({ language: "de" })).ok, true);
    assert.equal(Import.parseExport(file({ "culture-test": sample["culture-test"] })).problem.code, "unknown-key");
    const third = { version: 1, attempts: { third: { bank_version: 1, answers: { a1: { [words.questions[0]]: max + 1 } } } } };
    assert.equal(Import.parseExport(file({ "culture-test": third })).ok, true);
    assert.equal(Score.latestAttempt(bank, third), third.attempts.third);
    assert.equal(Import.parseExport(file({ experiments: sample.experiments })).problem.code, "not-choice");
  } finally {
    process.env.COURSE_WORDS = JSON.stringify(words);
  }
});

test("__proto__ and constructor keys anywhere are refused, and no prototype is polluted", () => {
  const files = [
    `{"format":"${Export.FORMAT}","version":1,"data":{"worksheet":{"version":1,"answers":{"__proto__":{"polluted":"yes"}}}}}`,
    `{"format":"${Export.FORMAT}","version":1,"__proto__":{"polluted":"yes"},"data":{}}`,
    `{"format":"${Export.FORMAT}","version":1,"data":{"__proto__":{"polluted":"yes"}}}`,
    `{"format":"${Export.FORMAT}","version":1,"data":{"progress":{"version":1,"done":{"constructor":null},"last":null}}}`,
  ];
  for (const text of files) {
    const result = Import.parseExport(text);
    assert.equal(result.ok, false, text);
    assert.ok(["bad-id", "unknown-key"].includes(result.problem.code), text);
  }
  assert.equal({}.polluted, undefined);
});

test("a file larger than the limit is refused before parsing", () => {
  const result = Import.parseExport(" ".repeat(Export.MAX_FILE + 1));
  assert.deepEqual(result.problem, { path: "", code: "too-large" });
});

test("validators copy only known keys and keep hostile text as plain text", () => {
  const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  const result = Schema.check("worksheet", { version: 1, answers: { "start-role": hostile } });
  assert.equal(result.ok, true);
  assert.equal(result.value.answers["start-role"], hostile);
});

test("older stored shapes are migrated, not dropped", () => {
  const worksheet = Schema.check("worksheet", { "start-role": "Coach", "results-learned": "A lot" });
  assert.deepEqual(worksheet, { ok: true, value: { version: 1, answers: { "start-role": "Coach", "results-learned": "A lot" } } });
  const progress = Schema.check("progress", ["why/index", "how/eight-levers"]);
  assert.deepEqual(progress.value, { version: 1, done: { "why/index": null, "how/eight-levers": null }, last: null });
  // and an old shape inside an export file is migrated too
  const file = JSON.stringify({ format: Export.FORMAT, version: 1, data: { worksheet: { "start-role": "Coach" } } });
  assert.deepEqual(Import.parseExport(file).data.worksheet, { version: 1, answers: { "start-role": "Coach" } });
  // a test attempt with `answers: null` has no ratings yet; the other attempt stays as it is
  const test = Schema.check("culture-test", { version: 1, attempts: { first: attempt(2, 5), retake: { bank_version: 1, answers: null } } });
  assert.deepEqual(test.value.attempts.retake.answers, {});
  assert.deepEqual(test.value.attempts.first, attempt(2, 5));
});

test("self-checks of version 1 keep every answer and get a seed for the option order on first use", () => {
  const modules = { why: { answers: { "why-q4": ["a", "d"] }, checked: false, score: 0, total: 0, tries: 0 } };
  assert.deepEqual(Schema.check("self-checks", { version: 1, modules }).value, { version: 2, seed: null, modules });
  assert.deepEqual(Schema.check("self-checks", { version: 2, seed: "<b>x</b>", modules }).problem, { path: "self-checks.seed", code: "bad-id" });
});

test("a newer stored version is refused so that it is kept aside rather than overwritten", () => {
  assert.deepEqual(Schema.check("progress", { version: 7, done: {} }).problem, { path: "progress.version", code: "newer" });
});

test("count says how much each section holds, for the import review", () => {
  const data = sections();
  const counts = Object.keys(Schema.SECTIONS).map((name) => Import.count(name, data[name]));
  assert.deepEqual(counts, [1, 1, 1, 2, 1, 1, 1, 1]);
  assert.equal(Import.count("worksheet", { version: 1, answers: { a: "  " } }), 0);
  assert.equal(Import.count("experiments", undefined), 0);
});

const map = { modules: [
  { id: "start", title: "Start", pages: [{ id: "index", lesson: false }] },
  { id: "why", title: "2 WHY?", pages: [{ id: "why/index", lesson: false }, { id: "why/one", lesson: true }, { id: "why/two", lesson: true }] },
  { id: "how", title: "3 HOW?", pages: [{ id: "how/one", lesson: true }] },
] };

test("progress counts lessons per module and for the course, ignoring modules without lessons", () => {
  const result = LessonProgress.summary(map, { "why/one": null, "how/one": null, "why/index": null });
  assert.deepEqual(result.modules.map((m) => [m.id, m.done, m.total]), [["why", 1, 2], ["how", 1, 1]]);
  assert.deepEqual([result.done, result.total, result.percent], [2, 3, 67]);
});

test("checks: modules, test, prompts, experiment and manual ticks", () => {
  const context = { map, bank, item: "team:colleagues" };
  const state = sections();
  assert.equal(Milestones.evaluate({ kind: "module-done", module: "how" }, { progress: { version: 1, done: { "how/one": null }, last: null } }, context), true);
  assert.equal(Milestones.evaluate({ kind: "module-done", module: "why" }, state, context), false);
  assert.equal(Milestones.evaluate({ kind: "all-modules-done" }, state, context), false);
  assert.equal(Milestones.evaluate({ kind: "all-modules-done" }, { progress: { version: 1, done: { "why/one": 1, "why/two": 1, "how/one": 1 }, last: null } }, context), true);
  assert.equal(Milestones.evaluate({ kind: "test-taken", attempt: "first" }, state, context), true);
  assert.equal(Milestones.evaluate({ kind: "test-taken", attempt: "retake" }, state, context), false);
  const half = { "culture-test": { version: 1, attempts: { first: { bank_version: 1, answers: { a1: { reality: 2, aspiration: 3 } } } } } };
  assert.equal(Milestones.evaluate({ kind: "test-taken", attempt: "first" }, half, context), false);
  assert.equal(Milestones.evaluate({ kind: "prompts-filled", prompts: ["results-learned", "start-role"] }, state, context), true);
  assert.equal(Milestones.evaluate({ kind: "prompts-filled", prompts: ["results-learned", "results-will-do"] }, state, context), false);
  assert.equal(Milestones.evaluate({ kind: "experiment-planned" }, state, context), true);
  const unplanned = { experiments: { version: 1, cards: [{ id: "c", what: "x", prediction: "", measure: "y" }] } };
  assert.equal(Milestones.evaluate({ kind: "experiment-planned" }, unplanned, context), false);
  assert.equal(Milestones.evaluate({ kind: "manual" }, state, context), true);
  assert.equal(Milestones.evaluate({ kind: "manual" }, state, { ...context, item: "team:manager" }), false);
  assert.equal(Milestones.evaluate({ kind: "manual" }, {}, context), false);
});

test("combineTeam shows nothing below three people, then mean and range per dimension", () => {
  const file = (r, a) => ({ name: `p${r}${a}.json`, text: exported({ "culture-test": { version: 1, attempts: { first: attempt(r, a) } } }) });
  const two = Team.combineTeam([file(2, 5), file(3, 5)], bank);
  assert.deepEqual([two.people, two.enough, two.dimensions], [2, false, []]);
  const three = Team.combineTeam([file(2, 5), file(3, 5), file(4, 6)], bank);
  assert.equal(three.people, 3);
  assert.equal(three.enough, true);
  assert.deepEqual(three.dimensions[0].reality, { mean: 3, min: 2, max: 4 });
  assert.deepEqual(three.dimensions[0].aspiration, { mean: 16 / 3, min: 5, max: 6 });
  assert.deepEqual(three.dimensions[1].gap, { mean: 7 / 3, min: 2, max: 3 });
});

test("combineTeam counts identical files once and names files it cannot use", () => {
  const good = (r) => ({ name: `p${r}.json`, text: exported({ "culture-test": { version: 1, attempts: { first: attempt(r, 6) } } }) });
  const retaken = { name: "retake.json", text: exported({ "culture-test": { version: 1, attempts: { first: attempt(1, 6), retake: attempt(5, 6) } } }) };
  const result = Team.combineTeam([good(2), good(2), { name: "bad.json", text: "{" }, { name: "empty.json", text: exported({}) },
    { name: "huge.json", text: null }, good(3), retaken], bank);
  assert.deepEqual(result.rejected, [
    { name: "p2.json", code: "duplicate" }, { name: "bad.json", code: "not-json" }, { name: "empty.json", code: "no-test" },
    { name: "huge.json", code: "too-large" },
  ]);
  assert.equal(result.people, 3);
  // the retake is the latest attempt and is the one used
  assert.equal(result.dimensions[0].reality.max, 5);
});

test("combineTeam counts the latest complete attempt, refuses another item bank, and tells people apart by their id", () => {
  const test = (person, attempts) => ({ version: 1, ...(person ? { person } : {}), attempts });
  const file = (name, data, when) => ({ name, text: JSON.stringify({ format: "learning-culture-course", version: 1,
    exported: when || "2025-01-05T10:00:00.000Z", data: { "culture-test": data } }) });
  const unfinished = { ...attempt(6, 6), answers: { a1: { reality: 6 } } };
  const otherBank = { ...attempt(3, 4), bank_version: 2 };
  const result = Team.combineTeam([
    file("anna.json", test("panna", { first: attempt(2, 5) }), "2025-01-05T10:00:00.000Z"),
    file("bram.json", test("pbram", { first: attempt(2, 5) })),                       // answers like Anna
    file("anna-later.json", test("panna", { first: attempt(3, 5), retake: unfinished }), "2025-02-01T10:00:00.000Z"),
    file("old.json", test("pold", { first: otherBank })),
  ], bank);
  assert.deepEqual(result.rejected, [{ name: "anna.json", code: "duplicate" }, { name: "old.json", code: "other-bank" }]);
  assert.equal(result.people, 2);
  // Anna's later export counts, with its complete first attempt, not the unfinished retake
  assert.deepEqual(result.dimensions, []);
  const three = Team.combineTeam([file("a.json", test("pa", { first: attempt(3, 5), retake: unfinished })),
    file("b.json", test("pb", { first: attempt(2, 5) })), file("c.json", test("pc", { first: attempt(2, 5) }))], bank);
  assert.deepEqual(three.dimensions[0].reality, { mean: 7 / 3, min: 2, max: 3 });
});

test("latestScores prefers the latest complete attempt over an unfinished retake", () => {
  const first = attempt(2, 5);
  const retake = { ...attempt(4, 5), answers: { a1: { reality: 4 } } };
  assert.equal(Score.latestScores(bank, { version: 1, attempts: { first, retake } })[0].reality, 2);
  assert.equal(Score.latestScores(bank, { version: 1, attempts: { first, retake: attempt(4, 5) } })[0].reality, 4);
  // no complete attempt: the latest one, as before
  assert.equal(Score.latestScores(bank, { version: 1, attempts: { retake } })[0].answeredReality, 1);
  assert.equal(Score.latestScores(bank, null), null);
});

test("toMarkdown writes learner HTML and links as literal text", () => {
  const hostile = '<img src=x onerror="alert(1)"> [a](javascript:alert(2)) <javascript:x> \\[b](javascript:y)';
  const state = { worksheet: { version: 1, answers: { "start-role": hostile } },
    experiments: { version: 1, cards: [{ id: "c", what: hostile, prediction: "", measure: "", who: "", happened: "", learned: hostile, decision: "", next: "" }] } };
  const markdown = PlanMarkdown.toMarkdown({ t: { experiment_card: "Experiment", experiment_what: "What", experiment_learned: "Learned",
    plan_cover_name: "Name", plan_cover_date: "Date" },
    title: "Plan", date: "today", state, number: String, scores: null,
    catalogue: { modules: [{ id: "start", title: "Start", prompts: [{ id: "start-role", label: "Role", type: "short", choices: [] }] }] } });
  const literal = '&lt;img src=x onerror="alert(1)"> \\[a\\](javascript:alert(2)) &lt;javascript:x> \\\\\\[b\\](javascript:y)';
  // on the cover (the start module's answer), and the card's two fields
  assert.equal(markdown.split(literal).length - 1, 3);
  assert.doesNotMatch(markdown, /<img|<javascript|[^\\]\[a\]/);
});

test("toMarkdown writes a plan with a cover, the test table, only the answers given (quoted) and cards", () => {
  const t = {
    plan_focus_title: "Focus", plan_dimension: "Dimension", plan_reality: "Today", plan_aspiration: "In 12 months", plan_gap: "Gap",
    plan_not_written: "Not written yet", experiments_title: "Experiment cards", experiments_none: "None", experiment_card: "Experiment",
    experiment_what: "What", experiment_prediction: "Prediction", experiment_measure: "Measure", experiment_who: "Who",
    experiment_happened: "Happened", experiment_learned: "Learned", experiment_decision: "Decision", experiment_next: "Next",
    experiment_decision_adapt: "Adapt", plan_cover_name: "Name", plan_cover_date: "Date",
  };
  const state = sections();
  state.worksheet.answers["what-case-choice"] = "toyota";
  const input = {
    t, title: "Plan", date: "3 January 2025", state, number: (v) => v.toFixed(1), name: "Anna",
    scores: Score.sortedByGap(Score.dimensionScores(bank, attempt(2, 5).answers)).map((s, i) => i ? s : { ...s, title: "Al|pha" }),
    catalogue: { modules: [
      { id: "start", title: "Start", prompts: [{ id: "start-role", label: "Your role", type: "short", choices: [] }, { id: "start-organisation", label: "Org", type: "short", choices: [] }] },
      { id: "what", title: "4 WHAT?", prompts: [{ id: "what-case-choice", label: "Case", type: "choice", choices: [{ id: "toyota", label: "Toyota" }] }, { id: "what-borrow", label: "Borrow", type: "long", choices: [] }] },
      { id: "how", title: "3 HOW?", prompts: [{ id: "how-levers", label: "Levers", type: "long", choices: [] }] },
    ] },
  };
  const markdown = PlanMarkdown.toMarkdown(input);
  // the cover: name, the first module's answers, the date; that module is not repeated below
  assert.match(markdown, /^# Plan\n\n\*\*Name:\*\* Anna  \n\*\*Your role:\*\* L&D adviser  \n\*\*Date:\*\* 3 January 2025\n\n## Focus\n\n\| Dimension \| Today \| In 12 months \| Gap \|\n\|---\|---:\|---:\|---:\|\n\| Al\\\|pha \| 2\.0 \| 5\.0 \| 3\.0 \|/);
  assert.doesNotMatch(markdown, /## Start|Org/);
  assert.match(markdown, /## 4 WHAT\?\n\n### Case\n\n> Toyota\n/);
  assert.doesNotMatch(markdown, /Borrow|3 HOW\?|Not written yet/);
  assert.match(markdown, /### Experiment 1\n\n\*\*What\*\*\n\n> Weekly review\n\n\*\*Prediction\*\*\n\n> More ideas/);
  assert.doesNotMatch(markdown, /Experiment 1: /);
  assert.match(markdown, /\*\*Decision\*\*\n\n> Adapt\n/);
  assert.doesNotMatch(markdown, /\*\*Who\*\*/);
  // with the option, the questions not answered are listed too
  const full = PlanMarkdown.toMarkdown({ ...input, includeEmpty: true });
  assert.match(full, /### Borrow\n\n_Not written yet_/);
  assert.match(full, /## 3 HOW\?\n\n### Levers\n\n_Not written yet_/);
});

