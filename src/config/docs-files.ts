// The generated docs/rules/ files for the built-in rulesets, as `npm run docs` writes them.
import { renderRulesetDoc } from "./docs.js";
import { resolveRulesetAsConfig } from "./load.js";
import { builtinRulesetNames, builtinRulesetPath } from "./paths.js";
import type { KindSchemas } from "./kinds.js";

export async function builtinDocFiles(kinds?: KindSchemas): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of builtinRulesetNames()) {
    // A fixed date keeps the output independent of the day it is generated.
    const config = await resolveRulesetAsConfig(builtinRulesetPath(name), { asOf: "2000-01-01", ...(kinds ? { kinds } : {}) });
    const own = config.rulesets.find((r) => r.file === builtinRulesetPath(name))!;
    files[`${name}.md`] = renderRulesetDoc(config, own, `rulesets/${name}.yaml`);
  }
  return files;
}
