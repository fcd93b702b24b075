// eol: products named in the spec whose end of support falls before max(the date the spec was
// written (its cover date; without one, asOf unless a contract period dates the spec), the end of
// the contract period the spec states), from a YAML
// product table next to the ruleset (read by the config loader into rule.data).
import type { Finding } from "../../model/finding.js";
import type { ProductEntry } from "../../model/ruleset.js";
import { CONTRACT_PERIOD_TERMS, contractPeriod } from "./contract-period.js";
import { defineKind, type CheckContext, type JsonSchema, type RuleOf } from "./kind.js";

export interface EolParams { products: string }

const schema = {
  type: "object", additionalProperties: false, required: ["products"],
  properties: { products: { type: "string", minLength: 1, description: "YAML list of products (name, patterns, eos YYYY-MM-DD), relative to the ruleset file; the config loader reads it into rule.data when the configuration loads." } },
} satisfies JsonSchema;

/** The product list, as the config loader read it from the file `products` names. */
function productsOf(rule: RuleOf<EolParams>): ProductEntry[] {
  return (rule.data?.products as ProductEntry[] | undefined) ?? [];
}

export const eol = defineKind<EolParams, typeof schema>({
  kind: "eol",
  schema,
  dataFiles: { products: "product-list" },
  terms(rule) {
    return [...productsOf(rule).flatMap((p) => p.patterns), ...CONTRACT_PERIOD_TERMS];
  },
  check(ctx, rule) {
    const products = productsOf(rule);
    const end = contractPeriod(ctx).end;
    // Judged at the date the spec was written (its cover date), as for outdated names: an old edition
    // that named a product still supported then is no defect of it. Without a cover date, a stated
    // contract period dates the spec (it was written before the work it buys), so the horizon is that
    // period's end; with neither, the era its dates are written in (平成 only: by 2019-04-30), else asOf.
    const written = ctx.writtenOn() ?? (end ? undefined : ctx.writtenBy());
    const horizon = written ? (end && end > written ? end : written) : (end ?? ctx.asOf);
    const findings: Finding[] = [];
    for (const p of products) {
      if (p.eos >= horizon) continue;
      const hits = p.patterns.flatMap((e) => [...ctx.hits(e)]).sort((a, b) => a.block - b.block || a.start - b.start);
      const h = hits.find((x) => !ctx.sentenceAt(x.block, x.start)?.narrative);
      if (!h) continue;
      const match = ctx.originalText(h.block, h.start, h.end);
      findings.push(ctx.finding(rule, h, { params: { product: p.name, date: p.eos, match, horizon } }));
    }
    return { findings };
  },
});
