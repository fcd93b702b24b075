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
