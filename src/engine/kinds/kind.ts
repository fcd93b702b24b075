// The contract every rule kind implements. A kind is code; rules that use it are YAML data.
// Adding a kind = one file exporting a RuleKind + one line in ./index.ts.
import type { Location, SpecDocument } from "../../model/document.js";
import type { ClauseStatus, Coverage, Finding } from "../../model/finding.js";
import type { Locale, Params } from "../../i18n/index.js";
import type { ConditionExpr, DataFormat, ResolvedConfig, ResolvedRule, TermEntry } from "../../model/ruleset.js";
import type { SentenceInfo } from "../../text/obligation.js";
import type { AnalysedBlock, Hit, Sentence, UnitMatch, Within } from "../analysed.js";

export type { AnalysedBlock, Hit, Sentence, SentenceInfo, UnitMatch, Within };

/** A JSON Schema (draft-07 subset) object describing a kind's parameters (`rule.params`). */
export type JsonSchema = Record<string, unknown>;


/**
 * The shared "does this clause occur" spec, used by require elements, threshold checks,
 * forbid's when/unless and vague's when. All offsets it yields are in normalised text.
 */
export interface MatchSpec {
  /** Every entry must occur in the unit. */
  all?: TermEntry[];
  /** At least one entry must occur (when given). */
  any?: TermEntry[];
  /** No entry may occur. */
  none?: TermEntry[];
  /** Unit in which the entries must co-occur (default sentence). */
  within?: Within;
  /** The (or some hit-bearing) sentence must be an obligation and not negated. */
  obligation?: boolean;
  /** "body" (default): non-heading blocks; "heading": headings only; "any": both. */
  blocks?: "body" | "heading" | "any";
  /**
   * The unit counts only where its anchor words (the first `all` entry, else any hit) sit under no
   * heading (their own or one above) naming one of these: a security heading inside 非機能要件 is a
   * requirement, not the compliance clause (labelling.md §9); an accident under 「安全管理」 is an injury.
   */
  notUnder?: TermEntry[];
  /**
   * The anchor words must stand as text of their own: outside a table of contents, a list item and a
   * table cell (a list of laws naming 「○○市情報セキュリティポリシー」 is not a title).
   */
  outsideLists?: boolean;
  /**
   * One of these must occur in the unit or in a heading above it (the document's title included): in
   * a 「個人情報取扱特記事項」 or under 「情報セキュリティ」, 「管理状況を報告すること」 is about that subject.
   */
  framedBy?: TermEntry[];
}

/** Where a finding points. Offsets are normalised offsets in `block`. */
export type FindingAt =
  | { block: number; start: number; end: number }
  | { block: number }
  | { top: true };

export interface FindingOptions {
  /** Values for the rule message's {placeholders}. */
  params?: Params;
  status?: Exclude<ClauseStatus, "present">;
  /** Replace the rule's message (already localised), e.g. a kind's own sub-case. */
  message?: string;
  /**
   * What identifies this finding across edits (hashed with rule id and uri). Default: the
   * normalised sentence and match, or the section heading. require uses "" (one per document).
   */
  fingerprintKey?: string;
  /** The finding is about the whole document (a clause found nowhere), though placed on a heading. */
  wholeDocument?: boolean;
}

export interface CheckContext {
  doc: SpecDocument;
  config: ResolvedConfig;
  locale: Locale;
  /** YYYY-MM-DD. */
  asOf: string;
  blocks: readonly AnalysedBlock[];
  /** Values of the config's named conditions on this document. */
  conditions: Readonly<Record<string, boolean>>;
  /** All hits of one term entry (literal, re:…, or $name) in document order. */
  hits(entry: TermEntry): readonly Hit[];
  /** Units where `spec` holds, in document order (at most `limit`, e.g. 1 to ask "is there one?"). */
  units(spec: MatchSpec, limit?: number): UnitMatch[];
  /** Whether block `block` is, or sits under, a heading holding one of `entries` (its heading chain, any level). */
  underAny(block: number, entries: readonly TermEntry[]): boolean;
  /**
   * Hits of `entries` in the same unit as `at` (its sentence, block or section), background
   * narrative skipped — for "also mentions …" / "unless …" conditions.
   */
  near(entries: readonly TermEntry[], at: { block: number; start: number }, within: Within): Hit[];
  /**
   * Whether the text a heading (or a table-of-contents line) names is in the input: for a heading,
   * a non-empty body block in its section; for a TOC line, a heading elsewhere with the same title
   * that has such a body. labelling.md §3: a title whose body is missing gives partial.
   */
  bodyInInput(block: number, words?: string): boolean;
  /** A table-of-contents line (「7. 情報セキュリティの確保 ……… 3」) or a flattened TOC run. */
  isTocLine(block: number): boolean;
  /** The sentence of `block` containing normalised offset `offset`. */
  sentenceAt(block: number, offset: number): Sentence | undefined;
  /** Absolute path of the ruleset file that defined `rule` (to resolve data files). */
  rulesetFile(rule: RuleRef): string;
  /** Build a finding with location, sectionPath, excerpt, suggestion, source, fingerprint filled. */
  finding(rule: RuleRef, at: FindingAt, opts?: FindingOptions): Finding;
  /** Localised label: a {ja,en} object, a plain string, or the fallback. */
  label(value: unknown, fallback: string): string;
  /** A message of the engine's catalogue in the run's locale. */
  message(id: string, params?: Params): string;
  /** The date the document was written (its cover date line, ISO), or undefined when it states none. */
  writtenOn(): string | undefined;
  /** The latest date the document can have been written by its own dates (dated only in 平成: the era's last day). */
  writtenBy(): string | undefined;
  /** Normalised [start, end) of a block as written (the file's own characters, for messages). */
  originalText(block: number, start: number, end: number): string;
  /** Where normalised [start, end) of a block is in the file (line/column, Word paragraph, table). */
  locationOf(block: number, start: number, end: number): Location;
  /** Whether a condition expression holds on this document (appliesWhen, `present: { if: … }`). */
  conditionHolds(rule: RuleRef, expr: ConditionExpr | undefined): boolean;
}

export interface KindResult {
  findings: Finding[];
  /** require rules report their judgement whether or not the rule applies. */
  coverage?: Coverage;
}

/** A rule as the context needs it: everything but the kind's parameters. */
export type RuleRef = Omit<ResolvedRule, "params">;
/** A rule of a kind whose parameters are `P` (validated against the kind's schema when the config loads). */
export type RuleOf<P> = RuleRef & { params: P };

export interface RuleKind {
  kind: string;
  /** Schema of `rule.params`; used by the config loader for validation and the published schema. */
  schema: JsonSchema;
  /**
   * Every term entry the rule may ask `ctx.hits`/`ctx.units` about, so the shared matcher
   * compiles them once per config. Entries not listed still work, but cost a separate scan.
   */
  terms(rule: ResolvedRule, config: ResolvedConfig): TermEntry[];
  /** Parameters that name a data file and its format: the config loader reads them into `rule.data`. */
  dataFiles?: Readonly<Record<string, DataFormat>>;
  /**
   * Judge one rule on one analysed document. Called for every enabled rule; `applies`
   * says whether appliesWhen holds — kinds that report coverage judge anyway, and the
   * engine drops findings of rules that do not apply.
   */
  check(ctx: CheckContext, rule: ResolvedRule, applies: boolean): KindResult;
}

/** The term entries a MatchSpec refers to. */
export function specTerms(spec: MatchSpec | undefined): TermEntry[] {
  if (!spec) return [];
  return [...(spec.all ?? []), ...(spec.any ?? []), ...(spec.none ?? []), ...(spec.notUnder ?? []), ...(spec.framedBy ?? [])];
}

/** JSON Schema of a MatchSpec, shared by the kinds' schemas. */
/** `cs:` (case-sensitive) applies to a literal or a `re:` pattern, not to a `$name` list. */
/**
 * Whether the match at `h` lies inside a hit of one of `phrases` in its sentence: the longer phrase it is part of
 * (「速やかに返却」 around 速やかに, 「適切な管理のために」 around 適切な), which the kinds' `exceptions` exempt, as in Vale.
 */
export function insidePhrase(ctx: CheckContext, phrases: readonly TermEntry[] | undefined, h: Hit): boolean {
  return !!phrases?.length && ctx.near(phrases, h, "sentence").some((x) => x.start <= h.start && x.end >= h.end);
}

export const termListSchema: JsonSchema = { type: "array", items: { type: "string", minLength: 1, pattern: "^(?!cs:(\\$|$))" } };
export const matchSpecSchema: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    all: termListSchema,
    any: termListSchema,
    none: termListSchema,
    within: { enum: ["sentence", "block", "section"] },
    obligation: { type: "boolean" },
    blocks: { enum: ["body", "heading", "any"] },
    notUnder: { ...termListSchema, description: "Headings (the anchor's own or any above it) that disqualify the unit." },
    outsideLists: { type: "boolean", description: "The anchor words must stand outside a table of contents, a list item and a table cell." },
    framedBy: { ...termListSchema, description: "One of these must occur in the unit or in a heading above it (the document title included)." },
  },
};
/** A label: a string or { ja, en }. */
export const labelSchema: JsonSchema = {
  anyOf: [
    { type: "string" },
    { type: "object", additionalProperties: false, required: ["ja"], properties: { ja: { type: "string" }, en: { type: "string" } } },
  ],
};

/** The two key sets are equal (every schema property has a field in P, and every field a property). */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;

/** Top-level properties of schema `S` that declare a `default`. */
type DefaultedKeys<S> = S extends { properties: infer Props }
  ? { [K in keyof Props]: Props[K] extends { default: unknown } ? K : never }[keyof Props] : never;
/** The parameters a kind's hooks see: every property with a schema `default` is present (defineKind fills it). */
export type WithDefaults<P, S> = P & { [K in DefaultedKeys<S> & keyof P]-?: Exclude<P[K], undefined> };

/** A kind as written: hooks typed with its own parameters `P`, the schema's property names held to `P`'s. */
export interface KindDefinition<P, S extends JsonSchema> {
  kind: string;
  schema: S;
  terms(rule: RuleOf<WithDefaults<P, S>>, config: ResolvedConfig): TermEntry[];
  dataFiles?: Readonly<Record<string, DataFormat>>;
  check(ctx: CheckContext, rule: RuleOf<WithDefaults<P, S>>, applies: boolean): KindResult;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * `value` with the schema's `default`s filled in where a property is absent, at any depth (object
 * properties, map values, array items), as ajv's useDefaults would: the defaults are declared once,
 * in the schema, which also publishes them (the JSON Schema, the kinds section of the docs).
 */
export function withSchemaDefaults(schema: JsonSchema, value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = schema.items;
    return isObject(items) ? value.map((v) => withSchemaDefaults(items, v)) : value;
  }
  if (!isObject(value)) return value;
  const props = isObject(schema.properties) ? schema.properties as Record<string, JsonSchema> : {};
  const extra = isObject(schema.additionalProperties) ? schema.additionalProperties as JsonSchema : undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const sub = props[k] ?? extra;
    out[k] = sub ? withSchemaDefaults(sub, v) : v;
  }
  for (const [k, sub] of Object.entries(props)) if (out[k] === undefined && "default" in sub) out[k] = structuredClone(sub.default);
  return out;
}

/**
 * Declares a kind. A schema whose properties differ from the fields of `P` does not compile: the
 * error names the extra or missing keys, so the interface and the schema cannot drift apart.
 * The hooks receive each rule with its parameters' schema defaults filled in (once per rule).
 */
export function defineKind<P, S extends JsonSchema & { properties: object }>(
  k: KindDefinition<P, S> & (SameKeys<P, S["properties"]> extends true ? unknown
    : { paramsAndSchemaDiffer: [Exclude<keyof P, keyof S["properties"]>, Exclude<keyof S["properties"], keyof P>] }),
): RuleKind {
  const filled = new WeakMap<ResolvedRule, ResolvedRule>();
  const withDefaults = (rule: ResolvedRule): ResolvedRule => {
    let r = filled.get(rule);
    if (!r) filled.set(rule, r = { ...rule, params: withSchemaDefaults(k.schema, rule.params) as ResolvedRule["params"] });
    return r;
  };
  // The only cast of parameters: the config loader has validated every rule's params against `schema`.
  const hooks = k as unknown as RuleKind;
  return {
    ...hooks,
    terms: (rule, config) => hooks.terms(withDefaults(rule), config),
    check: (ctx, rule, applies) => hooks.check(ctx, withDefaults(rule), applies),
  };
}
