// provides: ShareRequest
// needs: LearnerSchema, Milestones, LessonProgress, CultureTestScore, PlanMarkdown, SharedWords
/* What a learner shares with the community to ask for the certificate: the request file the
   issuer checks (tools/issuer.py, hooks/course/credential.py) and the same content as readable
   Markdown. The test's answers are included only when the learner chooses so. Pure functions. */
(function () {
  "use strict";
  var Schema = window.LearnerSchema;
  var FORMAT = "learning-culture-certificate-request";

  /* input = {state (sections), name, language, now (ISO), map, bank, criteria, routes (id -> label),
              catalogue ({modules}), answers (include the test's answers)} */
  function request(input) {
    var state = input.state;
    var context = { map: input.map, bank: input.bank, item: null };
    var routeId = (state.route || Schema.empty("route")).route;
    var done = (state.progress || Schema.empty("progress")).done;
    var answers = (state.worksheet || Schema.empty("worksheet")).answers;
    var prompts = [];
    input.catalogue.modules.forEach(function (module) {
      module.prompts.forEach(function (prompt) {
        if (Schema.filled(answers[prompt.id])) prompts.push({ id: prompt.id, module: module.id, label: prompt.label, text: answers[prompt.id] });
      });
    });
    var attempts = (state["culture-test"] || Schema.empty("culture-test")).attempts;
    var test = window.SharedWords.attempts().filter(function (name) { return attempts[name]; }).map(function (name) {
      var attempt = attempts[name];
      var entry = { attempt: name, date: attempt.updated || attempt.started || "",
                    complete: !!input.bank && window.CultureTestScore.complete(window.CultureTestScore.dimensionScores(input.bank, attempt.answers)) };
      if (input.answers) entry.answers = attempt.answers;
      return entry;
    });
    return {
      format: FORMAT, version: 1, created: input.now, language: input.language, name: input.name.trim(),
      route: routeId && input.routes[routeId] ? { id: routeId, label: input.routes[routeId] } : null,
      criteria: input.criteria.map(function (criterion) {
        return { id: criterion.id, label: criterion.label, met: window.Milestones.evaluate(criterion.check, state, context) };
      }),
      progress: { modules: window.LessonProgress.summary(input.map, done).modules, lessons_done: Object.keys(done).sort() },
      test: test, prompts: prompts,
      experiments: (state.experiments || Schema.empty("experiments")).cards.filter(window.Milestones.planned)
    };
  }

  /* The request as Markdown for people: who, the criteria, the test, then the plan and experiments
     as the action plan's own export writes them (PlanMarkdown). t = the page's wording. */
  function markdown(shared, input) {
    var t = input.t;
    var lines = ["# " + t.share_document_title, "", "**" + t.share_name + "**: " + literal(shared.name), "",
                 "**" + t.export_date.replace("{date}", input.date) + "**", ""];
    if (shared.route) lines.push("**" + t.certificate_route + "**: " + literal(shared.route.label), "");
    lines.push("## " + t.share_criteria_title, "");
    shared.criteria.forEach(function (c) { lines.push("- [" + (c.met ? "x" : " ") + "] " + literal(c.label)); });
    lines.push("", "## " + t.share_test_title, "");
    if (!shared.test.length) lines.push("_" + t.share_test_none + "_");
    shared.test.forEach(function (entry) {
      lines.push("- " + literal(input.attemptLabel(entry.attempt)) + ": " + entry.date.slice(0, 10) +
                 (entry.complete ? "" : " (" + t.share_test_incomplete + ")") + (entry.answers ? " · " + t.share_answers_included : ""));
    });
    lines.push("");
    var plan = window.PlanMarkdown.toMarkdown({ t: t, title: t.share_plan_title, date: "", catalogue: input.catalogue,
                                                 state: input.state, scores: null, number: String });
    // the plan's headings one level down, under this document's title
    return (lines.join("\n") + "\n" + plan.replace(/^(#+) /gm, "$1# ")).replace(/\n{3,}/g, "\n\n");
  }

  function literal(value) { return window.PlanMarkdown.literal(value); }

  window.ShareRequest = { FORMAT: FORMAT, request: request, markdown: markdown };
})();
