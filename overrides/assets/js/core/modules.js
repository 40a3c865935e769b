// provides: CourseModules
/* Loads and starts the browser modules, each on its own: a module whose file or start-up throws is
   reported on the console with its name, and the others still load and start. hooks/assets.py
   wraps every other module of a bundle in CourseModules.load, so this file comes first and is not
   wrapped itself. */
(function () {
  "use strict";
  var loaded = {};
  var startedOn = {}; // module name -> the page content it last started on

  function report(name, step, error) {
    console.error("Course module " + name + " failed to " + step + ":", error);
  }

  /* Run a module's file once, however often its script runs again (Material re-runs the scripts
     in a page's content after instant navigation). */
  function load(name, define) {
    if (loaded[name]) return;
    loaded[name] = true;
    try {
      define();
    } catch (error) {
      report(name, "load", error);
    }
  }

  /* Run `init` once on every page, also after instant navigation. A page's own module loaded by
     its content sees Material's previous document$ value and then the new one, on the same
     content: it starts once. */
  function start(name, init) {
    document$.subscribe(function () {
      var content = document.querySelector("[data-md-component=container]") || document.body;
      if (startedOn[name] === content) return;
      startedOn[name] = content;
      try {
        init();
      } catch (error) {
        report(name, "start", error);
      }
    });
  }

  window.CourseModules = { load: load, start: start };
})();
