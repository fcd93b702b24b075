// require: a clause must be present. Elements (concepts co-occurring within a unit) and a
// `present` condition over them give a status: present, partial or absent.
import type { ClauseStatus, Coverage, Finding } from "../../model/finding.js";
import type { ConditionExpr, TermEntry } from "../../model/ruleset.js";
import { annexKeys, annexSupplied } from "../annex-titles.js";
import { hasHitWithin } from "../hit-table.js";
import { labelSchema, matchSpecSchema, specTerms, type CheckContext, type FindingAt, type JsonSchema, type MatchSpec, defineKind, type RuleOf, type RuleRef, type UnitMatch } from "./kind.js";

/**
 * When a clause counts as present: element names combined with all / any / atLeast, and
 * `if`: a document condition (as in appliesWhen) choosing which combination applies.
 */
export type PresentExpr =
  | string
  | { all: PresentExpr[] }
  | { any: PresentExpr[] }
  | { atLeast: number; of: PresentExpr[] }
  | { if: ConditionExpr; then: PresentExpr; else: PresentExpr };

export interface RequireParams {
  match?: MatchSpec;
  elements?: Record<string, MatchSpec>;
  present?: PresentExpr;
  topic?: MatchSpec;
  elementLabels?: Record<string, unknown>;
  /**
   * Qualifiers that weaken a duty (適宜 / 必要に応じて / 努める …): an element found only in weakened
   * sentences does not make the clause present (labelling.md §4: partial, never present).
   */
  weakenedBy?: TermEntry[];
  /**
   * Elements that complete a clause but do not, alone, put a duty on its topic: a desk's opening
   * hours (「平日9時から17時まで対応」) without any contact arrangement is not an emergency-contact clause.
   */
  supporting?: string[];
  /**
   * A sentence that hands the clause's matters to an annex (「機能要件及び非機能要件は、別紙1「要件定義書」に
   * 示す。」): when no annex it names is in the input, a clause the body says nothing on is partial, not
   * absent (labelling.md: a reference to an annex whose body is not in the input). An exclusion or a
   * deferral of the topic still makes it absent.
   */
  delegatedTo?: MatchSpec;
  /**
   * Words that make a delegation one of details (「…アクセス制御、ログの取得…等の対策を講ずること。具体的な要件は、別紙4
   * による。」): such a reference names only the matters its block lists, so it leaves partial only a clause whose
   * topic or element words are in that block.
   */
  delegatedDetails?: MatchSpec;
}

/** `present`, recursive through `#/definitions/present` (hoisted to the root by the schema builder). */
const presentSchema: JsonSchema = {
  anyOf: [
    { type: "string" },
    { type: "object", additionalProperties: false, required: ["all"], properties: { all: { type: "array", minItems: 1, items: { $ref: "#/definitions/present" } } } },
    { type: "object", additionalProperties: false, required: ["any"], properties: { any: { type: "array", minItems: 1, items: { $ref: "#/definitions/present" } } } },
    {
      type: "object", additionalProperties: false, required: ["atLeast", "of"],
      properties: { atLeast: { type: "integer", minimum: 1 }, of: { type: "array", minItems: 1, items: { $ref: "#/definitions/present" } } },
    },
    {
      type: "object", additionalProperties: false, required: ["if", "then", "else"],
      properties: { if: { $ref: "#/definitions/conditionExpr" }, then: { $ref: "#/definitions/present" }, else: { $ref: "#/definitions/present" } },
    },
  ],
};

const schema = {
  type: "object",
  additionalProperties: false,
  properties: {
    match: { ...matchSpecSchema, description: "The clause as one element (shorthand of `elements: { match: … }`)." },
    elements: { type: "object", minProperties: 1, additionalProperties: matchSpecSchema, description: "Named parts of the clause, each a match spec held in one unit (sentence, block or section)." },
    present: { $ref: "#/definitions/present", description: "Which elements make the clause present: an element name, all / any / atLeast-of, or if-then-else on a document condition (default: every element)." },
    topic: { ...matchSpecSchema, description: "The clause's subject: a (weak or bare) duty on it without the elements makes the status partial instead of absent." },
    elementLabels: { type: "object", additionalProperties: labelSchema, description: "Names of the elements as {missing} shows them ({ ja, en } or a string)." },
    weakenedBy: { type: "array", items: { type: "string", minLength: 1 }, description: "Qualifiers that weaken a duty: an element found only in sentences holding one does not make the clause present (labelling.md §4)." },
    delegatedTo: { ...matchSpecSchema, description: "A sentence handing the clause's matters to an annex (別紙N / 要件定義書): with no annex it names in the input, a clause found nowhere else is partial (annex-not-supplied) instead of absent." },
    delegatedDetails: { ...matchSpecSchema, description: "Words that make a delegation one of details (具体的な要件は…による): it then leaves partial only a clause its block names (topic or element words)." },
    supporting: { type: "array", items: { type: "string", minLength: 1, title: "element name" }, description: "Elements that complete the clause but alone are not a duty on its topic: found without any other element, the clause stays absent." },
  },
  oneOf: [{ required: ["match"], not: { required: ["elements"] } }, { required: ["elements"], not: { required: ["match"] } }],
  definitions: { present: presentSchema },
} satisfies JsonSchema;

export function elementsOf(rule: RuleOf<RequireParams>): Record<string, MatchSpec> {
  const p = rule.params;
  return p.elements ?? (p.match ? { match: p.match } : {});
}

/** Does `expr` hold, given which elements matched and the document's condition values? */
export function evaluatePresent(expr: PresentExpr, holds: (name: string) => boolean, condition: (c: ConditionExpr) => boolean = () => true): boolean {
  const ev = (e: PresentExpr): boolean => evaluatePresent(e, holds, condition);
  if (typeof expr === "string") return holds(expr);
  if ("if" in expr) return ev(condition(expr.if) ? expr.then : expr.else);
  if ("all" in expr) return expr.all.every(ev);
  if ("any" in expr) return expr.any.some(ev);
  return expr.of.filter(ev).length >= expr.atLeast;
}

/** Element names `expr` asks about on this document (the branches its conditions choose). */
export function presentElements(expr: PresentExpr, condition: (c: ConditionExpr) => boolean, out = new Set<string>()): Set<string> {
  if (typeof expr === "string") out.add(expr);
  else if ("if" in expr) presentElements(condition(expr.if) ? expr.then : expr.else, condition, out);
  else for (const e of "all" in expr ? expr.all : "any" in expr ? expr.any : expr.of) presentElements(e, condition, out);
  return out;
}

/**
 * Why a clause is not present (labelling.md): elements missing from a duty; only a weak or bare
 * duty on the topic; only a title whose body is not in the input; the topic excluded, reassigned or
 * deferred; the topic named only outside any duty (purpose, background, a title word); nothing.
 */
export type Reason = "elements-missing" | "bare-duty" | "heading-only" | "annex-not-supplied" | "excluded" | "deferred" | "not-a-duty" | "nothing";

export interface Judgement {
  status: ClauseStatus;
  /** First unit of each element that matched. */
  matched: Record<string, UnitMatch | undefined>;
  missing: string[];
  why?: Reason;
  /** Where the topic shows (a title naming it, or a duty on the topic) when no element matched. */
  topicAt?: { block: number } | { block: number; start: number; end: number };
  /**
   * For an absent clause, where its topic is named all the same: the first sentence that excludes or
   * defers it, or names it outside any duty. Evidence for the officer; the finding stays at the section.
   */
  mentionAt?: { block: number; start: number; end: number };
}

/** Judge a require rule on the document (independent of appliesWhen). */
export function judge(ctx: CheckContext, rule: RuleOf<RequireParams>): Judgement {
  const p = rule.params;
  const elements = elementsOf(rule);
  const names = Object.keys(elements);
  const matched: Record<string, UnitMatch | undefined> = {};
  /** Elements found only in weakened sentences (「必要に応じて多要素認証等の対策を講じること」). */
  const weak = new Set<string>();
  /**
   * A unit is weakened when the duties that carry it are: every obligation sentence among its hits holds a qualifier
   * (else, with none, its first hit's sentence does). A qualifier on the orderer's own act in the same clause
   * (「当省は、必要に応じて…確認する。請負者はこれに協力し、指摘事項があれば是正計画を提出すること。」) weakens nothing.
   */
  const weakened = (u: UnitMatch) => {
    if (!p.weakenedBy?.length) return false;
    const duties = u.hits.filter((h) => ctx.sentenceAt(h.block, h.start)?.obligation);
    return (duties.length ? duties : [u.hits[0]!]).every((h) => ctx.near(p.weakenedBy!, h, "sentence").length > 0);
  };
  for (const name of names) {
    // Units come in document order and a limit only truncates them, so the first unit is the same
    // whatever the limit: when it is not weakened (most clauses) it is the answer, and the search for
    // 50 units (each a `holds` per anchor) and their qualifiers is not made.
    const first = ctx.units(elements[name]!, 1)[0];
    if (!p.weakenedBy?.length || !first || !weakened(first)) { matched[name] = first; continue; }
    const units = ctx.units(elements[name]!, 50);
    const strong = units.find((u, i) => i > 0 && !weakened(u));
    matched[name] = strong ?? units[0];
    if (!strong && units[0]) weak.add(name);
  }
  const expr = p.present ?? { all: names };
  const condition = (c: ConditionExpr) => ctx.conditionHolds(rule, c);
  const present = evaluatePresent(expr, (n) => matched[n] !== undefined, condition);
  const label = (n: string) => ctx.label(p.elementLabels?.[n], n);
  // Alternative forms of one element share its label; the officer reads each missing thing once.
  const labels = (ns: string[]) => [...new Set(ns.map(label))];
  if (present && weak.size > 0 && !evaluatePresent(expr, (n) => matched[n] !== undefined && !weak.has(n), condition)) {
    // Every element is there, but one only in a weakened duty: partial, never present (labelling.md §4).
    return { status: "partial", matched, missing: labels(names.filter((n) => weak.has(n))), why: "bare-duty" };
  }
  if (present) return { status: "present", matched, missing: [] };
  // Only elements the document's own case asks for are missing (a service needs no device controls).
  const wanted = presentElements(expr, condition);
  // A label is missing only when no element that carries it was found.
  const found = new Set(names.filter((n) => matched[n]).map(label));
  const missing = labels(names.filter((n) => !matched[n] && wanted.has(n))).filter((l) => !found.has(l));
  const supporting = new Set(p.supporting ?? []);
  if (names.some((n) => matched[n] && !supporting.has(n))) return { status: "partial", matched, missing, why: "elements-missing" };
  // No element. A title naming the clause (heading or TOC line) is partial only when the body it
  // names is not in the input (labelling.md §3); a weak or bare duty on the topic is partial (§4).
  for (const spec of Object.values(elements)) {
    // An element framed by its topic (an investigation framed by an incident) names the clause only in a framed title:
    // 「(2) 現状業務調査結果」 is a deliverable, not the incident duty's heading.
    for (const u of ctx.units({ all: spec.all, any: spec.any, none: spec.none, framedBy: spec.framedBy, within: "block", blocks: "any" })) {
      const b = ctx.blocks[u.block]!;
      const words = b.text.slice(u.hits[0]!.start, u.hits[0]!.end);
      if ((b.block.kind === "heading" || ctx.isTocLine(u.block)) && !ctx.bodyInInput(u.block, words)) {
        return { status: "partial", matched, missing, why: "heading-only", topicAt: { block: u.block } };
      }
    }
  }
  if (p.topic) {
    const topic = { within: "block" as const, blocks: "any" as const, ...p.topic };
    for (const u of ctx.units(topic)) {
      for (const h of u.hits) {
        const b = ctx.blocks[h.block]!;
        if (b.block.kind === "heading" || ctx.isTocLine(h.block)) {
          if (!ctx.bodyInInput(h.block, b.text.slice(h.start, h.end))) return { status: "partial", matched, missing, why: "heading-only", topicAt: { block: h.block } };
          continue;
        }
        const s = ctx.sentenceAt(h.block, h.start);
        if (s && s.obligation && !s.negated) {
          return { status: "partial", matched, missing, why: "bare-duty", topicAt: { block: h.block, start: h.start, end: h.end } };
        }
      }
    }
  }
  const { why, at } = absentReason(ctx, p, elements);
  if (p.delegatedTo && (why === "nothing" || why === "not-a-duty")) {
    const delegation = unsuppliedDelegation(ctx, p.delegatedTo, p.delegatedDetails, namingEntries(p, elements));
    if (delegation) return { status: "partial", matched, missing, why: "annex-not-supplied", topicAt: delegation };
  }
  return { status: "absent", matched, missing, why, ...(at ? { mentionAt: at } : {}) };
}

/** A block's whole text as the span specInSentence reads. */
const WHOLE_BLOCK = { start: 0, end: Infinity };

/** The words that name a clause's matter: its topic's, and each element's first word. */
function namingEntries(p: RequireParams, elements: Record<string, MatchSpec>): TermEntry[] {
  return [...(p.topic ? specTerms(p.topic) : []), ...Object.values(elements).flatMap((e) => e.all?.slice(0, 1) ?? e.any ?? [])];
}

/**
 * The first sentence where `spec` holds that names annexes none of which the input supplies; a delegation of
 * details (`details`) counts only where its block names the clause (`naming`).
 */
function unsuppliedDelegation(ctx: CheckContext, spec: MatchSpec, details: MatchSpec | undefined, naming: TermEntry[]): { block: number; start: number; end: number } | undefined {
  for (const u of ctx.units({ ...spec, within: "sentence" })) {
    const s = u.sentence!;
    if (details && specInSentence(ctx, details, u.block, s) && !specInSentence(ctx, { any: naming }, u.block, WHOLE_BLOCK)) continue;
    const keys = annexKeys(ctx.blocks[u.block]!.text.slice(s.start, s.end));
    if (keys.length && !keys.some((k) => annexSupplied(ctx.blocks, k))) {
      const h = u.hits[0]!;
      return { block: h.block, start: h.start, end: h.end };
    }
  }
  return undefined;
}

type Span = { block: number; start: number; end: number };
const earlier = (a: Span | undefined, h: Span): Span =>
  (!a || h.block < a.block || (h.block === a.block && h.start < a.start) ? { block: h.block, start: h.start, end: h.end } : a);

/**
 * Why nothing counted: the topic's words sit only in excluded / deferred sentences, or outside duties;
 * and the first exclusion or deferral that decided it.
 */
function absentReason(ctx: CheckContext, p: RequireParams, elements: Record<string, MatchSpec>): { why: Reason; at?: Span } {
  // The words that name the topic: its `all` and `any`, not the `none` words that rule a sentence out.
  const topicTerms = p.topic ? [...(p.topic.all ?? []), ...(p.topic.any ?? [])] : [];
  const specs = [...(p.topic ? [p.topic] : []), ...Object.values(elements)];
  // Each word with the spec it stands for: the topic's words, and each element's first word.
  const entries: [TermEntry, MatchSpec][] = [...topicTerms.map((t): [TermEntry, MatchSpec] => [t, p.topic!]),
    ...Object.values(elements).flatMap((e): [TermEntry, MatchSpec][] => (e.all?.length ? [[e.all[0]!, e]] : []))];
  let excluded: Span | undefined; let deferred: Span | undefined; let mentioned = false;
  /** The first body sentence naming the topic outside any duty (background, a purpose, the orderer's own act). */
  let aside: Span | undefined;
  for (const [i, [e, spec]] of entries.entries()) {
    const isTopic = i < topicTerms.length;
    for (const h of ctx.hits(e)) {
      const heading = ctx.blocks[h.block]!.block.kind === "heading";
      const s = heading ? undefined : ctx.sentenceAt(h.block, h.start);
      // One word (取扱い of staff education's 「…の取扱いに関する教育」, 記録 of its record) names nothing alone: a mention is a
      // sentence or heading holding all the words of the topic or of an element, whatever its mood.
      if (!specInSentence(ctx, spec, h.block, s ?? WHOLE_BLOCK)) continue;
      if (heading) { mentioned = true; continue; }
      // An exclusion or deferral counts when it names the clause's matter, not only a general word of it
      // (「〜の取扱いは、別途協議する。」 defers no staff education).
      const out = s && (s.excluded || s.deferred) && specs.some((spec) => specInSentence(ctx, spec, h.block, s));
      if (out && s.excluded) excluded = earlier(excluded, h); else if (out) deferred = earlier(deferred, h); else mentioned = true;
      if (!out && isTopic && !ctx.isTocLine(h.block)) aside = earlier(aside, h);
    }
  }
  if (excluded) return { why: "excluded", at: excluded };
  if (deferred) return { why: "deferred", at: deferred };
  // The sentence shown is one naming the topic (an element's words may be general ones: セキュリティ, 記録).
  return mentioned ? { why: "not-a-duty", ...(aside ? { at: aside } : {}) } : { why: "nothing" };
}

/** Whether all of `spec`'s words (and one of its alternatives) occur in the sentence, whatever its mood. */
function specInSentence(ctx: CheckContext, spec: MatchSpec, block: number, s: { start: number; end: number }): boolean {
  const inside = (e: TermEntry) => hasHitWithin(ctx.hits(e), block, s.start, s.end);
  if (!spec.all?.length && !spec.any?.length) return false;
  return (spec.all ?? []).every(inside) && (!spec.any?.length || spec.any.some(inside));
}

/** The heading of the section where the clause belongs (rule `section` terms), if the document has one. */
function sectionHeading(ctx: CheckContext, rule: RuleRef): number | undefined {
  let best: number | undefined;
  for (const e of rule.section ?? []) {
    for (const h of ctx.hits(e)) {
      if (ctx.blocks[h.block]!.block.kind !== "heading") continue;
      if (best === undefined || h.block < best) best = h.block;
      break;
    }
  }
  return best;
}

function firstUnit(j: Judgement): UnitMatch | undefined {
  let first: UnitMatch | undefined;
  for (const u of Object.values(j.matched)) {
    if (!u) continue;
    const h = u.hits[0]!; const f = first?.hits[0];
    if (!f || h.block < f.block || (h.block === f.block && h.start < f.start)) first = u;
  }
  return first;
}

/** The sentence (or title) that the judgement rests on, as written, trimmed to about 120 characters. */
function evidenceText(ctx: CheckContext, at: FindingAt): string {
  if (!("block" in at)) return "";
  const ab = ctx.blocks[at.block]!;
  let from = 0; let to = ab.text.length;
  if ("start" in at) {
    const s = ctx.sentenceAt(at.block, at.start);
    if (s) { from = s.start; to = s.end; }
  }
  const text = ctx.originalText(at.block, from, to).replace(/\s+/g, " ").trim();
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

export const require = defineKind<RequireParams, typeof schema>({
  kind: "require",
  schema,
  terms(rule) {
    const p = rule.params;
    const out: TermEntry[] = [];
    for (const spec of Object.values(elementsOf(rule))) out.push(...specTerms(spec));
    out.push(...specTerms(p.topic), ...specTerms(p.delegatedTo), ...specTerms(p.delegatedDetails), ...(p.weakenedBy ?? []));
    return out;
  },
  check(ctx, rule) {
    const j = judge(ctx, rule);
    const unit = firstUnit(j);
    let evidence: Coverage["evidence"] = null;
    let at: FindingAt;
    let wholeDocument = false;
    if (unit) {
      const h = unit.hits[0]!;
      at = { block: h.block, start: h.start, end: h.end };
      const loc = ctx.locationOf(h.block, h.start, h.end);
      evidence = { line: loc.line, ...(loc.paragraph !== undefined ? { paragraph: loc.paragraph } : {}) };
    } else if (j.topicAt) {
      at = j.topicAt;
      const loc = "start" in j.topicAt ? ctx.locationOf(j.topicAt.block, j.topicAt.start, j.topicAt.end)
        : ctx.blocks[j.topicAt.block]!.block.location;
      evidence = { line: loc.line, ...(loc.paragraph !== undefined ? { paragraph: loc.paragraph } : {}) };
    } else {
      const h = sectionHeading(ctx, rule);
      at = h !== undefined ? { block: h } : { top: true };
      wholeDocument = true;
    }
    // An absent clause's finding stays at its section; its evidence is the sentence that excluded or
    // deferred the topic, or named it outside any duty, so the officer sees why.
    const shown: FindingAt = !evidence && j.mentionAt ? j.mentionAt : at;
    if (!evidence && j.mentionAt) {
      const loc = ctx.locationOf(j.mentionAt.block, j.mentionAt.start, j.mentionAt.end);
      evidence = { line: loc.line, ...(loc.paragraph !== undefined ? { paragraph: loc.paragraph } : {}) };
    }
    if (evidence && "block" in shown) {
      evidence.text = evidenceText(ctx, shown);
      const b = ctx.blocks[shown.block]!.block;
      if (b.origin !== undefined) evidence.uri = b.origin;
    }
    const coverage: Coverage = { status: j.status, applies: true, missing: j.missing, evidence, ...(j.why ? { why: j.why } : {}) };
    const findings: Finding[] = [];
    if (j.status !== "present") {
      const sep = ctx.message("engine.list.separator");
      // One finding per rule and document: its identity must survive edits to the clause itself.
      findings.push(ctx.finding(rule, at, { status: j.status, params: { missing: j.missing.join(sep) }, fingerprintKey: "", wholeDocument }));
    }
    return { findings, coverage };
  },
});
