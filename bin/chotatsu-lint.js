#!/usr/bin/env node
// Entry point. Everything heavy is imported lazily inside dist/cli/main.js.
import { readFileSync } from "node:fs";

// `--version` alone answers before anything else loads: it is what scripts call to probe the tool.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-v")) {
  process.stdout.write(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version + "\n");
  process.exit(0);
}
const { main } = await import("../dist/cli/main.js");

// `chotatsu-lint … | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`chotatsu-lint: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
);
