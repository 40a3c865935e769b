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
