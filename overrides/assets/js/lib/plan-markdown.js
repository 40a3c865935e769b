// provides: PlanMarkdown
// needs: LearnerSchema, SharedWords, PlanCover
/* The learner's action plan as readable Markdown in the page's language. Pure functions. */
(function () {
  "use strict";
  var Schema = window.LearnerSchema;
  var filled = Schema.filled;
  var answerText = window.PlanCover.answerText;

  /* Learner text as literal text in any Markdown viewer: its HTML shows as text (< as &lt;) and
     brackets cannot make links or images (such as javascript: links). */
  function literal(value) {
    return String(value).replace(/[\\\[\]<]/g, function (c) { return c === "<" ? "&lt;" : "\\" + c; });
  }
  function mdCell(value) { return literal(value).replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " "); }
  function mdText(value) { return filled(value) ? literal(value.trim()) : ""; }
  /* An answer as a quotation, so it stands apart from the question it answers. */
  function quoted(value) { return value.split("\n").map(function (line) { return line.trim() ? "> " + line : ">"; }).join("\n"); }

  /* input = {t (wording), title, date, catalogue: {modules: [{id, title, prompts: [{id, label, type, choices}]}]},
              state (sections), scores (dimension scores or null), number (formats a number),
              name (the learner's, may be empty), includeEmpty (also the questions not answered)}
     The first module's answers are on the cover (PlanCover, as on the printed plan), not repeated below it. */
  function toMarkdown(input) {
    var t = input.t, state = input.state, lines = ["# " + input.title, ""];
    var answers = (state.worksheet || Schema.empty("worksheet")).answers;
    window.PlanCover.lines(input.catalogue, answers, input.name, t.plan_cover_name).forEach(function (line) {
      lines.push("**" + line.label + ":** " + mdCell(line.value) + "  ");
    });
    lines.push("**" + t.plan_cover_date + ":** " + input.date, "");
    if (input.scores) {
      lines.push("## " + t.plan_focus_title, "", "| " + [t.plan_dimension, t.plan_reality, t.plan_aspiration, t.plan_gap].join(" | ") + " |", "|---|---:|---:|---:|");
      input.scores.forEach(function (s) {
        lines.push("| " + [mdCell(s.title), input.number(s.reality), input.number(s.aspiration), input.number(s.gap)].join(" | ") + " |");
      });
      lines.push("");
    }
    input.catalogue.modules.slice(1).forEach(function (module) {
      var shown = module.prompts.filter(function (prompt) { return input.includeEmpty || answerText(prompt, answers); });
      if (!shown.length) return;
      lines.push("## " + module.title, "");
      shown.forEach(function (prompt) {
        var value = answerText(prompt, answers);
        lines.push("### " + prompt.label, "", value ? quoted(literal(value)) : "_" + t.plan_not_written + "_", "");
      });
    });
    var cards = (state.experiments || Schema.empty("experiments")).cards;
    lines.push("## " + t.experiments_title, "");
    if (!cards.length) lines.push("_" + t.experiments_none + "_", "");
    cards.forEach(function (card, index) {
      lines.push("### " + t.experiment_card + " " + (index + 1), "");
      window.SharedWords.cardFields().forEach(function (field) {
        var value = field === "decision" ? (card.decision ? t["experiment_decision_" + card.decision] : "") : card[field];
        if (filled(value)) lines.push("**" + t["experiment_" + field] + "**", "", quoted(mdText(value)), "");
      });
    });
    return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
  }

  window.PlanMarkdown = { toMarkdown: toMarkdown, literal: literal };
})();
