// provides: IssuedCertificatePage
// needs: CourseLearner, CourseUI, CourseModules, LearnerSchema
// later: CredentialCheck
/* The community's certificate on the certificate page: the learner imports the file the issuer
   sent (tools/issuer.py), it is verified against the published keys (lib/credential-check.js),
   kept with the learner's data and printed in the page's language with its QR code and link.
   Every value is written as text; the QR code is drawn from its rows of 0 and 1. The check's code
   is fetched only when there is a certificate to check. */
(function () {
  "use strict";
  var Learner = window.CourseLearner;
  var SVG = "http://www.w3.org/2000/svg";
  var MAX_FILE = 1000000;

  function published() { return Learner.pageJson("course-issuer-keys"); }

  /* Checks the issued certificate; resolves to the CredentialCheck result, rejects when the check's
     code cannot be fetched. */
  function check(issued) {
    if (!window.crypto || !window.crypto.subtle) return Promise.resolve({ ok: false, reason: "no-crypto" });
    return window.CourseModules.later("CredentialCheck").then(function (Check) {
      return Check.verify(issued.credential, published(), new Date().toISOString(), window.crypto.subtle);
    });
  }

  function qr(rows, label) {
    var size = rows.length + 8;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    var back = document.createElementNS(SVG, "rect");
    back.setAttribute("width", String(size));
    back.setAttribute("height", String(size));
    back.setAttribute("fill", "#fff");
    svg.appendChild(back);
    var d = [];
    rows.forEach(function (row, y) {
      for (var x = 0; x < row.length; x += 1) if (row.charAt(x) === "1") d.push("M" + (x + 4) + " " + (y + 4) + "h1v1h-1z");
    });
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d.join(""));
    path.setAttribute("fill", "#000");
    svg.appendChild(path);
    return svg;
  }

  function show(root, issued, summary) {
    var card = root.querySelector("[data-issued-certificate]");
    var fields = { name: summary.name, achievement: summary.achievement, description: summary.description,
                   route: summary.route || Learner.t().certificate_no_route, issuer: summary.issuer, id: summary.id,
                   issued: new Date(summary.issued + "T12:00:00Z").toLocaleDateString(document.documentElement.lang, { year: "numeric", month: "long", day: "numeric" }),
                   link: issued.verify_url };
    Object.keys(fields).forEach(function (key) { card.querySelector("[data-issued-field=" + key + "]").textContent = fields[key]; });
    var box = card.querySelector("[data-issued-qr]");
    box.textContent = "";
    box.appendChild(qr(issued.qr, Learner.t().issued_qr_label));
    card.hidden = false;
    root.querySelector("[data-issued-ready]").hidden = false;
  }

  function message(root, text) { root.querySelector("[data-issued-message]").textContent = text; }

  function reason(code) { return Learner.t()["verify_reason_" + code] || Learner.t().verify_reason_malformed; }

  /* An imported file: the issuer's certificate-....json; stored only once it verifies. */
  function importFile(root, file) {
    var format = window.CourseUI.format, t = Learner.t();
    if (file.size > MAX_FILE) { message(root, format(t.issued_refused, { reason: reason("too-large") })); return; }
    file.text().then(function (text) {
      var data, clean;
      try { data = JSON.parse(text); } catch (error) { data = null; }
      if (!data || data.format !== "learning-culture-certificate") { message(root, format(t.issued_refused, { reason: reason("malformed") })); return; }
      var record = Learner.load("certificate");
      var candidate = { version: 1, name: record.name, issued: { credential: data.credential, verify_url: data.verify_url, qr: data.qr } };
      if (record.met) candidate.met = record.met;  // the personal record keeps the date it carries
      var valid = window.LearnerSchema.check("certificate", candidate);
      if (!valid.ok) { message(root, format(t.issued_refused, { reason: reason("malformed") })); return; }
      clean = valid.value;
      return check(clean.issued).then(function (result) {
        if (!result.ok) { message(root, format(t.issued_refused, { reason: reason(result.reason) })); return; }
        if (clean.issued.verify_url.slice(-result.token.length - 12) !== "#credential=" + result.token) {
          message(root, format(t.issued_refused, { reason: reason("altered") }));
          return;
        }
        Learner.save("certificate", clean);
        show(root, clean.issued, result.summary);
        message(root, t.issued_imported);
      }, function () { message(root, t.load_failed); });
    });
  }

  function init() {
    var root = document.querySelector("[data-course-certificate]");
    if (!root) return;
    var issued = Learner.load("certificate").issued;
    if (issued) {
      check(issued).then(function (result) { if (result.ok) show(root, issued, result.summary); },
        function () { message(root, Learner.t().load_failed); });
    }
    root.querySelector("[data-issued-file]").addEventListener("change", function (event) {
      if (event.target.files[0]) importFile(root, event.target.files[0]);
    });
    root.querySelector("[data-issued-print]").addEventListener("click", function () {
      root.setAttribute("data-printing", "issued");
      window.print();
    });
  }

  window.CourseModules.start("IssuedCertificatePage", init);
})();
