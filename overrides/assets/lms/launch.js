/* The launch page of a SCORM package (launch.html, hooks/lms.py). It finds the LMS's API as the
   specifications describe (SCORM 1.2 `API`, SCORM 2004 `API_1484_11`, in this window's parents,
   then in the opener's), initialises the session once, opens the course in its frame at the
   bookmark, and offers the course pages a bridge (window.CourseLMSBridge, same origin) through
   which they report progress and hand over the learner's data for the LMS's suspend data.
   Commits are throttled (an LMS froze when committed on every answer) and made on page changes
   and when the learner leaves; the session ends (exit "suspend") when this page goes. The course
   works without an LMS or with a failing one: the bridge then says so, and saves nothing. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("lms-launch").textContent);
  var V12 = data.kind === "scorm12";
  var LIMIT = V12 ? 4096 : 64000;  // characters of suspend data the specification guarantees
  var WORKING_GAP = 30000;         // ms between commits while the learner works
  var PAGE_GAP = 5000;             // ms between commits on page changes
  var PREFIX = "z1:";              // suspend data: this marker, then base64 of raw-deflated JSON
  var CMI = V12 ? {
    init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish",
    location: "cmi.core.lesson_location", suspend: "cmi.suspend_data", exit: "cmi.core.exit",
    session: "cmi.core.session_time", raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max"
  } : {
    init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate",
    location: "cmi.location", suspend: "cmi.suspend_data", exit: "cmi.exit", session: "cmi.session_time",
    raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max", scaled: "cmi.score.scaled",
    progress: "cmi.progress_measure", completion: "cmi.completion_status", success: "cmi.success_status"
  };
  var started = Date.now();
  var api = find(window);
  var active = false;
  var finished = false;
  var lastCommit = 0;
  var timer = null;
  var dirty = false;
  var reported = {};
  var stored = null;
  var messages = [];
  var saving = Promise.resolve({ omitted: [] });
  var completedBefore = false;  // completion is never taken back within the LMS

  /* The API object of this SCORM version, searched up the frames of `start`, then of its opener. */
  function find(start) {
    var name = V12 ? "API" : "API_1484_11";
    function climb(win) {
      for (var hops = 0; win && hops < 500; hops++) {
        try {
          if (win[name]) return win[name];
        } catch (error) {
          return null;  // a frame of another site: the LMS's API cannot be beyond it
        }
        if (win.parent === win) return null;
        win = win.parent;
      }
      return null;
    }
    var found = climb(start);
    try {
      if (!found && start.top.opener) found = climb(start.top.opener);
    } catch (error) { /* an opener of another site */ }
    return found;
  }

  function call(method, a, b) {
    try {
      return String(b === undefined ? api[CMI[method]](a) : api[CMI[method]](a, b));
    } catch (error) {
      return "false";
    }
  }

  function get(element) { return active ? call("get", element) : ""; }

  function set(element, value) {
    if (!active || finished) return false;
    value = String(value);
    if (reported[element] === value) return true;  // unchanged: nothing to tell the LMS
    var ok = call("set", element, value) === "true";
    if (ok) {
      reported[element] = value;
      dirty = true;
    } else {
      say("lms_save_failed");
    }
    return ok;
  }

  var listener = null;  // the course page on show now, told at once of a new message

  function say(key, values) {
    if (messages.some(function (message) { return message.key === key; })) return;
    messages.push({ key: key, values: values || {} });
    try {
      if (listener) listener();
    } catch (error) {
      listener = null;  // that page is gone; the next one asks on its own
    }
  }

  function commit() {
    clearTimeout(timer);
    timer = null;
    if (!active || finished || !dirty) return;
    lastCommit = Date.now();
    dirty = false;
    if (call("commit", "") !== "true") {
      dirty = true;
      say("lms_save_failed");
    }
  }

  /* Commit now when the last commit is at least `gap` ago, else once that much time has passed. */
  var due = 0;

  function schedule(gap) {
    var at = lastCommit + gap;
    if (at <= Date.now()) return commit();
    if (timer && due <= at) return;  // a commit is due sooner already
    clearTimeout(timer);
    due = at;
    timer = setTimeout(commit, at - Date.now());
  }

  function sessionTime(milliseconds) {
    var seconds = Math.round(milliseconds / 1000);
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = seconds % 60;
    if (!V12) return "PT" + hours + "H" + minutes + "M" + rest + "S";
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return (hours < 1000 ? ("000" + hours).slice(-4) : String(hours)) + ":" + two(minutes) + ":" + two(rest);
  }

  function finish() {
    if (!active || finished) return;
    set(CMI.exit, "suspend");
    set(CMI.session, sessionTime(Date.now() - started));
    dirty = true;
    commit();
    call("finish", "");
    finished = true;
  }

  /* --- suspend data: JSON, raw-deflated, base64 -------------------------------------------- */

  function bytesToBase64(bytes) {
    var text = "";
    for (var i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }

  function pipe(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer().then(function (buffer) {
      return new Uint8Array(buffer);
    });
  }

  function encode(text) {
    return pipe(new TextEncoder().encode(text), new CompressionStream("deflate-raw")).then(function (bytes) {
      return PREFIX + bytesToBase64(bytes);
    });
  }

  function decode(value) {
    if (!value || value.indexOf(PREFIX) !== 0) return Promise.resolve(null);
    try {
      var binary = atob(value.slice(PREFIX.length));
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return pipe(bytes, new DecompressionStream("deflate-raw")).then(function (out) {
        return new TextDecoder().decode(out);
      }, function () { return null; });
    } catch (error) {
      return Promise.resolve(null);
    }
  }

  /* The first candidate ({text, omitted}) that fits the LMS's limit once compressed. */
  function fitting(candidates, index) {
    if (index >= candidates.length) return Promise.resolve(null);
    return encode(candidates[index].text).then(function (value) {
      return value.length <= LIMIT ? { value: value, omitted: candidates[index].omitted } : fitting(candidates, index + 1);
    });
  }

  /* --- the bridge the course pages use ------------------------------------------------------ */

  var bridge = {
    active: function () { return active; },
    kind: data.kind,
    limit: LIMIT,
    bank: data.bank,
    criteria: data.criteria,
    reportTest: data.reportTest,
    /* The learner data the LMS held at launch (JSON text), given once. */
    takeStored: function () {
      var text = stored;
      stored = null;
      return text;
    },
    /* The learner is on `href`: remember it as the bookmark. */
    visit: function (href) {
      var base = new URL(".", location.href).href;
      if (href.indexOf(base) === 0) set(CMI.location, href.slice(base.length).slice(0, V12 ? 255 : 1000));
      schedule(PAGE_GAP);
    },
    /* Progress: {progress: 0-1, complete: boolean, score: {raw, max} or null}. */
    report: function (state) {
      var complete = !!state.complete || completedBefore;
      if (V12) {
        set("cmi.core.lesson_status", complete ? "completed" : "incomplete");
      } else {
        set(CMI.completion, complete ? "completed" : "incomplete");
        set(CMI.success, complete ? "passed" : "unknown");
        set(CMI.progress, Math.min(1, Math.max(0, state.progress)).toFixed(4));
      }
      if (state.score && state.score.max > 0) {
        var raw = Math.round(100 * state.score.raw / state.score.max);
        set(CMI.min, "0");
        set(CMI.max, "100");
        set(CMI.raw, String(raw));
        if (!V12) set(CMI.scaled, (raw / 100).toFixed(2));
      }
      schedule(WORKING_GAP);
    },
    /* Answers of the test as interactions, only when the organisation switched that on. */
    interactions: function (answers) {
      if (!data.reportTest) return;
      answers.forEach(function (answer, n) {
        var prefix = "cmi.interactions." + n + ".";
        set(prefix + "id", answer.id);
        set(prefix + "type", "likert");
        set(prefix + (V12 ? "student_response" : "learner_response"), answer.value);
      });
      schedule(WORKING_GAP);
    },
    /* The learner's data, as candidates from everything to less ({text, omitted: [section names]}):
       the first that fits is saved; resolves to {omitted} (null: nothing fits). */
    save: function (candidates) {
      saving = saving.then(function () {
        return fitting(candidates, 0).then(function (fit) {
          if (!fit) return null;
          set(CMI.suspend, fit.value);
          schedule(WORKING_GAP);
          return { omitted: fit.omitted };
        });
      });
      return saving;
    },
    /* Messages for the learner since the last call: [{key, values}], each key once per launch. */
    messages: function () {
      var pending = messages.filter(function (message) { return !message.shown; });
      pending.forEach(function (message) { message.shown = true; });
      return pending;
    },
    flush: function () { schedule(PAGE_GAP); },
    /* Call `callback` when a message for the learner comes up (one page at a time). */
    listen: function (callback) { listener = callback; },
    /* Compressed suspend data for a JSON text (for measuring, tests and the benchmark). */
    encode: encode
  };
  window.CourseLMSBridge = bridge;

  /* A bookmark is a path inside the package, never an address elsewhere. */
  function bookmark(value) {
    return /^[\w\-./]+\.html(#[\w\-]*)?$/.test(value) && value.indexOf("..") < 0 && value.indexOf("//") < 0 ? value : data.start;
  }

  function open() {
    if (api) {
      try {
        active = call("init", "") === "true";
      } catch (error) {
        active = false;
      }
    }
    if (!active) say("lms_unavailable");
    var frame = document.getElementById("lms-course");
    decode(get(CMI.suspend)).then(function (text) {
      stored = text;
      frame.src = bookmark(get(CMI.location));
      frame.hidden = false;
      document.getElementById("lms-loading").hidden = true;
      var status = get(V12 ? "cmi.core.lesson_status" : CMI.completion);
      completedBefore = status === "completed" || status === "passed";
    });
  }

  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  document.addEventListener("DOMContentLoaded", open);
})();
