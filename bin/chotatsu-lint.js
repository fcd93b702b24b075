#!/usr/bin/env node
// Entry point. Everything heavy is imported lazily inside dist/cli/main.js.
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

// `--version` alone answers before anything else loads: it is what scripts call to probe the tool.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-v")) {
  process.stdout.write(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version + "\n");
  process.exit(0);
}

/**
 * The bundle of dist/ (scripts/bundle.mjs: a few CommonJS chunks instead of ~400 modules to resolve
 * and load, compiled from V8's code cache: code-cache.js) when it is at least as new as
 * dist/cli/main.js, which every tsc run rewrites; else dist/ itself, so a tsc-only rebuild is never
 * shadowed by an older bundle.
 */
function bundleIsFresh() {
  try {
    return statSync(BUNDLE).mtimeMs >= statSync(new URL("../dist/cli/main.js", import.meta.url)).mtimeMs;
  } catch {
    return false;   // no bundle (or no dist/cli/main.js, which the import below reports)
  }
}
const BUNDLE = new URL("../dist/bundle/main.js", import.meta.url);
const CODE_CACHE = fileURLToPath(new URL("../dist/code-cache", import.meta.url));
const codeCache = bundleIsFresh() ? await import("./code-cache.js") : undefined;
const { main } = codeCache ? codeCache.requireBundle(fileURLToPath(BUNDLE), CODE_CACHE) : await import("../dist/cli/main.js");

// `chotatsu-lint … | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

/**
 * Ends the process once what was written to stdout and stderr has been handed on: waiting for the
 * event loop to drain instead costs a one-file run the teardown of its heap (~20 ms), and the run has
 * nothing left to do (main closed its workers and awaited its writes).
 */
function exitWhenFlushed(code) {
  codeCache?.writeCodeCache(CODE_CACHE);
  process.exitCode = code;
  let pending = 2;
  const done = () => { if (--pending === 0) process.exit(code); };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

main(process.argv).then(
  (code) => exitWhenFlushed(code),
  (err) => { process.stderr.write(`chotatsu-lint: ${err && err.stack ? err.stack : err}\n`); exitWhenFlushed(2); },
);
