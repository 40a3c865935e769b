// provides: ActionPlanPage
// needs: CourseLearner, CourseUI, CourseModules, LearnerSchema, CultureTestScore, NumberFormat, SharedWords, PlanCover
// later: RadarChart
/* The action-plan page: the largest gaps of the latest test attempt as focus, experiment cards
   (add, edit, remove; saved on every input), each module's questions folded away until one is
   answered, and printing with a cover (name, organisation, date, the test's chart, whose code is
   fetched once the test is complete). Prompts are handled by worksheet.js, export by data-transfer.js. */
(function () {
  "use strict";
  var Schema = window.LearnerSchema;
  var Learner = window.CourseLearner;
  var KEY = "experiments";
  var known = {};     // "card id:field" -> the stored text this page last showed or saved
  var keptBoth = {};  // card id -> true once two tabs' texts were kept together in it

  function number(value) { return window.NumberFormat.decimal(value, 1, document.documentElement.lang); }

  function latest() {
    var bank = Learner.pageJson("culture-test-bank");
    return bank ? window.CultureTestScore.latestScores(bank, Learner.load("culture-test")) : null;
  }

  function renderFocus(root) {
    var scores = latest();
    var focus = scores ? window.CultureTestScore.focusDimensions(scores, 3) : [];
    var table = root.querySelector("[data-focus-table]");
    var body = table.querySelector("tbody");
    body.textContent = "";
    focus.forEach(function (score) {
      body.appendChild(window.CourseUI.tableRow([score.title, number(score.reality), number(score.aspiration), number(score.gap)]));
    });
    table.hidden = !focus.length;
    root.querySelector("[data-focus-intro]").hidden = !focus.length;
    root.querySelector("[data-focus-empty]").hidden = focus.length > 0;
  }

  /* "Experiment 2": what it tries is the card's first field, so the title does not repeat it. */
  function cardTitle(card, index) { return Learner.t().experiment_card + " " + (index + 1); }

  /* The printed plan's first page: who, which organisation, when, and the test's profile. */
  function renderCover(root) {
    var t = Learner.t();
    var catalogue = { modules: Learner.pageJson("course-worksheet") || [] };
    var lines = window.PlanCover.lines(catalogue, Learner.load("worksheet").answers, Learner.load("certificate").name, t.plan_cover_name);
    lines.push({ label: t.plan_cover_date, value: window.NumberFormat.date(new Date(), t.date_locale) });
    var details = root.querySelector("[data-cover-details]");
    details.textContent = "";
    lines.forEach(function (line) {
      details.appendChild(document.createElement("dt")).textContent = line.label;
      details.appendChild(document.createElement("dd")).textContent = line.value;
    });
    var scores = latest();
    var ready = !!scores && window.CultureTestScore.complete(scores);
    root.querySelector("[data-cover-chart]").hidden = !ready;
    if (ready) {
      var box = root.querySelector("[data-cover-chart-svg]");
      window.CourseModules.later("RadarChart").then(function (Radar) {
        Radar.render(box, {
          axes: scores.map(function (s) { return s.title; }),
          series: [
            { name: t.test_series_reality, className: "course-radar__series--reality", values: scores.map(function (s) { return s.realityPct; }) },
            { name: t.test_series_aspiration, className: "course-radar__series--aspiration", values: scores.map(function (s) { return s.aspirationPct; }) }
          ],
          title: t.test_chart_title, description: t.test_chart_description, legend: root.querySelector("[data-cover-legend]")
        });
      }, function () { box.textContent = t.load_failed; });
    }
  }

  /* Each module's count of answered questions; `fold` closes the modules with none (on arrival). */
  function renderModules(root, fold) {
    var answers = Learner.load("worksheet").answers;
    root.querySelectorAll("[data-plan-prompts]").forEach(function (block) {
      var answered = Array.prototype.filter.call(block.querySelectorAll("[data-course-prompt]"), function (box) {
        return Schema.filled(answers[box.getAttribute("data-course-prompt")]);
      }).length;
      block.querySelector("[data-plan-answered]").textContent = "· " + window.CourseUI.format(Learner.t().plan_module_answered, { answered: answered });
      if (fold && !answered) block.open = false;
    });
  }

  function newCard(root, card, index) {
    var item = root.querySelector("[data-experiment-template]").content.firstElementChild.cloneNode(true);
    item.setAttribute("data-card", card.id);
    item.querySelectorAll("[data-field]").forEach(function (field) {
      var id = "experiment-" + card.id + "-" + field.getAttribute("data-field");
      field.id = id;
      item.querySelector('label[data-for="' + field.getAttribute("data-field") + '"]').setAttribute("for", id);
    });
    item.querySelector("[data-card-title]").id = "experiment-" + card.id + "-title";
    item.setAttribute("aria-labelledby", "experiment-" + card.id + "-title");
    return item;
  }

  /* Show the stored cards, the field being edited too (its own text is saved on every input);
     `otherTab`: they changed in another tab, which the status says when a field changed. */
  function renderCards(root, otherTab) {
    var cards = Learner.load(KEY).cards;
    var list = root.querySelector("[data-experiments]");
    var shown = Array.prototype.map.call(list.children, function (item) { return item.getAttribute("data-card"); });
    if (shown.join() !== cards.map(function (c) { return c.id; }).join()) {
      list.textContent = "";
      cards.forEach(function (card, index) { list.appendChild(newCard(root, card, index)); });
    }
    cards.forEach(function (card, index) {
      var item = list.children[index];
      item.querySelector("[data-card-title]").textContent = cardTitle(card, index);
      item.querySelectorAll("[data-field]").forEach(function (field) {
        var name = field.getAttribute("data-field");
        if (field.value !== card[name]) {
          field.value = card[name];
          if (otherTab) status(root, true, Learner.t().storage_other_tab);
        }
        known[card.id + ":" + name] = card[name];
        var shownValue = name === "decision" && card.decision ? Learner.t()["experiment_decision_" + card.decision] : card[name];
        item.querySelector('[data-print-field="' + name + '"]').textContent = shownValue;
      });
    });
    root.querySelector("[data-experiments-empty]").hidden = cards.length > 0;
  }

  function status(root, ok, message) {
    var node = root.querySelector("[data-experiments-status]");
    node.textContent = ok ? message || "" : Learner.t().prompt_not_saved;
  }

  function update(root, change) {
    var data = Learner.load(KEY);
    var result = change(data);
    status(root, Learner.save(KEY, data), result);
    renderCards(root);
  }

  function addCard(root) {
    if (Learner.load(KEY).cards.length >= Schema.MAX_CARDS) {
      status(root, true, window.CourseUI.format(Learner.t().experiments_limit, { max: Schema.MAX_CARDS }));
      return;
    }
    var now = new Date().toISOString();
    var id = "card-" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
    update(root, function (data) {
      var card = { id: id, created: now, updated: now };
      window.SharedWords.cardFields().forEach(function (field) { card[field] = ""; });
      data.cards.push(card);
    });
    var field = root.querySelector('[data-card="' + id + '"] [data-field]');
    if (field) field.focus();
  }

  function edit(root, field) {
    var id = field.closest("[data-card]").getAttribute("data-card");
    var name = field.getAttribute("data-field");
    var key = id + ":" + name;
    update(root, function (data) {
      data.cards.forEach(function (card) {
        if (card.id !== id) return;
        var value = field.value, stored = card[name];
        // another tab saved this field after this page last saw it: its text is kept before this one
        if (name !== "decision" && stored && stored !== value && Object.prototype.hasOwnProperty.call(known, key) && stored !== known[key]) {
          value = value ? stored + "\n\n" + value : stored;
          field.value = value;
          keptBoth[id] = true;
        }
        card[name] = value;
        card.updated = new Date().toISOString();
      });
      return keptBoth[id] ? Learner.t().prompt_kept_both : undefined;
    });
  }

  function remove(root, item) {
    var id = item.getAttribute("data-card");
    update(root, function (data) {
      data.cards = data.cards.filter(function (card) { return card.id !== id; });
      return Learner.t().experiment_removed;
    });
    root.querySelector("[data-add-experiment]").focus();
  }

  function onClick(root, event) {
    var target = event.target.closest("button");
    if (!target) return;
    var item = target.closest("[data-card]");
    if (target.hasAttribute("data-add-experiment")) addCard(root);
    else if (target.hasAttribute("data-print")) window.print();
    else if (target.hasAttribute("data-remove-experiment")) {
      item.querySelector("[data-confirm-remove]").hidden = false;
      item.querySelector("[data-remove-yes]").focus();
    } else if (target.hasAttribute("data-remove-no")) {
      item.querySelector("[data-confirm-remove]").hidden = true;
      item.querySelector("[data-remove-experiment]").focus();
    } else if (target.hasAttribute("data-remove-yes")) remove(root, item);
  }

  function render(otherTab) {
    var root = document.querySelector("[data-course-plan]");
    if (!root) return;
    renderFocus(root);
    renderCards(root, otherTab === true);
    renderCover(root);
    renderModules(root, false);
  }

  /* Paper shows every module's answers, folded or not. */
  var folded = [];
  window.addEventListener("beforeprint", function () {
    folded = Array.prototype.filter.call(document.querySelectorAll("[data-plan-prompts]:not([open])"), function (block) { block.open = true; return true; });
  });
  window.addEventListener("afterprint", function () { folded.forEach(function (block) { block.open = false; }); });

  function init() {
    var root = document.querySelector("[data-course-plan]");
    if (!root) return;
    render();
    renderModules(root, true);
    root.addEventListener("click", function (event) { onClick(root, event); });
    root.querySelector("[data-experiments]").addEventListener("input", function (event) {
      if (event.target.hasAttribute("data-field")) edit(root, event.target);
    });
  }

  Learner.onChange([KEY, "culture-test", "worksheet", "certificate"], function () { render(true); });
  document.addEventListener("course:data-replaced", function () { render(false); });
  window.CourseModules.start("ActionPlanPage", init);
})();
