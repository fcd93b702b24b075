// Validates parsed YAML against a JSON Schema with ajv and turns ajv's errors into ConfigErrors
// that name the file, line and column of the offending node and read well in Japanese and English.
import { createRequire } from "node:module";
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from "ajv";
import { ConfigError } from "./errors.js";
import { closest } from "./suggest.js";
import { t, type Params } from "../i18n/index.js";
import type { JsonSchema } from "./kinds.js";
import type { DataPath, YamlSource } from "./yaml-source.js";
import { SEVERITIES, CONFIG_SEVERITIES } from "./schema.js";

const compiled = new Map<string, ValidateFunction>();

/**
 * ajv (a CommonJS package) is required on first use, not imported: a run with no config file of
 * its own validates nothing (built-in rulesets are trusted, see RulesetGraph), so it never pays
 * for loading ajv.
 */
let AjvCtor: typeof AjvClass | undefined;
function ajvClass(): typeof AjvClass {
  return (AjvCtor ??= (createRequire(import.meta.url)("ajv") as { Ajv: typeof AjvClass }).Ajv);
}

export function compileSchema(schema: JsonSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  let fn = compiled.get(key);
  if (!fn) {
    // validateSchema off: our schemas are generated and checked against the meta-schema by the
    // schema tests; compiling the meta-schema on every run would only cost start-up time.
    const ajv = new (ajvClass())({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true, validateSchema: false });
    fn = ajv.compile(schema);
    compiled.set(key, fn);
  }
  return fn;
}

/**
 * Every schema violation of `data` as ConfigErrors located in `src`.
 * `base` is the data path of `data` inside the YAML document (for validating a sub-tree).
 */
export function schemaErrors(schema: JsonSchema, data: unknown, src: YamlSource, base: DataPath = []): ConfigError[] {
  const validate = compileSchema(schema);
  if (validate(data)) return [];
  return toConfigErrors(validate.errors ?? [], src, base);
}

export function toConfigErrors(raw: ErrorObject[], src: YamlSource, base: DataPath = []): ConfigError[] {
  const out: ConfigError[] = [];
  const seen = new Set<string>();
  for (const e of collapseAlternatives(raw)) {
    const err = describe(e, src, base);
    if (!err) continue;
    const k = `${err.messageId}|${JSON.stringify(err.params)}|${err.line}|${err.column}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(err);
  }
  // A misspelt required key shows up twice (unknown "al", missing "all"); the first says it all.
  const misspelt = new Set(out.filter((e) => e.messageId === "config.schema.unknownKey" && e.params.suggestion).map((e) => `${e.params.path}|${e.params.suggestion}`));
  return out.filter((e) => !(e.messageId === "config.schema.required" && misspelt.has(`${e.params.path}|${e.params.key}`)));
}

function pointerSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** `rules[2].elements.trigger` — how a person would name the place. */
export function displayPath(segs: DataPath): string {
  let s = "";
  for (const seg of segs) {
    if (typeof seg === "number" || /^\d+$/.test(String(seg))) s += `[${seg}]`;
    else s += (s ? "." : "") + seg;
  }
  return s || "/";
}

function pathOf(e: ErrorObject, base: DataPath): (string | number)[] {
  return [...base, ...pointerSegments(e.instancePath).map((s) => (/^\d+$/.test(s) ? Number(s) : s))];
}

/**
 * oneOf/anyOf report every failed branch. Keep only the branch the author evidently meant
 * (the one whose shape matches), or a single "wrong form" error when none does.
 */
function collapseAlternatives(raw: ErrorObject[]): ErrorObject[] {
  const pending: ErrorObject[] = [];
  for (const e of raw) {
    if (e.keyword === "if") continue;
    if (e.keyword !== "oneOf" && e.keyword !== "anyOf") {
      pending.push(e);
      continue;
    }
    const prefix = e.schemaPath + "/";
    const branchErrors: ErrorObject[] = [];
    for (let i = pending.length - 1; i >= 0; i--) {
      const p = pending[i]!;
      if (p.schemaPath.startsWith(prefix) && p.instancePath.startsWith(e.instancePath)) {
        branchErrors.unshift(p);
        pending.splice(i, 1);
      }
    }
    const byBranch = new Map<string, ErrorObject[]>();
    for (const b of branchErrors) {
      const idx = b.schemaPath.slice(prefix.length).split("/")[0]!;
      byBranch.set(idx, [...(byBranch.get(idx) ?? []), b]);
    }
    const wrongShape = (errs: ErrorObject[]) => errs.some((x) => x.instancePath === e.instancePath && x.keyword === "type");
    const candidates = [...byBranch.values()].filter((errs) => !wrongShape(errs));
    if (candidates.length === 0) {
      const types = [...byBranch.values()].flat().filter((x) => x.keyword === "type").map((x) => String(x.params.type));
      pending.push({ ...e, keyword: "type", params: { type: [...new Set(types)].join(" | ") } });
      continue;
    }
    // A branch failing at the value itself (wrong enum, missing key) fits worse than one failing deeper inside it.
    const score = (errs: ErrorObject[]) =>
      errs.filter((x) => x.instancePath === e.instancePath && x.keyword !== "additionalProperties").length * 1000 + errs.length;
    candidates.sort((a, b) => score(a) - score(b));
    pending.push(...candidates[0]!);
  }
  return pending;
}

/** "Did you mean …" (or the allowed list) pre-rendered in both languages, as {hint} / {hintEn}. */
export function hints(word: string, candidates: readonly string[], listAllowed = false, trailing = ""): Params {
  const suggestion = closest(word, candidates);
  if (suggestion) {
    return {
      suggestion,
      hint: t("config.schema.didYouMean", { suggestion }, "ja") + trailing,
      hintEn: t("config.schema.didYouMean", { suggestion }, "en") + trailing,
    };
  }
  if (listAllowed && candidates.length > 0) {
    const allowed = candidates.join(", ");
    return { hint: t("config.schema.allowedKeys", { allowed }, "ja"), hintEn: t("config.schema.allowedKeys", { allowed }, "en") };
  }
  return { hint: "", hintEn: "" };
}

function describe(e: ErrorObject, src: YamlSource, base: DataPath): ConfigError | null {
  const path = pathOf(e, base);
  const key = displayPath(path);
  const make = (id: string, params: Params, at = src.locate(path)) => new ConfigError(id, params, at.file, at.line, at.column);
  switch (e.keyword) {
    case "additionalProperties": {
      const extra = String(e.params.additionalProperty);
      const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
      const allowed = Object.keys(props);
      return make("config.schema.unknownKey", { key: extra, path: key, ...hints(extra, allowed, true) }, src.locateKey(path, extra));
    }
    case "required":
      return make("config.schema.required", { key: String(e.params.missingProperty), path: key });
    case "type":
      return make("config.schema.type", { key, expected: String(e.params.type) });
    case "enum":
    case "const": {
      const allowedValues = (e.keyword === "enum" ? (e.params.allowedValues as unknown[]) : [e.params.allowedValue]).map(String);
      const value = String(e.data);
      const last = path[path.length - 1];
      if (last === "kind") {
        return make("config.schema.unknownKind", { value, allowed: allowedValues.join(", "), ...hints(value, allowedValues, false, " ") });
      }
      const sev = new Set<string>([...SEVERITIES, ...CONFIG_SEVERITIES]);
      if (allowedValues.length > 0 && allowedValues.every((v) => sev.has(v))) {
        return make("config.schema.unknownSeverity", { value, allowed: allowedValues.join(", ") });
      }
      return make("config.schema.enum", { key, value, allowed: allowedValues.join(", ") });
    }
    case "pattern":
      return make("config.schema.pattern", { key, value: String(e.data), pattern: String(e.params.pattern) });
    case "minItems":
      return make("config.schema.minItems", { key, limit: Number(e.params.limit) });
    case "oneOf":
    case "anyOf":
      return make("config.schema.oneOf", { key });
    default:
      return make("config.schema.other", { key, detail: e.message ?? e.keyword });
  }
}
