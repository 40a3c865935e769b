// provides: CourseStorage
/* Learner data in localStorage: keys scoped to this site's root path and versioned, values as
   JSON, every failure caught and reported instead of thrown. Shared by both languages. */
(function () {
  "use strict";
  var VERSION = "v1";
  var listeners = [];

  function scopePath() {
    // Material's own site-root URL, identical for every page and language of this site.
    var scope = typeof __md_scope !== "undefined" ? __md_scope : new URL(".", location.href);
    return scope.pathname;
  }

  function fullKey(name) {
    return "course:" + VERSION + ":" + scopePath() + ":" + name;
  }

  /* Returns {ok, value} where value is the parsed value or `fallback`; ok is false when the
     stored text could not be read, so callers can keep it aside instead of overwriting it. */
  function read(name, fallback) {
    var raw;
    try {
      raw = window.localStorage.getItem(fullKey(name));
    } catch (error) {
      report("unavailable", error);
      return { ok: true, value: fallback, raw: null };
    }
    if (raw === null) return { ok: true, value: fallback, raw: null };
    try {
      return { ok: true, value: JSON.parse(raw), raw: raw };
    } catch (error) {
      return { ok: false, value: fallback, raw: raw };
    }
  }

  function write(name, value) {
    try {
      window.localStorage.setItem(fullKey(name), JSON.stringify(value));
      saved(name);
      return true;
    } catch (error) {
      report(error && error.name === "QuotaExceededError" ? "full" : "unavailable", error);
      return false;
    }
  }

  function remove(name) {
    try {
      window.localStorage.removeItem(fullKey(name));
      saved(name);
      return true;
    } catch (error) {
      report("unavailable", error);
      return false;
    }
  }

  /* Tell whoever keeps a copy elsewhere (an LMS's suspend data, pages/lms.js) that `name` changed here. */
  function saved(name) {
    document.dispatchEvent(new CustomEvent("course:storage-saved", { detail: name }));
  }

  /* All names stored for this site, without prefix; null when storage cannot be read. */
  function names() {
    var prefix = fullKey("");
    var found = [];
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var key = window.localStorage.key(i);
        if (key && key.indexOf(prefix) === 0) found.push(key.slice(prefix.length));
      }
    } catch (error) {
      report("unavailable", error);
      return null;
    }
    return found;
  }

  /* Calls back with (name, value) when another tab changes this site's data. */
  function onChange(callback) {
    listeners.push(callback);
  }

  window.addEventListener("storage", function (event) {
    var prefix = fullKey("");
    // key null means the whole storage was cleared
    if (event.key !== null && event.key.indexOf(prefix) !== 0) return;
    var name = event.key === null ? null : event.key.slice(prefix.length);
    listeners.forEach(function (callback) { callback(name); });
  });

  var problem = null;
  function report(kind) {
    problem = kind;
    document.dispatchEvent(new CustomEvent("course:storage-problem", { detail: kind }));
  }

  window.CourseStorage = {
    read: read, write: write, remove: remove, names: names, onChange: onChange,
    problem: function () { return problem; }
  };
})();
