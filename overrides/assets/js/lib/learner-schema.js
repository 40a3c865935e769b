// provides: LearnerSchema
// needs: LearnerMigrations, SharedWords
/* The learner's course data as plain values: the stored sections and their schema versions, and
   validation of stored and imported data (older shapes are upgraded first, learner-migrations.js).
   Pure functions: no DOM, no storage (unit-tested under node in tests/js/). Every validator returns
   a fresh copy holding only known keys, so nothing from a file (such as a "__proto__" key) reaches
   the page unchecked. */
(function () {
  "use strict";
  var MAX_TEXT = 20000;       // characters per text field
  var MAX_CARDS = 100;
  var ID = /^[a-z0-9][a-z0-9-]{0,80}$/;
  var SEED = /^[a-z0-9]{8,40}$/;
  var LESSON = /^[a-z0-9][a-z0-9-]{0,80}(\/[a-z0-9][a-z0-9-]{0,80}){0,3}$/;
  var ISO = /^\d{4}-\d{2}-\d{2}(T[0-9:.]+Z?)?$/;
  var RESERVED = ["constructor", "prototype", "__proto__"];  // never keys of learner data
  var Words = window.SharedWords;  // languages, attempts, rating scale, card fields and decisions
  // Stored name -> current schema version. "language" is a bare string.
  var SECTIONS = { "language": 0, "culture-test": 1, "self-checks": 2, "worksheet": 1, "experiments": 1,
                   "progress": 1, "route": 1, "certificate": 1 };

  function Problem(path, code) { this.path = path; this.code = code; }

  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* Throws Problem unless `value` is an object with only the `allowed` keys. */
  function keysOf(value, path, allowed) {
    if (!isObject(value)) throw new Problem(path, "not-object");
    Object.keys(value).forEach(function (key) {
      if (allowed.indexOf(key) < 0) throw new Problem(path + "." + key, "unknown-key");
    });
    return value;
  }

  function text(value, path) {
    if (typeof value !== "string") throw new Problem(path, "not-text");
    if (value.length > MAX_TEXT) throw new Problem(path, "too-long");
    return value;
  }

  function optionalDate(value, path) {
    if (value === undefined || value === null) return null;
    if (typeof value !== "string" || !ISO.test(value)) throw new Problem(path, "not-date");
    return value;
  }

  function whole(value, path, min, max) {
    if (typeof value !== "number" || value % 1 !== 0 || value < min || value > max) throw new Problem(path, "not-number");
    return value;
  }

  /* A map of id -> value; keys must be ids, which also rules out "__proto__" and friends. */
  function idMap(value, path, pattern, each) {
    keysOf(value, path, Object.keys(isObject(value) ? value : {}));
    var result = {};
    Object.keys(value).forEach(function (key) {
      if (!pattern.test(key) || RESERVED.indexOf(key) >= 0) throw new Problem(path + "." + key, "bad-id");
      result[key] = each(value[key], path + "." + key);
    });
    return result;
  }

  /* The community's certificate as issued (tools/issuer.py): the credential (a JWT, checked again
     with CredentialCheck before it is shown), its verify link and its QR code as rows of 0 and 1. */
  function issued(value, path) {
    keysOf(value, path, ["credential", "verify_url", "qr"]);
    var credential = text(value.credential, path + ".credential");
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(credential)) throw new Problem(path + ".credential", "not-credential");
    var url = text(value.verify_url, path + ".verify_url");
    if (!/^https?:\/\//.test(url)) throw new Problem(path + ".verify_url", "not-link");
    var rows = value.qr;
    if (!Array.isArray(rows) || rows.length < 21 || rows.length > 177 || !rows.every(function (row) {
      return typeof row === "string" && row.length === rows.length && /^[01]+$/.test(row);
    })) throw new Problem(path + ".qr", "not-qr");
    return { credential: credential, verify_url: url, qr: rows.slice() };
  }

  function versioned(value, path, allowed, current) {
    keysOf(value, path, ["version"].concat(allowed));
    if (value.version !== (current || 1)) throw new Problem(path + ".version", "version");
  }

  var validators = {
    "language": function (value, path) {
      if (Words.languages().indexOf(value) < 0) throw new Problem(path, "not-language");
      return value;
    },
    "culture-test": function (value, path) {
      versioned(value, path, ["person", "attempts"]);
      var attempts = keysOf(value.attempts, path + ".attempts", Words.attempts());
      var scale = Words.scale(), questions = Words.questions();
      var result = { version: 1, attempts: {} };
      // made when the learner first answers: the team profile tells people apart by it
      if (value.person !== undefined) {
        if (typeof value.person !== "string" || !ID.test(value.person)) throw new Problem(path + ".person", "bad-id");
        result.person = value.person;
      }
      Object.keys(attempts).forEach(function (name) {
        var p = path + ".attempts." + name;
        var attempt = keysOf(attempts[name], p, ["bank_version", "started", "updated", "answers"]);
        result.attempts[name] = {
          bank_version: whole(attempt.bank_version, p + ".bank_version", 1, 1000),
          started: optionalDate(attempt.started, p + ".started"),
          updated: optionalDate(attempt.updated, p + ".updated"),
          answers: idMap(attempt.answers, p + ".answers", ID, function (answer, q) {
            keysOf(answer, q, questions);
            var clean = {};
            questions.forEach(function (k) { if (own(answer, k)) clean[k] = whole(answer[k], q + "." + k, scale.min, scale.max); });
            return clean;
          })
        };
      });
      return result;
    },
    "self-checks": function (value, path) {
      versioned(value, path, ["seed", "modules"], 2);
      // the learner's own order of options (lib/self-check-order.js); null until first used
      if (value.seed !== null && (typeof value.seed !== "string" || !SEED.test(value.seed))) throw new Problem(path + ".seed", "bad-id");
      return { version: 2, seed: value.seed, modules: idMap(value.modules, path + ".modules", ID, function (module, p) {
        keysOf(module, p, ["answers", "checked", "score", "total", "tries"]);
        if (typeof module.checked !== "boolean") throw new Problem(p + ".checked", "not-boolean");
        return {
          answers: idMap(module.answers, p + ".answers", ID, function (chosen, q) {
            if (!Array.isArray(chosen) || chosen.length > 20) throw new Problem(q, "not-list");
            return chosen.map(function (option, i) { if (typeof option !== "string" || !ID.test(option)) throw new Problem(q + "." + i, "bad-id"); return option; });
          }),
          checked: module.checked, score: whole(module.score, p + ".score", 0, 1000),
          total: whole(module.total, p + ".total", 0, 1000), tries: whole(module.tries, p + ".tries", 0, 1000000)
        };
      }) };
    },
    "worksheet": function (value, path) {
      versioned(value, path, ["answers"]);
      return { version: 1, answers: idMap(value.answers, path + ".answers", ID, text) };
    },
    "experiments": function (value, path) {
      versioned(value, path, ["cards"]);
      if (!Array.isArray(value.cards)) throw new Problem(path + ".cards", "not-list");
      // MAX_CARDS is a limit for adding cards (action-plan.js): cards stored beyond it are kept
      var seen = {};
      return { version: 1, cards: value.cards.map(function (card, index) {
        var p = path + ".cards." + index;
        var fields = Words.cardFields();
        keysOf(card, p, ["id", "created", "updated"].concat(fields));
        if (typeof card.id !== "string" || !ID.test(card.id) || own(seen, card.id)) throw new Problem(p + ".id", "bad-id");
        seen[card.id] = true;
        var clean = { id: card.id, created: optionalDate(card.created, p + ".created"), updated: optionalDate(card.updated, p + ".updated") };
        fields.forEach(function (field) { clean[field] = own(card, field) ? text(card[field], p + "." + field) : ""; });
        if (clean.decision !== "" && Words.decisions().indexOf(clean.decision) < 0) throw new Problem(p + ".decision", "not-choice");
        return clean;
      }) };
    },
    "progress": function (value, path) {
      versioned(value, path, ["done", "last"]);
      var last = null;
      if (value.last !== null && value.last !== undefined) {
        keysOf(value.last, path + ".last", ["page", "at"]);
        if (typeof value.last.page !== "string" || !LESSON.test(value.last.page)) throw new Problem(path + ".last.page", "bad-id");
        last = { page: value.last.page, at: optionalDate(value.last.at, path + ".last.at") };
      }
      return { version: 1, done: idMap(value.done, path + ".done", LESSON, optionalDate), last: last };
    },
    "route": function (value, path) {
      versioned(value, path, ["route", "checked"]);
      if (value.route !== null && (typeof value.route !== "string" || !ID.test(value.route))) throw new Problem(path + ".route", "bad-id");
      return { version: 1, route: value.route, checked: idMap(value.checked || {}, path + ".checked", /^[a-z0-9][a-z0-9-]*:[a-z0-9][a-z0-9-]*$/, function (v, p) {
        if (v !== true) throw new Problem(p, "not-boolean");
        return true;
      }) };
    },
    "certificate": function (value, path) {
      versioned(value, path, ["name", "met", "issued"]);
      var name = text(value.name, path + ".name");
      if (name.length > 200) throw new Problem(path + ".name", "too-long");
      var result = { version: 1, name: name };
      // met: when the certificate page first found every criterion met (the date the personal record carries)
      var met = optionalDate(value.met, path + ".met");
      if (met) result.met = met;
      if (value.issued !== undefined && value.issued !== null) result.issued = issued(value.issued, path + ".issued");
      return result;
    }
  };

  function empty(name) {
    switch (name) {
      case "culture-test": return { version: 1, attempts: {} };
      case "self-checks": return { version: 2, seed: null, modules: {} };
      case "worksheet": return { version: 1, answers: {} };
      case "experiments": return { version: 1, cards: [] };
      case "progress": return { version: 1, done: {}, last: null };
      case "route": return { version: 1, route: null, checked: {} };
      case "certificate": return { version: 1, name: "" };
      default: return null;
    }
  }

  /* {ok: true, value: run()}, or {ok: false, problem: {path, code}} when `run` finds a Problem. */
  function outcome(run) {
    try {
      return { ok: true, value: run() };
    } catch (error) {
      if (error instanceof Problem) return { ok: false, problem: { path: error.path, code: error.code } };
      throw error;
    }
  }

  /* Migrate and validate one section: {ok, value} or {ok: false, problem: {path, code}}.
     A version newer than this site knows is refused, never overwritten. */
  function check(name, value, path) {
    path = path || name;
    return outcome(function () {
      if (!own(validators, name)) throw new Problem(path, "unknown-key");
      value = window.LearnerMigrations.upgrade(name, value);
      if (isObject(value) && typeof value.version === "number" && value.version > SECTIONS[name]) throw new Problem(path + ".version", "newer");
      return validators[name](value, path);
    });
  }

  function filled(value) { return typeof value === "string" && value.trim() !== ""; }

  window.LearnerSchema = {
    SECTIONS: SECTIONS, MAX_CARDS: MAX_CARDS, Problem: Problem,
    keysOf: keysOf, optionalDate: optionalDate, outcome: outcome, check: check, empty: empty, filled: filled
  };
})();
