// provides: LessonProgress
/* Lessons done per module and for the whole course. Pure functions. */
(function () {
  "use strict";
  /* map = {modules: [{id, title, pages: [{id, lesson}]}]}; done = {lesson id: date or null}.
     Modules without lessons are left out. */
  function summary(map, done) {
    done = done || {};
    var modules = map.modules.map(function (module) {
      var lessons = module.pages.filter(function (p) { return p.lesson; });
      var finished = lessons.filter(function (p) { return Object.prototype.hasOwnProperty.call(done, p.id); }).length;
      return { id: module.id, title: module.title, done: finished, total: lessons.length };
    }).filter(function (m) { return m.total > 0; });
    var total = modules.reduce(function (sum, m) { return sum + m.total; }, 0);
    var finished = modules.reduce(function (sum, m) { return sum + m.done; }, 0);
    return { modules: modules, done: finished, total: total, percent: total ? Math.round((finished / total) * 100) : 0 };
  }

  window.LessonProgress = { summary: summary };
})();
