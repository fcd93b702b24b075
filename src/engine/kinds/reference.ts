// reference: a clause that delegates to 別紙N / 別添N / 要件定義書 needs that document in the input
// (a heading naming it, or a title line opening with its name, as in PDF, text or Word drafts
// without heading styles: 「別紙1 情報セキュリティ要件」).
import type { Finding } from "../../model/finding.js";
import { annexSupplied, providesAnnex, referenceKey } from "../annex-titles.js";
import type { TermEntry } from "../../model/ruleset.js";
import { termListSchema, type Hit, type JsonSchema, defineKind } from "./kind.js";

export interface ReferenceParams {
  patterns: TermEntry[];
  /** Only references whose sentence also contains one of these (のとおり, 参照, に定める …). */
  when?: { any?: TermEntry[] };
  /** Only references that delegate these matters: the sentence must also name one (セキュリティ, 個人情報 …). */
  about?: { any?: TermEntry[] };
  /** Not references whose sentence names one of these: the annex is a form (「別紙9の様式による」), not requirements. */
  unless?: { any?: TermEntry[] };
  /**
   * Where a missing document is referred to more than once, the finding goes to the first reference whose sentence
   * holds one of these (「個人情報の取扱いについては、「個人情報取扱特記事項」による」: the sentence handing a matter to it),
   * not to a lead listing every document to follow; without one, to the first reference.
   */
  prefer?: { any?: TermEntry[] };
}

const schema = {
  type: "object", additionalProperties: false, required: ["patterns"],
  properties: {
    patterns: { ...termListSchema, minItems: 1, description: "Names of delegated documents (別紙N, 別添N, 要件定義書 …)." },
    when: { type: "object", additionalProperties: false, properties: { any: termListSchema }, description: "Words of delegation the sentence must contain (のとおり, 参照 …)." },
    about: { type: "object", additionalProperties: false, properties: { any: termListSchema }, description: "Matters the delegation must concern (a form, a map or a price list is not worth a finding)." },
    unless: { type: "object", additionalProperties: false, properties: { any: termListSchema }, description: "Words that make the reference one to a form or a map (別紙9の様式), whatever the sentence is about." },
    prefer: { type: "object", additionalProperties: false, properties: { any: termListSchema }, description: "Words of the sentence that hands a matter to the document (については): the finding goes to the first such reference, else to the first." },
  },
} satisfies JsonSchema;

export const reference = defineKind<ReferenceParams, typeof schema>({
  kind: "reference",
  schema,
  terms(rule) {
    const p = rule.params;
    return [...p.patterns, ...(p.when?.any ?? []), ...(p.about?.any ?? []), ...(p.unless?.any ?? []), ...(p.prefer?.any ?? [])];
  },
  check(ctx, rule) {
    const p = rule.params;
    const hits: Hit[] = p.patterns.flatMap((e) => [...ctx.hits(e)])
      .sort((a, b) => a.block - b.block || a.start - b.start || b.end - a.end);
    /** Each missing document's references, in order; reported once, at the preferred one. */
    const missing = new Map<string, Hit[]>();
    const decided = new Map<string, boolean>();
    let last: Hit | undefined;
    for (const h of hits) {
      if (last && last.block === h.block && h.start < last.end) continue;
      const ab = ctx.blocks[h.block]!;
      // 別紙1「要件定義書」: the name right after a numbered annex is its title, not a second reference.
      const titled = last !== undefined && last.block === h.block && /^[「『(（]?$/u.test(ab.text.slice(last.end, h.start));
      last = h;
      if (titled) continue;
      if (ab.block.kind === "heading") continue;
      if (p.when?.any?.length && ctx.near(p.when.any, h, "sentence").length === 0) continue;
      if (p.about?.any?.length && ctx.near(p.about.any, h, "sentence").length === 0) continue;
      if (p.unless?.any?.length && ctx.near(p.unless.any, h, "sentence").length > 0) continue;
      const key = referenceKey(ab.text.slice(h.start, h.end));
      // The document's own annex title line (「別紙1 情報セキュリティ要件」) is not a reference.
      if (providesAnnex(ab, key)) continue;
      if (!decided.has(key)) decided.set(key, annexSupplied(ctx.blocks, key));
      if (decided.get(key)) continue;
      (missing.get(key) ?? missing.set(key, []).get(key)!).push(h);
    }
    const preferred = (h: Hit) => (p.prefer?.any?.length ?? 0) > 0 && ctx.near(p.prefer!.any!, h, "sentence").length > 0;
    const chosen = [...missing.values()].map((refs) => refs.find(preferred) ?? refs[0]!)
      .sort((a, b) => a.block - b.block || a.start - b.start);
    const findings: Finding[] = chosen.map((h) => ctx.finding(rule, h, { params: { match: ctx.originalText(h.block, h.start, h.end) } }));
    return { findings };
  },
});
