// Pre-parses the built-in rulesets to dist/rulesets/<name>.json (run after tsc): start-up time only;
// the loader checks each cache file's hash against the YAML and falls back to parsing it.
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { builtinRulesetNames, builtinRulesetPath } = await import(join(root, "dist/config/paths.js"));
const { parseRulesetFile } = await import(join(root, "dist/config/ruleset.js"));
const { writeBuiltinCache } = await import(join(root, "dist/config/builtin-cache.js"));
const { formatConfigError } = await import(join(root, "dist/config/format.js"));
const { kindRegistry } = await import(join(root, "dist/engine/kinds/index.js"));

for (const name of builtinRulesetNames()) {
  const file = builtinRulesetPath(name);
  try {
    // Validated here: a ruleset that fails its schema is never cached (the loader then parses and
    // reports it). A ruleset being edited must not break everyone's build, so this only warns.
    const out = writeBuiltinCache(file, parseRulesetFile(file, kindRegistry, true));
    console.log(`wrote ${relative(root, out)}`);
  } catch (e) {
    if (!e?.errors) throw e;
    console.warn(`not cached: ${relative(root, file)}\n  ${formatConfigError(e, "en").join("\n  ")}`);
  }
}
