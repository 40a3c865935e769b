// provides: CourseProgress
// needs: CourseLearner, CourseUI, CourseModules, CourseMilestones, LessonProgress
/* Progress on every page: "mark as done" on lessons, ticks in the navigation, the page the learner
   was last on, and "continue where you left off" on the home page. Lesson ids are the same in
   both languages. The progress page itself is pages/progress.js. */
(function () {
  "use strict";
  var Learner = window.CourseLearner;
  var format = window.CourseUI.format;
  var map = window.CourseMilestones.courseMap;

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
    render();
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

  function renderContinue() {
    var box = document.querySelector("[data-course-continue]");
    if (!box) return;
    var courseMap = map();
    var data = Learner.load("progress");
    var last = data.last && findPage(courseMap, data.last.page);
    var summary = window.LessonProgress.summary(courseMap, data.done);
    box.hidden = !last && !summary.done;
    var link = box.querySelector("[data-continue-link]");
    link.parentNode.hidden = !last;
    if (last) {
      link.href = pageUrl(last).href;
      link.textContent = last.title;
    }
    box.querySelector("[data-continue-progress]").textContent =
      format(Learner.t().progress_course, summary);
  }

  function render() {
    renderDoneButton();
    renderNav();
    renderContinue();
  }

  function init() {
    recordVisit();
    render();
    var box = document.querySelector("[data-course-done]");
    if (box) box.querySelector("[data-done-button]").addEventListener("click", function () { toggleDone(box); });
  }

  Learner.onChange(["progress"], render);
  document.addEventListener("course:data-replaced", render);
  window.CourseModules.start("CourseProgress", init);
})();
