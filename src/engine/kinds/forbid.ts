// forbid: a phrase or pattern must not appear (unless its unit also names an exception).
import type { Finding } from "../../model/finding.js";
import type { TermEntry } from "../../model/ruleset.js";
import { normalizeTerm } from "../../text/normalize.js";
import { CONTRACT_PERIOD_TERMS, contractPeriod } from "./contract-period.js";
import { insidePhrase, termListSchema, type Hit, type JsonSchema, defineKind, type Within } from "./kind.js";

export interface ForbidParams {
  patterns: TermEntry[];
  when?: { any?: TermEntry[]; all?: TermEntry[] };
  unless?: { any?: TermEntry[]; all?: TermEntry[] };
  within?: Within;
  /** Unit in which `when` is looked for, when it differs from `within` (an exception sentence qualifies the duty before it). */
  whenWithin?: Within;
  obligationOnly?: boolean;
  replacements?: Record<string, string>;
  /** A match inside a hit of one of these (a longer phrase the match is part of) is no finding, as in Vale's `exceptions`. */
  exceptions?: TermEntry[];
  /** One finding per sentence, at its first match (how a reviewer marks a sentence with a defect). */
  perSentence?: boolean;
  /** Matched text → the date from which it is wrong: not reported in a document written before then. */
  since?: Record<string, string>;
}

const condSchema: JsonSchema = { type: "object", additionalProperties: false, properties: { any: termListSchema, all: termListSchema } };
const schema = {
  type: "object", additionalProperties: false, required: ["patterns"],
  properties: {
    patterns: { ...termListSchema, minItems: 1, description: "Terms that must not appear (literals, re: patterns, $lists); each match is a finding." },
    when: { ...condSchema, description: "Only where the unit also contains one of these (any) or all of these (all)." },
    unless: { ...condSchema, description: "Not where the unit also contains one of these (an exception such as 同等品)." },
    within: { enum: ["sentence", "block", "section"], default: "sentence", description: "The unit in which when / unless are looked for." },
    whenWithin: { enum: ["sentence", "block", "section"], description: "Unit in which `when` is looked for (default: `within`)." },
    obligationOnly: { type: "boolean", default: false, description: "Only matches in obligation sentences (a duty, not a description)." },
    exceptions: { ...termListSchema, description: "Longer phrases a match may be part of: a match inside one of their hits is no finding (「速やかに返却」 where 速やかに is forbidden)." },
    replacements: { type: "object", additionalProperties: { type: "string" }, description: "Matched text → the wording to use instead, shown as {replacement} (瑕疵担保責任 → 契約不適合責任)." },
    perSentence: { type: "boolean", default: false, description: "One finding per sentence, at its first match, however many matches it holds." },
    since: { type: "object", additionalProperties: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }, description: "Matched text → the date (YYYY-MM-DD) from which it is wrong (a law superseded then): not reported in a document whose cover date is earlier; without a cover date, the start of the contract period it states, else the end of 平成 for a document dated only in 平成, else the run's asOf, decides." },
  },
} satisfies JsonSchema;

export const forbid = defineKind<ForbidParams, typeof schema>({
  kind: "forbid",
  schema,
  terms(rule) {
    const p = rule.params;
    return [...p.patterns, ...(p.since ? CONTRACT_PERIOD_TERMS : []), ...(p.exceptions ?? []), ...(p.when?.any ?? []), ...(p.when?.all ?? []), ...(p.unless?.any ?? []), ...(p.unless?.all ?? [])];
  },
  check(ctx, rule) {
    const p = rule.params;
    const within = p.within;
    const replacements = new Map<string, string>();
    for (const [k, v] of Object.entries(p.replacements ?? {})) replacements.set(normalizeTerm(k), v);
    const since = new Map(Object.entries(p.since ?? {}).map(([k, v]) => [normalizeTerm(k), v]));
    // What was current when the document was written is no defect of it (an old edition read today). Without a
    // cover date, the start of the contract period it states dates it (a spec is written before the work it buys);
    // without either, a document dated only in 平成 was written by the era's end.
    const writtenOn = since.size ? ctx.writtenOn() ?? contractPeriod(ctx).start ?? ctx.writtenBy() ?? ctx.asOf : ctx.asOf;
    const found: Hit[] = p.patterns.flatMap((e) => [...ctx.hits(e)])
      .sort((a, b) => a.block - b.block || a.start - b.start || b.end - a.end);
    const findings: Finding[] = [];
    let last: Hit | undefined;
    // One finding per sentence (labelling: a reviewer marks the sentence that carries the defect once,
    // however many placeholders or outdated terms it holds); the first match names it.
    const marked = new Set<string>();
    for (const h of found) {
      if (last && last.block === h.block && h.start < last.end) continue; // overlapping pattern hits: one finding
      const s = ctx.sentenceAt(h.block, h.start);
      const sentenceKey = `${h.block}:${s?.start ?? h.start}`;
      if (p.perSentence && marked.has(sentenceKey)) continue;
      if (s?.narrative) continue;
      if (p.obligationOnly && !(s?.obligation && !s.negated)) continue;
      if (insidePhrase(ctx, p.exceptions, h)) continue;
      const has = (entries: TermEntry[] | undefined, mode: "any" | "all", unit: Within = within) =>
        mode === "any" ? ctx.near(entries ?? [], h, unit).length > 0 : (entries ?? []).every((e) => ctx.near([e], h, unit).length > 0);
      const whenUnit = p.whenWithin ?? within;
      if (p.when && ((p.when.any?.length && !has(p.when.any, "any", whenUnit)) || (p.when.all?.length && !has(p.when.all, "all", whenUnit)))) continue;
      if (p.unless && ((p.unless.any?.length && has(p.unless.any, "any")) || (p.unless.all?.length && has(p.unless.all, "all")))) continue;
      const key = ctx.blocks[h.block]!.text.slice(h.start, h.end);
      const from = since.get(key);
      if (from !== undefined && writtenOn < from) continue;
      last = h;
      marked.add(sentenceKey);
      const original = ctx.originalText(h.block, h.start, h.end);
      const replacement = replacements.get(key) ?? "";
      findings.push(ctx.finding(rule, h, { params: { match: original, replacement } }));
    }
    return { findings };
  },
});
