// Writes docs/rules/<ruleset>.md for every built-in ruleset, and the kinds' parameter tables into
// docs/ruleset-language.md (run after `npm run build`).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { builtinDocFiles } = await import(join(root, "dist/config/docs-files.js"));

const dir = join(root, "docs", "rules");
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(await builtinDocFiles())) {
  writeFileSync(join(dir, name), text);
  console.log(`wrote docs/rules/${name}`);
}

const { renderKindParameters, withKindParameters } = await import(join(root, "dist/config/kind-docs.js"));
const { kindRegistry } = await import(join(root, "dist/engine/kinds/index.js"));
const language = join(root, "docs", "ruleset-language.md");
writeFileSync(language, withKindParameters(readFileSync(language, "utf8"), renderKindParameters(kindRegistry)));
console.log("wrote the kind parameters of docs/ruleset-language.md");
