// provides: CultureTestPage
// needs: CourseStorage, CourseUI, CourseModules, CultureTestScore, NumberFormat, RadarChart
/* The Learning Culture test page: restores and saves ratings (keyed by statement id, shared by
   both languages and both test pages), and draws the results. Scoring is in culture-test-score.js. */
(function () {
  "use strict";
  var KEY = "culture-test";
  var Score = window.CultureTestScore;

  var format = window.CourseUI.format;

  function emptyData() { return { version: 1, attempts: {} }; }

  function load() {
    var stored = window.CourseStorage.read(KEY, null);
    var data = stored.value;
    if (!data || typeof data !== "object" || typeof data.attempts !== "object") data = emptyData();
    return data;
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

  function save(root, bank, attemptName, input) {
    var data = load();
    var now = new Date().toISOString();
    var attempt = data.attempts[attemptName] || { bank_version: bank.version, started: now, answers: {} };
    var statement = input.closest("[data-statement]").getAttribute("data-statement");
    var question = input.closest("[data-question]").getAttribute("data-question");
    attempt.answers[statement] = attempt.answers[statement] || {};
    attempt.answers[statement][question] = Number(input.value);
    attempt.updated = now;
    attempt.bank_version = bank.version;
    data.attempts[attemptName] = attempt;
    window.CourseStorage.write(KEY, data);
    return data;
  }

  function renderResults(root, bank, data, attemptName, t) {
    var attempt = data.attempts[attemptName] || { answers: {} };
    var first = attemptName === "retake" ? data.attempts.first : null;
    var scores = Score.dimensionScores(bank, attempt.answers);
    var firstScores = first ? Score.dimensionScores(bank, first.answers) : null;
    var changes = firstScores ? Score.compareAttempts(firstScores, scores) : null;

    root.querySelector("[data-test-progress]").textContent = format(t.test_progress, {
      answered: Score.answeredCount(bank, attempt.answers), total: bank.statements.length
    });
    var dates = [];
    if (first && first.updated) dates.push(format(t.test_attempt_first, { date: new Date(first.updated).toLocaleDateString(document.documentElement.lang) }));
    if (attempt.updated) dates.push(format(attemptName === "retake" ? t.test_attempt_retake : t.test_attempt_first, { date: new Date(attempt.updated).toLocaleDateString(document.documentElement.lang) }));
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
      window.RadarChart.render(root.querySelector("[data-test-chart-svg]"), {
        axes: scores.map(function (s) { return s.title; }), series: series,
        title: t.test_chart_title, description: t.test_chart_description
      });
      var legend = root.querySelector("[data-test-legend]");
      legend.replaceChildren();
      series.forEach(function (s) {
        var item = document.createElement("li");
        item.className = s.className.replace("course-radar__series", "course-chart-legend__item");
        item.textContent = s.name;
        legend.appendChild(item);
      });
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

  function init() {
    var root = document.querySelector("[data-course-test]");
    if (!root || root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    var bank = JSON.parse(root.getAttribute("data-bank"));
    var attemptName = root.getAttribute("data-attempt");
    var t = window.CourseUI.strings();
    var refresh = function () {
      var data = load();
      restore(root, data.attempts[attemptName]);
      renderResults(root, bank, data, attemptName, t);
    };
    root.addEventListener("change", function (event) {
      if (event.target.type !== "radio") return;
      renderResults(root, bank, save(root, bank, attemptName, event.target), attemptName, t);
    });
    root.querySelector("[data-test-print]").addEventListener("click", function () { window.print(); });
    window.CourseStorage.onChange(function (name) { if (name === null || name === KEY) refresh(); });
    refresh();
  }

  window.CourseModules.start("CultureTestPage", init);
})();
