// provides: ProgressPage
// needs: CourseLearner, CourseUI, CourseModules, CourseMilestones, Milestones, LessonProgress
/* The progress page: the route choice, the route's checklist and progress per module; on a
   route's own page, "Choose this route". */
(function () {
  "use strict";
  var Milestones = window.Milestones;
  var Checks = window.CourseMilestones;
  var Learner = window.CourseLearner;
  var format = window.CourseUI.format;

  function renderProgressPage() {
    var root = document.querySelector("[data-course-progress]");
    if (!root) return;
    var t = Learner.t();
    var routes = Learner.pageJson("course-routes");
    var learner = Checks.state();
    var chosen = routes.filter(function (r) { return r.id === learner.route.route; })[0];
    root.querySelectorAll("input[name=course-route]").forEach(function (input) { input.checked = !!chosen && input.value === chosen.id; });
    var list = root.querySelector("[data-route-checklist]");
    list.textContent = "";
    root.querySelector("[data-route-none]").hidden = !!chosen;
    var doneCount = 0;
    (chosen ? chosen.checklist : []).forEach(function (entry) {
      var key = chosen.id + ":" + entry.id;
      var done = Milestones.evaluate(entry.check, learner, Checks.context(key));
      if (done) doneCount += 1;
      var tick = null;
      if (entry.check.kind === "manual") {
        tick = document.createElement("input");
        tick.type = "checkbox";
        tick.checked = done;
        tick.setAttribute("data-manual", key);
        tick.setAttribute("aria-label", t.route_tick + ": " + entry.label);
      }
      window.CourseUI.checklistItem(list, entry.label, done, tick);
    });
    root.querySelector("[data-route-summary]").textContent = chosen ?
      format(t.route_summary, { done: doneCount, total: chosen.checklist.length, route: chosen.label }) : "";
    var summary = window.LessonProgress.summary(Checks.courseMap(), learner.progress.done);
    root.querySelector("[data-progress-course]").textContent = format(t.progress_course, summary);
    var modules = root.querySelector("[data-progress-modules]");
    modules.textContent = "";
    summary.modules.forEach(function (module) {
      window.CourseUI.checklistItem(modules, module.title + ": " + format(t.progress_module, module), module.done === module.total);
    });
  }

  function onProgressChange(event) {
    var target = event.target;
    if (target.name === "course-route") {
      var data = Learner.load("route");
      data.route = target.value;
      Learner.save("route", data);
    } else if (target.hasAttribute("data-manual")) {
      var route = Learner.load("route");
      if (target.checked) route.checked[target.getAttribute("data-manual")] = true;
      else delete route.checked[target.getAttribute("data-manual")];
      Learner.save("route", route);
    }
    renderProgressPage();
  }

  /* "Choose this route" on a route's own page. */
  function renderRouteButton() {
    var box = document.querySelector("[data-route-pick]");
    if (!box) return;
    var chosen = Learner.load("route").route === box.getAttribute("data-route-pick");
    var button = box.querySelector("button");
    button.setAttribute("aria-pressed", String(chosen));
    button.classList.toggle("md-button--primary", !chosen);
    box.querySelector("[data-route-chosen]").hidden = !chosen;
  }

  function pickRoute(box) {
    var data = Learner.load("route");
    data.route = box.getAttribute("data-route-pick");
    var ok = Learner.save("route", data);
    box.querySelector("[data-route-status]").textContent = ok ? "" : Learner.t().prompt_not_saved;
    renderRouteButton();
  }

  function render() {
    renderRouteButton();
    renderProgressPage();
  }

  function init() {
    render();
    var pick = document.querySelector("[data-route-pick]");
    if (pick) pick.querySelector("button").addEventListener("click", function () { pickRoute(pick); });
    var progress = document.querySelector("[data-course-progress]");
    if (progress) progress.addEventListener("change", onProgressChange);
  }

  Learner.onChange(["progress", "route", "culture-test", "worksheet", "experiments"], render);
  document.addEventListener("course:data-replaced", render);
  window.CourseModules.start("ProgressPage", init);
})();
