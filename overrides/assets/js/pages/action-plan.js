// provides: ActionPlanPage
// needs: CourseLearner, CourseUI, CourseModules, LearnerSchema, CultureTestScore, NumberFormat
/* The action-plan page: the largest gaps of the latest test attempt as focus, experiment cards
   (add, edit, remove; saved on every input) and printing. Prompts are handled by worksheet.js,
   export by data-transfer.js. */
(function () {
  "use strict";
  var Schema = window.LearnerSchema;
  var Learner = window.CourseLearner;
  var KEY = "experiments";

  function number(value) { return window.NumberFormat.decimal(value, 1, document.documentElement.lang); }

  function renderFocus(root) {
    var bank = Learner.pageJson("culture-test-bank");
    var scores = bank ? window.CultureTestScore.latestScores(bank, Learner.load("culture-test")) : null;
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

  function cardTitle(card, index) {
    var t = Learner.t();
    return t.experiment_card + " " + (index + 1) + (Schema.filled(card.what) ? ": " + card.what.trim().split("\n")[0] : "");
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

  /* Show the stored cards; values of the field being edited are left alone. */
  function renderCards(root) {
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
        if (document.activeElement !== field) field.value = card[name];
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
    var now = new Date().toISOString();
    var id = "card-" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
    update(root, function (data) {
      var card = { id: id, created: now, updated: now };
      Schema.CARD_FIELDS.forEach(function (field) { card[field] = ""; });
      data.cards.push(card);
    });
    var field = root.querySelector('[data-card="' + id + '"] [data-field]');
    if (field) field.focus();
  }

  function edit(root, field) {
    var id = field.closest("[data-card]").getAttribute("data-card");
    update(root, function (data) {
      data.cards.forEach(function (card) {
        if (card.id !== id) return;
        card[field.getAttribute("data-field")] = field.value;
        card.updated = new Date().toISOString();
      });
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

  function render() {
    var root = document.querySelector("[data-course-plan]");
    if (!root) return;
    renderFocus(root);
    renderCards(root);
  }

  function init() {
    var root = document.querySelector("[data-course-plan]");
    if (!root) return;
    render();
    root.addEventListener("click", function (event) { onClick(root, event); });
    root.querySelector("[data-experiments]").addEventListener("input", function (event) {
      if (event.target.hasAttribute("data-field")) edit(root, event.target);
    });
  }

  Learner.onChange([KEY, "culture-test"], render);
  document.addEventListener("course:data-replaced", render);
  window.CourseModules.start("ActionPlanPage", init);
})();
