// provides: SelfCheckPage
// needs: CourseLearner, CourseUI, CourseModules, SelfCheckOrder
/* Module self-checks: options in the learner's own order (the same on every visit), answers saved
   by option id as they are given, checked on request with feedback on every option, a score, and a
   fresh try whenever the learner wants. */
(function () {
  "use strict";
  var KEY = "self-checks";
  var Learner = window.CourseLearner;
  var format = window.CourseUI.format;
  var refresh = null; // of the self-check on the current page

  function load() { return Learner.load(KEY); }

  /* A random id for this learner, made once and kept with their self-check answers. */
  function newSeed() {
    var words = new Uint32Array(3);
    window.crypto.getRandomValues(words);
    return Array.prototype.map.call(words, function (word) { return word.toString(36); }).join("").padEnd(8, "0");
  }

  /* Put each question's options in the learner's order, before the question's verdict. */
  function arrange(form, seed) {
    form.querySelectorAll("[data-question]").forEach(function (fieldset) {
      var options = {};
      fieldset.querySelectorAll("[data-option]").forEach(function (option) { options[option.getAttribute("data-option")] = option; });
      var verdict = fieldset.querySelector("[data-verdict]");
      window.SelfCheckOrder.optionOrder(seed, fieldset.getAttribute("data-question"), Object.keys(options))
        .forEach(function (id) { fieldset.insertBefore(options[id], verdict); });
    });
  }

  function state(data, module) {
    return data.modules[module] || (data.modules[module] = { answers: {}, checked: false, score: 0, total: 0, tries: 0 });
  }

  /* A question is right when exactly the correct options are chosen. */
  function isRight(fieldset, chosen) {
    var correct = Array.prototype.map.call(fieldset.querySelectorAll('[data-correct="true"]'), function (o) { return o.getAttribute("data-option"); });
    return correct.length === chosen.length && correct.every(function (id) { return chosen.indexOf(id) >= 0; });
  }

  function chosenIn(fieldset) {
    return Array.prototype.map.call(fieldset.querySelectorAll("input:checked"), function (input) { return input.value; });
  }

  function show(form, current, t) {
    var questions = form.querySelectorAll("[data-question]");
    var score = 0;
    questions.forEach(function (fieldset) {
      var chosen = current.answers[fieldset.getAttribute("data-question")] || [];
      fieldset.querySelectorAll("input").forEach(function (input) {
        input.checked = chosen.indexOf(input.value) >= 0;
        input.disabled = current.checked;
      });
      var right = isRight(fieldset, chosen);
      if (right) score += 1;
      fieldset.querySelectorAll(".course-check__feedback").forEach(function (feedback) { feedback.hidden = !current.checked; });
      fieldset.querySelectorAll("[data-option]").forEach(function (option) {
        var correct = option.getAttribute("data-correct") === "true";
        var picked = chosen.indexOf(option.getAttribute("data-option")) >= 0;
        var mark = option.querySelector("[data-mark]");
        // The sign and the words say it; the colour only repeats it.
        var missed = fieldset.getAttribute("data-type") === "single" ? t.selfcheck_mark_right : t.selfcheck_mark_missed;
        mark.textContent = !current.checked ? "" : picked ? (correct ? t.selfcheck_mark_chosen_right : t.selfcheck_mark_chosen_wrong) :
          correct ? missed : "";
        mark.hidden = !mark.textContent;
        option.className = "course-check__option" + (current.checked && (picked || correct) ?
          " course-check__option--" + (correct ? "right" : "wrong") + (picked ? " course-check__option--chosen" : "") : "");
      });
      var verdict = fieldset.querySelector("[data-verdict]");
      verdict.hidden = !current.checked;
      verdict.textContent = current.checked ? (right ? t.selfcheck_question_right : t.selfcheck_question_wrong) : "";
      verdict.className = "course-check__verdict" + (current.checked ? (right ? " course-check__verdict--right" : " course-check__verdict--wrong") : "");
    });
    form.querySelector("[data-check]").hidden = current.checked;
    form.querySelector("[data-retry]").hidden = !current.checked;
    form.querySelector("[data-score]").textContent = current.checked ? format(t.selfcheck_score, { score: score, total: questions.length }) : "";
    return score;
  }

  function init() {
    var form = document.querySelector("[data-course-self-check]");
    if (!form) refresh = null;
    if (!form || form.hasAttribute("data-ready")) return;
    form.setAttribute("data-ready", "");
    var module = form.getAttribute("data-course-self-check");
    var t = window.CourseUI.strings();
    refresh = function () { show(form, state(load(), module), t); };
    var data = load();
    if (data.seed === null) {  // the learner's order of options, made once and kept with their answers
      data.seed = newSeed();
      Learner.save(KEY, data);
    }
    arrange(form, data.seed);

    form.addEventListener("change", function (event) {
      var fieldset = event.target.closest("[data-question]");
      if (!fieldset) return;
      var data = load();
      state(data, module).answers[fieldset.getAttribute("data-question")] = chosenIn(fieldset);
      Learner.save(KEY, data);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = load();
      var current = state(data, module);
      var open = Array.prototype.filter.call(form.querySelectorAll("[data-question]"), function (fieldset) { return chosenIn(fieldset).length === 0; });
      if (open.length) {
        form.querySelector("[data-score]").textContent = format(t.selfcheck_unanswered, { count: open.length });
        open[0].querySelector("input").focus();
        return;
      }
      current.checked = true;
      current.tries += 1;
      current.total = form.querySelectorAll("[data-question]").length;
      current.score = show(form, current, t);
      Learner.save(KEY, data);
      form.querySelector("[data-retry]").focus();
    });
    form.querySelector("[data-retry]").addEventListener("click", function () {
      var data = load();
      var current = state(data, module);
      current.checked = false;
      current.answers = {};
      Learner.save(KEY, data);
      show(form, current, t);
      form.querySelector("input").focus();
    });
    refresh();
  }

  // Another tab changed the answers.
  Learner.onChange([KEY], function () { if (refresh) refresh(); });

  window.CourseModules.start("SelfCheckPage", init);
})();
