// Pre-parses the built-in rulesets to dist/rulesets/<name>.json (run after tsc): start-up time only;
// the loader checks each cache file's hash against the YAML and falls back to parsing it.
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { builtinRulesetNames, builtinRulesetPath } = await import(join(root, "dist/config/paths.js"));
const { parseRulesetFile } = await import(join(root, "dist/config/ruleset.js"));
const { writeBuiltinCache, writeBuiltinData } = await import(join(root, "dist/config/builtin-cache.js"));
const { readDataFile } = await import(join(root, "dist/config/data-files.js"));
const { isBuiltinFile } = await import(join(root, "dist/config/paths.js"));
const { formatConfigError } = await import(join(root, "dist/config/format.js"));
const { kindRegistry } = await import(join(root, "dist/engine/kinds/index.js"));

for (const name of builtinRulesetNames()) {
  const file = builtinRulesetPath(name);
  try {
    // Validated here: a ruleset that fails its schema is never cached (the loader then parses and
    // reports it). A ruleset being edited must not break everyone's build, so this only warns.
    const loaded = parseRulesetFile(file, kindRegistry, true);
    const out = writeBuiltinCache(file, loaded);
    console.log(`wrote ${relative(root, out)}`);
    // The data files its rules name (an eol rule's product list), read as the config loader reads them.
    for (const rule of loaded.def.rules) {
      for (const [param, format] of Object.entries(kindRegistry[rule.kind]?.dataFiles ?? {})) {
        const name = rule.params?.[param];
        if (typeof name !== "string") continue;
        const data = resolve(dirname(file), name);
        if (isBuiltinFile(data)) console.log(`wrote ${relative(root, writeBuiltinData(data, format, readDataFile(data, format)))}`);
      }
    }
  } catch (e) {
    if (!e?.errors) throw e;
    console.warn(`not cached: ${relative(root, file)}\n  ${formatConfigError(e, "en").join("\n  ")}`);
  }
}

// The matcher of each built-in ruleset as the CLI loads it with no config file of the user's (the
// default run, or `--ruleset` naming it), so a cold start restores it instead of building it.
{
  const os = await import("node:os");
  const fs = await import("node:fs");
  const { loadConfig } = await import(join(root, "dist/config/load.js"));
  const { matcherInputs, matcherTables } = await import(join(root, "dist/engine/matcher.js"));
  const { kindTerms } = await import(join(root, "dist/engine/kinds/index.js"));
  const { writeBuiltinMatcher } = await import(join(root, "dist/config/builtin-cache.js"));
  // Matchers of earlier builds (other code, other rulesets) would only be dead weight in the package.
  const dir = join(root, "dist", "rulesets");
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) if (/^matcher-[0-9a-f]+\.(json|ac\.bin)$/.test(f)) fs.rmSync(join(dir, f));
  const empty = fs.mkdtempSync(join(os.tmpdir(), "chotatsu-gen-cache-"));
  const written = new Set();
  try {
    for (const rulesets of [undefined, ...builtinRulesetNames().map((name) => [builtinRulesetPath(name)])]) {
      let config;
      try {
        config = await loadConfig({ cwd: empty, rulesets });
      } catch (e) {
        if (!e?.errors) throw e;
        continue;   // reported above
      }
      const out = writeBuiltinMatcher(matcherInputs(config, kindTerms), matcherTables(config, kindTerms));
      if (out && !written.has(out)) { written.add(out); console.log(`wrote ${relative(root, out)}`); }
    }
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
}
