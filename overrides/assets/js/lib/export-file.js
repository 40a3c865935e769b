// provides: ExportFile
// needs: LearnerSchema
/* The export file of the learner's data: its format and writing it (reading one to import it is
   lib/import-file.js). Pure functions. */
(function () {
  "use strict";
  var Schema = window.LearnerSchema;
  var FORMAT = "learning-culture-course";
  var FORMAT_VERSION = 1;
  var MAX_FILE = 5000000;     // bytes per import file

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* The export file: every known section present in `sections`, with format and version. */
  function serialise(sections, now) {
    var data = {};
    Object.keys(Schema.SECTIONS).forEach(function (name) {
      if (own(sections, name) && sections[name] !== null && sections[name] !== undefined) data[name] = sections[name];
    });
    return { format: FORMAT, version: FORMAT_VERSION, exported: now, data: data };
  }

  window.ExportFile = {
    FORMAT: FORMAT, FORMAT_VERSION: FORMAT_VERSION, MAX_FILE: MAX_FILE,
    serialise: serialise
  };
})();
