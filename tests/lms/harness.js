/* The test LMS: ?version=12|2004&package=/path/&fail=init|commit. window.__cmi (set by the test before
   the page loads) is what the LMS kept from an earlier session. Every SetValue and Commit is kept
   in window.__record, so the test can assert what the package reported. */
(function () {
  "use strict";
  var query = new URLSearchParams(location.search);
  var v12 = query.get("version") === "12";
  var api = v12 ? new window.Scorm12API({ logLevel: 5, autocommit: false }) : new window.Scorm2004API({ logLevel: 5, autocommit: false });
  if (window.__cmi) api.loadFromFlattenedJSON(window.__cmi, "");
  var record = window.__record = { sets: [], commits: 0, initialized: 0, finished: 0 };
  var prefix = v12 ? "LMS" : "";
  var methods = v12 ? ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish", "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"]
    : ["Initialize", "GetValue", "SetValue", "Commit", "Terminate", "GetLastError", "GetErrorString", "GetDiagnostic"];
  var wrapped = {};
  methods.forEach(function (name) {
    wrapped[name] = function (a, b) {
      if (name === prefix + "Initialize") {
        record.initialized += 1;
        if (query.get("fail") === "init") return "false";
      }
      if (name === (v12 ? "LMSSetValue" : "SetValue")) record.sets.push([a, String(b)]);
      if (name === (v12 ? "LMSCommit" : "Commit")) {
        record.commits += 1;
        if (query.get("fail") === "commit") return "false";
      }
      if (name === (v12 ? "LMSFinish" : "Terminate")) record.finished += 1;
      return api[name](a, b);
    };
  });
  window[v12 ? "API" : "API_1484_11"] = wrapped;
  window.__api = api;
  document.addEventListener("DOMContentLoaded", function () {
    document.getElementById("sco").src = query.get("package") + "launch.html";
  });
})();
