// provides: Milestones
// needs: LearnerSchema, CultureTestScore, LessonProgress
/* The checks of route checklists and certificate criteria (data/learner/,
   hooks/course/milestones.py), evaluated on the learner's sections. Pure functions. */
(function () {
  "use strict";
  var Schema = window.LearnerSchema;
  var Score = window.CultureTestScore;
  var filled = Schema.filled;

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* A card counts as planned once what, prediction and measure are written. */
  function planned(card) { return filled(card.what) && filled(card.prediction) && filled(card.measure); }

  /* One route-checklist item or certificate criterion. state = the learner's sections;
     context = {map, bank, item: "route:item" key for manual ticks}. */
  function evaluate(checkSpec, state, context) {
    var empty = Schema.empty;
    var done = (state.progress || empty("progress")).done;
    switch (checkSpec.kind) {
      case "module-done":
        var module = window.LessonProgress.summary(context.map, done).modules.filter(function (m) { return m.id === checkSpec.module; })[0];
        return !!module && module.done === module.total;
      case "all-modules-done":
        var all = window.LessonProgress.summary(context.map, done);
        return all.total > 0 && all.done === all.total;
      case "test-taken":
        var attempt = (state["culture-test"] || empty("culture-test")).attempts[checkSpec.attempt];
        return !!attempt && !!context.bank && Score.complete(Score.attemptScores(context.bank, attempt));
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

  window.Milestones = { planned: planned, evaluate: evaluate };
})();
