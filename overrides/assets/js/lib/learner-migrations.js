// provides: LearnerMigrations
/* Older shapes of the learner's stored sections, upgraded step by step to the current version
   before learner-schema.js validates them. Pure functions. */
(function () {
  "use strict";
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
    }
  };

  /* `value` of section `name` in its current shape (unchanged when it has no older shape). */
  function upgrade(name, value) {
    return Object.prototype.hasOwnProperty.call(migrations, name) ? migrations[name](value) : value;
  }

  window.LearnerMigrations = { upgrade: upgrade };
})();
