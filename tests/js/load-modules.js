// Loads browser modules (overrides/assets/js/...) for node's unit tests: the files run one after
// the other against one shared `window` object, as the browser's bundle runs them. Same realm as
// the tests, so deepStrictEqual compares their objects with the tests' own.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const JS = path.join(__dirname, "../../overrides/assets/js");

/* The page data every page loads with its language's data file: the shared words that
   tests/test_js_units.py worked out from the data files and passes in COURSE_WORDS. */
const document = { getElementById: () => null };

/* The window after running `files` (paths under overrides/assets/js, each after what it needs). */
function loadModules(...files) {
  const window = {};
  // read at each use, as a page reads its language's data: a test may change COURSE_WORDS
  Object.defineProperty(window, "CourseLanguageData", {
    get: () => ({ words: JSON.parse(process.env.COURSE_WORDS || "{}") }),
  });
  for (const file of files) {
    const source = fs.readFileSync(path.join(JS, file), "utf-8");
    new Function("window", "document", `${source}\n//# sourceURL=${file}`)(window, document);
  }
  return window;
}

module.exports = { loadModules };
