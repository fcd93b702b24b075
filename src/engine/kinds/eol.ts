// eol: products named in the spec whose end of support falls before max(the date the spec was
// written (its cover date, else asOf), the end of the contract period the spec states), from a YAML
// product table next to the ruleset.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse } from "yaml";
import type { Finding } from "../../model/finding.js";
import { ConfigError } from "../../model/config-error.js";
import { findDates } from "../../text/dates.js";
import type { ResolvedConfig, TermEntry } from "../../model/ruleset.js";
import { defineKind, type CheckContext, type JsonSchema, type RuleOf } from "./kind.js";

export interface EolProduct { id: string; name: string; patterns: TermEntry[]; eos: string; source?: string }
export interface EolParams { products: string }

const schema = {
  type: "object", additionalProperties: false, required: ["products"],
  properties: { products: { type: "string", minLength: 1, description: "YAML list of products (name, patterns, eos YYYY-MM-DD), relative to the ruleset file; read when the configuration loads." } },
} satisfies JsonSchema;

/** Words that introduce the contract period; its end date extends the horizon of support. */
export const CONTRACT_PERIOD_TERMS = ["契約期間", "履行期間", "賃貸借期間", "借入期間", "保守期間", "運用期間", "委託期間"];

const cache = new Map<string, EolProduct[]>();

function productsFile(rule: RuleOf<EolParams>, rulesetFile: string): string {
  return resolve(dirname(rulesetFile), (rule.params).products);
}

export function loadProducts(rule: RuleOf<EolParams>, rulesetFile: string): EolProduct[] {
  const file = productsFile(rule, rulesetFile);
  let list = cache.get(file);
  if (list) return list;
  try {
    const data = parse(readFileSync(file, "utf8")) as unknown;
    const raw = Array.isArray(data) ? data : (data as { products?: unknown })?.products;
    if (!Array.isArray(raw)) throw new Error("expected a list of products");
    list = raw.map((p: Record<string, unknown>, i) => {
      const eos = p.eos instanceof Date ? p.eos.toISOString().slice(0, 10) : String(p.eos ?? "");
      if (!/^\d{4}-\d{2}-\d{2}$/.test(eos) || !Array.isArray(p.patterns) || typeof p.name !== "string") {
        throw new Error(`product #${i + 1} needs name, patterns and eos (YYYY-MM-DD)`);
      }
      return { id: String(p.id ?? p.name), name: p.name, patterns: p.patterns.map(String), eos, source: p.source ? String(p.source) : undefined };
    });
  } catch (e) {
    // At the `products:` value when the loader recorded it, so the error points at the file name.
    const at = rule.valueOrigins?.[(rule.params).products] ?? rule.origin;
    throw new ConfigError("engine.products.unreadable", { file, rule: rule.id, detail: (e as Error).message },
      at.file, at.line, at.column);
  }
  cache.set(file, list);
  return list;
}

function rulesetFileOf(rule: RuleOf<EolParams>, config: ResolvedConfig): string {
  return config.rulesets.find((r) => r.id === rule.rulesetId)?.file ?? rule.origin.file;
}

/** The latest date stated next to a contract-period term (same block or the next two: table cells). */
export function contractEnd(ctx: CheckContext): string | undefined {
  let best: string | undefined;
  for (const term of CONTRACT_PERIOD_TERMS) {
    for (const h of ctx.hits(term)) {
      for (let b = h.block; b < Math.min(ctx.blocks.length, h.block + 3); b++) {
        const text = b === h.block ? ctx.blocks[b]!.text.slice(h.start) : ctx.blocks[b]!.text;
        for (const d of findDates(text)) if (!best || d.iso > best) best = d.iso;
        if (b === h.block && findDates(text).length) break;
      }
    }
  }
  return best;
}

export const eol = defineKind<EolParams, typeof schema>({
  kind: "eol",
  schema,
  loadData: loadProducts,
  terms(rule, config) {
    return [...loadProducts(rule, rulesetFileOf(rule, config)).flatMap((p) => p.patterns), ...CONTRACT_PERIOD_TERMS];
  },
  check(ctx, rule) {
    const products = loadProducts(rule, ctx.rulesetFile(rule));
    const end = contractEnd(ctx);
    // Judged at the date the spec was written (its cover date), as for outdated names: an old edition
    // that named a product still supported then is no defect of it; without a cover date, asOf.
    const base = ctx.writtenOn() ?? ctx.asOf;
    const horizon = end && end > base ? end : base;
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
