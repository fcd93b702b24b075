// Named document conditions (handles personal information, procures a cloud service …) and
// rules' appliesWhen expressions over them.
import { ConfigError } from "../model/config-error.js";
import type { ConditionDef, ConditionExpr, ResolvedRule, TermEntry } from "../model/ruleset.js";
import type { Hit } from "./analysed.js";

/** A condition holds when each `all` entry occurs and the `any` entries occur at least minHits times in total. */
export function evaluateCondition(def: ConditionDef, hits: (e: TermEntry) => readonly Hit[]): boolean {
  for (const e of def.all ?? []) if (hits(e).length === 0) return false;
  if (def.any?.length) {
    const need = def.minHits ?? 1;
    let n = 0;
    for (const e of def.any) { n += hits(e).length; if (n >= need) return true; }
    return false;
  }
  return (def.all?.length ?? 0) > 0;
}

export function evaluateApplies(rule: Pick<ResolvedRule, "id" | "origin">, expr: ConditionExpr | undefined, conditions: Readonly<Record<string, boolean>>): boolean {
  if (expr === undefined) return true;
  if (typeof expr === "string") {
    const v = conditions[expr];
    if (v === undefined) {
      throw new ConfigError("engine.condition.unknown", { rule: rule.id, name: expr }, rule.origin.file, rule.origin.line, rule.origin.column);
    }
    return v;
  }
  if ("any" in expr) return expr.any.some((e) => evaluateApplies(rule, e, conditions));
  if ("all" in expr) return expr.all.every((e) => evaluateApplies(rule, e, conditions));
  return !evaluateApplies(rule, expr.not, conditions);
}
