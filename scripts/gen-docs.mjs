// Writes docs/rules/<ruleset>.md for every built-in ruleset (run after `npm run build`).
import { mkdirSync, writeFileSync } from "node:fs";
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
