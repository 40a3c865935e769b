// provides: CourseModules
/* Loads and starts the browser modules, each on its own: a module whose file or start-up throws is
   reported on the console with its name, and the others still load and start. hooks/assets.py
   wraps every other module of a bundle in CourseModules.load, so this file comes first and is not
   wrapped itself. Also fetches the bundles a page loads on demand. */
(function () {
  "use strict";
  var loaded = {};
  var startedOn = {}; // module name -> the page content it last started on
  var fetched = {};   // bundle -> the promise of its script having run

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

  /* Fetch a bundle the page lists as loaded on demand (overrides/main.html) with a script element,
     once; resolves when it has run, rejects when it cannot be fetched (then a later call tries again). */
  function need(bundle) {
    if (!fetched[bundle]) {
      fetched[bundle] = new Promise(function (resolve, reject) {
        var listed = document.querySelector('[data-course-on-demand] [data-bundle="' + bundle + '"]');
        var script = document.createElement("script");
        script.onload = resolve;
        script.onerror = function () {
          delete fetched[bundle];
          script.remove();
          reject(new Error("Course bundle " + bundle + " could not be fetched"));
        };
        if (!listed) { script.onerror(); return; }
        script.src = listed.href;
        document.head.appendChild(script);
      });
    }
    return fetched[bundle];
  }

  /* A lib/ module its user declares with `// later: Name`, fetched when first asked for. */
  function later(name) {
    return need("later/" + name).then(function () { return window[name]; });
  }

  window.CourseModules = { load: load, start: start, need: need, later: later };
})();
