// One ruleset file → RulesetDef, validated against the ruleset schema, with origins kept.
import { RE2JS } from "re2js";
import { ConfigError } from "./errors.js";
import { readYamlFile, type DataPath, type YamlSource } from "./yaml-source.js";
import { schemaErrors } from "./validate.js";
import { COMMON_RULE_KEYS, rulesetSchema } from "./schema.js";
import { checkDate } from "./dates.js";
import type { KindSchemas } from "./kinds.js";
import type { ConditionDef, Origin, RuleDef, RuleOverride, RulesetDef } from "../model/ruleset.js";
import type { Severity } from "../model/finding.js";

/** A `$name` or condition-name reference and where it was written, for checks after merging. */
export interface NameRef { name: string; origin: Origin }

/** What the resolver needs beyond the RulesetDef: the YAML source and every reference to check. */
export interface LoadedRuleset {
  def: RulesetDef;
  src: YamlSource;
  termRefs: NameRef[];
  conditionRefs: NameRef[];
  /** Where `extends` was written (for cycle / missing-file errors). */
  extendsOrigin?: Origin;
}

export const TERM_REF = /^\$([A-Za-z0-9_\-.]+)$/;

/**
 * Parse and validate one ruleset file. Throws a ConfigError carrying every problem found in it.
 * `validate: false` skips the schema check, for built-in rulesets that the test suite has validated.
 */
export function parseRulesetFile(file: string, kinds: KindSchemas, validate = true): LoadedRuleset {
  const src = readYamlFile(file);
  return parseRulesetSource(src, kinds, validate);
}

export function parseRulesetSource(src: YamlSource, kinds: KindSchemas, validate = true): LoadedRuleset {
  const { file, data } = src;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new ConfigError("config.yaml.notMap", {}, file, 1, 1);
  }
  const d = data as Record<string, unknown>;
  const errors = validate ? withDateCheck(schemaErrors(rulesetSchema(kinds), data, src), d.asOf, src) : [];
  if (errors.length > 0) throw ConfigError.of(errors);

  const termRefs: NameRef[] = [];
  const conditionRefs: NameRef[] = [];
  const rulesetValueOrigins: Record<string, Origin> = {};
  const scan = (value: unknown, path: DataPath, origins: Record<string, Origin>): void => {
    if (typeof value === "string") {
      const origin = src.locate(path);
      if (!(value in origins)) origins[value] = origin;
      const m = TERM_REF.exec(value);
      if (m) termRefs.push({ name: m[1]!, origin });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => scan(v, [...path, i], origins));
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) scan(v, [...path, k], origins);
    }
  };

  const terms = (d.terms ?? {}) as Record<string, string[]>;
  const termOrigins: Record<string, Origin> = {};
  for (const name of Object.keys(terms)) {
    termOrigins[name] = src.locateKey(["terms"], name);
    scan(terms[name], ["terms", name], rulesetValueOrigins);
  }
  const masks = d.masks as string[] | undefined;
  if (masks) scan(masks, ["masks"], rulesetValueOrigins);
  const conditions = (d.conditions ?? {}) as Record<string, ConditionDef>;
  for (const name of Object.keys(conditions)) scan(conditions[name], ["conditions", name], rulesetValueOrigins);

  const rules: RuleDef[] = ((d.rules ?? []) as Record<string, unknown>[]).map((raw, i) => {
    const params: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) if (!COMMON_RULE_KEYS.has(k)) params[k] = v;
    const valueOrigins: Record<string, Origin> = {};
    for (const k of Object.keys(params)) scan(params[k], ["rules", i, k], valueOrigins);
    if (raw.appliesWhen !== undefined) collectConditionRefs(raw.appliesWhen, ["rules", i, "appliesWhen"], src, conditionRefs);
    if (raw.present !== undefined) collectPresentConditionRefs(raw.present, ["rules", i, "present"], src, conditionRefs);
    const rule: RuleDef = {
      id: raw.id as string,
      kind: raw.kind as string,
      severity: raw.severity as Severity,
      title: raw.title as string,
      message: raw.message as string,
      source: raw.source as string,
      params,
      rulesetId: d.id as string,
      origin: src.locate(["rules", i]),
      valueOrigins,
    };
    for (const k of ["messageEn", "titleEn", "suggestion", "why", "section", "appliesWhen", "examples"] as const) {
      if (raw[k] !== undefined) (rule as unknown as Record<string, unknown>)[k] = raw[k];
    }
    return rule;
  });

  const overrides: Record<string, RuleOverride> = {};
  for (const [id, o] of Object.entries((d.overrides ?? {}) as Record<string, unknown>)) {
    overrides[id] = toOverride(o, src, ["overrides", id]);
  }

  if (validate) {
    // Every `re:` entry is compiled now, so a bad pattern is a config error at its line (exit 2)
    // before any document is read, not an internal error on every file.
    const bad = [
      ...patternErrors(rulesetValueOrigins, "terms"),
      ...rules.flatMap((r) => patternErrors(r.valueOrigins ?? {}, r.id)),
    ];
    if (bad.length > 0) throw ConfigError.of(bad);
  }

  const def: RulesetDef = {
    id: d.id as string,
    title: d.title as string,
    file,
    variants: (d.variants ?? {}) as Record<string, string>,
    terms,
    negations: (d.negations ?? []) as string[],
    obligations: (d.obligations ?? []) as string[],
    conditions,
    overrides,
    rules,
    termOrigins,
    valueOrigins: rulesetValueOrigins,
  };
  if (masks) def.masks = masks;
  if (typeof d.extends === "string") def.extends = d.extends;
  if (typeof d.asOf === "string") def.asOf = d.asOf;
  const loaded: LoadedRuleset = { def, src, termRefs, conditionRefs };
  if (def.extends !== undefined) loaded.extendsOrigin = src.locate(["extends"]);
  return loaded;
}

/** A bad asOf gets the specific date message instead of the schema's pattern message. */
export function withDateCheck(errors: ConfigError[], asOf: unknown, src: YamlSource): ConfigError[] {
  if (typeof asOf !== "string") return errors;
  const bad = checkDate(asOf, src.locate(["asOf"]));
  if (!bad) return errors;
  return [...errors.filter((e) => !(e.line === bad.line && e.column === bad.column)), bad];
}

/** `off | info | warn | warning | error | { severity, options, reason, examples }` → RuleOverride. */
export function toOverride(value: unknown, src: YamlSource, path: DataPath): RuleOverride {
  const origin = src.locateKey(path.slice(0, -1), String(path[path.length - 1]));
  const sev = (s: string): Severity | "off" => (s === "warn" ? "warning" : (s as Severity | "off"));
  if (typeof value === "string") return { severity: sev(value), origin };
  const o = value as { severity?: string; options?: Record<string, unknown>; reason?: string; examples?: RuleOverride["examples"] };
  const out: RuleOverride = { origin };
  if (o.severity !== undefined) out.severity = sev(o.severity);
  if (o.options !== undefined) out.options = o.options;
  if (o.reason !== undefined) out.reason = o.reason;
  if (o.examples !== undefined) out.examples = o.examples;
  return out;
}

function collectConditionRefs(expr: unknown, path: DataPath, src: YamlSource, out: NameRef[]): void {
  if (typeof expr === "string") {
    out.push({ name: expr, origin: src.locate(path) });
  } else if (expr && typeof expr === "object") {
    const e = expr as { any?: unknown[]; all?: unknown[]; not?: unknown };
    if (Array.isArray(e.any)) e.any.forEach((x, i) => collectConditionRefs(x, [...path, "any", i], src, out));
    if (Array.isArray(e.all)) e.all.forEach((x, i) => collectConditionRefs(x, [...path, "all", i], src, out));
    if (e.not !== undefined) collectConditionRefs(e.not, [...path, "not"], src, out);
  }
}

/** Condition names inside a require rule's `present` (its `if:` branches). */
function collectPresentConditionRefs(expr: unknown, path: DataPath, src: YamlSource, out: NameRef[]): void {
  if (!expr || typeof expr !== "object") return;
  const e = expr as Record<string, unknown>;
  if (e.if !== undefined) collectConditionRefs(e.if, [...path, "if"], src, out);
  for (const k of ["then", "else"]) if (e[k] !== undefined) collectPresentConditionRefs(e[k], [...path, k], src, out);
  for (const k of ["all", "any", "of"]) {
    const list = e[k];
    if (Array.isArray(list)) list.forEach((x, i) => collectPresentConditionRefs(x, [...path, k, i], src, out));
  }
}

/** The `re:` / `cs:re:` values among `origins` that RE2 cannot compile, as config errors at their place. */
export function patternErrors(origins: Record<string, Origin>, where: string): ConfigError[] {
  const out: ConfigError[] = [];
  for (const [value, o] of Object.entries(origins)) {
    const m = /^(?:cs:)?re:([\s\S]*)$/u.exec(value);
    if (!m) continue;
    try {
      RE2JS.compile(m[1]!.normalize("NFKC"));
    } catch (e) {
      out.push(new ConfigError("config.regex.invalid", { pattern: m[1]!, where, detail: (e as Error).message }, o.file, o.line, o.column));
    }
  }
  return out;
}
