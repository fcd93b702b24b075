// threshold: a period stated in a matching clause must reach a bound (log retention ≥ 1年,
// incident report within 24時間); a matching clause with no number at all is its own finding.
import type { Finding } from "../../model/finding.js";
import { parsePeriod, readPeriods, type Period } from "../../text/numbers.js";
import type { TermEntry } from "../../model/ruleset.js";
import { defineKind, labelSchema, matchSpecSchema, specTerms, type CheckContext, type JsonSchema, type MatchSpec, type RuleOf, type RuleRef, type UnitMatch } from "./kind.js";

export interface ThresholdCheck { match: MatchSpec; min?: string; max?: string; label?: unknown }
export interface ThresholdParams { checks: Record<string, ThresholdCheck>; missingNumber?: "report" | "ignore" }

const periodPattern = "^\\s*[0-9０-９〇一二三四五六七八九十百.]+\\s*(年|ヶ月|ケ月|カ月|ヵ月|か月|箇月|月|週間|営業日|日|時間|分)\\s*$";
const schema = {
  type: "object", additionalProperties: false, required: ["checks"],
  properties: {
    checks: {
      type: "object", minProperties: 1,
      description: "Named checks: clauses matching `match` must state a period or time of at least `min` / at most `max`, labelled `label`.",
      additionalProperties: {
        type: "object", additionalProperties: false, required: ["match"],
        properties: {
          match: { ...matchSpecSchema, description: "The clauses the check reads its period from." },
          min: { type: "string", pattern: periodPattern, description: "Least period or time a clause must state (1年, 24時間)." },
          max: { type: "string", pattern: periodPattern, description: "Most period or time a clause may state." },
          label: { ...labelSchema, description: "The check's name as messages show it ({ ja, en } or a string; default: its key)." },
        },
        anyOf: [{ required: ["min"] }, { required: ["max"] }],
      },
    },
    missingNumber: { enum: ["report", "ignore"], default: "report", description: "A matching clause without any number: report it or ignore it." },
  },
} satisfies JsonSchema;

/** Text of the unit the numbers are read from: the sentence, or the whole block. */
function unitText(ctx: CheckContext, u: UnitMatch): { block: number; offset: number; text: string } {
  if (u.sentence) return { block: u.block, offset: u.sentence.start, text: u.sentence.text };
  const ab = ctx.blocks[u.block]!;
  return { block: u.block, offset: 0, text: ab.text };
}

/** Each distinct clause (sentence or block) the check matches, with the periods written in it. */
function* clauses(ctx: CheckContext, c: ThresholdCheck): Generator<{ unit: UnitMatch; block: number; offset: number; periods: Period[] }> {
  const seen = new Set<string>();
  for (const u of ctx.units({ within: "sentence", ...c.match })) {
    const { block, offset, text } = unitText(ctx, u);
    const key = `${block}:${offset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    yield { unit: u, block, offset, periods: readPeriods(text) };
  }
}

/** The most favourable period of a clause: the longest against a minimum, the shortest against a maximum. */
function favourable(periods: Period[], direction: "min" | "max"): Period {
  return periods.reduce((a, b) => (direction === "min" ? b.hours > a.hours : b.hours < a.hours) ? b : a);
}

function judgeCheck(ctx: CheckContext, rule: RuleRef, name: string, c: ThresholdCheck, report: boolean): Finding[] {
  const out: Finding[] = [];
  const min = c.min ? parsePeriod(c.min) : undefined;
  const max = c.max ? parsePeriod(c.max) : undefined;
  const bound = (c.min ?? c.max)!;
  const label = ctx.label(c.label, name);
  for (const { unit, block, offset, periods } of clauses(ctx, c)) {
    if (!periods.length) {
      if (report) {
        const h = unit.hits[0]!;
        out.push(ctx.finding(rule, h, { message: ctx.message("threshold.no-number", { label, bound }), params: { label, bound } }));
      }
      continue;
    }
    let bad: Period | undefined;
    if (min) { const p = favourable(periods, "min"); if (p.hours < min.hours) bad = p; }
    if (max && !bad) { const p = favourable(periods, "max"); if (p.hours > max.hours) bad = p; }
    if (!bad) continue;
    const start = offset + bad.start; const end = offset + bad.end;
    const amount = ctx.originalText(block, start, end);
    out.push(ctx.finding(rule, { block, start, end }, { params: { amount, bound, label } }));
  }
  return out;
}

/** What a threshold check reads in a document: the most favourable number any matching clause states. */
export interface ThresholdReading {
  check: string;
  label: string;
  /** min: more is stronger; max: less is stronger. */
  direction: "min" | "max";
  bound: string;
  /** null: a matching clause states no number, or no clause matches (`clause` says which). */
  value: { hours: number; text: string; block: number; start: number; end: number } | null;
  /** The block of the first matching clause, when one matches. */
  clause: number | null;
}

/** Every check of a threshold rule read on a document (compare uses these to see a bound weaken or vanish). */
export function thresholdReadings(ctx: CheckContext, rule: RuleOf<ThresholdParams>): ThresholdReading[] {
  const p = rule.params;
  return Object.entries(p.checks ?? {}).map(([name, c]) => {
    const direction = c.min ? "min" as const : "max" as const;
    const reading: ThresholdReading = { check: name, label: ctx.label(c.label, name), direction, bound: (c.min ?? c.max)!, value: null, clause: null };
    let best: Period | undefined;
    for (const { block, offset, periods } of clauses(ctx, c)) {
      reading.clause ??= block;
      if (!periods.length) continue;
      const p2 = favourable(periods, direction);
      if (best && favourable([best, p2], direction) === best) continue;
      best = p2;
      const start = offset + p2.start; const end = offset + p2.end;
      reading.value = { hours: p2.hours, text: ctx.originalText(block, start, end), block, start, end };
    }
    if (reading.clause === null && c.match.any?.length) {
      // No clause with the number's wording (「1時間以内」 became 「直ちに」): locate the clause itself.
      for (const { block } of clauses(ctx, { ...c, match: { ...c.match, any: undefined } })) { reading.clause = block; break; }
    }
    return reading;
  });
}

export const threshold = defineKind<ThresholdParams, typeof schema>({
  kind: "threshold",
  schema,
  terms(rule) {
    const p = rule.params;
    const out: TermEntry[] = [];
    for (const c of Object.values(p.checks ?? {})) out.push(...specTerms(c.match));
    return out;
  },
  check(ctx, rule) {
    const p = rule.params;
    const report = p.missingNumber === "report";
    return { findings: Object.entries(p.checks ?? {}).flatMap(([name, c]) => judgeCheck(ctx, rule, name, c, report)) };
  },
});
