// Packages from the command line and the config: the files each names, expanded and in order.
import path from "node:path";
import type { PackageDef, ResolvedConfig } from "../engine/types.js";

const GLOB_CHARS = /[*?[\]{}]/;

/** A package's files as absolute paths: listed order, each glob's matches sorted. Missing files stay (reported when read). */
export async function packageFiles(def: PackageDef, cwd: string, config?: ResolvedConfig): Promise<string[]> {
  const base = def.baseDir ?? (config?.configFile ? path.dirname(config.configFile) : cwd);
  const out: string[] = [];
  for (const f of def.files) {
    if (!GLOB_CHARS.test(f)) { out.push(path.resolve(base, f)); continue; }
    const { glob } = await import("tinyglobby");
    const found = await glob(f, { cwd: base, absolute: true, onlyFiles: true, ignore: ["**/node_modules/**", "**/.git/**"] });
    out.push(...found.sort());
  }
  return [...new Set(out)];
}
