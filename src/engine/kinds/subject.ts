// subject: a duty whose bearer a reader cannot tell (labelling.md, "Defects"). A specification is
// addressed to the contractor, so an actor-less 「〜すること」 in a list of contractor tasks is the
// contractor's and is no defect. The actor is genuinely ambiguous only where the text has just put
// duties on another party: an actor-less duty right after the orderer's own duty (「発注者は、…を
// 提示する。…を確認すること。」), or after a sentence where both parties act (「発注者及び受注者は、
// 協議の上…」). A heading naming a party (「発注者の役割」) settles the actor for its section.
import type { Finding } from "../../model/finding.js";
import { normalizeTerm } from "../../text/normalize.js";
import { sentenceTail } from "../../text/obligation.js";
import type { TermEntry } from "../types.js";
import { termListSchema, type CheckContext, type Hit, type JsonSchema, type RuleKind, type Sentence } from "./kind.js";

export interface SubjectParams {
  /** Every name of a party: a sentence naming one has an actor. */
  actors: TermEntry[];
  /** The orderer's names: an actor-less duty right after their own duty is ambiguous. */
  ambiguousAfter?: TermEntry[];
  /** Sentence endings that state a property or a definition, not a duty (〜できること, 〜とする). */
  exemptEndings?: string[];
}

const schema: JsonSchema = {
  type: "object", additionalProperties: false, required: ["actors"],
  properties: {
    actors: { ...termListSchema, minItems: 1, description: "Names of any party; a sentence naming one has an actor." },
    ambiguousAfter: { ...termListSchema, description: "Names of the orderer: an actor-less duty right after the orderer's own duty is reported." },
    exemptEndings: { type: "array", items: { type: "string", minLength: 1 }, description: "Sentence endings that state a property or a definition, not a duty." },
  },
};

/** What follows a party's name when it is the subject of its sentence. */
const SUBJECT_MARK = /^(は|が|では|において|にあっては|にて|側は|及び|および|並びに|と|、|,)/u;
/** Both parties act in one sentence: 「甲乙」「双方」「両者」「協議の上」. */
const JOINT = /(甲乙|双方|両者|相互に|協議の上|協議のうえ|協議して)/u;

type Side = "orderer" | "other" | "both";

export const subject: RuleKind = {
  kind: "subject",
  schema,
  terms(rule) {
    const p = rule.params as unknown as SubjectParams;
    return [...p.actors, ...(p.ambiguousAfter ?? [])];
  },
  check(ctx, rule) {
    const p = rule.params as unknown as SubjectParams;
    const exempt = (p.exemptEndings ?? []).map((e) => normalizeTerm(e)).filter(Boolean);
    const byBlock = (entries: TermEntry[]) => {
      const m = new Map<number, Hit[]>();
      for (const e of entries) for (const h of ctx.hits(e)) m.set(h.block, [...(m.get(h.block) ?? []), h]);
      return m;
    };
    const actors = byBlock(p.actors);
    const orderers = byBlock(p.ambiguousAfter ?? []);
    const inSentence = (m: Map<number, Hit[]>, s: Sentence) => (m.get(s.block) ?? []).filter((h) => h.start >= s.start && h.start < s.end);
    const isSubject = (s: Sentence, h: Hit) => SUBJECT_MARK.test(ctx.blocks[s.block]!.text.slice(h.end, h.end + 6));

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
          const subjects = [...named, ...ord].filter((h) => isSubject(s, h));
          const ordSubject = subjects.some((h) => ord.some((o) => o.start === h.start));
          const otherSubject = subjects.some((h) => !ord.some((o) => o.start <= h.start && o.end >= h.end));
          let side: Side | undefined;
          if ((ordSubject && otherSubject) || (JOINT.test(s.text) && subjects.length)) side = "both";
          else if (ordSubject) side = "orderer";
          else if (otherSubject) side = "other";
          if (side) last = side === settled ? undefined : side;
          continue;
        }
        if (!s.obligation || s.narrative || s.negated || s.excluded || s.deferred) continue;
        const tail = sentenceTail(s.text);
        if (exempt.some((e) => tail.endsWith(e))) continue;
        if (last !== "orderer" && last !== "both") continue;
        findings.push(ctx.finding(rule, { block: ab.index, start: s.start, end: s.start + tail.length }));
      }
    }
    return { findings };
  },
};

export type { CheckContext };
