// consistency: one party must be called by one term throughout a document (受注者 vs 受託者 vs 乙).
import type { Finding } from "../../model/finding.js";
import type { TermEntry } from "../../model/ruleset.js";
import { termListSchema, type CheckContext, type Hit, type JsonSchema, defineKind } from "./kind.js";

export interface ConsistencyParams {
  groups: Record<string, TermEntry[]>;
  /** Occurrences a term needs before it counts as "used". */
  minCount?: number;
}

const schema = {
  type: "object", additionalProperties: false, required: ["groups"],
  properties: {
    groups: { type: "object", minProperties: 1, additionalProperties: { ...termListSchema, minItems: 2 }, description: "Names of one party by group (受注者 / 受託者 / 乙): a document should use one name of each group." },
    minCount: { type: "integer", minimum: 1, default: 1, description: "Occurrences a name needs before it counts as used." },
  },
} satisfies JsonSchema;

/**
 * A sentence that introduces an alias on purpose: 以下「乙」という / 以下"乙"という, or a definitions
 * clause 「この特記事項中「甲」は板橋区を、「乙」は受託者をいう」.
 */
const DEFINITION = /以下[、,]?[「『"“]|[「『"“][^」』"”]{1,8}[」』"”]\s*(は|とは)[^。]{1,40}(を|のことを)?\s*いう/u;

/** Hits in a block that defines an alias (its 。 inside 「…という。」 splits sentences, so judge the block). */
function isDefinition(ctx: CheckContext, h: Hit): boolean {
  return DEFINITION.test(ctx.blocks[h.block]!.text);
}

export const consistency = defineKind<ConsistencyParams, typeof schema>({
  kind: "consistency",
  schema,
  terms(rule) {
    return Object.values(rule.params.groups ?? {}).flat();
  },
  check(ctx, rule) {
    const p = rule.params;
    const minCount = p.minCount;
    const findings: Finding[] = [];
    for (const entries of Object.values(p.groups ?? {})) {
      const used = entries
        .map((entry, order) => ({ entry, order, hits: ctx.hits(entry).filter((h) => !isDefinition(ctx, h)) }))
        .filter((u) => u.hits.length >= minCount);
      if (used.length < 2) continue;
      // The term used most is the document's own choice; ties go to the one written first.
      const first = (u: (typeof used)[number]) => u.hits[0]!;
      const main = used.reduce((a, b) => (b.hits.length > a.hits.length
        || (b.hits.length === a.hits.length && (first(b).block < first(a).block || (first(b).block === first(a).block && first(b).start < first(a).start))) ? b : a));
      const mainText = original(ctx, first(main));
      for (const u of used) {
        if (u === main) continue;
        const h = first(u);
        findings.push(ctx.finding(rule, h, { params: { match: original(ctx, h), other: mainText } }));
      }
    }
    return { findings };
  },
});

function original(ctx: CheckContext, h: Hit): string {
  return ctx.originalText(h.block, h.start, h.end);
}
