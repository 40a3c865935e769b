// Loads browser modules (overrides/assets/js/...) for node's unit tests: the files run one after
// the other against one shared `window` object, as the browser's bundle runs them. Same realm as
// the tests, so deepStrictEqual compares their objects with the tests' own.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const JS = path.join(__dirname, "../../overrides/assets/js");

/* The page data every page carries: the shared words (#course-words) that tests/test_js_units.py
   worked out from the data files and passes in COURSE_WORDS. */
const document = {
  getElementById: (id) => (id === "course-words" ? { textContent: process.env.COURSE_WORDS || "{}" } : null),
};

/* The window after running `files` (paths under overrides/assets/js, each after what it needs). */
function loadModules(...files) {
  const window = {};
  for (const file of files) {
    const source = fs.readFileSync(path.join(JS, file), "utf-8");
    new Function("window", "document", `${source}\n//# sourceURL=${file}`)(window, document);
  }
  return window;
}

module.exports = { loadModules };
