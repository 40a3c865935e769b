// provides: CourseModules
/* Starts the page controllers on Material's document$ (every page, also after instant navigation),
   each on its own: one that throws is reported once on the console with its name, and the others
   still start. */
(function () {
  "use strict";
  /* Run `init` on every page; a failure is caught, so it cannot stop the modules after it. */
  function start(name, init) {
    document$.subscribe(function () {
      try {
        init();
      } catch (error) {
        console.error("Course module " + name + " failed to start:", error);
      }
    });
  }

  window.CourseModules = { start: start };
})();
