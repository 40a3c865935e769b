// provides: LearnerMigrations
/* Older shapes of the learner's stored sections, upgraded step by step to the current version
   before learner-schema.js validates them, and test attempts carried over to a newer item bank.
   Pure functions. */
(function () {
  "use strict";
  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  var migrations = {
    // version 0 of the worksheet: a bare map of prompt id -> text
    "worksheet": function (value) {
      var bare = value !== null && typeof value === "object" && !Array.isArray(value) &&
        !Object.prototype.hasOwnProperty.call(value, "version");
      return bare ? { version: 1, answers: value } : value;
    },
    // a test attempt without answers (`answers: null`): no ratings yet, the other attempt kept.
    // Changed in place: the value is freshly parsed, and copying keys such as "__proto__" into a
    // new object would hide them from the validator that refuses them.
    "culture-test": function (value) {
      var attempts = value !== null && typeof value === "object" ? value.attempts : null;
      if (attempts === null || typeof attempts !== "object") return value;
      Object.keys(attempts).forEach(function (name) {
        var attempt = attempts[name];
        if (attempt !== null && typeof attempt === "object" && attempt.answers === null) attempt.answers = {};
      });
      return value;
    },
    // version 0 of progress: a list of finished lesson ids
    "progress": function (value) {
      if (!Array.isArray(value)) return value;
      var done = {};
      value.forEach(function (id) { if (typeof id === "string") done[id] = null; });
      return { version: 1, done: done, last: null };
    },
    // version 1 of the self-checks had no seed for the learner's order of options (made on first use)
    "self-checks": function (value) {
      var v1 = value !== null && typeof value === "object" && value.version === 1;
      return v1 ? { version: 2, seed: null, modules: value.modules } : value;
    }
  };

  /* `value` of section `name` in its current shape (unchanged when it has no older shape). */
  function upgrade(name, value) {
    return Object.prototype.hasOwnProperty.call(migrations, name) ? migrations[name](value) : value;
  }

  /* Carry a test attempt saved on an earlier version of the item bank over to the bank's version,
     step by step along bank.revisions (data/culture-test.yml). Returns {attempt, changes}: the
     attempt with its ratings under today's statement ids, and what changed since its version
     (statements reworded with the ratings kept, statements added, old texts of statements removed
     with their ratings, and the revision notes), or changes null when there is nothing to carry
     over. The stored attempt itself is not touched. */
  function migrateAttempt(attempt, bank) {
    var from = attempt.bank_version;
    var steps = (bank.revisions || []).filter(function (r) { return r.version > from && r.version <= bank.version; });
    if (from >= bank.version || steps.length !== bank.version - from) return { attempt: attempt, changes: null };
    var answers = attempt.answers, known = {}, reworded = {}, removed = [], notes = [];
    steps[0].statements.forEach(function (change) { known[change.from] = true; });
    steps.forEach(function (step) {
      var next = {}, nextKnown = {}, nextReworded = {};
      step.statements.forEach(function (change) {
        if (change.to === null || change.to === undefined) { removed.push(change.removed); return; }
        nextKnown[change.to] = known[change.from] === true;
        if (reworded[change.from] || change.reworded) nextReworded[change.to] = true;
        if (own(answers, change.from)) next[change.to] = answers[change.from];
      });
      answers = next; known = nextKnown; reworded = nextReworded;
      notes.push(step.note);
    });
    var ids = bank.statements.map(function (s) { return s.id; });
    return {
      attempt: { bank_version: bank.version, started: attempt.started, updated: attempt.updated, answers: answers },
      changes: {
        from: from, notes: notes, removed: removed,
        reworded: ids.filter(function (id) { return reworded[id] === true; }),
        added: ids.filter(function (id) { return known[id] !== true; })
      }
    };
  }

  window.LearnerMigrations = { upgrade: upgrade, attempt: migrateAttempt };
})();
