// provides: CourseMilestones
// needs: CourseLearner
/* What route checklists and certificate criteria are evaluated on (lib/milestones.js): the
   learner's sections in this browser and the course map and test bank of this page. */
(function () {
  "use strict";
  var Learner = window.CourseLearner;

  /* This language's modules and lessons (its data file, hooks/language_data.py), and the current
     page's id (in the page's head). */
  function courseMap() {
    var data = window.CourseLanguageData;
    return { current: Learner.pageJson("course-page"), modules: data ? data.modules : [] };
  }

  /* The learner's sections that checks look at. */
  function state() {
    var result = {};
    ["progress", "culture-test", "worksheet", "experiments", "route"].forEach(function (name) { result[name] = Learner.load(name); });
    return result;
  }

  /* Everything else a check needs; `item` is the "route:item" key of a manual tick. */
  function context(item) {
    return { map: courseMap(), bank: Learner.pageJson("culture-test-bank"), item: item };
  }

  window.CourseMilestones = { courseMap: courseMap, state: state, context: context };
})();
