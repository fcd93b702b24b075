#!/usr/bin/env node
// Entry point. CommonJS (bin/package.json), so a run starts without Node's ES module loader (~10 ms);
// everything heavy loads lazily inside the CLI's main().
"use strict";
const { readFileSync, statSync } = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const ROOT = path.join(__dirname, "..");

// `--version` alone answers before anything else loads: it is what scripts call to probe the tool.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-v")) {
  process.stdout.write(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version + "\n");
  process.exit(0);
}

/**
 * V8 optimises a function once it has run for a set budget of bytecode (--interrupt-budget, 132 KB
 * in Node 20). A lint run is short and runs many large functions (the engine's kinds, the Markdown
 * tokenizer): at the default, optimising them took about as much CPU on V8's background threads as
 * the linting itself, and every worker optimises its own copy, so on 2 cores the workers waited for
 * those threads. Waiting longer before optimising leaves out the functions that run briefly: --jobs 1
 * on the 120 bench specs used 0.71x the CPU (paired runs), and 1.5 MB was no better than 600 KB.
 * Set before anything else compiles; the flag is process-wide, so workers get it too, and the
 * build's code cache is stored under it (V8 checks the flags a cache was made with).
 */
require("node:v8").setFlagsFromString("--interrupt-budget=600000");

const DIST_MAIN = path.join(ROOT, "dist", "cli", "main.js");
const BUNDLE = path.join(ROOT, "dist", "bundle", "main.js");
const CODE_CACHE = path.join(ROOT, "dist", "code-cache");

/**
 * The bundle of dist/ (scripts/bundle.mjs: a few CommonJS chunks instead of ~400 modules to resolve
 * and load, compiled from V8's code cache: code-cache.js) when it is at least as new as
 * dist/cli/main.js, which every tsc run rewrites; else dist/ itself, so a tsc-only rebuild is never
 * shadowed by an older bundle.
 */
function bundleIsFresh() {
  try {
    return statSync(BUNDLE).mtimeMs >= statSync(DIST_MAIN).mtimeMs;
  } catch {
    return false;   // no bundle (or no dist/cli/main.js, which the import below reports)
  }
}
const codeCache = bundleIsFresh() ? require("./code-cache.js") : undefined;
const loaded = codeCache ? Promise.resolve(codeCache.requireBundle(BUNDLE, CODE_CACHE)) : import(pathToFileURL(DIST_MAIN).href);

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
  if (codeCache) codeCache.writeCodeCache(CODE_CACHE);
  process.exitCode = code;
  let pending = 2;
  const done = () => { if (--pending === 0) process.exit(code); };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

loaded.then(({ main }) => main(process.argv)).then(
  (code) => exitWhenFlushed(code),
  (err) => { process.stderr.write(`chotatsu-lint: ${err && err.stack ? err.stack : err}\n`); exitWhenFlushed(2); },
);
