// provides: DataTransferPage
// needs: CourseLearner, CourseUI, CourseModules, CourseBackup, LearnerSchema, ExportFile, ImportFile, HandoffLink, PlanMarkdown, CultureTestScore, NumberFormat
/* Export (Markdown plan, JSON of all data), import from a file or a link made on another device
   (validate, show what will be replaced, apply all or nothing), "delete all my course data", and
   on the your-data page how safely this browser keeps it, on the action-plan and your-data pages. */
(function () {
  "use strict";
  var Schema = window.LearnerSchema;
  var Export = window.ExportFile;
  var Import = window.ImportFile;
  var Learner = window.CourseLearner;
  var format = window.CourseUI.format;
  var pending = null;

  function today() { return new Date().toISOString().slice(0, 10); }

  function exportMarkdown() {
    var t = Learner.t();
    var Score = window.CultureTestScore;
    var bank = Learner.pageJson("culture-test-bank");
    var scores = bank ? Score.latestScores(bank, Learner.load("culture-test")) : null;
    var ready = scores && Score.complete(scores);
    var text = window.PlanMarkdown.toMarkdown({
      t: t, title: t.export_plan_title,
      date: window.NumberFormat.date(new Date(), t.date_locale), name: Learner.load("certificate").name,
      includeEmpty: !!document.querySelector("[data-print-empty]:checked"),
      catalogue: { modules: Learner.pageJson("course-worksheet") || [] }, state: Learner.snapshot(),
      scores: ready ? Score.sortedByGap(scores) : null, number: function (value) { return window.NumberFormat.decimal(value, 1, document.documentElement.lang); }
    });
    var name = format(t.export_file_plan, { date: today() });
    Learner.download(name, "text/markdown;charset=utf-8", text);
    return name;
  }

  /* A clear, translated reason for a refused file (or link); the path is the place in the file. */
  function reason(problem, template) {
    var t = Learner.t();
    var text = t["import_reason_" + problem.code] || t.import_reason_invalid;
    if (problem.path) text = format(t.import_error_at, { reason: text, path: problem.path.slice(0, 120) });
    return format(template || t.import_error, { reason: text });
  }

  function message(root, selector, text, problem) {
    var node = root.querySelector(selector);
    node.textContent = text;
    node.hidden = !text;
    node.classList.toggle("course-data__message--problem", !!problem);
  }

  function review(root, data) {
    var t = Learner.t();
    var rows = root.querySelector("[data-import-rows]");
    rows.textContent = "";
    var now = Learner.snapshot();
    Object.keys(Schema.SECTIONS).forEach(function (name) {
      rows.appendChild(window.CourseUI.tableRow([t["section_" + name], String(Import.count(name, now[name])), String(Import.count(name, data[name]))]));
    });
    root.querySelector("[data-import-review]").hidden = false;
  }

  function choose(root, input) {
    var file = input.files && input.files[0];
    pending = null;
    root.querySelector("[data-import-review]").hidden = true;
    message(root, "[data-import-message]", "");
    if (!file) return;
    if (file.size > Export.MAX_FILE) {
      message(root, "[data-import-message]", reason({ code: "too-large", path: "" }), true);
      return;
    }
    file.text().then(function (text) { accept(root, Import.parseExport(text)); });
  }

  /* An export read from a file or a link: refused with its reason, or shown for review. */
  function accept(root, parsed, template) {
    if (!parsed.ok) { message(root, "[data-import-message]", reason(parsed.problem, template), true); return false; }
    pending = parsed.data;
    review(root, pending);
    return true;
  }

  /* Opened with a link from another device (#continue=...): its data is read here only, taken out
     of the address bar at once, and goes through the same checks and review as a file. */
  function arrive(root) {
    var hash = location.hash;
    if (!window.HandoffLink.isHandoff(hash)) return;
    history.replaceState(history.state, "", location.pathname + location.search);
    var template = Learner.t().handoff_error;
    window.HandoffLink.fromFragment(hash, Export.MAX_FILE).then(function (read) {
      if (!accept(root, read.ok ? Import.parseExport(read.text) : read, template)) return;
      message(root, "[data-import-message]", Learner.t().handoff_arrived);
      root.querySelector("[data-import-review]").scrollIntoView();
    });
  }

  /* How safely this browser keeps the data: protected storage, how much, the last backup. */
  function report(root) {
    var box = root.querySelector("[data-keep]");
    if (!box) return;
    var t = Learner.t();
    var persisted = box.querySelector("[data-keep-persisted]");
    persisted.textContent = t.keep_persisted_unknown;
    if (navigator.storage && navigator.storage.persisted) {
      navigator.storage.persisted().then(function (yes) { persisted.textContent = yes ? t.keep_persisted_yes : t.keep_persisted_no; }, function () {});
    }
    var size = new Blob([JSON.stringify(Learner.snapshot())]).size;
    box.querySelector("[data-keep-stored]").textContent = format(t.keep_stored_amount, {
      size: new Intl.NumberFormat(document.documentElement.lang, { style: "unit", unit: size < 1e6 ? "kilobyte" : "megabyte", maximumFractionDigits: 1 }).format(size / (size < 1e6 ? 1e3 : 1e6))
    });
    var exported = window.CourseBackup.record().exported;
    box.querySelector("[data-keep-backup]").textContent = exported
      ? new Date(exported).toLocaleString(document.documentElement.lang, { dateStyle: "long", timeStyle: "short" }) : t.keep_never;
  }
  function apply(root) {
    if (!pending) return;
    var ok = Learner.replaceAll(pending);
    pending = null;
    root.querySelector("[data-import-review]").hidden = true;
    root.querySelector("[data-import-file]").value = "";
    message(root, "[data-import-message]", ok ? Learner.t().data_import_done : Learner.t().data_import_failed, !ok);
    document.dispatchEvent(new CustomEvent("course:data-replaced"));
    report(root);
  }

  function onClick(root, event) {
    var button = event.target.closest("button");
    if (!button) return;
    var t = Learner.t();
    var kind = button.getAttribute("data-export");
    if (kind) {
      var name = kind === "json" ? window.CourseBackup.download() : exportMarkdown();
      message(root, "[data-transfer-status]", format(t.export_done, { file: name }));
      report(root);
    } else if (button.hasAttribute("data-import-apply")) apply(root);
    else if (button.hasAttribute("data-import-cancel")) {
      pending = null;
      root.querySelector("[data-import-review]").hidden = true;
      root.querySelector("[data-import-file]").value = "";
      message(root, "[data-import-message]", t.data_import_cancelled);
    } else if (button.hasAttribute("data-delete-start")) {
      root.querySelector("[data-delete-confirm]").hidden = false;
      root.querySelector("[data-delete-yes]").focus();
    } else if (button.hasAttribute("data-delete-no")) {
      root.querySelector("[data-delete-confirm]").hidden = true;
    } else if (button.hasAttribute("data-delete-yes")) {
      var ok = Learner.deleteAll();
      if (ok) window.CourseBackup.forget();
      root.querySelector("[data-delete-confirm]").hidden = true;
      message(root, "[data-delete-message]", ok ? t.data_deleted : t.data_delete_failed, !ok);
      document.dispatchEvent(new CustomEvent("course:data-replaced"));
      report(root);
    }
  }

  function init() {
    var root = document.querySelector("[data-course-data], [data-course-plan]");
    if (!root) return;
    root.addEventListener("click", function (event) { onClick(root, event); });
    var input = root.querySelector("[data-import-file]");
    if (input) input.addEventListener("change", function () { choose(root, input); });
    report(root);
    if (input) arrive(root);
  }

  window.CourseModules.start("DataTransferPage", init);
})();
