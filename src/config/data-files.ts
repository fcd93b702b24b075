// Data files that rules name (an eol rule's product list), read when the configuration loads: a
// missing or malformed file is a config error at its `file:line:column` (exit 2) before any document
// is read, and the kinds get the parsed data on the rule (`rule.data`), never reading files themselves.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { yamlLib } from "./yaml-lib.js";
import { ConfigError } from "./errors.js";
import { readBuiltinData } from "./builtin-cache.js";
import { isBuiltinFile } from "./paths.js";
import type { KindSchemas } from "./kinds.js";
import type { DataFormat, ProductEntry, ResolvedRule, RulesetDef } from "../model/ruleset.js";


/** `[{ name, patterns, eos: YYYY-MM-DD, id?, source? }]`, or `{ products: [...] }`. */
export function readProductList(file: string): ProductEntry[] {
  const data = yamlLib().parse(readFileSync(file, "utf8")) as unknown;
  const raw = Array.isArray(data) ? data : (data as { products?: unknown })?.products;
  if (!Array.isArray(raw)) throw new Error("expected a list of products");
  return raw.map((p: Record<string, unknown>, i) => {
    const eos = p.eos instanceof Date ? p.eos.toISOString().slice(0, 10) : String(p.eos ?? "");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(eos) || !Array.isArray(p.patterns) || typeof p.name !== "string") {
      throw new Error(`product #${i + 1} needs name, patterns and eos (YYYY-MM-DD)`);
    }
    const entry: ProductEntry = { id: String(p.id ?? p.name), name: p.name, patterns: p.patterns.map(String), eos };
    if (p.source) entry.source = String(p.source);
    return entry;
  });
}

const READERS: Record<DataFormat, (file: string) => unknown> = { "product-list": readProductList };

/** A data file read as `format` (scripts/gen-cache.mjs caches the built-in ones with this). */
export function readDataFile(file: string, format: DataFormat): unknown {
  return READERS[format](file);
}

/** A built-in data file from its build-time cache when that is current; any other file parsed. */
function readData(file: string, format: DataFormat): unknown {
  return (isBuiltinFile(file) ? readBuiltinData(file, format) : undefined) ?? readDataFile(file, format);
}
const MESSAGE: Record<DataFormat, string> = { "product-list": "engine.products.unreadable" };

/**
 * Loads every data file the rules' kinds declare (`dataFiles: { param: format }`) into `rule.data`,
 * each file once. Returns the problems as config errors at the parameter's value.
 */
export function loadRuleData(rules: ResolvedRule[], rulesets: RulesetDef[], kinds: KindSchemas): ConfigError[] {
  const errors: ConfigError[] = [];
  const read = new Map<string, unknown>();
  for (const rule of rules) {
    const declared = kinds[rule.kind]?.dataFiles;
    if (!declared) continue;
    const rulesetFile = rulesets.find((r) => r.id === rule.rulesetId)?.file ?? rule.origin.file;
    for (const [param, format] of Object.entries(declared)) {
      const name = rule.params[param];
      if (typeof name !== "string") continue;
      const file = resolve(dirname(rulesetFile), name);
      try {
        if (!read.has(file)) read.set(file, readData(file, format));
        rule.data = { ...rule.data, [param]: read.get(file) };
      } catch (e) {
        const at = rule.valueOrigins?.[name] ?? rule.origin;
        errors.push(new ConfigError(MESSAGE[format], { file, rule: rule.id, detail: (e as Error).message }, at.file, at.line, at.column));
      }
    }
  }
  return errors;
}
