// subject: an obligation sentence must say who bears the duty — in the sentence itself, in the
// lead of its clause (the block's first sentence, the paragraph introducing a list, a table or a
// numbered run, or the section's first sentence when it introduces the duties below), or in a
// heading above it.
import type { Finding } from "../../model/finding.js";
import { itemMarker } from "../../readers/item-lines.js";
import { normalizeTerm } from "../../text/normalize.js";
import { sentenceTail } from "../../text/obligation.js";
import type { TermEntry } from "../types.js";
import { termListSchema, type AnalysedBlock, type CheckContext, type JsonSchema, type RuleKind } from "./kind.js";

export interface SubjectParams {
  actors: TermEntry[];
  /** Sentence endings that state a property or a definition, not a duty (〜できること, 〜とする). */
  exemptEndings?: string[];
}

const schema: JsonSchema = {
  type: "object", additionalProperties: false, required: ["actors"],
  properties: {
    actors: { ...termListSchema, minItems: 1 },
    exemptEndings: { type: "array", items: { type: "string", minLength: 1 } },
  },
};

/** Blocks whose text is governed by a preceding lead paragraph (「受注者は、次の事項を遵守すること。」). */
const LED_KINDS = new Set(["listItem", "tableCell"]);

/** A list item, a table cell, or a paragraph opening with an item marker (「(1) …」「① …」 typed by hand). */
function led(ab: AnalysedBlock): boolean {
  return LED_KINDS.has(ab.block.kind) || itemMarker(ab.block.text.trimStart()) !== undefined;
}
/** A paragraph that introduces the duties after it. */
const LEAD = /(次の|以下の|下記の|次に掲げる|以下に掲げる)|[:：]$/u;

export const subject: RuleKind = {
  kind: "subject",
  schema,
  terms(rule) {
    return [...(rule.params as unknown as SubjectParams).actors];
  },
  check(ctx, rule) {
    const p = rule.params as unknown as SubjectParams;
    const exempt = (p.exemptEndings ?? []).map((e) => normalizeTerm(e)).filter(Boolean);
    const actorBlocks = new Map<number, { start: number }[]>();
    for (const e of p.actors) for (const h of ctx.hits(e)) {
      const list = actorBlocks.get(h.block) ?? [];
      list.push({ start: h.start });
      actorBlocks.set(h.block, list);
    }
    const inRange = (block: number, start: number, end: number) =>
      (actorBlocks.get(block) ?? []).some((h) => h.start >= start && h.start < end);
    const blockHas = (block: number) => actorBlocks.has(block);
    const findings: Finding[] = [];
    for (const ab of ctx.blocks) {
      if (ab.block.kind === "heading") continue;
      const covered = () => leadHas(ctx, ab, inRange, blockHas);
      let coveredMemo: boolean | undefined;
      for (const s of ab.sentences) {
        if (!s.obligation || s.narrative || s.negated) continue;
        const tail = sentenceTail(s.text);
        if (exempt.some((e) => tail.endsWith(e))) continue;
        if (inRange(ab.index, s.start, s.end)) continue;
        coveredMemo ??= covered();
        if (coveredMemo) continue;
        findings.push(ctx.finding(rule, { block: ab.index, start: s.start, end: s.start + tail.length }));
      }
    }
    return { findings };
  },
};

/** Whether the clause around `ab` names an actor: first sentence, lead paragraph, or headings above. */
function leadHas(ctx: CheckContext, ab: AnalysedBlock,
  inRange: (block: number, start: number, end: number) => boolean, blockHas: (block: number) => boolean): boolean {
  const firstSentence = ab.sentences[0];
  if (firstSentence && inRange(ab.index, firstSentence.start, firstSentence.end)) return true;
  const section = ab.section;
  // Lead paragraph: the nearest paragraph before this block in its section that introduces a list
  // of duties (「受注者は、次の事項を遵守すること。」「…以下のとおりとする：」).
  const isLed = led(ab);
  for (let i = ab.index - 1; i > section && i >= 0; i--) {
    const prev = ctx.blocks[i]!;
    if (prev.block.kind === "heading") break;
    if (isLed && led(prev)) continue;
    if (LEAD.test(prev.text) && blockHas(i)) return true;
    if (!isLed) break;
  }
  // The section's first sentence, when it introduces the duties below (「受託者は、以下に掲げる…」).
  const first = ctx.blocks[section + 1];
  if (first && first.index < ab.index && first.block.kind !== "heading") {
    const lead = first.sentences[0];
    if (lead && LEAD.test(lead.text) && inRange(first.index, lead.start, lead.end)) return true;
  }
  // The headings above.
  if (section >= 0) {
    let level = ctx.blocks[section]!.block.level ?? 1;
    // The document title (a heading opening the file) names the procurement, not who bears a duty.
    if (section > 0 && blockHas(section)) return true;
    for (let i = section - 1; i > 0 && level > 1; i--) {
      const b = ctx.blocks[i]!.block;
      if (b.kind !== "heading" || (b.level ?? 1) >= level) continue;
      if (blockHas(i)) return true;
      level = b.level ?? 1;
    }
  }
  return false;
}
