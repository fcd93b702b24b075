#!/usr/bin/env node
// Entry point. Everything heavy is imported lazily inside dist/cli/main.js.
import { readFileSync, statSync } from "node:fs";

// `--version` alone answers before anything else loads: it is what scripts call to probe the tool.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-v")) {
  process.stdout.write(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version + "\n");
  process.exit(0);
}

/**
 * The bundle of dist/ (scripts/bundle.mjs: a few chunks instead of ~400 modules to resolve and load)
 * when it is at least as new as dist/cli/main.js, which every tsc run rewrites; else dist/ itself,
 * so a tsc-only rebuild is never shadowed by an older bundle.
 */
function entry() {
  try {
    const bundled = statSync(new URL("../dist/bundle/main.js", import.meta.url)).mtimeMs;
    if (bundled >= statSync(new URL("../dist/cli/main.js", import.meta.url)).mtimeMs) return "../dist/bundle/main.js";
  } catch {
    // no bundle (or no dist/cli/main.js, which the import below reports)
  }
  return "../dist/cli/main.js";
}
const { main } = await import(entry());

// `chotatsu-lint … | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`chotatsu-lint: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
);
