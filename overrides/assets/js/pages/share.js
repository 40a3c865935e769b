// provides: SharePage
// needs: CourseLearner, CourseUI, CourseModules, CourseMilestones, ShareRequest
/* Asking for the community's certificate: what the learner shares (lib/share-request.js), a
   preview as text, and the Markdown document and JSON request file. Nothing is sent anywhere;
   the learner's name is the one the certificate page keeps. */
(function () {
  "use strict";
  var Learner = window.CourseLearner;
  var format = window.CourseUI.format;

  function today() { return new Date().toISOString().slice(0, 10); }

  function input(root) {
    var Checks = window.CourseMilestones;
    return {
      state: Learner.snapshot(), name: root.querySelector("[data-share-name]").value,
      language: document.documentElement.lang, now: new Date().toISOString(), map: Checks.courseMap(),
      bank: Learner.pageJson("culture-test-bank"), criteria: Learner.pageJson("course-criteria"),
      routes: Learner.pageJson("course-route-labels") || {},
      catalogue: { modules: Learner.pageJson("course-worksheet") || [] },
      answers: root.querySelector("[data-share-answers]").checked, t: Learner.t(),
      date: new Date().toLocaleDateString(document.documentElement.lang),
      attemptLabel: function (name) { return Learner.t()["test_attempt_" + name] || name; }
    };
  }

  function status(root, text) { root.querySelector("[data-share-status]").textContent = text; }

  function build(root) {
    var given = input(root);
    var request = window.ShareRequest.request(given);
    root.querySelector("[data-share-missing]").hidden = request.criteria.every(function (c) { return c.met; });
    return { request: request, markdown: window.ShareRequest.markdown(request, given) };
  }

  function init() {
    var root = document.querySelector("[data-course-share]");
    if (!root) return;
    var name = root.querySelector("[data-share-name]");
    name.value = Learner.load("certificate").name;
    build(root);
    root.setAttribute("data-ready", "");
    name.addEventListener("change", function () {
      var record = Learner.load("certificate");
      record.name = name.value;
      status(root, Learner.save("certificate", record) ? "" : Learner.t().prompt_not_saved);
    });
    root.querySelector("[data-share-preview]").addEventListener("click", function () {
      root.querySelector("[data-share-preview-text]").textContent = build(root).markdown;
      root.querySelector("[data-share-preview-area]").hidden = false;
    });
    Array.prototype.forEach.call(root.querySelectorAll("[data-share-export]"), function (button) {
      button.addEventListener("click", function () {
        var t = Learner.t();
        if (!name.value.trim()) { status(root, t.share_name_needed); name.focus(); return; }
        var made = build(root);
        var json = button.getAttribute("data-share-export") === "json";
        var file = format(json ? t.share_file_request : t.share_file_markdown, { date: today() });
        Learner.download(file, json ? "application/json" : "text/markdown;charset=utf-8",
                         json ? JSON.stringify(made.request, null, 2) : made.markdown);
        status(root, format(t.share_exported, { file: file }));
      });
    });
  }

  window.CourseModules.start("SharePage", init);
})();
