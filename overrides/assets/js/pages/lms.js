// provides: CourseLMS
// needs: CourseLearner, CourseMilestones, Milestones, LessonProgress, ExportFile, ImportFile, CourseUI, CourseModules
/* Inside an LMS package, the course pages talk to the launch page's bridge (assets/lms/launch.js):
   on the first page of a launch they take back the learner's data the LMS kept (the newer of the
   LMS's and this browser's copy wins, and the learner is told), and on every page they report
   where the learner is, progress, completion and the self-checks' score, and hand over the
   learner's data when it changes. Without a launch page (the site, the offline zip) it does
   nothing. The LMS's copy goes through the same validation as an imported file. */
(function () {
  "use strict";
  var Learner = window.CourseLearner;
  var ExportFile = window.ExportFile;
  var Milestones = window.Milestones;
  var SYNC = "lms-sync";  // when this browser's copy was last handed to the LMS
  // what is left out, in this order, when the learner's data does not fit the LMS's limit
  var OPTIONAL = [["experiments"], ["worksheet"], ["worksheet", "experiments"]];
  var bridge = null;
  try {
    bridge = window.parent !== window && window.parent.CourseLMSBridge ? window.parent.CourseLMSBridge : null;
  } catch (error) {
    bridge = null;  // framed by another site: not our launch page
  }
  var pending = null;
  var omittedShown = "";

  function t() { return window.CourseUI.strings(); }

  function localDate(iso) {
    return new Date(iso).toLocaleString(document.documentElement.lang || undefined, { dateStyle: "long", timeStyle: "short" });
  }

  function notice(text) {
    var content = document.querySelector(".md-content__inner");
    if (!content) return;
    var box = document.createElement("div");
    box.className = "admonition info course-lms-notice";
    box.setAttribute("role", "status");
    var paragraph = document.createElement("p");
    paragraph.textContent = text;
    box.appendChild(paragraph);
    content.insertBefore(box, content.firstChild);
  }

  function showMessages() {
    bridge.messages().forEach(function (message) {
      if (t()[message.key]) notice(window.CourseUI.format(t()[message.key], message.values));
    });
  }

  function isEmpty(sections) {
    return Object.keys(sections).every(function (name) { return window.ImportFile.count(name, sections[name]) === 0; });
  }

  function syncedAt() {
    var value = Learner.readRecord(SYNC);
    return value && typeof value.savedAt === "string" ? Date.parse(value.savedAt) || 0 : 0;
  }

  /* The first page of a launch: the LMS's copy replaces an empty or older local one. */
  function restore() {
    var text = bridge.takeStored();
    if (text === null) return;
    var parsed = window.ImportFile.parseExport(text);
    if (!parsed.ok) return;  // unreadable: keep this browser's data, the next save replaces it
    var local = Learner.snapshot();
    var lmsTime = Date.parse(parsed.exported) || 0;
    if (isEmpty(local) || lmsTime > syncedAt()) {
      if (Learner.replaceAll(parsed.data)) {
        Learner.writeRecord(SYNC, { savedAt: parsed.exported });
        if (!isEmpty(local)) notice(window.CourseUI.format(t().lms_restored, { date: localDate(parsed.exported) }));
      }
    } else if (lmsTime < syncedAt()) {
      notice(window.CourseUI.format(t().lms_kept_local, { date: localDate(parsed.exported) }));
      save();
    }
  }

  function selfCheckScore() {
    var modules = Learner.load("self-checks").modules || {};
    var score = { raw: 0, max: 0 };
    Object.keys(modules).forEach(function (id) {
      if (modules[id].checked) {
        score.raw += modules[id].score;
        score.max += modules[id].total;
      }
    });
    return score.max ? score : null;
  }

  function report() {
    var map = window.CourseMilestones.courseMap();
    var state = window.CourseMilestones.state();
    var done = window.LessonProgress.summary(map, (state.progress || {}).done);
    var complete = bridge.criteria.every(function (criterion) {
      return Milestones.evaluate(criterion.check, state, { map: map, bank: bridge.bank, item: null });
    });
    bridge.report({ progress: done.total ? done.done / done.total : 0, complete: complete, score: selfCheckScore() });
  }

  /* Hand the learner's data to the LMS: everything, or without the largest optional sections. */
  function save() {
    clearTimeout(pending);
    pending = null;
    var now = new Date().toISOString();
    var sections = Learner.snapshot();
    Learner.writeRecord(SYNC, { savedAt: now });
    var candidates = [{ text: JSON.stringify(ExportFile.serialise(sections, now)), omitted: [] }];
    OPTIONAL.forEach(function (leftOut) {
      if (!leftOut.some(function (name) { return name in sections; })) return;
      var kept = {};
      Object.keys(sections).forEach(function (name) { if (leftOut.indexOf(name) < 0) kept[name] = sections[name]; });
      candidates.push({ text: JSON.stringify(ExportFile.serialise(kept, now)), omitted: leftOut });
    });
    bridge.save(candidates).then(function (result) {
      var omitted = result ? result.omitted : Object.keys(sections);
      var key = omitted.join(",");
      if (key && key !== omittedShown) {
        omittedShown = key;
        var names = omitted.map(function (name) { return t()["section_" + name] || name; }).join(", ");
        notice(window.CourseUI.format(t().lms_too_large, { sections: names }));
      }
    });
  }

  /* The test's ratings as interactions, only when the organisation switched that on (README). */
  function interactions() {
    if (!bridge.reportTest) return;
    var list = [];
    var attempts = Learner.load("culture-test").attempts || {};
    Object.keys(attempts).sort().forEach(function (attempt) {
      var answers = attempts[attempt].answers || {};
      Object.keys(answers).sort().forEach(function (statement) {
        ["reality", "aspiration"].forEach(function (question) {
          if (typeof answers[statement][question] === "number") {
            list.push({ id: attempt + "." + statement + "." + question, value: String(answers[statement][question]) });
          }
        });
      });
    });
    bridge.interactions(list);
  }

  function init() {
    if (!bridge) return;
    restore();
    bridge.visit(location.href);
    report();
    showMessages();
    bridge.listen(showMessages);
  }

  if (bridge) {
    var changed = function (event) {
      if (event.detail === SYNC) return;  // its own bookkeeping
      if (event.detail === "culture-test") interactions();
      report();
      clearTimeout(pending);
      pending = setTimeout(save, 1000);
    };
    ["course:storage-saved", "course:data-replaced"].forEach(function (event) { document.addEventListener(event, changed); });
    // a page change or the learner leaving: hand over what is not saved yet
    window.addEventListener("pagehide", function () { if (pending) save(); bridge.flush(); });
  }
  window.CourseLMS = { active: !!bridge };
  window.CourseModules.start("CourseLMS", init);
})();
