// provides: ProgressPage
// needs: CourseLearner, CourseUI, CourseModules, CourseMilestones, Milestones
/* Progress: "mark as done" on lessons, ticks in the navigation, the page the learner was last on,
   "continue where you left off" on the home page, and the progress page with the route choice and
   the route's checklist. Lesson ids are the same in both languages. */
(function () {
  "use strict";
  var Milestones = window.Milestones;
  var Checks = window.CourseMilestones;
  var Learner = window.CourseLearner;
  var format = window.CourseUI.format;

  var map = Checks.courseMap;

  function scope() {
    return typeof __md_scope !== "undefined" ? __md_scope : new URL(".", location.href);
  }

  function pageUrl(page) { return new URL(page.url, scope()); }

  function findPage(courseMap, id) {
    var found = null;
    courseMap.modules.forEach(function (module) {
      module.pages.forEach(function (page) { if (page.id === id) found = page; });
    });
    return found;
  }

  function recordVisit() {
    var courseMap = map();
    // The home page is where one starts, not a place to continue from.
    if (!courseMap.current || courseMap.current === "index" || !findPage(courseMap, courseMap.current)) return;
    var data = Learner.load("progress");
    if (data.last && data.last.page === courseMap.current) return;
    data.last = { page: courseMap.current, at: new Date().toISOString() };
    Learner.save("progress", data);
  }

  function renderDoneButton() {
    var box = document.querySelector("[data-course-done]");
    if (!box) return;
    var done = Object.prototype.hasOwnProperty.call(Learner.load("progress").done, box.getAttribute("data-course-done"));
    var button = box.querySelector("[data-done-button]");
    button.setAttribute("aria-pressed", String(done));
    button.textContent = done ? Learner.t().done_undo : Learner.t().done_mark;
    button.classList.toggle("md-button--primary", done);
  }

  function toggleDone(box) {
    var id = box.getAttribute("data-course-done");
    var data = Learner.load("progress");
    var done = !Object.prototype.hasOwnProperty.call(data.done, id);
    if (done) data.done[id] = new Date().toISOString();
    else delete data.done[id];
    var ok = Learner.save("progress", data);
    box.querySelector("[data-done-status]").textContent =
      !ok ? Learner.t().prompt_not_saved : done ? Learner.t().done_saved : Learner.t().done_removed;
    renderAll();
  }

  /* Tick every navigation link that leads to a finished lesson; the page's table of contents
     (links to its own headings) is left alone. */
  function renderNav() {
    var courseMap = map();
    var done = Learner.load("progress").done;
    var finished = {};
    courseMap.modules.forEach(function (module) {
      module.pages.forEach(function (page) {
        if (page.lesson && Object.prototype.hasOwnProperty.call(done, page.id)) finished[pageUrl(page).pathname] = true;
      });
    });
    document.querySelectorAll(".md-nav__link[href]").forEach(function (link) {
      if (link.closest(".md-nav--secondary") || link.hash) return;
      var path = new URL(link.getAttribute("href"), location.href).pathname;
      var isDone = Object.prototype.hasOwnProperty.call(finished, path);
      var mark = link.querySelector(".course-nav-done");
      link.classList.toggle("course-nav--done", isDone);
      if (isDone && !mark) {
        mark = document.createElement("span");
        mark.className = "course-nav-done";
        var hidden = document.createElement("span");
        hidden.className = "md-visually-hidden";
        hidden.textContent = " " + Learner.t().done_nav;
        mark.appendChild(hidden);
        link.appendChild(mark);
      } else if (!isDone && mark) mark.remove();
    });
  }

  function percent(done, total) { return total ? Math.round((done / total) * 100) : 0; }

  function renderContinue() {
    var box = document.querySelector("[data-course-continue]");
    if (!box) return;
    var courseMap = map();
    var data = Learner.load("progress");
    var last = data.last && findPage(courseMap, data.last.page);
    var summary = Milestones.progress(courseMap, data.done);
    box.hidden = !last && !summary.done;
    var link = box.querySelector("[data-continue-link]");
    link.parentNode.hidden = !last;
    if (last) {
      link.href = pageUrl(last).href;
      link.textContent = last.title;
    }
    box.querySelector("[data-continue-progress]").textContent =
      format(Learner.t().progress_course, { done: summary.done, total: summary.total, percent: percent(summary.done, summary.total) });
  }

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
    var summary = Milestones.progress(map(), learner.progress.done);
    root.querySelector("[data-progress-course]").textContent =
      format(t.progress_course, { done: summary.done, total: summary.total, percent: percent(summary.done, summary.total) });
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

  function renderAll() {
    renderRouteButton();
    renderDoneButton();
    renderNav();
    renderContinue();
    renderProgressPage();
  }

  function init() {
    recordVisit();
    renderAll();
    var box = document.querySelector("[data-course-done]");
    if (box) box.querySelector("[data-done-button]").addEventListener("click", function () { toggleDone(box); });
    var pick = document.querySelector("[data-route-pick]");
    if (pick) pick.querySelector("button").addEventListener("click", function () { pickRoute(pick); });
    var progress = document.querySelector("[data-course-progress]");
    if (progress) progress.addEventListener("change", onProgressChange);
  }

  Learner.onChange(["progress", "route", "culture-test", "worksheet", "experiments"], renderAll);
  document.addEventListener("course:data-replaced", renderAll);
  window.CourseModules.start("ProgressPage", init);
})();
