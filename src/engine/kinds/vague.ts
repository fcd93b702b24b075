// vague: obligations weakened by qualifiers (適宜・必要に応じて・努める), or duties not written
// in obligation form (〜が望ましい・〜を検討する).
import type { Finding } from "../../model/finding.js";
import { normalizeTerm } from "../../text/normalize.js";
import { sentenceTail } from "../../text/obligation.js";
import { isSubjectName } from "../../text/actor.js";
import type { TermEntry } from "../../model/ruleset.js";
import { hasHitWithin } from "../hit-table.js";
import { defineKind, insidePhrase, termListSchema, type Hit, type JsonSchema } from "./kind.js";

export interface VagueParams {
  mode?: "qualifier" | "form";
  qualifiers?: TermEntry[];
  endings?: string[];
  when?: { any?: TermEntry[] };
  /**
   * Names of the orderer: a qualifier in the orderer's own duty (「甲は、…通知するよう努める」
   * 「発注者は、必要に応じて確認する」) weakens no requirement on the contractor and is not reported.
   */
  exemptSubjects?: TermEntry[];
  /** A sentence holding one of these is not reported (its qualifier is defined there: 「…規程を遵守し、適切に取り扱う」). */
  unless?: { any?: TermEntry[] };
  /**
   * Qualifiers that are not vague once the unit states what they leave open: 「原則として禁止する。ただし、
   * あらかじめ承諾を得た場合に限り…」 gives the exception's criteria (rules.md: 原則として *without* the criteria).
   */
  definedBy?: { qualifiers: TermEntry[]; any: TermEntry[]; /** Filled from the schema default by defineKind. */ within: "sentence" | "block" }[];
  /** Sentence endings that state a qualification or a state, not a duty (「…体制を整備していること」 of a bidder). */
  exemptEndings?: string[];
  /** qualifier mode: a qualifier inside a hit of one of these longer phrases is not reported, as forbid's `exceptions`. */
  exceptions?: TermEntry[];
}

const schema = {
  type: "object", additionalProperties: false,
  properties: {
    mode: { enum: ["qualifier", "form"], default: "qualifier", description: "qualifier: an obligation weakened by a qualifier; form: a sentence on the topic that ends in a non-obligation form." },
    qualifiers: { ...termListSchema, description: "qualifier mode: words that weaken a duty (適宜, 必要に応じて, 努める …)." },
    endings: { type: "array", items: { type: "string", minLength: 1 }, description: "form mode: non-obligation endings (が望ましい, を検討する …)." },
    when: { type: "object", additionalProperties: false, properties: { any: termListSchema }, description: "Only sentences that also contain one of these (the topic)." },
    exemptEndings: { type: "array", items: { type: "string", minLength: 1 }, description: "Sentence endings that state a qualification or a state, not a duty; such sentences are not reported." },
    exceptions: { ...termListSchema, description: "qualifier mode: longer phrases a qualifier may be part of (a purpose: 「適切な管理のために」); a qualifier inside one of their hits is not reported." },
    definedBy: {
      type: "array", description: "Qualifiers that are not reported when the unit also states what they leave open (the exception's criteria).",
      items: {
        type: "object", additionalProperties: false, required: ["qualifiers", "any"],
        properties: {
          qualifiers: { ...termListSchema, minItems: 1, description: "The qualifiers this entry covers (原則として …)." },
          any: { ...termListSchema, minItems: 1, description: "Words that state what the qualifier leaves open (ただし, 承諾を得た場合 …)." },
          within: { enum: ["sentence", "block"], default: "block", description: "Unit in which `any` is looked for around the qualifier." },
        },
      },
    },
    unless: { type: "object", additionalProperties: false, properties: { any: termListSchema }, description: "A sentence holding one of these (any) is not reported." },
    exemptSubjects: { ...termListSchema, description: "Names of others than the contractor (the orderer, the system's users, applicants): a sentence whose subject is one of them describes their part, not a requirement on the contractor, and is not reported." },
  },
  if: { properties: { mode: { const: "form" } }, required: ["mode"] },
  then: { required: ["endings"] },
  else: { required: ["qualifiers"] },
} satisfies JsonSchema;

export const vague = defineKind<VagueParams, typeof schema>({
  kind: "vague",
  schema,
  terms(rule) {
    const p = rule.params;
    return [...(p.qualifiers ?? []), ...(p.exceptions ?? []), ...(p.when?.any ?? []), ...(p.exemptSubjects ?? []), ...(p.unless?.any ?? []),
      ...(p.definedBy ?? []).flatMap((d) => [...d.qualifiers, ...d.any])];
  },
  check(ctx, rule) {
    const p = rule.params;
    const findings: Finding[] = [];
    const exempt = (p.exemptEndings ?? []).map((e) => normalizeTerm(e)).filter(Boolean);
    const topical = (block: number, start: number) => !p.when?.any?.length || ctx.near(p.when.any, { block, start }, "sentence").length > 0;
    /** Some entry has a hit inside [start, end) of the block (a sentence). */
    const holds = (entries: TermEntry[] | undefined, block: number, start: number, end: number) =>
      !!entries?.some((e) => hasHitWithin(ctx.hits(e), block, start, end));
    const topicalIn = (block: number, start: number, end: number) => !p.when?.any?.length || holds(p.when.any, block, start, end);
    /** The qualifier at `h` is one a `definedBy` entry covers, and its unit states the criteria. */
    const definedHere = (h: Hit): boolean => (p.definedBy ?? []).some((d) =>
      d.qualifiers.some((q) => ctx.near([q], h, "sentence").some((x) => x.start === h.start && x.end === h.end))
      && ctx.near(d.any, h, d.within).length > 0);
    /** The sentence's subject, named before `at`, is the orderer (its own duty, not a requirement). */
    const orderersDuty = (block: number, sentenceStart: number, at: number): boolean => {
      if (!p.exemptSubjects?.length) return false;
      const names = ctx.near(p.exemptSubjects, { block, start: at }, "sentence").filter((h) => h.start >= sentenceStart && h.end <= at);
      return names.some((h) => isSubjectName(ctx.blocks[block]!.text, h, names));
    };
    if (p.mode === "qualifier") {
      const hits = (p.qualifiers ?? []).flatMap((e) => [...ctx.hits(e)]).sort((a, b) => a.block - b.block || a.start - b.start);
      let lastKey = "";
      for (const h of hits) {
        const s = ctx.sentenceAt(h.block, h.start);
        // A deferral weakened the same way (「セキュリティ対策の詳細は、必要に応じて協議の上で決定する」) leaves the matter as
        // open as a weakened duty. Its words are out of procurement for term queries, so its topic is read off the hits.
        const deferred = !!s?.deferred && !s.excluded;
        if (!s || !(s.obligation || deferred) || (s.negated && !deferred)) continue;
        if (deferred ? !topicalIn(h.block, s.start, s.end) : !topical(h.block, h.start)) continue;
        if (orderersDuty(h.block, s.start, h.start)) continue;
        if (p.unless?.any?.length && ctx.near(p.unless.any, h, "sentence").length > 0) continue;
        if (insidePhrase(ctx, p.exceptions, h)) continue;
        if (definedHere(h)) continue;
        const tail = sentenceTail(s.text);
        if (exempt.some((e) => tail.endsWith(e))) continue;
        const key = `${h.block}:${s.start}`;
        if (key === lastKey) continue; // one finding per sentence
        lastKey = key;
        const match = ctx.originalText(h.block, h.start, h.end);
        findings.push(ctx.finding(rule, h, { params: { match } }));
      }
      return { findings };
    }
    const endings = (p.endings ?? []).map((e) => normalizeTerm(e)).filter(Boolean).sort((a, b) => b.length - a.length);
    for (const ab of ctx.blocks) {
      if (ab.block.kind === "heading") continue;
      for (const s of ab.sentences) {
        if (s.narrative) continue;
        const at = formAt(s.text, endings);
        if (!at) continue;
        const e = at.ending;
        const start = s.start + at.offset;
        if (!topical(ab.index, s.start) || orderersDuty(ab.index, s.start, start)) continue;
        // As in qualifier mode: a sentence holding one of these states no requirement the form weakens
        // (a team member's experience wished for: 「責任者は、同種業務の経験を有する者であることが望ましい」).
        if (holds(p.unless?.any, ab.index, s.start, s.end)) continue;
        const match = ctx.originalText(ab.index, start, start + e.length);
        findings.push(ctx.finding(rule, { block: ab.index, start, end: start + e.length }, { params: { match } }));
      }
    }
    return { findings };
  },
});

/**
 * Where a sentence takes a non-obligation form: at its end (「…が望ましい。」), or at the end of a clause
 * conceded in the same sentence (「診断は第三者によることが望ましいが、受注者自らが実施することも妨げない。」).
 */
function formAt(sentence: string, endings: string[]): { ending: string; offset: number } | undefined {
  // Both forms below hold an ending as written, and the tail is a part of the sentence: most sentences
  // hold none, and are done without cutting their tail (a slice and a regex per sentence of the document).
  if (!endings.some((x) => sentence.includes(x))) return undefined;
  const tail = sentenceTail(sentence);
  const e = endings.find((x) => tail.endsWith(x));
  if (e) return { ending: e, offset: sentence.lastIndexOf(tail) + tail.length - e.length };
  // A conceded clause needs 「…が、」: most sentences have none, and are done without building the probes.
  if (!sentence.includes("が、") && !sentence.includes("が,")) return undefined;
  for (const x of endings) {
    const i = Math.max(sentence.indexOf(`${x}が、`), sentence.indexOf(`${x}が,`));
    if (i >= 0) return { ending: x, offset: i };
  }
  return undefined;
}
