// Where the package lives (from src/ under vitest and from dist/ after build) and its built-in rulesets.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_RULESET = "mhlw-tebiki";
const PACKAGE_NAME = "chotatsu-lint";

let root: string | undefined;

/** The directory holding this package's package.json (so rulesets/ and schemas/ can be found). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === PACKAGE_NAME) return (root = dir);
      } catch {
        // an unreadable package.json further down is not ours; keep walking up
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`package root of ${PACKAGE_NAME} not found from ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** Names of the rulesets shipped in rulesets/*.yaml (examples/ and data files such as eol-products.yaml excluded). */
export function builtinRulesetNames(): string[] {
  const dir = join(packageRoot(), "rulesets");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /^[a-z0-9][a-z0-9-]*\.yaml$/.test(e.name) && isRulesetFile(join(dir, e.name)))
    .map((e) => e.name.replace(/\.yaml$/, ""))
    .sort();
}

/** A ruleset has a top-level `id:` and `rules:`; data files next to it (product tables) do not. */
function isRulesetFile(file: string): boolean {
  const head = readFileSync(file, "utf8").slice(0, 64 * 1024);
  return /^id:/m.test(head) && /^rules:/m.test(head);
}

export function builtinRulesetPath(name: string): string {
  return join(packageRoot(), "rulesets", `${name}.yaml`);
}

/** A reference in `extends` is a built-in name unless it looks like a path. */
export function isBuiltinReference(ref: string): boolean {
  return /^[a-z0-9][a-z0-9-]*$/.test(ref);
}

/** A file directly in the package's rulesets/ folder (not examples/, not a user's copy elsewhere). */
export function isBuiltinFile(file: string): boolean {
  return dirname(file) === join(packageRoot(), "rulesets");
}
