// require: a clause must be present. Elements (concepts co-occurring within a unit) and a
// `present` condition over them give a status: present, partial or absent.
import type { ClauseStatus, Coverage, Finding } from "../../model/finding.js";
import { t } from "../../i18n/index.js";
import type { ConditionExpr, ResolvedRule, TermEntry } from "../types.js";
import { evaluateApplies } from "../conditions.js";
import { labelSchema, matchSpecSchema, specTerms, type CheckContext, type FindingAt, type JsonSchema, type MatchSpec, type RuleKind, type UnitMatch } from "./kind.js";
import { locate } from "../context.js";
import type { EngineContext } from "../context.js";

/**
 * When a clause counts as present: element names combined with all / any / atLeast, and
 * `if`: a document condition (as in appliesWhen) choosing which combination applies.
 */
export type PresentExpr =
  | string
  | { all: PresentExpr[] }
  | { any: PresentExpr[] }
  | { atLeast: number; of: PresentExpr[] }
  | { if: ConditionExpr; then: PresentExpr; else: PresentExpr };

export interface RequireParams {
  match?: MatchSpec;
  elements?: Record<string, MatchSpec>;
  present?: PresentExpr;
  topic?: MatchSpec;
  elementLabels?: Record<string, unknown>;
}

/** `present`, recursive through `#/definitions/present` (hoisted to the root by the schema builder). */
const presentSchema: JsonSchema = {
  anyOf: [
    { type: "string" },
    { type: "object", additionalProperties: false, required: ["all"], properties: { all: { type: "array", minItems: 1, items: { $ref: "#/definitions/present" } } } },
    { type: "object", additionalProperties: false, required: ["any"], properties: { any: { type: "array", minItems: 1, items: { $ref: "#/definitions/present" } } } },
    {
      type: "object", additionalProperties: false, required: ["atLeast", "of"],
      properties: { atLeast: { type: "integer", minimum: 1 }, of: { type: "array", minItems: 1, items: { $ref: "#/definitions/present" } } },
    },
    {
      type: "object", additionalProperties: false, required: ["if", "then", "else"],
      properties: { if: { $ref: "#/definitions/conditionExpr" }, then: { $ref: "#/definitions/present" }, else: { $ref: "#/definitions/present" } },
    },
  ],
};

const schema: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    match: matchSpecSchema,
    elements: { type: "object", minProperties: 1, additionalProperties: matchSpecSchema },
    present: { $ref: "#/definitions/present" },
    topic: matchSpecSchema,
    elementLabels: { type: "object", additionalProperties: labelSchema },
  },
  oneOf: [{ required: ["match"], not: { required: ["elements"] } }, { required: ["elements"], not: { required: ["match"] } }],
  definitions: { present: presentSchema },
};

export function elementsOf(rule: ResolvedRule): Record<string, MatchSpec> {
  const p = rule.params as RequireParams;
  return p.elements ?? (p.match ? { match: p.match } : {});
}

/** Does `expr` hold, given which elements matched and the document's condition values? */
export function evaluatePresent(expr: PresentExpr, holds: (name: string) => boolean, condition: (c: ConditionExpr) => boolean = () => true): boolean {
  const ev = (e: PresentExpr): boolean => evaluatePresent(e, holds, condition);
  if (typeof expr === "string") return holds(expr);
  if ("if" in expr) return ev(condition(expr.if) ? expr.then : expr.else);
  if ("all" in expr) return expr.all.every(ev);
  if ("any" in expr) return expr.any.some(ev);
  return expr.of.filter(ev).length >= expr.atLeast;
}

/** Element names `expr` asks about on this document (the branches its conditions choose). */
export function presentElements(expr: PresentExpr, condition: (c: ConditionExpr) => boolean, out = new Set<string>()): Set<string> {
  if (typeof expr === "string") out.add(expr);
  else if ("if" in expr) presentElements(condition(expr.if) ? expr.then : expr.else, condition, out);
  else for (const e of "all" in expr ? expr.all : "any" in expr ? expr.any : expr.of) presentElements(e, condition, out);
  return out;
}

export interface Judgement {
  status: ClauseStatus;
  /** First unit of each element that matched. */
  matched: Record<string, UnitMatch | undefined>;
  missing: string[];
  /** Where the topic shows (a heading naming it, or a topic mention) when no element matched. */
  topicAt?: { block: number } | { block: number; start: number; end: number };
}

/** Judge a require rule on the document (independent of appliesWhen). */
export function judge(ctx: CheckContext, rule: ResolvedRule): Judgement {
  const p = rule.params as RequireParams;
  const elements = elementsOf(rule);
  const names = Object.keys(elements);
  const matched: Record<string, UnitMatch | undefined> = {};
  for (const name of names) matched[name] = ctx.units(elements[name]!, 1)[0];
  const expr = p.present ?? { all: names };
  const condition = (c: ConditionExpr) => evaluateApplies(rule, c, ctx.conditions);
  const present = evaluatePresent(expr, (n) => matched[n] !== undefined, condition);
  const label = (n: string) => ctx.label(p.elementLabels?.[n], n);
  if (present) return { status: "present", matched, missing: [] };
  // Only elements the document's own case asks for are missing (a service needs no device controls).
  const wanted = presentElements(expr, condition);
  const missing = names.filter((n) => !matched[n] && wanted.has(n)).map(label);
  if (names.some((n) => matched[n])) return { status: "partial", matched, missing };
  // No element: a heading that names the clause, or a topic mention, still makes it partial.
  for (const spec of Object.values(elements)) {
    const u = ctx.units({ all: spec.all, any: spec.any, none: spec.none, within: "block", blocks: "heading" }, 1)[0];
    if (u) return { status: "partial", matched, missing, topicAt: { block: u.block } };
  }
  if (p.topic) {
    const u = ctx.units({ within: "block", blocks: "any", ...p.topic }, 1)[0];
    if (u) {
      const h = u.hits[0]!;
      return { status: "partial", matched, missing, topicAt: { block: h.block, start: h.start, end: h.end } };
    }
  }
  return { status: "absent", matched, missing };
}

/** The heading of the section where the clause belongs (rule `section` terms), if the document has one. */
function sectionHeading(ctx: CheckContext, rule: ResolvedRule): number | undefined {
  let best: number | undefined;
  for (const e of rule.section ?? []) {
    for (const h of ctx.hits(e)) {
      if (ctx.blocks[h.block]!.block.kind !== "heading") continue;
      if (best === undefined || h.block < best) best = h.block;
      break;
    }
  }
  return best;
}

function firstUnit(j: Judgement): UnitMatch | undefined {
  let first: UnitMatch | undefined;
  for (const u of Object.values(j.matched)) {
    if (!u) continue;
    const h = u.hits[0]!; const f = first?.hits[0];
    if (!f || h.block < f.block || (h.block === f.block && h.start < f.start)) first = u;
  }
  return first;
}

export const require: RuleKind = {
  kind: "require",
  schema,
  terms(rule) {
    const p = rule.params as RequireParams;
    const out: TermEntry[] = [];
    for (const spec of Object.values(elementsOf(rule))) out.push(...specTerms(spec));
    out.push(...specTerms(p.topic));
    return out;
  },
  check(ctx, rule) {
    const j = judge(ctx, rule);
    const unit = firstUnit(j);
    let evidence: Coverage["evidence"] = null;
    let at: FindingAt;
    if (unit) {
      const h = unit.hits[0]!;
      at = { block: h.block, start: h.start, end: h.end };
      const loc = locate(ctx.blocks[h.block]!, h.start, h.end);
      evidence = { line: loc.line, ...(loc.paragraph !== undefined ? { paragraph: loc.paragraph } : {}) };
    } else if (j.topicAt) {
      at = j.topicAt;
      const b = ctx.blocks[j.topicAt.block]!;
      const loc = "start" in j.topicAt ? locate(b, j.topicAt.start, j.topicAt.end) : b.block.location;
      evidence = { line: loc.line, ...(loc.paragraph !== undefined ? { paragraph: loc.paragraph } : {}) };
    } else {
      const h = sectionHeading(ctx, rule);
      at = h !== undefined ? { block: h } : { top: true };
    }
    const coverage: Coverage = { status: j.status, applies: true, missing: j.missing, evidence };
    const findings: Finding[] = [];
    if (j.status !== "present") {
      const sep = t("engine.list.separator", {}, ctx.locale);
      // One finding per rule and document: its identity must survive edits to the clause itself.
      findings.push(ctx.finding(rule, at, { status: j.status, params: { missing: j.missing.join(sep) }, fingerprintKey: "" }));
    }
    return { findings, coverage };
  },
};

export type { EngineContext };
