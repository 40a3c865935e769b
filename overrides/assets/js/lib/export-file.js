// provides: ExportFile
// needs: LearnerSchema
/* The export file of the learner's data: writing it, reading and validating an imported one, and
   how much each section holds (to show what an import would replace). Pure functions. */
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

  /* Read an export file's text: {ok, data} with clean sections, or {ok: false, problem}. */
  function parseExport(textValue) {
    if (typeof textValue !== "string") return { ok: false, problem: { path: "", code: "not-json" } };
    if (textValue.length > MAX_FILE) return { ok: false, problem: { path: "", code: "too-large" } };
    var parsed;
    try { parsed = JSON.parse(textValue); } catch (error) { return { ok: false, problem: { path: "", code: "not-json" } }; }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed) || parsed.format !== FORMAT) {
      return { ok: false, problem: { path: "format", code: "not-course-file" } };
    }
    if (typeof parsed.version !== "number" || parsed.version % 1 !== 0 || parsed.version < 1) return { ok: false, problem: { path: "version", code: "version" } };
    if (parsed.version > FORMAT_VERSION) return { ok: false, problem: { path: "version", code: "newer" } };
    var envelope = Schema.outcome(function () {
      Schema.keysOf(parsed, "", ["format", "version", "exported", "data"]);
      Schema.optionalDate(parsed.exported, "exported");
      Schema.keysOf(parsed.data, "data", Object.keys(Schema.SECTIONS));
    });
    if (!envelope.ok) return envelope;
    var data = {};
    var names = Object.keys(parsed.data);
    for (var i = 0; i < names.length; i++) {
      var result = Schema.check(names[i], parsed.data[names[i]], "data." + names[i]);
      if (!result.ok) return result;
      data[names[i]] = result.value;
    }
    return { ok: true, data: data, exported: parsed.exported || null };
  }

  /* How much a section holds, to show what an import would replace. */
  function count(name, value) {
    if (value === null || value === undefined) return 0;
    switch (name) {
      case "culture-test": return Object.keys(value.attempts).length;
      case "self-checks": return Object.keys(value.modules).length;
      case "worksheet": return Object.keys(value.answers).filter(function (k) { return Schema.filled(value.answers[k]); }).length;
      case "experiments": return value.cards.length;
      case "progress": return Object.keys(value.done).length;
      case "route": return value.route ? 1 : 0;
      case "certificate": return value.name ? 1 : 0;
      default: return value ? 1 : 0;
    }
  }

  window.ExportFile = {
    FORMAT: FORMAT, FORMAT_VERSION: FORMAT_VERSION, MAX_FILE: MAX_FILE,
    serialise: serialise, parseExport: parseExport, count: count
  };
})();
