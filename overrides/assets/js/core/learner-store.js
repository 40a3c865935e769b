// provides: CourseLearner
// needs: CourseStorage, CourseUI, CourseModules, LearnerSchema
/* The one door to the learner's data in this browser (every module reads and writes it here, never
   through CourseStorage): read with migration and validation, data that is unreadable or invalid
   kept aside under "<name>.corrupt-<time>" (never wiped or overwritten) and reported, all-or-nothing
   replacement for imports, deletion, and visible warnings when storage is unavailable or full. */
(function () {
  "use strict";
  var Schema = window.LearnerSchema;
  var Storage = window.CourseStorage;
  var keptAside = [];
  // Values that could not be stored (storage blocked or full), kept for this page's lifetime so
  // the tools go on working; the learner is warned that they will be lost.
  var memory = {};

  function t() { return window.CourseUI.strings(); }

  /* The section's current value (migrated and valid), or its empty value. */
  function load(name) {
    if (Object.prototype.hasOwnProperty.call(memory, name)) return JSON.parse(memory[name]);
    var stored = Storage.read(name, null);
    if (stored.raw === null) return Schema.empty(name);
    var result = stored.ok ? Schema.check(name, stored.value) : { ok: false };
    if (result.ok) return result.value;
    keepAside(name, stored.raw);
    return Schema.empty(name);
  }

  function keepAside(name, raw) {
    var copy = name + ".corrupt-" + new Date().toISOString().replace(/[:.]/g, "-");
    // Only remove the original once its copy is safe.
    if (Storage.write(copy, raw)) Storage.remove(name);
    if (keptAside.indexOf(name) < 0) keptAside.push(name);
    showNotices();
  }

  function save(name, value) {
    var ok = Storage.write(name, value);
    if (ok) delete memory[name];
    else memory[name] = JSON.stringify(value);
    return ok;
  }

  /* Every section this browser holds, for the export: stored, or kept in this page's memory when
     storage is blocked or full (the notice tells the learner to export it). */
  function snapshot() {
    var result = {};
    Object.keys(Schema.SECTIONS).forEach(function (name) {
      if (holds(name)) result[name] = load(name);
    });
    return result;
  }

  /* Whether this browser holds section `name` (stored, or in this page's memory). */
  function holds(name) {
    return Object.prototype.hasOwnProperty.call(memory, name) || Storage.read(name, null).raw !== null;
  }

  /* A record about the data that is not learner data itself (when the last backup was made,
     core/backup.js): read and written as it is, never exported or imported. */
  function readRecord(name) { return Storage.read(name, null).value; }
  function writeRecord(name, value) { return Storage.write(name, value); }

  /* Replace every section with `data`'s (absent sections are cleared). On any failure, the stored
     text of before is put back, so the import changes everything or nothing. */
  function replaceAll(data) {
    var names = Object.keys(Schema.SECTIONS);
    var before = {};
    names.forEach(function (name) { before[name] = Storage.read(name, null).raw; });
    var ok = names.every(function (name) {
      return Object.prototype.hasOwnProperty.call(data, name) ? Storage.write(name, data[name]) : Storage.remove(name);
    });
    if (!ok) names.forEach(function (name) { restore(name, before[name]); });
    return ok;
  }

  function restore(name, raw) {
    if (raw === null) { Storage.remove(name); return; }
    try { Storage.write(name, JSON.parse(raw)); } catch (error) { /* unreadable before: left as it is */ }
  }

  /* Delete every key of this site's course data, including copies kept aside; false when any
     could not be deleted, or storage cannot even be read (it may hold data of an earlier visit). */
  function deleteAll() {
    memory = {};
    var names = Storage.names();
    return names !== null && names.map(function (name) { return Storage.remove(name); }).every(Boolean);
  }

  /* Call back when another tab changed `name` (or cleared everything). */
  function onChange(names, callback) {
    Storage.onChange(function (changed) {
      if (changed === null || names.indexOf(changed) >= 0) callback(changed);
    });
  }

  /* The notice area at the top of the page's content: storage problems and data kept aside. */
  function showNotices() {
    var article = document.querySelector(".md-content__inner");
    if (!article) return;
    var box = article.querySelector("[data-course-notices]");
    var messages = [];
    var problem = Storage.problem();
    if (problem) messages.push(problem === "full" ? t().storage_full : t().storage_unavailable);
    keptAside.forEach(function (name) {
      messages.push(window.CourseUI.format(t().storage_kept_aside, { name: t()["section_" + name] || name }));
    });
    if (!messages.length) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.className = "admonition warning course-notices";
      box.setAttribute("role", "alert");
      box.setAttribute("data-course-notices", "");
      article.insertBefore(box, article.firstChild);
    }
    box.textContent = "";
    messages.forEach(function (message) {
      var p = document.createElement("p");
      p.textContent = message;
      box.appendChild(p);
    });
  }

  document.addEventListener("course:storage-problem", showNotices);
  window.CourseModules.start("CourseLearner", showNotices);

  /* Start a file download of `text` without any request. */
  function download(fileName, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /* Data the build put in the page, or null: a data-json attribute in the content (Material re-runs
     content <script> elements after instant navigation) or a JSON <script> in the head. */
  function pageJson(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    return JSON.parse(node.hasAttribute("data-json") ? node.getAttribute("data-json") : node.textContent);
  }

  window.CourseLearner = {
    load: load, save: save, snapshot: snapshot, holds: holds, readRecord: readRecord, writeRecord: writeRecord, replaceAll: replaceAll, deleteAll: deleteAll,
    onChange: onChange, showNotices: showNotices, download: download, pageJson: pageJson, t: t
  };
})();
