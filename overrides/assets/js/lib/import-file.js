// provides: ImportFile
// needs: LearnerSchema, ExportFile
/* Reading an export file (lib/export-file.js) to import it: validating it, and how much each
   section holds (to show what an import would replace). Pure functions; only the pages that
   import load them. */
(function () {
  "use strict";
  var Schema = window.LearnerSchema;
  var FORMAT = window.ExportFile.FORMAT;
  var FORMAT_VERSION = window.ExportFile.FORMAT_VERSION;
  var MAX_FILE = window.ExportFile.MAX_FILE;

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

  window.ImportFile = { parseExport: parseExport, count: count };
})();
