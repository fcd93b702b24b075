// Built-in rulesets pre-parsed to JSON at build time (dist/rulesets/<name>.json).
// Parsing the 150 KB ministry ruleset with the YAML library costs several hundred ms of a cold start
// (JIT warm-up); JSON.parse of the same data costs a few. The cache is keyed by the YAML's hash, so
// a ruleset edited after the build is simply parsed again: the cache can be stale, never wrong.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { packageRoot } from "./paths.js";
import { COMMON_RULE_KEYS } from "./schema.js";
import type { LoadedRuleset } from "./ruleset.js";
import type { YamlSource } from "./yaml-source.js";

/** Bump when the shape of LoadedRuleset or the parsing rules change. */
const FORMAT = `1|${[...COMMON_RULE_KEYS].join(",")}`;

interface CacheFile { format: string; sha256: string; loaded: Omit<LoadedRuleset, "src"> }

const defaultDir = () => join(packageRoot(), "dist", "rulesets");
const cacheFile = (yamlFile: string, dir: string) => join(dir, basename(yamlFile).replace(/\.ya?ml$/, ".json"));
const hash = (text: string) => createHash("sha256").update(text).digest("hex");

/** Origins are stored relative to the package root so the cache survives being installed elsewhere. */
function mapFiles(value: unknown, fn: (file: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => mapFiles(v, fn));
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const isOrigin = typeof o.file === "string" && typeof o.line === "number" && typeof o.column === "number";
    for (const [k, v] of Object.entries(o)) out[k] = isOrigin && k === "file" ? fn(v as string) : mapFiles(v, fn);
    return out;
  }
  return value;
}

export function writeBuiltinCache(yamlFile: string, loaded: LoadedRuleset, dir: string = defaultDir()): string {
  const { src: _src, ...rest } = loaded;
  const root = packageRoot();
  const portable = mapFiles(rest, (f) => relative(root, f)) as CacheFile["loaded"];
  portable.def.file = relative(root, rest.def.file);
  const body: CacheFile = { format: FORMAT, sha256: hash(readFileSync(yamlFile, "utf8")), loaded: portable };
  const out = cacheFile(yamlFile, dir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(out, JSON.stringify(body));
  return out;
}

/** The cached parse of a built-in ruleset, or undefined when there is none or it is out of date. */
export function readBuiltinCache(yamlFile: string, dir: string = defaultDir()): LoadedRuleset | undefined {
  const file = cacheFile(yamlFile, dir);
  if (!existsSync(file)) return undefined;
  let body: CacheFile;
  try {
    body = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
  } catch {
    return undefined;
  }
  if (body.format !== FORMAT || body.sha256 !== hash(readFileSync(yamlFile, "utf8"))) return undefined;
  const root = packageRoot();
  const loaded = mapFiles(body.loaded, (f) => join(root, f)) as Omit<LoadedRuleset, "src">;
  loaded.def.file = join(root, loaded.def.file);
  // Trusted built-ins never need a location beyond those already stored; point at the file's top.
  const top = { file: yamlFile, line: 1, column: 1 };
  const src: YamlSource = { file: yamlFile, data: undefined, locate: () => top, locateKey: () => top };
  return { ...loaded, src };
}
