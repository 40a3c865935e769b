// provides: TeamProfilePage
// needs: CourseLearner, CourseUI, CourseModules, ExportFile, TeamProfile, CultureTestScore, NumberFormat, RadarChart
/* Team profile: each member downloads a file with their test only, named after them; the one who
   combines reads the files in the browser (nothing is uploaded) and sees the team's mean and range
   per dimension, largest gap first, from three people on only. */
(function () {
  "use strict";
  var Learner = window.CourseLearner;
  var format = window.CourseUI.format;

  function number(value) { return window.NumberFormat.decimal(value, 1, document.documentElement.lang); }

  function range(stats) { return number(stats.mean) + " (" + number(stats.min) + "–" + number(stats.max) + ")"; }

  function show(root, files, team) {
    var t = Learner.t();
    root.querySelector("[data-team-count]").textContent = format(t.team_count, {
      people: window.CourseUI.plural("team_people", team.people), files: window.CourseUI.plural("team_files", files.length)
    });
    var rejected = root.querySelector("[data-team-rejected]");
    rejected.textContent = "";
    team.rejected.forEach(function (entry) {
      var li = document.createElement("li");
      li.textContent = format(t.team_rejected, { file: entry.name, reason: t["import_reason_" + entry.code] || t.import_reason_invalid });
      rejected.appendChild(li);
    });
    var wait = root.querySelector("[data-team-wait]");
    wait.hidden = team.enough;
    wait.textContent = team.enough ? "" : format(t.team_wait, { minimum: team.minimum, missing: team.minimum - team.people });
    var result = root.querySelector("[data-team-result]");
    result.hidden = !team.enough;
    var rows = root.querySelector("[data-team-rows]");
    rows.textContent = "";
    var chart = root.querySelector("[data-team-chart]");
    chart.textContent = "";
    if (!team.enough) return;
    team.dimensions.slice().sort(function (a, b) { return b.gap.mean - a.gap.mean; }).forEach(function (dimension) {
      rows.appendChild(window.CourseUI.tableRow([dimension.title, range(dimension.reality), range(dimension.aspiration), range(dimension.gap)]));
    });
    var bank = Learner.pageJson("culture-test-bank");
    function pct(value) { return window.CultureTestScore.toPercent(value, bank.scale); }
    if (window.RadarChart) {
      window.RadarChart.render(chart, {
        axes: team.dimensions.map(function (d) { return d.title; }),
        series: [
          { name: t.team_series_reality, values: team.dimensions.map(function (d) { return pct(d.reality.mean); }), className: "course-radar__series--reality" },
          { name: t.team_series_aspiration, values: team.dimensions.map(function (d) { return pct(d.aspiration.mean); }), className: "course-radar__series--aspiration" }
        ],
        title: t.team_chart_title, description: t.team_chart_description, legend: root.querySelector("[data-team-legend]")
      });
    }
  }

  function load(root, input) {
    var files = Array.prototype.slice.call(input.files || []);
    Promise.all(files.map(function (file) {
      if (file.size > window.ExportFile.MAX_FILE) return Promise.resolve({ name: file.name, text: null });
      return file.text().then(function (text) { return { name: file.name, text: text }; });
    })).then(function (contents) {
      var bank = Learner.pageJson("culture-test-bank");
      show(root, files, window.TeamProfile.combineTeam(contents, bank, 3));
    });
  }

  /* The member's own test, and nothing else, in a file named after them. */
  function share(root) {
    var t = Learner.t();
    var status = root.querySelector("[data-team-share-status]");
    var test = Learner.snapshot()["culture-test"];
    if (!test || !window.CultureTestScore.latestAttempt(Learner.pageJson("culture-test-bank"), test)) { status.textContent = t.team_share_no_test; return; }
    var who = root.querySelector("[data-team-name]").value.trim().toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 60);
    var name = format(t.team_share_file, { name: who || new Date().toISOString().slice(0, 10) });
    var file = window.ExportFile.serialise({ "culture-test": test }, new Date().toISOString());
    Learner.download(name, "application/json", JSON.stringify(file, null, 2));
    status.textContent = format(t.export_done, { file: name });
  }

  function init() {
    var root = document.querySelector("[data-course-team]");
    if (!root) return;
    var input = root.querySelector("[data-team-files]");
    input.addEventListener("change", function () { load(root, input); });
    root.querySelector("[data-team-share]").addEventListener("click", function () { share(root); });
    root.querySelector("[data-team-print]").addEventListener("click", function () { window.print(); });
  }

  window.CourseModules.start("TeamProfilePage", init);
})();
