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

/**
 * An entry of a definitions list: 「(4)入力作業者 研究所が別途契約する入力業務受託者の従業員…をいう。」 defines a term
 * by naming other parties; their names there are no choice of the document's own.
 */
const DEFINITION_ITEM = /^[(（]?[0-9０-９]{1,2}[)）.．]?\s*[^\s。]{1,20}\s+[^。]{1,120}(を|のことを)いう/u;

/** Hits in a block that defines an alias (its 。 inside 「…という。」 splits sentences, so judge the block). */
function isDefinition(ctx: CheckContext, h: Hit): boolean {
  const ab = ctx.blocks[h.block]!;
  // The entry's term and its definition are parted by a space, which normalising removes: read the block as written.
  return DEFINITION.test(ab.text) || DEFINITION_ITEM.test(ab.block.text.trimStart());
}

const IDEOGRAPH = /\p{Script=Han}/u;

/** Conjunctions and suffixes written in kanji next to a party's name: 甲及び乙, 甲又は乙, 甲乙間, 甲側. */
const FUNCTION_KANJI = new Set([..."及又並若等間側"]);

/**
 * A party's name stands alone, not inside a longer word. A one-ideograph name (甲, 乙) has no ideograph on
 * either side (甲府市, 甲斐, 乙女 name no party) unless it is the pair 甲乙 (「甲乙協議の上」), which names both
 * parties; a longer name has none before it.
 */
function standsAlone(ctx: CheckContext, h: Hit, single: Set<string>): boolean {
  const text = ctx.blocks[h.block]!.text;
  const before = text[h.start - 1];
  const after = text[h.end];
  const joins = (c: string | undefined) => c !== undefined && IDEOGRAPH.test(c) && !FUNCTION_KANJI.has(c);
  // A longer name ending in the party's word names another party: 入力業務受託者, 基盤事業者, 現行受託者.
  const name = text.slice(h.start, h.end);
  if ([...name].length !== 1 || !IDEOGRAPH.test(name)) return !joins(before);
  if ((before !== undefined && single.has(before)) || (after !== undefined && single.has(after))) return true;
  return !joins(before) && !joins(after);
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
    const single = new Set(Object.values(p.groups ?? {}).flat().filter((e) => [...e].length === 1 && IDEOGRAPH.test(e)));
    // Whether a block defines an alias, once per block: a party's name occurs many times in one block,
    // and the two patterns read the whole block each time.
    const defining = new Map<number, boolean>();
    const inDefinition = (h: Hit): boolean => {
      let v = defining.get(h.block);
      if (v === undefined) defining.set(h.block, v = isDefinition(ctx, h));
      return v;
    };
    for (const entries of Object.values(p.groups ?? {})) {
      const used = entries
        .map((entry, order) => ({ entry, order, hits: ctx.hits(entry).filter((h) => !inDefinition(h) && standsAlone(ctx, h, single)) }))
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
