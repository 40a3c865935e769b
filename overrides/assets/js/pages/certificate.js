// provides: CertificatePage
// needs: CourseLearner, CourseUI, CourseModules, CourseMilestones, Milestones, NumberFormat
/* Certificate: lists the criteria still missing (from data/learner/certificate.yml); once all are
   met, the learner enters a name (saved) and prints the certificate in the page's language, on one
   page, dated the day this page first found every criterion met (kept with the name). */
(function () {
  "use strict";
  var Checks = window.CourseMilestones;
  var Learner = window.CourseLearner;

  function render() {
    var root = document.querySelector("[data-course-certificate]");
    if (!root) return;
    var criteria = Learner.pageJson("course-criteria");
    var learner = Checks.state();
    var list = root.querySelector("[data-certificate-criteria]");
    list.textContent = "";
    var missing = 0;
    criteria.forEach(function (criterion) {
      var met = window.Milestones.evaluate(criterion.check, learner, Checks.context(criterion.id));
      if (!met) missing += 1;
      var link = null;
      if (criterion.url) {
        link = document.createElement("a");
        link.href = criterion.url;
        link.textContent = "→";
        link.setAttribute("aria-label", criterion.label);
      }
      window.CourseUI.checklistItem(list, criterion.label, met, link);
    });
    root.querySelector("[data-certificate-missing]").hidden = missing === 0;
    root.querySelector("[data-certificate-ready]").hidden = missing > 0;
    var name = root.querySelector("[data-certificate-name]");
    var certificate = Learner.load("certificate");
    if (missing === 0 && !certificate.met) {
      certificate.met = new Date().toISOString();
      Learner.save("certificate", certificate);
    }
    if (document.activeElement !== name) name.value = certificate.name;
    fill(root, missing === 0 ? certificate.name : "", certificate.met);
  }

  /* The certificate itself: shown (and printed) only when the criteria are met and a name is given. */
  function fill(root, name, met) {
    var routes = Learner.pageJson("course-route-labels") || {};
    var route = Learner.load("route").route;
    root.querySelector("[data-certificate-shown-name]").textContent = name.trim();
    root.querySelector("[data-certificate-route]").textContent =
      route && Object.prototype.hasOwnProperty.call(routes, route) ? routes[route] : Learner.t().certificate_no_route;
    root.querySelector("[data-certificate-date]").textContent = window.NumberFormat.date(met || new Date(), Learner.t().date_locale);
    root.querySelector("[data-certificate]").hidden = !name.trim();
  }

  function init() {
    var root = document.querySelector("[data-course-certificate]");
    if (!root) return;
    render();
    var name = root.querySelector("[data-certificate-name]");
    name.addEventListener("input", function () {
      // keeps the imported community certificate (issued-certificate.js) beside the name
      var certificate = Learner.load("certificate");
      certificate.name = name.value;
      var ok = Learner.save("certificate", certificate);
      root.querySelector("[data-certificate-message]").textContent = ok ? "" : Learner.t().prompt_not_saved;
      fill(root, name.value, certificate.met);
    });
    root.querySelector("[data-certificate-print]").addEventListener("click", function () {
      if (!name.value.trim()) {
        root.querySelector("[data-certificate-message]").textContent = Learner.t().certificate_name_needed;
        name.focus();
        return;
      }
      root.setAttribute("data-printing", "record");
      window.print();
    });
  }

  Learner.onChange(["progress", "route", "culture-test", "worksheet", "experiments", "certificate"], render);
  document.addEventListener("course:data-replaced", render);
  window.CourseModules.start("CertificatePage", init);
})();
