// Active rulesets + config overrides → the rules, terms and settings the engine runs with.
import { ConfigError } from "./errors.js";
import { deepMerge } from "./merge.js";
import { ruleSchemaForKind } from "./schema.js";
import { hints, schemaErrors } from "./validate.js";
import { TERM_REF, patternErrors, type LoadedRuleset, type NameRef } from "./ruleset.js";
import type { KindSchemas } from "./kinds.js";
import type { DataPath, YamlSource } from "./yaml-source.js";
import type { ConditionDef, Origin, ResolvedConfig, ResolvedRule, RuleExampleSet, RuleOverride, TermEntry } from "../model/ruleset.js";

/** Overrides from one file (a ruleset's `overrides:` or the config's `rules:`) and where they live. */
export interface OverrideSet {
  src: YamlSource;
  /** Data path of the map holding the overrides (["overrides"] or ["rules"]). */
  base: DataPath;
  overrides: Record<string, RuleOverride>;
  /** The ruleset whose `overrides:` these are (absent for a project config). */
  rulesetId?: string;
}

export type Resolution = Omit<ResolvedConfig, "rulesets" | "asOf" | "locale" | "ignore" | "configFile"> & { errors: ConfigError[] };

const at = (id: string, params: Record<string, string | number | undefined>, o: Origin) =>
  new ConfigError(id, params, o.file, o.line, o.column);
const where = (o: Origin) => `${o.file}:${o.line}:${o.column}`;

export function resolveRulesets(active: LoadedRuleset[], configOverrides: OverrideSet | undefined, kinds: KindSchemas): Resolution {
  const errors: ConfigError[] = [];
  const variants: Record<string, string> = {};
  const terms: Record<string, TermEntry[]> = {};
  const termOrigins: Record<string, Origin> = {};
  const conditions: Record<string, ConditionDef> = {};
  const negations = new Set<string>();
  const obligations = new Set<string>();
  const masks = new Set<TermEntry>();
  for (const { def } of active) {
    def.masks?.forEach((m) => masks.add(m));
    Object.assign(variants, def.variants);
    Object.assign(terms, def.terms);
    Object.assign(termOrigins, def.termOrigins);
    Object.assign(conditions, def.conditions);
    def.negations.forEach((n) => negations.add(n));
    def.obligations.forEach((n) => obligations.add(n));
  }

  const termNames = Object.keys(terms);
  const conditionNames = Object.keys(conditions);
  for (const r of active) {
    for (const ref of r.termRefs) {
      if (!(ref.name in terms)) errors.push(at("config.term.undefined", { name: ref.name, ...hints(ref.name, termNames) }, ref.origin));
    }
    for (const ref of r.conditionRefs) {
      if (!(ref.name in conditions)) {
        errors.push(at("config.condition.undefined", { name: ref.name, ...hints(ref.name, conditionNames) }, ref.origin));
      }
    }
  }
  errors.push(...termCycles(terms, termOrigins));

  const byId = new Map<string, ResolvedRule>();
  for (const { def } of active) {
    for (const rule of def.rules) {
      const first = byId.get(rule.id);
      if (first) {
        errors.push(at("config.rule.duplicateId", { id: rule.id, other: where(first.origin) }, rule.origin));
        continue;
      }
      const resolved: ResolvedRule = { ...rule, params: { ...rule.params }, valueOrigins: { ...(rule.valueOrigins ?? {}) } };
      if (rule.examples) resolved.exampleSets = [{ rulesetId: rule.rulesetId, params: rule.params, severity: rule.severity, examples: rule.examples }];
      byId.set(rule.id, resolved);
    }
  }

  const off = new Set<string>();
  const optionSources = new Map<string, { src: YamlSource; path: DataPath }>();
  const sets: OverrideSet[] = active
    .filter((r) => Object.keys(r.def.overrides).length > 0)
    .map((r) => ({ src: r.src, base: ["overrides"], overrides: r.def.overrides, rulesetId: r.def.id }));
  if (configOverrides) sets.push(configOverrides);
  const ids = [...byId.keys()];
  for (const set of sets) {
    for (const [id, ov] of Object.entries(set.overrides)) {
      const rule = byId.get(id);
      const origin = ov.origin ?? set.src.locate([...set.base, id]);
      if (!rule) {
        errors.push(at("config.rule.unknownId", { id, ...hints(id, ids) }, origin));
        continue;
      }
      if (ov.severity === "off") off.add(id);
      else if (ov.severity !== undefined) {
        off.delete(id);
        rule.severity = ov.severity;
      }
      if (ov.reason !== undefined) rule.overrideReason = ov.reason;
      if (ov.options !== undefined) {
        rule.params = deepMerge(rule.params, ov.options);
        const path = [...set.base, id, "options"];
        optionSources.set(id, { src: set.src, path });
        const own: Record<string, Origin> = {};
        recordOrigins(ov.options, path, set.src, own);
        Object.assign(rule.valueOrigins!, own);
        // Patterns given in options are compiled here too: a bad one is a config error at its line.
        errors.push(...patternErrors(own, id));
        for (const ref of termRefsIn(own)) {
          if (!(ref.name in terms)) errors.push(at("config.term.undefined", { name: ref.name, ...hints(ref.name, termNames) }, ref.origin));
        }
      }
      if (ov.examples !== undefined) {
        const own: RuleExampleSet = { rulesetId: set.rulesetId ?? rule.rulesetId, params: rule.params, severity: rule.severity, examples: ov.examples };
        (rule.exampleSets ??= []).push(own);
      }
    }
  }

  // Options were merged after the ruleset's own validation: the result must still fit the kind.
  for (const [id, { src, path }] of optionSources) {
    const rule = byId.get(id)!;
    const kind = kinds[rule.kind];
    if (!kind) continue;
    const { params, rulesetId: _r, origin: _o, valueOrigins: _v, overrideReason: _w, exampleSets: _e, ...common } = rule;
    errors.push(...schemaErrors(ruleSchemaForKind(rule.kind, kind.schema), { ...common, ...params }, src, path));
  }

  const rules: ResolvedRule[] = [];
  const disabled: ResolvedRule[] = [];
  for (const rule of byId.values()) (off.has(rule.id) ? disabled : rules).push(rule);
  return {
    rules, disabled, variants, terms, conditions, errors,
    negations: [...negations], obligations: [...obligations],
    ...(masks.size > 0 ? { masks: [...masks] } : {}),
  };
}

function termRefsIn(origins: Record<string, Origin>): NameRef[] {
  return Object.entries(origins).flatMap(([v, origin]) => {
    const m = TERM_REF.exec(v);
    return m ? [{ name: m[1]!, origin }] : [];
  });
}

function recordOrigins(value: unknown, path: DataPath, src: YamlSource, into: Record<string, Origin>): void {
  if (typeof value === "string") into[value] = src.locate(path);
  else if (Array.isArray(value)) value.forEach((v, i) => recordOrigins(v, [...path, i], src, into));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) recordOrigins(v, [...path, k], src, into);
}

/** A term list that includes itself through `$name` references would never finish expanding. */
function termCycles(terms: Record<string, TermEntry[]>, origins: Record<string, Origin>): ConfigError[] {
  const errors: ConfigError[] = [];
  const state = new Map<string, "active" | "done">();
  const reported = new Set<string>();
  const visit = (name: string, stack: string[]): void => {
    const s = state.get(name);
    if (s === "done") return;
    if (s === "active") {
      const cycle = [...stack.slice(stack.indexOf(name)), name];
      const key = [...cycle].sort().join(",");
      if (!reported.has(key)) {
        reported.add(key);
        const o = origins[name];
        errors.push(new ConfigError("config.term.cycle", { chain: cycle.map((n) => "$" + n).join(" → ") }, o?.file, o?.line, o?.column));
      }
      return;
    }
    state.set(name, "active");
    for (const entry of terms[name] ?? []) {
      const m = /^\$(.+)$/.exec(entry);
      if (m && m[1]! in terms) visit(m[1]!, [...stack, name]);
    }
    state.set(name, "done");
  };
  for (const name of Object.keys(terms)) visit(name, []);
  return errors;
}
