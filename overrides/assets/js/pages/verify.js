// provides: VerifyPage
// needs: CourseLearner, CourseModules, CredentialCheck
/* "Verify a certificate": a link (#credential=...), a paste or a file, checked in this browser
   against the issuer's published keys and revocations (lib/credential-check.js). The result is
   written as text: the learner's name, achievement, issuer and date, or a plain reason. */
(function () {
  "use strict";
  var Learner = window.CourseLearner;
  var MAX_FILE = 1000000;

  function show(root, result) {
    var t = Learner.t();
    var title = root.querySelector("[data-verify-title]");
    var reason = root.querySelector("[data-verify-reason]");
    var details = root.querySelector("[data-verify-details]");
    title.hidden = false;
    title.textContent = result.ok ? t.verify_valid_title : t.verify_invalid_title;
    root.querySelector("[data-verify-result]").classList.toggle("course-verify__result--valid", !!result.ok);
    root.querySelector("[data-verify-result]").classList.toggle("course-verify__result--invalid", !result.ok);
    reason.hidden = !!result.ok;
    reason.textContent = result.ok ? "" : (t["verify_reason_" + result.reason] || t.verify_reason_malformed);
    reason.setAttribute("data-reason", result.ok ? "" : result.reason);
    details.hidden = !result.ok;
    if (!result.ok) return;
    var s = result.summary;
    var day = function (value) {
      return new Date(value + "T12:00:00Z").toLocaleDateString(document.documentElement.lang, { year: "numeric", month: "long", day: "numeric" });
    };
    var values = { name: s.name, achievement: s.achievement, issuer: s.issuer, issued: day(s.issued),
                   route: s.route || "", expires: s.expires ? day(s.expires) : "", id: s.id };
    Object.keys(values).forEach(function (key) {
      var cell = details.querySelector("[data-verify-field=" + key + "]");
      cell.textContent = values[key];
      // a row without a value (no route, no expiry) is left out
      cell.hidden = cell.previousElementSibling.hidden = !values[key];
    });
  }

  function run(root, text) {
    if (!text.trim()) { show(root, { ok: false, reason: "empty" }); return Promise.resolve(); }
    root.querySelector("[data-verify-title]").hidden = false;
    root.querySelector("[data-verify-title]").textContent = Learner.t().verify_checking;
    if (!window.crypto || !window.crypto.subtle) { show(root, { ok: false, reason: "no-crypto" }); return Promise.resolve(); }
    return window.CredentialCheck.verify(text, Learner.pageJson("course-issuer-keys"), new Date().toISOString(), window.crypto.subtle)
      .then(function (result) { show(root, result); });
  }

  function init() {
    var root = document.querySelector("[data-course-verify]");
    if (!root) return;
    var area = root.querySelector("[data-verify-text]");
    root.querySelector("[data-verify-button]").addEventListener("click", function () { run(root, area.value); });
    root.querySelector("[data-verify-file]").addEventListener("change", function (event) {
      var file = event.target.files[0];
      if (!file) return;
      if (file.size > MAX_FILE) { show(root, { ok: false, reason: "too-large" }); return; }
      file.text().then(function (text) { run(root, text); });
    });
    root.setAttribute("data-ready", "");
    // a verify link carries the credential in the fragment, which no server ever receives
    if (location.hash.indexOf("#credential=") === 0) {
      area.value = location.hash;
      run(root, location.hash);
    }
  }

  window.CourseModules.start("VerifyPage", init);
})();
