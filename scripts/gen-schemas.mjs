// Writes schemas/*.json from the code (run after `npm run build`): the kind registry is the one source.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { schemaFiles } = await import(join(root, "dist/config/schema.js"));
const { kindRegistry } = await import(join(root, "dist/engine/kinds/index.js"));

const dir = join(root, "schemas");
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(schemaFiles(kindRegistry))) {
  writeFileSync(join(dir, name), text);
  console.log(`wrote schemas/${name}`);
}
