// provides: CourseBackup
// needs: CourseLearner, CourseUI, CourseModules, LearnerSchema, ExportFile, BackupPlan, SharedWords
/* Keeping the learner's work: the backup file (the JSON export) and when it was last made, the
   request for persistent storage at the first save, a marker that this browser has held course
   work (kept in Cache Storage, apart from the stored data), the backup nudge and the restore offer. */
(function () {
  "use strict";
  var Learner = window.CourseLearner;
  var RECORD = "backup";
  // written as the learner reads (the language, the last page), not work of their own
  var AUTOMATIC = ["language", "progress"];
  var asked = false;
  var nudged = false;  // in this page's life; sessionStorage keeps it for the visit

  // per copy of the course: several may share one origin under different paths
  function markerCache() { return "course-learner:" + (typeof __md_scope !== "undefined" ? __md_scope : new URL(".", location.href)).pathname; }
  function work() { return window.BackupPlan.units(Learner.snapshot(), window.SharedWords.backup().units); }
  function record() { return Learner.readRecord(RECORD) || {}; }

  /* Download the backup file of everything stored and remember when; returns the file's name. */
  function download() {
    var file = window.ExportFile.serialise(Learner.snapshot(), new Date().toISOString());
    var name = window.CourseUI.format(Learner.t().export_file_data, { date: file.exported.slice(0, 10) });
    Learner.download(name, "application/json", JSON.stringify(file, null, 2));
    var kept = record();
    Learner.writeRecord(RECORD, { version: 1, exported: file.exported, units: work(), persist: kept.persist || null });
    return name;
  }

  function hasWork() {
    return Object.keys(window.LearnerSchema.SECTIONS).some(function (name) {
      return AUTOMATIC.indexOf(name) < 0 && Learner.holds(name);
    });
  }

  /* The first save of learner work: ask the browser to keep this site's storage, and leave the
     marker that tells a later visit with empty storage that work was lost. */
  function onSaved(event) {
    if (asked || AUTOMATIC.indexOf(event.detail) >= 0 || !(event.detail in window.LearnerSchema.SECTIONS)) return;
    asked = true;
    if (window.caches) caches.open(markerCache()).then(function (cache) { return cache.put(new URL("course-learner-marker", location.origin), new Response("1")); }).catch(function () {});
    if (navigator.storage && navigator.storage.persist) {
      navigator.storage.persisted().then(function (yes) { return yes || navigator.storage.persist(); }).catch(function () {});
    }
  }

  /* Forget the marker (the learner deleted their data on purpose). */
  function forget() { if (window.caches) caches.delete(markerCache()).catch(function () {}); }

  function returning() {
    if (window.matchMedia && matchMedia("(display-mode: standalone)").matches) return Promise.resolve(true);
    if (!window.caches) return Promise.resolve(false);
    // caches.has first: opening would create the cache for every new learner
    return caches.has(markerCache()).then(function (kept) {
      return kept && caches.open(markerCache()).then(function (cache) { return cache.match(new URL("course-learner-marker", location.origin)); });
    }).then(Boolean).catch(function () { return false; });
  }

  function notice(kind, text, actions) {
    var article = document.querySelector(".md-content__inner");
    if (!article || article.querySelector("[data-course-" + kind + "]")) return null;
    var box = document.createElement("div");
    box.className = "admonition tip course-nudge";
    box.setAttribute("role", "status");
    box.setAttribute("data-course-" + kind, "");
    var p = document.createElement("p");
    p.textContent = text;
    box.appendChild(p);
    var row = document.createElement("p");
    actions.forEach(function (node) { row.appendChild(node); row.appendChild(document.createTextNode(" ")); });
    box.appendChild(row);
    article.insertBefore(box, article.firstChild);
    return box;
  }

  function button(label, primary, onClick) {
    var node = document.createElement("button");
    node.type = "button";
    node.className = "md-button" + (primary ? " md-button--primary" : "");
    node.textContent = label;
    node.addEventListener("click", onClick);
    return node;
  }

  function seenThisVisit() {
    try { return nudged || sessionStorage.getItem("course-backup-nudged") === "1"; } catch (error) { return nudged; }
  }

  function nudge() {
    var settings = window.SharedWords.backup();
    if (!settings || seenThisVisit() || document.querySelector("[data-course-data]")) return;
    var kept = record(), current = work();
    if (!window.BackupPlan.due(kept, current, Date.now(), settings)) return;
    var t = Learner.t();
    var box = notice("nudge", kept.exported ? t.backup_nudge_old : t.backup_nudge_first, [
      button(t.backup_nudge_download, true, function () { box.querySelector("p").textContent = window.CourseUI.format(t.export_done, { file: download() }); this.parentNode.remove(); }),
      button(t.backup_nudge_dismiss, false, function () {
        var latest = record();
        latest.dismissed = new Date().toISOString();
        latest.dismissed_units = work();
        Learner.writeRecord(RECORD, latest);
        box.remove();
      })
    ]);
    nudged = true;
    try { sessionStorage.setItem("course-backup-nudged", "1"); } catch (error) { /* remembered for this page */ }
  }

  function offerRestore() {
    var data = window.CourseLanguageData;
    if (hasWork() || !data || !data.your_data || document.querySelector("[data-course-data]")) return;
    returning().then(function (yes) {
      if (!yes || hasWork()) return;
      var link = document.createElement("a");
      link.className = "md-button md-button--primary";
      link.href = new URL(data.your_data + "#data-import", typeof __md_scope !== "undefined" ? __md_scope : location.href).href;
      link.textContent = Learner.t().restore_link;
      notice("restore", Learner.t().restore_offer, [link]);
    });
  }

  document.addEventListener("course:storage-saved", onSaved);
  window.CourseModules.start("CourseBackup", function () { nudge(); offerRestore(); });

  window.CourseBackup = { download: download, record: record, forget: forget, work: work };
})();
