#!/usr/bin/env node
// Entry point. Everything heavy is imported lazily inside dist/cli/main.js.
import { main } from "../dist/cli/main.js";

// `chotatsu-lint … | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`chotatsu-lint: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
);
