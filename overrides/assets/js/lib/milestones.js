// provides: Milestones
// needs: LearnerSchema, CultureTestScore
/* Progress through the course and the checks of route checklists and certificate criteria
   (data/learner/, hooks/course/milestones.py), evaluated on the learner's sections. Pure functions. */
(function () {
  "use strict";
  var Schema = window.LearnerSchema;
  var Score = window.CultureTestScore;
  var filled = Schema.filled;

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* A card counts as planned once what, prediction and measure are written. */
  function planned(card) { return filled(card.what) && filled(card.prediction) && filled(card.measure); }

  /* Lessons done per module and for the course. map = {modules: [{id, title, pages: [{id, lesson}]}]} */
  function progress(map, done) {
    done = done || {};
    var modules = map.modules.map(function (module) {
      var lessons = module.pages.filter(function (p) { return p.lesson; });
      var finished = lessons.filter(function (p) { return own(done, p.id); }).length;
      return { id: module.id, title: module.title, done: finished, total: lessons.length };
    }).filter(function (m) { return m.total > 0; });
    var total = modules.reduce(function (sum, m) { return sum + m.total; }, 0);
    var finished = modules.reduce(function (sum, m) { return sum + m.done; }, 0);
    return { modules: modules, done: finished, total: total };
  }

  /* One route-checklist item or certificate criterion. state = the learner's sections;
     context = {map, bank, item: "route:item" key for manual ticks}. */
  function evaluate(checkSpec, state, context) {
    var empty = Schema.empty;
    var done = (state.progress || empty("progress")).done;
    switch (checkSpec.kind) {
      case "module-done":
        var module = progress(context.map, done).modules.filter(function (m) { return m.id === checkSpec.module; })[0];
        return !!module && module.done === module.total;
      case "all-modules-done":
        var all = progress(context.map, done);
        return all.total > 0 && all.done === all.total;
      case "test-taken":
        var attempt = (state["culture-test"] || empty("culture-test")).attempts[checkSpec.attempt];
        return !!attempt && !!context.bank && Score.complete(Score.dimensionScores(context.bank, attempt.answers));
      case "prompts-filled":
        var answers = (state.worksheet || empty("worksheet")).answers;
        return checkSpec.prompts.every(function (id) { return filled(answers[id]); });
      case "experiment-planned":
        return (state.experiments || empty("experiments")).cards.some(planned);
      case "manual":
        return own((state.route || empty("route")).checked, context.item);
      default:
        return false;
    }
  }

  window.Milestones = { planned: planned, progress: progress, evaluate: evaluate };
})();
