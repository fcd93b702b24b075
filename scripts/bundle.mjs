// Bundles the built CLI (dist/cli/main.js) and its worker (dist/cli/worker.js), with the libraries
// they import, into dist/bundle/ (run by `npm run build` after tsc). Start-up time only: resolving
// and loading ~400 small ES modules from dist/ and node_modules/ is most of what a one-file run
// costs before it lints, in the main thread and again in each worker; a few chunks load in a
// fraction of that. What runs lazily stays lazy (each dynamic import becomes its own chunk), and
// bin/chotatsu-lint.js falls back to dist/ when the bundle is missing or older than dist/.
// CommonJS, because Node 20 keeps V8's code cache only for scripts (bin/code-cache.js,
// scripts/code-cache.mjs); a package.json in the folder says so to Node, for bin/ and the workers.
//   node scripts/bundle.mjs
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist", "bundle");

/**
 * commander requires node:child_process when it loads, for the executable sub-commands this CLI
 * does not have; loading it (and net, dgram, streams) is ~5 ms of every run. Its one use becomes a
 * require at the call. Should commander's line change, the bundle keeps it as it is, and says so.
 */
function lazyChildProcess() {
  const eager = "const childProcess = require('node:child_process');";
  return {
    name: "lazy-child-process",
    transform(code, id) {
      if (!/[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
      if (!code.includes(eager)) { this.warn(`${id}: no eager child_process require to defer`); return null; }
      return code.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };");
    },
  };
}

/**
 * The worker's entry: its chunks, most of them the main thread's too, compiled from the same code
 * cache as bin/ loads the main thread's (a cache is found by the chunk's text, whichever thread
 * stored it).
 */
const WORKER_STUB = `"use strict";
// Worker entry written by scripts/bundle.mjs: worker-main.js and its chunks with V8's code cache.
const path = require("node:path");
require("../../bin/code-cache.js").requireBundle(path.join(__dirname, "worker-main.js"), path.join(__dirname, "..", "code-cache"));
`;

rmSync(out, { recursive: true, force: true });
await build({
  input: { main: join(root, "dist/cli/main.js"), "worker-main": join(root, "dist/cli/worker.js") },
  platform: "node",
  // Worker and main thread share the chunks they both import; pool.ts finds the worker (WORKER_STUB) beside them.
  output: { dir: out, format: "cjs", entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js", minify: false, charset: "ascii",
    comments: { legal: true, annotation: false, jsdoc: false } },
  logLevel: "warn",
  plugins: [lazyChildProcess()],
});
writeFileSync(join(out, "package.json"), JSON.stringify({ type: "commonjs" }) + "\n");
writeFileSync(join(out, "worker.js"), WORKER_STUB);
console.log(`wrote ${out.slice(root.length + 1)}/`);
