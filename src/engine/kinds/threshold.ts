// threshold: a period stated in a matching clause must reach a bound (log retention ≥ 1年,
// incident report within 24時間); a matching clause with no number at all is its own finding.
import type { Finding } from "../../model/finding.js";
import { parsePeriod, readPeriods, type Period } from "../../text/numbers.js";
import type { TermEntry } from "../../model/ruleset.js";
import { labelSchema, matchSpecSchema, specTerms, type JsonSchema, type MatchSpec, defineKind, type RuleRef, type UnitMatch } from "./kind.js";
import type { CheckContext } from "./kind.js";

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
          match: matchSpecSchema,
          min: { type: "string", pattern: periodPattern },
          max: { type: "string", pattern: periodPattern },
          label: labelSchema,
        },
        anyOf: [{ required: ["min"] }, { required: ["max"] }],
      },
    },
    missingNumber: { enum: ["report", "ignore"], description: "A matching clause without any number: report it (default) or ignore it." },
  },
} satisfies JsonSchema;

/** Text of the unit the numbers are read from: the sentence, or the whole block. */
function unitText(ctx: CheckContext, u: UnitMatch): { block: number; offset: number; text: string } {
  if (u.sentence) return { block: u.block, offset: u.sentence.start, text: u.sentence.text };
  const ab = ctx.blocks[u.block]!;
  return { block: u.block, offset: 0, text: ab.text };
}

function judgeCheck(ctx: CheckContext, rule: RuleRef, name: string, c: ThresholdCheck, report: boolean): Finding[] {
  const out: Finding[] = [];
  const min = c.min ? parsePeriod(c.min) : undefined;
  const max = c.max ? parsePeriod(c.max) : undefined;
  const bound = (c.min ?? c.max)!;
  const label = ctx.label(c.label, name);
  const seen = new Set<string>();
  for (const u of ctx.units({ within: "sentence", ...c.match })) {
    const { block, offset, text } = unitText(ctx, u);
    const key = `${block}:${offset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const periods = readPeriods(text);
    if (!periods.length) {
      if (report) {
        const h = u.hits[0]!;
        out.push(ctx.finding(rule, h, { message: ctx.message("threshold.no-number", { label, bound }), params: { label, bound } }));
      }
      continue;
    }
    // The most favourable period in the clause decides: the longest for min, the shortest for max.
    const pick = (cmp: (a: Period, b: Period) => boolean) => periods.reduce((a, b) => (cmp(b, a) ? b : a));
    let bad: Period | undefined;
    if (min) { const p = pick((a, b) => a.hours > b.hours); if (p.hours < min.hours) bad = p; }
    if (max && !bad) { const p = pick((a, b) => a.hours < b.hours); if (p.hours > max.hours) bad = p; }
    if (!bad) continue;
    const start = offset + bad.start; const end = offset + bad.end;
    const amount = ctx.originalText(block, start, end);
    out.push(ctx.finding(rule, { block, start, end }, { params: { amount, bound, label } }));
  }
  return out;
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
    const report = (p.missingNumber ?? "report") === "report";
    return { findings: Object.entries(p.checks ?? {}).flatMap(([name, c]) => judgeCheck(ctx, rule, name, c, report)) };
  },
});
