// provides: CultureTestScore
// needs: SharedWords, LearnerMigrations
/* Learning Culture test scoring: pure functions, no DOM or storage (unit-tested under node in tests/js/).
   bank = {version, scale: {min, max}, dimensions: [{id, title}], statements: [{id, dimension}]}
   answers = {statementId: {reality: 1..6, aspiration: 1..6}} */
(function () {
  "use strict";
  var MIN_ANSWERS = 2; // a dimension mean is shown only from two answered statements on

  function isRating(value, scale) {
    return typeof value === "number" && value % 1 === 0 && value >= scale.min && value <= scale.max;
  }

  function mean(values) {
    if (values.length < MIN_ANSWERS) return null;
    return values.reduce(function (sum, v) { return sum + v; }, 0) / values.length;
  }

  function toPercent(value, scale) {
    return value === null ? null : ((value - scale.min) / (scale.max - scale.min)) * 100;
  }

  /* Per dimension, in bank order: mean reality and aspiration (null below two answers), the gap
     (aspiration - reality, may be negative) and the same figures on 0-100. */
  function dimensionScores(bank, answers) {
    answers = answers || {};
    return bank.dimensions.map(function (dimension) {
      var reality = [], aspiration = [];
      bank.statements.forEach(function (statement) {
        if (statement.dimension !== dimension.id) return;
        var answer = answers[statement.id] || {};
        if (isRating(answer.reality, bank.scale)) reality.push(answer.reality);
        if (isRating(answer.aspiration, bank.scale)) aspiration.push(answer.aspiration);
      });
      var r = mean(reality), a = mean(aspiration);
      var gap = r === null || a === null ? null : a - r;
      return {
        id: dimension.id, title: dimension.title,
        reality: r, aspiration: a, gap: gap,
        realityPct: toPercent(r, bank.scale), aspirationPct: toPercent(a, bank.scale),
        gapPct: gap === null ? null : (gap / (bank.scale.max - bank.scale.min)) * 100,
        answeredReality: reality.length, answeredAspiration: aspiration.length
      };
    });
  }

  /* Dimensions with a gap, largest first; equal gaps keep the bank's order. */
  function sortedByGap(scores) {
    return scores
      .map(function (score, index) { return { score: score, index: index }; })
      .filter(function (item) { return item.score.gap !== null; })
      .sort(function (x, y) { return (y.score.gap - x.score.gap) || (x.index - y.index); })
      .map(function (item) { return item.score; });
  }

  /* The largest positive gaps, offered as the focus of the action plan. */
  function focusDimensions(scores, max) {
    return sortedByGap(scores).filter(function (s) { return s.gap > 0; }).slice(0, max || 3);
  }

  /* Statements with both ratings given. */
  function answeredCount(bank, answers) {
    answers = answers || {};
    return bank.statements.filter(function (statement) {
      var answer = answers[statement.id] || {};
      return isRating(answer.reality, bank.scale) && isRating(answer.aspiration, bank.scale);
    }).length;
  }

  /* True when every dimension has a reality and an aspiration mean (the chart can be drawn). */
  function complete(scores) {
    return scores.length > 0 && scores.every(function (s) { return s.gap !== null; });
  }

  /* Change in reality per dimension between two attempts' scores (same bank order). */
  function compareAttempts(first, second) {
    return second.map(function (score, index) {
      var before = first[index] || {};
      var change = score.reality === null || before.reality === null || before.reality === undefined
        ? null : score.reality - before.reality;
      return { id: score.id, before: before.reality === undefined ? null : before.reality, after: score.reality, change: change };
    });
  }

  /* A saved attempt with its ratings carried over to the bank's version (an attempt answered on an
     earlier item bank stays comparable); the attempt itself when there is nothing to carry over. */
  function current(bank, attempt) {
    return window.LearnerMigrations.attempt(attempt, bank).attempt;
  }

  /* The attempt of the learner's culture-test section that counts, carried over to the bank's
     version: the latest complete one (retake before first), so an unfinished retake does not hide
     a finished first test; without a complete one, the latest; or null. */
  function latestAttempt(bank, test) {
    if (!test || !test.attempts) return null;
    var attempts = window.SharedWords.attempts().slice().reverse()
      .map(function (name) { return test.attempts[name]; }).filter(Boolean)
      .map(function (attempt) { return current(bank, attempt); });
    var done = attempts.filter(function (attempt) { return complete(dimensionScores(bank, attempt.answers)); });
    return done[0] || attempts[0] || null;
  }

  /* Dimension scores of one saved attempt, carried over to the bank's version first. */
  function attemptScores(bank, attempt) {
    return dimensionScores(bank, current(bank, attempt).answers);
  }

  /* Dimension scores of the attempt that counts, or null without an attempt. */
  function latestScores(bank, test) {
    var attempt = latestAttempt(bank, test);
    return attempt ? dimensionScores(bank, attempt.answers) : null;
  }

  window.CultureTestScore = {
    dimensionScores: dimensionScores, sortedByGap: sortedByGap, focusDimensions: focusDimensions,
    answeredCount: answeredCount, complete: complete, compareAttempts: compareAttempts, toPercent: toPercent,
    latestAttempt: latestAttempt, attemptScores: attemptScores, latestScores: latestScores
  };
})();
