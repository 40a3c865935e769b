// provides: TeamProfile
// needs: ExportFile, CultureTestScore
/* Several people's export files combined into a team profile. Pure functions. */
(function () {
  "use strict";
  var Score = window.CultureTestScore;

  /* files = [{name, text}]. Only people whose latest attempt gives a score for every dimension
     count; identical files count once. Aggregates are left out below `minimum` people so no
     individual can be singled out. */
  function combineTeam(files, bank, minimum) {
    minimum = minimum || 3;
    var seen = {}, people = [], rejected = [];
    files.forEach(function (file) {
      var parsed = file.text === null ? { ok: false, problem: { code: "too-large" } } : window.ExportFile.parseExport(file.text);
      if (!parsed.ok) { rejected.push({ name: file.name, code: parsed.problem.code }); return; }
      var attempt = Score.latestAttempt(parsed.data["culture-test"]);
      var scores = attempt ? Score.dimensionScores(bank, attempt.answers) : null;
      if (!scores || !Score.complete(scores)) { rejected.push({ name: file.name, code: "no-test" }); return; }
      var fingerprint = JSON.stringify(attempt.answers);
      if (Object.prototype.hasOwnProperty.call(seen, fingerprint)) { rejected.push({ name: file.name, code: "duplicate" }); return; }
      seen[fingerprint] = true;
      people.push(scores);
    });
    var enough = people.length >= minimum;
    var dimensions = !enough ? [] : bank.dimensions.map(function (dimension, index) {
      function stats(key) {
        var values = people.map(function (scores) { return scores[index][key]; });
        return { mean: values.reduce(function (a, b) { return a + b; }, 0) / values.length,
                 min: Math.min.apply(null, values), max: Math.max.apply(null, values) };
      }
      return { id: dimension.id, title: dimension.title, reality: stats("reality"), aspiration: stats("aspiration"), gap: stats("gap") };
    });
    return { people: people.length, enough: enough, minimum: minimum, rejected: rejected, dimensions: dimensions };
  }

  window.TeamProfile = { combineTeam: combineTeam };
})();
