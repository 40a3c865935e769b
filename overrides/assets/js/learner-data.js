/* The learner's course data as plain values: schema versions and migrations, validation of stored
   and imported data, the export file, the Markdown plan, progress, checks (route checklists and
   certificate criteria) and the team profile. Pure functions: no DOM, no storage (unit-tested under
   node in tests/js/). Every validator returns a fresh copy holding only known keys, so nothing from
   a file (such as a "__proto__" key) reaches the page unchecked. */
(function (root) {
  "use strict";
  var FORMAT = "learning-culture-course";
  var FORMAT_VERSION = 1;
  var MAX_TEXT = 20000;       // characters per text field
  var MAX_FILE = 5000000;     // bytes per import file
  var MAX_CARDS = 100;
  var ID = /^[a-z0-9][a-z0-9-]{0,80}$/;
  var LESSON = /^[a-z0-9][a-z0-9-]{0,80}(\/[a-z0-9][a-z0-9-]{0,80}){0,3}$/;
  var ISO = /^\d{4}-\d{2}-\d{2}(T[0-9:.]+Z?)?$/;
  var RESERVED = ["constructor", "prototype", "__proto__"];  // never keys of learner data
  var DECISIONS = ["", "adopt", "adapt", "abandon"];
  var CARD_FIELDS = ["what", "prediction", "measure", "who", "happened", "learned", "decision", "next"];
  var LANGUAGES = ["en", "nl"];
  // Stored name -> current schema version. "language" is a bare string.
  var SECTIONS = { "language": 0, "culture-test": 1, "self-checks": 1, "worksheet": 1, "experiments": 1,
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

  function versioned(value, path, allowed) {
    keysOf(value, path, ["version"].concat(allowed));
    if (value.version !== 1) throw new Problem(path + ".version", "version");
  }

  var validators = {
    "language": function (value, path) {
      if (LANGUAGES.indexOf(value) < 0) throw new Problem(path, "not-language");
      return value;
    },
    "culture-test": function (value, path) {
      versioned(value, path, ["attempts"]);
      var attempts = keysOf(value.attempts, path + ".attempts", ["first", "retake"]);
      var result = { version: 1, attempts: {} };
      Object.keys(attempts).forEach(function (name) {
        var p = path + ".attempts." + name;
        var attempt = keysOf(attempts[name], p, ["bank_version", "started", "updated", "answers"]);
        result.attempts[name] = {
          bank_version: whole(attempt.bank_version, p + ".bank_version", 1, 1000),
          started: optionalDate(attempt.started, p + ".started"),
          updated: optionalDate(attempt.updated, p + ".updated"),
          answers: idMap(attempt.answers, p + ".answers", ID, function (answer, q) {
            keysOf(answer, q, ["reality", "aspiration"]);
            var clean = {};
            ["reality", "aspiration"].forEach(function (k) { if (own(answer, k)) clean[k] = whole(answer[k], q + "." + k, 1, 6); });
            return clean;
          })
        };
      });
      return result;
    },
    "self-checks": function (value, path) {
      versioned(value, path, ["modules"]);
      return { version: 1, modules: idMap(value.modules, path + ".modules", ID, function (module, p) {
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
      if (value.cards.length > MAX_CARDS) throw new Problem(path + ".cards", "too-many");
      var seen = {};
      return { version: 1, cards: value.cards.map(function (card, index) {
        var p = path + ".cards." + index;
        keysOf(card, p, ["id", "created", "updated"].concat(CARD_FIELDS));
        if (typeof card.id !== "string" || !ID.test(card.id) || own(seen, card.id)) throw new Problem(p + ".id", "bad-id");
        seen[card.id] = true;
        var clean = { id: card.id, created: optionalDate(card.created, p + ".created"), updated: optionalDate(card.updated, p + ".updated") };
        CARD_FIELDS.forEach(function (field) { clean[field] = own(card, field) ? text(card[field], p + "." + field) : ""; });
        if (DECISIONS.indexOf(clean.decision) < 0) throw new Problem(p + ".decision", "not-choice");
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
      versioned(value, path, ["name"]);
      var name = text(value.name, path + ".name");
      if (name.length > 200) throw new Problem(path + ".name", "too-long");
      return { version: 1, name: name };
    }
  };

  /* Older shapes of stored data, upgraded step by step to the current version. */
  var migrations = {
    // version 0 of the worksheet: a bare map of prompt id -> text
    "worksheet": function (value) {
      return isObject(value) && !own(value, "version") ? { version: 1, answers: value } : value;
    },
    // version 0 of progress: a list of finished lesson ids
    "progress": function (value) {
      if (!Array.isArray(value)) return value;
      var done = {};
      value.forEach(function (id) { if (typeof id === "string") done[id] = null; });
      return { version: 1, done: done, last: null };
    }
  };

  function empty(name) {
    switch (name) {
      case "culture-test": return { version: 1, attempts: {} };
      case "self-checks": return { version: 1, modules: {} };
      case "worksheet": return { version: 1, answers: {} };
      case "experiments": return { version: 1, cards: [] };
      case "progress": return { version: 1, done: {}, last: null };
      case "route": return { version: 1, route: null, checked: {} };
      case "certificate": return { version: 1, name: "" };
      default: return null;
    }
  }

  /* Migrate and validate one section: {ok, value} or {ok: false, problem: {path, code}}.
     A version newer than this site knows is refused, never overwritten. */
  function check(name, value, path) {
    path = path || name;
    try {
      if (!own(validators, name)) throw new Problem(path, "unknown-key");
      if (own(migrations, name)) value = migrations[name](value);
      if (isObject(value) && typeof value.version === "number" && value.version > SECTIONS[name]) throw new Problem(path + ".version", "newer");
      return { ok: true, value: validators[name](value, path) };
    } catch (error) {
      if (error instanceof Problem) return { ok: false, problem: { path: error.path, code: error.code } };
      throw error;
    }
  }

  /* The export file: every known section present in `sections`, with format and version. */
  function serialise(sections, now) {
    var data = {};
    Object.keys(SECTIONS).forEach(function (name) {
      if (own(sections, name) && sections[name] !== null && sections[name] !== undefined) data[name] = sections[name];
    });
    return { format: FORMAT, version: FORMAT_VERSION, exported: now, data: data };
  }

  /* Read an export file's text: {ok, data} with clean sections, or {ok: false, problem}. */
  function parseExport(textValue) {
    if (typeof textValue !== "string") return { ok: false, problem: { path: "", code: "not-json" } };
    if (textValue.length > MAX_FILE) return { ok: false, problem: { path: "", code: "too-large" } };
    var parsed;
    try { parsed = JSON.parse(textValue); } catch (error) { return { ok: false, problem: { path: "", code: "not-json" } }; }
    if (!isObject(parsed) || parsed.format !== FORMAT) return { ok: false, problem: { path: "format", code: "not-course-file" } };
    if (typeof parsed.version !== "number" || parsed.version % 1 !== 0 || parsed.version < 1) return { ok: false, problem: { path: "version", code: "version" } };
    if (parsed.version > FORMAT_VERSION) return { ok: false, problem: { path: "version", code: "newer" } };
    try {
      keysOf(parsed, "", ["format", "version", "exported", "data"]);
      optionalDate(parsed.exported, "exported");
      keysOf(parsed.data, "data", Object.keys(SECTIONS));
    } catch (error) {
      if (error instanceof Problem) return { ok: false, problem: { path: error.path, code: error.code } };
      throw error;
    }
    var data = {};
    var names = Object.keys(parsed.data);
    for (var i = 0; i < names.length; i++) {
      var result = check(names[i], parsed.data[names[i]], "data." + names[i]);
      if (!result.ok) return result;
      data[names[i]] = result.value;
    }
    return { ok: true, data: data, exported: parsed.exported || null };
  }

  /* How much a section holds, to show what an import would replace. */
  function count(name, value) {
    if (value === null || value === undefined) return 0;
    switch (name) {
      case "culture-test": return Object.keys(value.attempts).length;
      case "self-checks": return Object.keys(value.modules).length;
      case "worksheet": return Object.keys(value.answers).filter(function (k) { return filled(value.answers[k]); }).length;
      case "experiments": return value.cards.length;
      case "progress": return Object.keys(value.done).length;
      case "route": return value.route ? 1 : 0;
      case "certificate": return value.name ? 1 : 0;
      default: return value ? 1 : 0;
    }
  }

  function filled(value) { return typeof value === "string" && value.trim() !== ""; }

  /* A card counts as planned once what, prediction and measure are written. */
  function planned(card) { return filled(card.what) && filled(card.prediction) && filled(card.measure); }

  /* Lessons done per module and for the course. map = {modules: [{id, title, pages: [{id, lesson}]}]} */
  function progress(map, done) {
    done = done || {};
    var modules = map.modules.map(function (module) {
      var lessons = module.pages.filter(function (p) { return p.lesson; });
      var finished = lessons.filter(function (p) { return own(done, p.id); }).length;
      return { id: module.id, title: module.title, done: finished, total: lessons.length };
    }).filter(function (m) { return m.total > 0; });
    var total = modules.reduce(function (sum, m) { return sum + m.total; }, 0);
    var finished = modules.reduce(function (sum, m) { return sum + m.done; }, 0);
    return { modules: modules, done: finished, total: total };
  }

  /* One route-checklist item or certificate criterion. state = the learner's sections;
     context = {map, bank, score: CultureTestScore, item: "route:item" key for manual ticks}. */
  function evaluate(checkSpec, state, context) {
    var done = (state.progress || empty("progress")).done;
    switch (checkSpec.kind) {
      case "module-done":
        var module = progress(context.map, done).modules.filter(function (m) { return m.id === checkSpec.module; })[0];
        return !!module && module.done === module.total;
      case "all-modules-done":
        var all = progress(context.map, done);
        return all.total > 0 && all.done === all.total;
      case "test-taken":
        var attempt = (state["culture-test"] || empty("culture-test")).attempts[checkSpec.attempt];
        return !!attempt && !!context.bank && context.score.complete(context.score.dimensionScores(context.bank, attempt.answers));
      case "prompts-filled":
        var answers = (state.worksheet || empty("worksheet")).answers;
        return checkSpec.prompts.every(function (id) { return filled(answers[id]); });
      case "experiment-planned":
        return (state.experiments || empty("experiments")).cards.some(planned);
      case "manual":
        return own((state.route || empty("route")).checked, context.item);
      default:
        return false;
    }
  }

  function mdCell(value) { return String(value).replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " "); }
  function mdText(value) { return filled(value) ? value.trim() : ""; }

  /* The plan as readable Markdown in the page's language.
     input = {t (wording), title, date, catalogue: {modules: [{id, title, prompts: [{id, label, type, choices}]}]},
              state (sections), scores (dimension scores or null), number (formats a number)} */
  function toMarkdown(input) {
    var t = input.t, state = input.state, lines = ["# " + input.title, "", input.date, ""];
    var answers = (state.worksheet || empty("worksheet")).answers;
    if (input.scores) {
      lines.push("## " + t.plan_focus_title, "", "| " + [t.plan_dimension, t.plan_reality, t.plan_aspiration, t.plan_gap].join(" | ") + " |", "|---|---:|---:|---:|");
      input.scores.forEach(function (s) {
        lines.push("| " + [mdCell(s.title), input.number(s.reality), input.number(s.aspiration), input.number(s.gap)].join(" | ") + " |");
      });
      lines.push("");
    }
    input.catalogue.modules.forEach(function (module) {
      if (!module.prompts.length) return;
      lines.push("## " + module.title, "");
      module.prompts.forEach(function (prompt) {
        var value = answers[prompt.id];
        if (prompt.type === "choice") {
          var chosen = prompt.choices.filter(function (c) { return c.id === value; })[0];
          value = chosen ? chosen.label : "";
        }
        lines.push("### " + prompt.label, "", mdText(value) || "_" + t.plan_not_written + "_", "");
      });
    });
    var cards = (state.experiments || empty("experiments")).cards;
    lines.push("## " + t.experiments_title, "");
    if (!cards.length) lines.push("_" + t.experiments_none + "_", "");
    cards.forEach(function (card, index) {
      lines.push("### " + t.experiment_card + " " + (index + 1) + (filled(card.what) ? ": " + mdCell(card.what) : ""), "");
      CARD_FIELDS.forEach(function (field) {
        var value = field === "decision" ? (card.decision ? t["experiment_decision_" + card.decision] : "") : card[field];
        if (filled(value)) lines.push("**" + t["experiment_" + field] + "**", "", value.trim(), "");
      });
    });
    return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
  }

  /* The latest complete test attempt of one export (retake before first), or null. */
  function latestAttempt(data) {
    var test = data["culture-test"];
    if (!test) return null;
    return test.attempts.retake || test.attempts.first || null;
  }

  /* Combine several exports into a team profile. files = [{name, text}]; score = CultureTestScore.
     Only people whose latest attempt gives a score for every dimension count; identical files count
     once. Aggregates are left out below `minimum` people so no individual can be singled out. */
  function combineTeam(files, bank, score, minimum) {
    minimum = minimum || 3;
    var seen = {}, people = [], rejected = [];
    files.forEach(function (file) {
      var parsed = file.text === null ? { ok: false, problem: { code: "too-large" } } : parseExport(file.text);
      if (!parsed.ok) { rejected.push({ name: file.name, code: parsed.problem.code }); return; }
      var attempt = latestAttempt(parsed.data);
      var scores = attempt ? score.dimensionScores(bank, attempt.answers) : null;
      if (!scores || !score.complete(scores)) { rejected.push({ name: file.name, code: "no-test" }); return; }
      var fingerprint = JSON.stringify(attempt.answers);
      if (own(seen, fingerprint)) { rejected.push({ name: file.name, code: "duplicate" }); return; }
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

  var api = {
    FORMAT: FORMAT, FORMAT_VERSION: FORMAT_VERSION, MAX_FILE: MAX_FILE, SECTIONS: SECTIONS, CARD_FIELDS: CARD_FIELDS,
    DECISIONS: DECISIONS, check: check, empty: empty, serialise: serialise, parseExport: parseExport, count: count,
    filled: filled, planned: planned, progress: progress, evaluate: evaluate, toMarkdown: toMarkdown,
    combineTeam: combineTeam
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.CourseLearnerData = api;
})(this);
