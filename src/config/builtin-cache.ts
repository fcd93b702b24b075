// Built-in rulesets pre-parsed to JSON at build time (dist/rulesets/<name>.json).
// Parsing the 150 KB ministry ruleset with the YAML library costs several hundred ms of a cold start
// (JIT warm-up); JSON.parse of the same data costs a few. The cache is keyed by the YAML's hash, so
// a ruleset edited after the build is simply parsed again: the cache can be stale, never wrong.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "./paths.js";
import { COMMON_RULE_KEYS } from "./schema.js";
import type { LoadedRuleset } from "./ruleset.js";
import type { YamlSource } from "./yaml-source.js";
import type { MatcherTables } from "../engine/matcher.js";
import { AhoCorasick } from "../text/aho-corasick.js";

/** Bump when the shape of LoadedRuleset, the parsing rules or the way origins are stored change. */
const FORMAT = `2|${[...COMMON_RULE_KEYS].join(",")}`;

/**
 * Origins name their file relative to the package root behind this marker, so reading puts the
 * root back with one string replacement on the JSON text instead of a walk over the parsed tree
 * (the walk was 200 ms of every cold start). No other string of a built-in ruleset starts with it.
 */
const ROOT_MARK = "<package>/";

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
  const portable = mapFiles(rest, (f) => ROOT_MARK + relative(root, f)) as CacheFile["loaded"];
  portable.def.file = ROOT_MARK + relative(root, rest.def.file);
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
    // The marker stands at the start of a JSON string; the root goes in JSON-escaped, with its separator.
    const rootPrefix = JSON.stringify(join(packageRoot(), "x")).slice(1, -2);
    body = JSON.parse(readFileSync(file, "utf8").replaceAll(`"${ROOT_MARK}`, `"${rootPrefix}`)) as CacheFile;
  } catch {
    return undefined;
  }
  if (body.format !== FORMAT || body.sha256 !== hash(readFileSync(yamlFile, "utf8"))) return undefined;
  const loaded = body.loaded;
  // Trusted built-ins never need a location beyond those already stored; point at the file's top.
  const top = { file: yamlFile, line: 1, column: 1 };
  const src: YamlSource = { file: yamlFile, data: undefined, locate: () => top, locateKey: () => top };
  return { ...loaded, src };
}

interface DataCacheFile { format: string; sha256: string; data: unknown }

/** Bump when what a data reader returns changes shape. */
const DATA_FORMAT = "1";

const dataCacheFile = (dataFile: string, format: string, dir: string) =>
  join(dir, basename(dataFile).replace(/\.ya?ml$/, "") + `.${format}.json`);

/** A built-in data file (eol-products.yaml) as its reader returned it, for readBuiltinData. */
export function writeBuiltinData(dataFile: string, format: string, data: unknown, dir: string = defaultDir()): string {
  const out = dataCacheFile(dataFile, format, dir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(out, JSON.stringify({ format: DATA_FORMAT, sha256: hash(readFileSync(dataFile, "utf8")), data } satisfies DataCacheFile));
  return out;
}

/** The cached read of a built-in data file, or undefined when there is none or it is out of date (parsing YAML costs a cold start ~100 ms). */
export function readBuiltinData(dataFile: string, format: string, dir: string = defaultDir()): unknown {
  const file = dataCacheFile(dataFile, format, dir);
  if (!existsSync(file)) return undefined;
  try {
    const body = JSON.parse(readFileSync(file, "utf8")) as DataCacheFile;
    return body.format === DATA_FORMAT && body.sha256 === hash(readFileSync(dataFile, "utf8")) ? body.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Built matchers of the built-in configurations (engine/matcher.ts MatcherTables), stored by the
 * build so a cold start restores one instead of building it (~250 ms: normalising and
 * analysing ~1100 terms, the Aho–Corasick trie). A stored matcher is used only when both what it
 * was built from (matcherInputs) and the code that built it are the same as now: the file is named
 * by a hash of the inputs and of the built files of that code, so an edited ruleset, `--rule`,
 * a user config or a rebuilt engine simply finds none and builds its own.
 */
const MATCHER_FORMAT = "2"; // 2: the automaton packed beside the JSON (.ac.bin)
const MATCHER_CODE = ["engine/matcher.js", "engine/native-regex.js", "text/aho-corasick.js", "text/normalize.js", "text/regex-literals.js", "text/obligation.js"];

/** Under vitest the engine runs from src/, which dist/'s stored matchers need not match. */
const runningFromDist = () => relative(packageRoot(), fileURLToPath(import.meta.url)).split(sep)[0] === "dist";

function matcherFile(inputs: unknown, dir: string): string | undefined {
  const code = createHash("sha256").update(MATCHER_FORMAT);
  try {
    for (const f of MATCHER_CODE) code.update(readFileSync(join(packageRoot(), "dist", f)));
  } catch {
    return undefined;
  }
  const key = createHash("sha256").update(code.digest("hex")).update(JSON.stringify(inputs)).digest("hex");
  return join(dir, `matcher-${key.slice(0, 32)}.json`);
}

/**
 * The automaton, more than half of a matcher, goes beside the JSON as its scan tables packed in one
 * buffer (aho-corasick.ts PackedAc): read back as typed-array views, it costs neither a parse nor a
 * rebuild of its tables at a cold start.
 */
const acFile = (matcher: string) => matcher.replace(/\.json$/, ".ac.bin");

export function writeBuiltinMatcher(inputs: unknown, tables: MatcherTables, dir: string = defaultDir()): string | undefined {
  const out = matcherFile(inputs, dir);
  if (!out) return undefined;
  mkdirSync(dir, { recursive: true });
  const { ac, ...rest } = tables;
  writeFileSync(acFile(out), ac instanceof Uint8Array ? ac : new AhoCorasick(tables.literals, ac).pack());
  writeFileSync(out, JSON.stringify(rest));
  return out;
}

/** The stored matcher built from `inputs` by this code, or undefined. */
export function readBuiltinMatcher(inputs: unknown, dir: string = defaultDir()): MatcherTables | undefined {
  if (!runningFromDist()) return undefined;
  const file = matcherFile(inputs, dir);
  if (!file || !existsSync(file)) return undefined;
  try {
    const rest = JSON.parse(readFileSync(file, "utf8")) as Omit<MatcherTables, "ac">;
    return { ...rest, ac: readFileSync(acFile(file)) };
  } catch {
    return undefined;
  }
}
