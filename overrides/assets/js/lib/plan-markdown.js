// provides: PlanMarkdown
// needs: LearnerSchema
/* The learner's action plan as readable Markdown in the page's language. Pure functions. */
(function () {
  "use strict";
  var Schema = window.LearnerSchema;
  var filled = Schema.filled;

  function mdCell(value) { return String(value).replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " "); }
  function mdText(value) { return filled(value) ? value.trim() : ""; }

  /* input = {t (wording), title, date, catalogue: {modules: [{id, title, prompts: [{id, label, type, choices}]}]},
              state (sections), scores (dimension scores or null), number (formats a number)} */
  function toMarkdown(input) {
    var t = input.t, state = input.state, lines = ["# " + input.title, "", input.date, ""];
    var answers = (state.worksheet || Schema.empty("worksheet")).answers;
    if (input.scores) {
      lines.push("## " + t.plan_focus_title, "", "| " + [t.plan_dimension, t.plan_reality, t.plan_aspiration, t.plan_gap].join(" | ") + " |", "|---|---:|---:|---:|");
      input.scores.forEach(function (s) {
        lines.push("| " + [mdCell(s.title), input.number(s.reality), input.number(s.aspiration), input.number(s.gap)].join(" | ") + " |");
      });
      lines.push("");
    }
    input.catalogue.modules.forEach(function (module) {
      if (!module.prompts.length) return;
      lines.push("## " + module.title, "");
      module.prompts.forEach(function (prompt) {
        var value = answers[prompt.id];
        if (prompt.type === "choice") {
          var chosen = prompt.choices.filter(function (c) { return c.id === value; })[0];
          value = chosen ? chosen.label : "";
        }
        lines.push("### " + prompt.label, "", mdText(value) || "_" + t.plan_not_written + "_", "");
      });
    });
    var cards = (state.experiments || Schema.empty("experiments")).cards;
    lines.push("## " + t.experiments_title, "");
    if (!cards.length) lines.push("_" + t.experiments_none + "_", "");
    cards.forEach(function (card, index) {
      lines.push("### " + t.experiment_card + " " + (index + 1) + (filled(card.what) ? ": " + mdCell(card.what) : ""), "");
      Schema.CARD_FIELDS.forEach(function (field) {
        var value = field === "decision" ? (card.decision ? t["experiment_decision_" + card.decision] : "") : card[field];
        if (filled(value)) lines.push("**" + t["experiment_" + field] + "**", "", value.trim(), "");
      });
    });
    return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
  }

  window.PlanMarkdown = { toMarkdown: toMarkdown };
})();
