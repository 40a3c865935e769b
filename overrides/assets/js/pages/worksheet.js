// provides: WorksheetPage
// needs: CourseLearner, CourseModules
/* Action-plan prompts: every field saves on every input under its prompt id (one value for both
   languages), shows whether it was saved, follows changes made in another tab, and keeps a text
   copy for printing. Values are only ever set as field values or textContent. */
(function () {
  "use strict";
  var Learner = window.CourseLearner;
  var KEY = "worksheet";

  function fields() { return document.querySelectorAll("[data-course-prompt]"); }

  function current(box) {
    if (box.getAttribute("data-type") === "choice") {
      var chosen = box.querySelector("input[type=radio]:checked");
      return chosen ? chosen.value : "";
    }
    return box.querySelector(".course-prompt__input").value;
  }

  function show(box, value, force) {
    var input = box.querySelector(".course-prompt__input");
    if (box.getAttribute("data-type") === "choice") {
      box.querySelectorAll("input[type=radio]").forEach(function (radio) { radio.checked = radio.value === value; });
    } else if (force || document.activeElement !== input) {
      input.value = value;
    }
    printCopy(box, value);
  }

  function printCopy(box, value) {
    var text = value;
    if (box.getAttribute("data-type") === "choice") {
      var radio = box.querySelector('input[type=radio][value="' + CSS.escape(value) + '"]');
      text = value && radio ? radio.getAttribute("data-choice-label") : "";
    }
    box.querySelector("[data-print-value]").textContent = text;
  }

  function save(box) {
    var id = box.getAttribute("data-course-prompt");
    var value = current(box);
    var data = Learner.load(KEY);
    if (value === "") delete data.answers[id];
    else data.answers[id] = value;
    var ok = Learner.save(KEY, data);
    printCopy(box, value);
    var status = box.querySelector("[data-status]");
    status.textContent = ok ? Learner.t().prompt_saved : Learner.t().prompt_not_saved;
    status.classList.toggle("course-prompt__status--problem", !ok);
  }

  function refresh(force) {
    var answers = Learner.load(KEY).answers;
    fields().forEach(function (box) {
      var id = box.getAttribute("data-course-prompt");
      show(box, Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : "", force);
    });
  }

  function init() {
    var boxes = fields();
    if (!boxes.length) return;
    refresh(true);
    boxes.forEach(function (box) {
      box.addEventListener("input", function () { save(box); });
      box.addEventListener("change", function () { save(box); });
    });
  }

  Learner.onChange([KEY], function () { refresh(false); });
  document.addEventListener("course:data-replaced", function () { refresh(true); });
  window.CourseModules.start("WorksheetPage", init);
})();
