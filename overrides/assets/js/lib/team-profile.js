// provides: TeamProfile
// needs: ImportFile, CultureTestScore
/* Several people's export files combined into a team profile. Pure functions. */
(function () {
  "use strict";
  var Score = window.CultureTestScore;

  /* files = [{name, text}]. Only people whose latest complete attempt gives a score for every
     dimension, on this item bank (an earlier version carried over along its revisions), count; a person counts once (by the id their data got
     when it was created, or for older files by identical answers), with their latest export.
     Aggregates are left out below `minimum` people so no individual can be singled out. */
  function combineTeam(files, bank, minimum) {
    minimum = minimum || 3;
    var seen = {}, people = [], rejected = [];
    files.forEach(function (file) {
      var parsed = file.text === null ? { ok: false, problem: { code: "too-large" } } : window.ImportFile.parseExport(file.text);
      if (!parsed.ok) { rejected.push({ name: file.name, code: parsed.problem.code }); return; }
      var test = parsed.data["culture-test"];
      var attempt = Score.latestAttempt(bank, test);  // an earlier version of this bank is carried over
      var scores = attempt ? Score.dimensionScores(bank, attempt.answers) : null;
      if (!scores || !Score.complete(scores)) { rejected.push({ name: file.name, code: "no-test" }); return; }
      // scores of other statements cannot be combined with this bank's: refused, never mixed in
      if (attempt.bank_version !== bank.version) { rejected.push({ name: file.name, code: "other-bank" }); return; }
      var person = { name: file.name, exported: parsed.exported || "", scores: scores };
      var key = test.person ? "person:" + test.person : "answers:" + JSON.stringify(attempt.answers);
      if (!Object.prototype.hasOwnProperty.call(seen, key)) { seen[key] = people.length; people.push(person); return; }
      var earlier = people[seen[key]];
      var later = person.exported > earlier.exported ? person : earlier;  // the same time: the first file
      rejected.push({ name: (later === person ? earlier : person).name, code: "duplicate" });
      people[seen[key]] = later;
    });
    people = people.map(function (entry) { return entry.scores; });
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
