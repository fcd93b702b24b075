// subject: a duty whose bearer a reader cannot tell (labelling.md, "Defects"). A specification is
// addressed to the contractor, so an actor-less 「〜すること」 in a list of contractor tasks is the
// contractor's and is no defect. The actor is genuinely ambiguous only where the text has just put
// duties on another party: an actor-less duty right after (the very next sentence) the orderer's own duty (「発注者は、…を
// 提示する。…を確認すること。」), or after a sentence where both parties act (「発注者及び受注者は、
// 協議の上…」). A heading naming a party (「発注者の役割」) settles the actor for its section.
import type { Finding } from "../../model/finding.js";
import { normalizeTerm } from "../../text/normalize.js";
import { sentenceTail } from "../../text/obligation.js";
import { isSubjectName } from "../../text/actor.js";
import type { TermEntry } from "../../model/ruleset.js";
import { termListSchema, type CheckContext, type Hit, type JsonSchema, defineKind, type Sentence } from "./kind.js";

export interface SubjectParams {
  /** Every name of a party: a sentence naming one has an actor. */
  actors: TermEntry[];
  /** The orderer's names: an actor-less duty right after their own duty is ambiguous. */
  ambiguousAfter?: TermEntry[];
  /** Sentence endings that state a property or a definition, not a duty (〜できること, 〜とする). */
  exemptEndings?: string[];
}

const schema = {
  type: "object", additionalProperties: false, required: ["actors"],
  properties: {
    actors: { ...termListSchema, minItems: 1, description: "Names of any party; a sentence naming one has an actor." },
    ambiguousAfter: { ...termListSchema, description: "Names of the orderer: an actor-less duty right after the orderer's own duty is reported." },
    exemptEndings: { type: "array", items: { type: "string", minLength: 1 }, description: "Sentence endings that state a property or a definition, not a duty." },
  },
} satisfies JsonSchema;

/**
 * An explicit duty form. Plain endings (「発注者は、検査を行う」) count as duties elsewhere in a ruleset,
 * but for the orderer they describe its role, which leaves the contractor the actor of what follows.
 */
const EXPLICIT_DUTY = /(こと|ものとする|ものとします|なければならない|なければなりません|ねばならない|てはならない|必要がある)$/u;
/**
 * Both parties act in one sentence: 「甲乙は」「双方で確認」「両者が」「相互に」. Consulting the other party
 * is not joint action: 「受注者は、担当者と協議の上、…定めること」 is the contractor's duty.
 */
const JOINT = /(甲乙|双方|両者|相互に)/u;

type Side = "orderer" | "other" | "both";

const NO_HITS: readonly Hit[] = [];

export const subject = defineKind<SubjectParams, typeof schema>({
  kind: "subject",
  schema,
  terms(rule) {
    const p = rule.params;
    return [...p.actors, ...(p.ambiguousAfter ?? [])];
  },
  check(ctx, rule) {
    const p = rule.params;
    const exempt = (p.exemptEndings ?? []).map((e) => normalizeTerm(e)).filter(Boolean);
    const byBlock = (entries: TermEntry[]) => {
      const m = new Map<number, Hit[]>();
      // Appended in place: copying the block's list for every hit was quadratic in a block's hits.
      for (const e of entries) {
        for (const h of ctx.hits(e)) {
          const list = m.get(h.block);
          if (list) list.push(h); else m.set(h.block, [h]);
        }
      }
      return m;
    };
    const actors = byBlock(p.actors);
    const orderers = byBlock(p.ambiguousAfter ?? []);
    /** Most sentences' blocks name no party: they share one empty list (only read) instead of a copy each. */
    const inSentence = (m: Map<number, Hit[]>, s: Sentence): readonly Hit[] => {
      const list = m.get(s.block);
      if (!list) return NO_HITS;
      // A block's names mostly lie in one or two of its sentences: the others share NO_HITS too.
      let out: Hit[] | undefined;
      for (const h of list) if (h.start >= s.start && h.start < s.end) (out ??= []).push(h);
      return out ?? NO_HITS;
    };
    const textOf = (s: Sentence) => ctx.blocks[s.block]!.text;
    /** The name is the subject, alone or joined to a following name that is (「甲及び乙は」). */
    const isSubject = (s: Sentence, h: Hit, all: Hit[]): boolean => isSubjectName(textOf(s), h, all);

    const findings: Finding[] = [];
    let last: Side | undefined;
    /** The party a heading names settles the actor of its section until a sentence names another. */
    let settled: Side | undefined;
    for (const ab of ctx.blocks) {
      if (ab.block.kind === "heading") {
        // A heading naming a party settles who acts in its section; any other heading starts afresh.
        settled = orderers.has(ab.index) ? "orderer" : actors.has(ab.index) ? "other" : undefined;
        last = undefined;
        continue;
      }
      for (const s of ab.sentences) {
        const named = inSentence(actors, s);
        const ord = inSentence(orderers, s);
        if (named.length || ord.length) {
          const all = [...named, ...ord];
          const subjects = all.filter((h) => isSubject(s, h, all));
          const ordSubject = subjects.some((h) => ord.some((o) => o.start === h.start));
          const otherSubject = subjects.some((h) => !ord.some((o) => o.start <= h.start && o.end >= h.end));
          let side: Side | undefined;
          if ((ordSubject && otherSubject) || (JOINT.test(s.text) && subjects.length)) side = "both";
          // The orderer's own *duty* (「発注者は、…を確認すること」「…ものとする」) makes the next actor-less
          // duty ambiguous; a statement of what the orderer does (「申請書は当事務所が保管する」) does not.
          else if (ordSubject) side = EXPLICIT_DUTY.test(sentenceTail(s.text)) ? "orderer" : "other";
          else if (otherSubject) side = "other";
          // A sentence naming a party without making it the subject still comes between: the next
          // actor-less duty is no longer "right after" the orderer's.
          last = side && side !== settled ? side : undefined;
          continue;
        }
        // Only the sentence right after the orderer's (or a joint) sentence is ambiguous; the one after
        // that reads as the contractor's again, as a reviewer reads a list of duties.
        const after = last;
        last = undefined;
        if (!s.obligation || s.narrative || s.negated || s.excluded || s.deferred) continue;
        // Most duties follow no orderer's or joint sentence: their tail is not read.
        if (after !== "orderer" && after !== "both") continue;
        const tail = sentenceTail(s.text);
        if (exempt.some((e) => tail.endsWith(e))) continue;
        findings.push(ctx.finding(rule, { block: ab.index, start: s.start, end: s.start + tail.length }));
      }
    }
    return { findings };
  },
});

export type { CheckContext };
