// provides: CourseLanguage
// needs: CourseLearner, CourseModules
/* Language switcher: keeps the header's links pointing at this page's counterpart after instant
   navigation, switches language with a full page load (so <html lang> and the page's wording are
   right), and remembers the choice for the next visit to the home page. */
(function () {
  "use strict";
  var KEY = "language";

  function syncSwitcher() {
    var list = document.querySelector("[data-course-alternates]");
    if (!list) return;
    list.querySelectorAll("a[hreflang]").forEach(function (alt) {
      var link = document.querySelector('a.md-select__link[hreflang="' + alt.getAttribute("hreflang") + '"]');
      if (link) link.href = alt.href;
    });
  }

  // Capture phase, before Material's instant navigation sees the click.
  window.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link");
    if (!link) return;
    event.stopPropagation();
    window.CourseLearner.save(KEY, link.getAttribute("hreflang"));
  }, true);

  /* The language the browser prefers among those the site offers, or null. */
  function preferred() {
    var offered = Array.prototype.map.call(document.querySelectorAll("[data-course-alternates] a[hreflang]"),
      function (a) { return a.getAttribute("hreflang"); });
    var wanted = (navigator.languages || [navigator.language || ""]).map(function (l) { return l.slice(0, 2).toLowerCase(); });
    for (var i = 0; i < wanted.length; i++) if (offered.indexOf(wanted[i]) >= 0) return wanted[i];
    return null;
  }

  /* On the site's root (overrides/main.html marks it), reached from outside the site, go to the
     home page of the language the learner chose last time, or on a first visit the browser's
     preferred language. A link into a language (/nl/) is followed as it is. */
  function redirectHome() {
    var here = document.documentElement.lang;
    var home = document.querySelector("[data-course-home]");
    if (!home) return;
    var chosen = window.CourseLearner.load(KEY) || preferred();
    if (!chosen || chosen === here) return;
    var fromSite = document.referrer && document.referrer.indexOf(location.origin) === 0;
    var target = document.querySelector('[data-course-alternates] a[hreflang="' + chosen + '"]');
    if (!fromSite && target) location.replace(target.href);
  }

  redirectHome();
  window.CourseModules.start("CourseLanguage", syncSwitcher);
})();
