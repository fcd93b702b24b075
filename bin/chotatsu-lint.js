#!/usr/bin/env node
// Entry point. Everything heavy is imported lazily inside dist/cli/main.js.
import { main } from "../dist/cli/main.js";

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`chotatsu-lint: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
);
