// provides: CourseApp
// needs: CourseUI, CourseModules
/* The course as an installable app that works offline: registers the service worker (sw.js at
   the site's root, written by hooks/app.py; only in builds that link a web app manifest, so never
   in the offline package or LMS packages), hands it the first page's files to cache and each
   page's files loaded on demand (so they work offline before first use), and after a
   new build's worker took over, follows the next link with a full page load so the new version
   is used from then on. When the worker cannot be installed, the course works as before and says
   so once. */
(function () {
  "use strict";
  var renewed = false;
  var said = false;

  function root() { return typeof __md_scope !== "undefined" ? __md_scope : new URL(".", location.href); }

  function sayOnce() {
    try {
      if (said || sessionStorage.getItem("course-app-failed")) return;
      sessionStorage.setItem("course-app-failed", "1");
    } catch (error) { /* remembered for this page only */ }
    said = true;
    var article = document.querySelector(".md-content__inner");
    if (!article) return;
    var box = document.createElement("div");
    box.className = "admonition note course-nudge";
    box.setAttribute("role", "status");
    box.setAttribute("data-course-app-failed", "");
    box.textContent = window.CourseUI.strings().app_install_failed;
    article.insertBefore(box, article.firstChild);
  }

  /* What the page fetches only when it is needed (CourseModules.need): kept ahead, for offline use. */
  function onDemand() {
    return Array.prototype.map.call(document.querySelectorAll("[data-course-on-demand] [data-bundle]"), function (link) { return link.href; });
  }

  /* The first page and what it loaded, for the worker to keep (it ran before the worker did). */
  function handOver(worker) {
    var same = performance.getEntriesByType("resource").map(function (entry) { return entry.name; })
      .filter(function (url) { return url.indexOf(root().href) === 0; });
    worker.postMessage({ cache: [location.href.split("#")[0]].concat(same, onDemand()) });
  }

  function watch(worker) {
    if (!worker) return;
    worker.addEventListener("statechange", function () {
      if (worker.state === "redundant") sayOnce();
      if (worker.state === "activated") handOver(worker);
    });
  }

  function register() {
    if (!("serviceWorker" in navigator) || !document.querySelector("link[rel=manifest]")) return;
    var first = !navigator.serviceWorker.controller;
    navigator.serviceWorker.register(new URL("sw.js", root()).href).then(function (registration) {
      if (first) watch(registration.installing || registration.waiting);
      if (first && registration.active && !registration.installing) handOver(registration.active);
      // instant navigation makes no page load, so look for a new build at each page change
      window.CourseModules.start("CourseApp", function () {
        registration.update().catch(function () {});
        var later = onDemand();
        if (later.length && navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage({ cache: later });
      });
    }, sayOnce);
    navigator.serviceWorker.addEventListener("controllerchange", function () { if (!first) renewed = true; first = false; });
  }

  // Before Material's own click handler (instant navigation): a full page load after an update.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (renewed === true && link && link.origin === location.origin && !link.hasAttribute("download")) event.stopImmediatePropagation();
  }, true);

  register();
  window.CourseApp = { root: root };
})();
