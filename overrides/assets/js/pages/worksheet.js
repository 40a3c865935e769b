// provides: WorksheetPage
// needs: CourseLearner, CourseModules
/* Action-plan prompts: every field saves on every input under its prompt id (one value for both
   languages), shows whether it was saved, follows changes made in another tab (also in the field
   being edited: its own text is saved already) and keeps a text copy for printing. When another
   tab saved the same answer in the meantime, both texts are kept and the learner is told. Values
   are only ever set as field values or textContent. */
(function () {
  "use strict";
  var Learner = window.CourseLearner;
  var KEY = "worksheet";
  // How the texts of two tabs are kept together, per type of text field
  var JOINERS = { "short": " / ", "long": "\n\n" };
  var known = {};  // prompt id -> the stored value this page last showed or saved

  function fields() { return document.querySelectorAll("[data-course-prompt]"); }

  function current(box) {
    if (box.getAttribute("data-type") === "choice") {
      var chosen = box.querySelector("input[type=radio]:checked");
      return chosen ? chosen.value : "";
    }
    return box.querySelector(".course-prompt__input").value;
  }

  function show(box, value) {
    if (box.getAttribute("data-type") === "choice") {
      box.querySelectorAll("input[type=radio]").forEach(function (radio) { radio.checked = radio.value === value; });
    } else {
      box.querySelector(".course-prompt__input").value = value;
    }
    printCopy(box, value);
    known[box.getAttribute("data-course-prompt")] = value;
  }

  function tell(box, text, problem) {
    var status = box.querySelector("[data-status]");
    status.textContent = text;
    status.classList.toggle("course-prompt__status--problem", problem);
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
    var stored = Object.prototype.hasOwnProperty.call(data.answers, id) ? data.answers[id] : "";
    var joiner = JOINERS[box.getAttribute("data-type")];
    // another tab saved this answer after this page last saw it: its text is kept before this one
    if (joiner && stored && stored !== value && Object.prototype.hasOwnProperty.call(known, id) && stored !== known[id]) {
      value = value ? stored + joiner + value : stored;
      box.keptBoth = true;
      show(box, value);
    }
    if (value === "") delete data.answers[id];
    else data.answers[id] = value;
    var ok = Learner.save(KEY, data);
    printCopy(box, value);
    known[id] = value;
    var t = Learner.t();
    tell(box, !ok ? t.prompt_not_saved : box.keptBoth ? t.prompt_kept_both : t.prompt_saved, !ok);
  }

  /* Show the stored answers; `otherTab`: they changed in another tab, which the changed fields say. */
  function refresh(otherTab) {
    var answers = Learner.load(KEY).answers;
    fields().forEach(function (box) {
      var id = box.getAttribute("data-course-prompt");
      var value = Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : "";
      if (value === current(box)) { known[id] = value; printCopy(box, value); return; }
      show(box, value);
      if (otherTab) tell(box, Learner.t().storage_other_tab, false);
    });
  }

  function init() {
    var boxes = fields();
    if (!boxes.length) return;
    refresh(false);
    boxes.forEach(function (box) {
      box.addEventListener("input", function () { save(box); });
      box.addEventListener("change", function () { save(box); });
    });
  }

  Learner.onChange([KEY], function () { refresh(true); });
  document.addEventListener("course:data-replaced", function () { refresh(false); });
  window.CourseModules.start("WorksheetPage", init);
})();
