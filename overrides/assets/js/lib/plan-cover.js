// provides: PlanCover
// needs: LearnerSchema
/* The action plan's cover lines, which the printed plan and its Markdown export both start with.
   Pure functions. */
(function () {
  "use strict";
  var filled = window.LearnerSchema.filled;

  /* The answer to a prompt as plain text ("" when not written); a choice gives its label. */
  function answerText(prompt, answers) {
    var value = answers[prompt.id];
    if (prompt.type === "choice") {
      var chosen = prompt.choices.filter(function (c) { return c.id === value; })[0];
      value = chosen ? chosen.label : "";
    }
    return filled(value) ? value.trim() : "";
  }

  /* The plan's cover lines: the learner's name, then the answers of the course's first module
     (Start: organisation and role), as {label, value}. */
  function lines(catalogue, answers, name, nameLabel) {
    var result = filled(name) ? [{ label: nameLabel, value: name.trim() }] : [];
    (catalogue.modules[0] ? catalogue.modules[0].prompts : []).forEach(function (prompt) {
      var value = answerText(prompt, answers);
      if (value) result.push({ label: prompt.label, value: value });
    });
    return result;
  }

  window.PlanCover = { lines: lines, answerText: answerText };
})();
