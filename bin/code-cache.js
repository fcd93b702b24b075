// Loads the CommonJS bundle (dist/bundle/, scripts/bundle.mjs) with V8's code cache: each chunk's
// compiled code, stored by the build after a sample run (scripts/code-cache.mjs), is handed to V8
// instead of compiling the chunk again, and with it the functions that run compiled lazily. That is
// a fifth of a one-file run. Node 20 has no code cache for ES modules, hence a CommonJS bundle.
// A cache is found by a hash of the chunk's text, so an edited chunk finds none; one V8 rejects
// (another Node version or other V8 flags) is ignored and the chunk compiles as usual.
"use strict";
const Module = require("node:module");
const { createHash } = require("node:crypto");
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

/** `CHOTATSU_WRITE_CODE_CACHE=1`: the build's sample run, which stores the cache on exit (writeCodeCache). */
const writing = process.env.CHOTATSU_WRITE_CODE_CACHE === "1";
const compiled = [];

function cacheFile(cacheDir, source) {
  return path.join(cacheDir, createHash("sha256").update(source).digest("hex").slice(0, 32));
}

/** `require` of the bundle's entry `file`, its chunks compiled from the cache in `cacheDir`. */
function requireBundle(file, cacheDir) {
  const bundleDir = path.dirname(file) + path.sep;
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (!filename.startsWith(bundleDir)) return compile.call(this, content, filename);
    const cache = cacheFile(cacheDir, content);
    let cachedData;
    try {
      if (!writing) cachedData = readFileSync(cache);
    } catch {
      // none stored for this text: compiled as usual
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (writing) compiled.push({ script, cache });
    const require = (id) => this.require(id);
    require.resolve = (request, options) => Module._resolveFilename(request, this, false, options);
    require.cache = Module._cache;
    return script.runInThisContext().call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  return require(file);
}

/** After the build's sample run: each chunk it loaded, with the functions the run compiled. */
function writeCodeCache(cacheDir) {
  if (!writing) return;
  mkdirSync(cacheDir, { recursive: true });
  for (const { script, cache } of compiled) {
    writeFileSync(cache + ".tmp", script.createCachedData());
    renameSync(cache + ".tmp", cache);
  }
}

module.exports = { requireBundle, writeCodeCache };
