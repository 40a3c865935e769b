// provides: BackupPlan
// needs: LearnerSchema
/* When to suggest a backup: how much work the learner's data holds, and whether enough was added
   since the last export, or that export is old enough, for the nudge to show. Pure functions; the
   record is {exported, units, dismissed, dismissed_units} as core/backup.js keeps it. */
(function () {
  "use strict";
  var Schema = window.LearnerSchema;
  var DAY = 86400000;

  function values(object) { return Object.keys(object || {}).map(function (key) { return object[key]; }); }

  /* The work in `sections` (a snapshot of the learner's data) in units of `weights`
     ({prompt, card, self_check, test_statement}). */
  function units(sections, weights) {
    var prompts = values((sections.worksheet || {}).answers).filter(Schema.filled).length;
    var cards = ((sections.experiments || {}).cards || []).length;
    var checks = values((sections["self-checks"] || {}).modules).filter(function (m) { return m.checked; }).length;
    var statements = 0;
    values((sections["culture-test"] || {}).attempts).forEach(function (attempt) {
      statements += values(attempt.answers).filter(function (a) { return Object.keys(a).length > 0; }).length;
    });
    return prompts * weights.prompt + cards * weights.card + checks * weights.self_check + statements * weights.test_statement;
  }

  function daysSince(date, now) {
    var time = date ? Date.parse(date) : NaN;
    return isNaN(time) ? Infinity : (now - time) / DAY;
  }

  /* True when the nudge should show: work was added since the last export and either it amounts
     to `settings.work` units or that export is `settings.days` old (without one, only the amount
     counts); after the
     learner dismissed it, only once as much again was added or as many days passed. */
  function due(record, current, now, settings) {
    record = record || {};
    var added = current - (record.units || 0);
    if (added <= 0) return false;
    if (added < settings.work && !(record.exported && daysSince(record.exported, now) >= settings.days)) return false;
    if (!record.dismissed) return true;
    return current - (record.dismissed_units || 0) >= settings.work || daysSince(record.dismissed, now) >= settings.days;
  }

  window.BackupPlan = { units: units, due: due, daysSince: daysSince };
})();
