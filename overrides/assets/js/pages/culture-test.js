// provides: CultureTestPage
// needs: CourseLearner, CourseUI, CourseModules, CultureTestScore, NumberFormat, SharedWords, LearnerMigrations
// later: RadarChart
/* The Learning Culture test page: restores and saves ratings (keyed by statement id, shared by
   both languages and both test pages), and draws the results. Scoring is in culture-test-score.js;
   an attempt answered on an earlier item bank is carried over (learner-migrations.js) and the
   results say which statements changed since. The chart's code is fetched once there is a chart to draw. */
(function () {
  "use strict";
  var KEY = "culture-test";
  var Score = window.CultureTestScore;
  var Learner = window.CourseLearner;
  var format = window.CourseUI.format;
  var refresh = null; // of the test on the current page

  function load() { return Learner.load(KEY); }

  /* The attempt saved under `name` with its ratings under today's statement ids, and what changed
     since it was answered ({attempt: null} when there is none). */
  function carried(data, name, bank) {
    var saved = data.attempts[name];
    return saved ? window.LearnerMigrations.attempt(saved, bank) : { attempt: null, changes: null };
  }

  function number(value, digits) { return window.NumberFormat.decimal(value, digits, document.documentElement.lang); }

  function restore(root, attempt) {
    var answers = (attempt && attempt.answers) || {};
    root.querySelectorAll("input[type=radio]").forEach(function (input) {
      var statement = input.closest("[data-statement]").getAttribute("data-statement");
      var question = input.closest("[data-question]").getAttribute("data-question");
      var answer = answers[statement] || {};
      input.checked = answer[question] === Number(input.value);
    });
  }

  /* A random id for this learner's test data, made once: the team profile counts a person once
     by it, however alike two people answer and however often one exports. */
  function personId() {
    var bytes = new Uint8Array(8);
    window.crypto.getRandomValues(bytes);
    return "p" + Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  function save(root, bank, attemptName, input) {
    var data = load();
    var now = new Date().toISOString();
    var attempt = carried(data, attemptName, bank).attempt || { bank_version: bank.version, started: now, answers: {} };
    var statement = input.closest("[data-statement]").getAttribute("data-statement");
    var question = input.closest("[data-question]").getAttribute("data-question");
    attempt.answers[statement] = attempt.answers[statement] || {};
    attempt.answers[statement][question] = Number(input.value);
    attempt.updated = now;
    attempt.bank_version = bank.version;
    data.attempts[attemptName] = attempt;
    data.person = data.person || personId();
    Learner.save(KEY, data);
    return data;
  }

  function renderResults(root, bank, data, attemptName, t) {
    var names = window.SharedWords.attempts();  // the first attempt, then the retake
    var none = { attempt: null, changes: null };
    var current = carried(data, attemptName, bank);
    var earlier = names.indexOf(attemptName) > 0 ? carried(data, names[0], bank) : none;
    var attempt = current.attempt || { answers: {} };
    var first = earlier.attempt;
    showRevisions(root, [[earlier, t.test_revised_first], [current, t.test_revised_current]], t);
    var scores = Score.dimensionScores(bank, attempt.answers);
    var firstScores = first ? Score.dimensionScores(bank, first.answers) : null;
    var changes = firstScores ? Score.compareAttempts(firstScores, scores) : null;

    root.querySelector("[data-test-progress]").textContent = format(t.test_progress, {
      answered: Score.answeredCount(bank, attempt.answers), total: bank.statements.length
    });
    var dates = [];
    if (first && first.updated) dates.push(format(t.test_attempt_first, { date: window.NumberFormat.date(first.updated, t.date_locale) }));
    if (attempt.updated) dates.push(format(t["test_attempt_" + attemptName], { date: window.NumberFormat.date(attempt.updated, t.date_locale) }));
    root.querySelector("[data-test-attempts]").textContent = dates.join(" · ");

    // Table: every dimension, largest gap first, then those without enough answers.
    var sorted = Score.sortedByGap(scores);
    scores.forEach(function (s) { if (s.gap === null) sorted.push(s); });
    var body = root.querySelector("[data-test-table] tbody");
    body.replaceChildren();
    root.querySelectorAll("[data-test-table] [data-column]").forEach(function (th) { th.hidden = !firstScores; });
    sorted.forEach(function (s) {
      var index = scores.indexOf(s);
      var values = [s.title];
      if (firstScores) values.push(firstScores[index].reality === null ? t.test_not_enough : number(firstScores[index].reality, 1));
      values.push(s.reality === null ? t.test_not_enough : number(s.reality, 1),
        s.aspiration === null ? t.test_not_enough : number(s.aspiration, 1),
        s.gap === null ? "–" : number(s.gap, 1),
        s.gapPct === null ? "–" : number(Math.round(s.gapPct), 0));
      if (changes) values.push(changes[index].change === null ? "–" : (changes[index].change > 0 ? "+" : "") + number(changes[index].change, 1));
      var row = window.CourseUI.tableRow(values);
      row.setAttribute("data-dimension", s.id);
      body.appendChild(row);
    });

    // Chart: only when every dimension has both means, so no shape is drawn from guesses.
    var chart = root.querySelector("[data-test-chart]");
    var ready = Score.complete(scores);
    chart.hidden = !ready;
    root.querySelector("[data-test-empty]").hidden = ready;
    if (ready) {
      var series = [
        { name: t.test_series_reality, className: "course-radar__series--reality", values: scores.map(function (s) { return s.realityPct; }) },
        { name: t.test_series_aspiration, className: "course-radar__series--aspiration", values: scores.map(function (s) { return s.aspirationPct; }) }
      ];
      if (firstScores && Score.complete(firstScores)) {
        series.push({ name: t.test_series_first, className: "course-radar__series--first", values: firstScores.map(function (s) { return s.realityPct; }) });
      }
      var box = root.querySelector("[data-test-chart-svg]");
      window.CourseModules.later("RadarChart").then(function (Radar) {
        Radar.render(box, {
          axes: scores.map(function (s) { return s.title; }), series: series,
          title: t.test_chart_title, description: t.test_chart_description, legend: root.querySelector("[data-test-legend]")
        });
      }, function () { box.textContent = t.load_failed; });
    }

    // Focus for the action plan: the two or three largest positive gaps.
    var focus = Score.focusDimensions(scores, 3);
    var list = root.querySelector("[data-test-focus]");
    list.replaceChildren();
    focus.forEach(function (s) {
      var item = document.createElement("li");
      item.textContent = format(t.test_focus_item, { title: s.title, gap: number(s.gap, 1), reality: number(s.reality, 1), aspiration: number(s.aspiration, 1) });
      list.appendChild(item);
    });
    root.querySelector("[data-test-focus-intro]").textContent = focus.length ? t.test_focus_intro : t.test_focus_none;
  }

  /* One dimension per step on the page (then the results), with "previous"/"next" and the step
     shown at the top; without this script every dimension shows at once. */
  function steps(root, bank, t) {
    var parts = Array.prototype.slice.call(root.querySelectorAll(".course-test__dimension, .course-test__results"));
    var stepText = root.querySelector("[data-test-step]");
    var bar = root.querySelector("[data-test-bar]");
    var current = 0;
    function show(index, moveFocus) {
      current = Math.max(0, Math.min(parts.length - 1, index));
      parts.forEach(function (part, n) { part.hidden = n !== current; });
      var dimension = bank.dimensions[current];
      stepText.textContent = dimension ? format(t.test_step, { step: current + 1, steps: bank.dimensions.length, title: dimension.title }) : t.test_results_title;
      bar.value = current;
      if (moveFocus) {
        var heading = parts[current].querySelector("h2");
        heading.setAttribute("tabindex", "-1");
        parts[current].scrollIntoView();
        heading.focus({ preventScroll: true });
      }
    }
    root.querySelectorAll("[data-test-step-nav]").forEach(function (nav) { nav.hidden = false; });
    stepText.hidden = bar.hidden = false;
    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-test-next], [data-test-previous]");
      if (button) show(current + (button.hasAttribute("data-test-next") ? 1 : -1), true);
    });
    // Start at the first part with a question left open (the results once all are answered).
    var open = parts.findIndex(function (part) {
      return Array.prototype.some.call(part.querySelectorAll("[data-question]"), function (group) { return !group.querySelector("input:checked"); });
    });
    show(open < 0 ? parts.length - 1 : open, false);
  }

  /* The statement's wording as this page shows it. */
  function statementText(root, id) {
    var legend = root.querySelector('[data-statement="' + id + '"] > legend');
    return legend ? legend.textContent : id;
  }

  /* For every attempt answered on an earlier item bank: what the revision notes say, and which
     statements were reworded, added and removed since. Hidden when no attempt is older. */
  function showRevisions(root, attempts, t) {
    var box = root.querySelector("[data-test-revisions]");
    box.querySelectorAll(":scope > :not(h3)").forEach(function (node) { node.remove(); });
    var shown = attempts.filter(function (pair) { return pair[0].changes; });
    box.hidden = shown.length === 0;
    function paragraph(text) {
      var p = document.createElement("p");
      p.textContent = text;
      box.appendChild(p);
    }
    shown.forEach(function (pair) {
      var changes = pair[0].changes, attempt = pair[0].attempt;
      var date = attempt.updated || attempt.started;
      paragraph(format(pair[1], { date: date ? new Date(date).toLocaleDateString(document.documentElement.lang) : "" }));
      changes.notes.forEach(paragraph);
      [[t.test_revised_reworded, changes.reworded.map(function (id) { return statementText(root, id); }), "reworded"],
       [t.test_revised_added, changes.added.map(function (id) { return statementText(root, id); }), "added"],
       [t.test_revised_removed, changes.removed, "removed"]].forEach(function (group) {
        if (!group[1].length) return;
        paragraph(group[0]);
        var list = document.createElement("ul");
        list.setAttribute("data-revision", group[2]);
        group[1].forEach(function (text) {
          var item = document.createElement("li");
          item.textContent = text;
          list.appendChild(item);
        });
        box.appendChild(list);
      });
    });
  }

  function init() {
    var root = document.querySelector("[data-course-test]");
    if (!root) refresh = null;
    if (!root || root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    var bank = JSON.parse(root.getAttribute("data-bank"));
    var attemptName = root.getAttribute("data-attempt");
    var t = window.CourseUI.strings();
    refresh = function () {
      var data = load();
      restore(root, carried(data, attemptName, bank).attempt);
      renderResults(root, bank, data, attemptName, t);
    };
    root.addEventListener("change", function (event) {
      if (event.target.type !== "radio") return;
      renderResults(root, bank, save(root, bank, attemptName, event.target), attemptName, t);
    });
    root.querySelector("[data-test-print]").addEventListener("click", function () { window.print(); });
    refresh();
    steps(root, bank, t);
  }

  // Another tab changed the answers.
  Learner.onChange([KEY], function () { if (refresh) refresh(); });
  window.CourseModules.start("CultureTestPage", init);
})();
