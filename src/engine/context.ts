// The CheckContext a kind sees: hits, units where a MatchSpec holds, and a finding factory
// that turns normalised offsets into exact file locations.
import * as crypto from "node:crypto";
import type { Location } from "../model/document.js";
import type { Finding } from "../model/finding.js";
import { format, t, type Locale } from "../i18n/index.js";
import type { ResolvedConfig, ResolvedRule, TermEntry } from "../model/ruleset.js";
import type { AnalysedBlock, Hit, Sentence, UnitMatch } from "./analysed.js";
import type { CheckContext, FindingAt, FindingOptions, MatchSpec } from "./kinds/kind.js";
import { analyseBlocks, scanDocument, type AnalysedDocument } from "./analyse.js";
import type { HitTable } from "./hit-table.js";
import { compileExtra, getMatcher, type KindTerms } from "./matcher.js";
import { evaluateApplies } from "./conditions.js";
import { writtenBy, writtenDate } from "../text/written-date.js";
import { snippetOf } from "./snippet.js";
import { tocText, tocTitle } from "../text/toc.js";
import type { SpecDocument } from "../model/document.js";

const EXCERPT_MAX = 100;

/**
 * SHA-1 in hex: crypto.hash (Node ≥ 20.12), a one-shot digest about 3× cheaper per call than a
 * createHash object, which older Node versions fall back to. Every finding takes one.
 */
const sha1Hex: (s: string) => string = typeof crypto.hash === "function"
  ? (s) => crypto.hash("sha1", s, "hex")
  : (s) => crypto.createHash("sha1").update(s).digest("hex");

export function sha1Short(s: string): string {
  return sha1Hex(s).slice(0, 16);
}

export interface EngineContext extends CheckContext {
  analysed: AnalysedDocument;
}

export function createContext(doc: SpecDocument, config: ResolvedConfig, locale: Locale, kindTerms: KindTerms,
  conditionsOf: (ctx: EngineContext) => Record<string, boolean>): EngineContext {
  const matcher = getMatcher(config, kindTerms);
  const analysed = analyseBlocks(doc, matcher);
  const blocks = analysed.blocks;
  const compiled = scanDocument(blocks, matcher);
  /**
   * Where each entry's hits are, found on its first lookup: its concept in the document's table, or
   * for an entry the kinds did not declare a scan of its own; null when it names no word at all.
   */
  const places = new Map<TermEntry, Place | null>();
  const placeOf = (entry: TermEntry): Place | null => {
    let p = places.get(entry);
    if (p === undefined) {
      const id = matcher.conceptOf(entry);
      if (id !== undefined) p = { table: compiled, concept: id, entry: matcher.entries[id]! };
      else {
        const m = compileExtra(config, matcher.variants, [entry]);
        p = m.conceptCount ? { table: scanDocument(blocks, m), concept: 0, entry } : null;
      }
      places.set(entry, p);
    }
    return p;
  };

  const hits = (entry: TermEntry): readonly Hit[] => {
    const p = placeOf(entry);
    return p ? p.table.hitsOf(p.concept, p.entry) : NO_HITS;
  };

  const sentenceAt = (block: number, offset: number): Sentence | undefined => {
    const ss = blocks[block]?.sentences ?? [];
    let lo = 0; let hi = ss.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = ss[mid]!;
      if (offset < s.start) hi = mid - 1; else if (offset >= s.end) lo = mid + 1; else return s;
    }
    return undefined;
  };

  /**
   * Appends to `out` (when given) the hits of `entry` in blocks [from, to), within [start, end) when
   * one block is given, background narrative skipped; returns how many there are. Callers that only
   * count, or gather several entries' hits into one list, allocate no list per entry.
   */
  const collect = (entry: TermEntry, from: number, to: number, start: number, end: number, kinds: MatchSpec["blocks"],
    out: Hit[] | undefined, own?: Sentence): number => {
    const p = placeOf(entry);
    if (!p) return 0;
    // Read off the packed arrays: a hit becomes an object only when it is gathered (most questions count).
    const { table, concept, entry: named } = p;
    const hb = table.block; const hs = table.start; const he = table.end;
    let n = 0;
    for (let k = table.lowerBound(concept, from, start), last = table.endOf(concept); k < last; k++) {
      const b = hb[k]!;
      if (b >= to) break;
      if (b === to - 1 && hs[k]! >= end) break;
      if (he[k]! > end && b === to - 1 && to - from === 1) continue;
      if (!blockAllowed(b, kinds)) continue;
      if (blocks[b]!.block.kind !== "heading") {
        const s = sentenceAt(b, hs[k]!);
        if (s !== own && outOfProcurement(s)) continue;
      }
      n++;
      out?.push(table.hitAt(concept, k, named));
    }
    return n;
  };

  /** collect over a unit and, when given, the lead sentence that completes it. */
  const inUnit = (e: TermEntry, from: number, to: number, start: number, end: number, lead: Sentence["lead"],
    which: MatchSpec["blocks"], out: Hit[] | undefined): number =>
    collect(e, from, to, start, end, which, out) + (lead ? collect(e, lead.block, lead.block + 1, lead.start, lead.end, which, out) : 0);

  const blockAllowed = (b: number, which: MatchSpec["blocks"]): boolean => {
    const heading = blocks[b]!.block.kind === "heading";
    return which === "any" ? true : which === "heading" ? heading : !heading;
  };

  /**
   * Whether `spec` holds in blocks [from, to) (within [start, end) of a single block), and with
   * `lead` also in that sentence: an item's words and its lead sentence's count together.
   */
  const holds = (spec: MatchSpec, from: number, to: number, start?: number, end?: number, lead?: Sentence["lead"],
    checkObligation = true): Hit[] | null => {
    const which = spec.blocks ?? "body";
    const s0 = start ?? 0; const e0 = end ?? Infinity;
    // Whether the spec holds is decided by counting; the hits are gathered only for a unit where it
    // holds (most candidate units do not, and each would fill a list to throw away). Loops, not
    // closures: holds runs for every candidate unit of every rule.
    const { all = NONE, any = NONE, none = NONE } = spec;
    for (let i = 0; i < all.length; i++) if (!inUnit(all[i]!, from, to, s0, e0, lead, which, undefined)) return null;
    if (any.length) {
      let i = 0;
      while (i < any.length && !inUnit(any[i]!, from, to, s0, e0, lead, which, undefined)) i++;
      if (i === any.length) return null;
    }
    for (let i = 0; i < none.length; i++) if (inUnit(none[i]!, from, to, s0, e0, lead, which, undefined)) return null;
    const found: Hit[] = [];
    for (let i = 0; i < all.length; i++) inUnit(all[i]!, from, to, s0, e0, lead, which, found);
    for (let i = 0; i < any.length; i++) inUnit(any[i]!, from, to, s0, e0, lead, which, found);
    // The item's own words first: evidence and locations point at the item, not at its lead.
    if (found.length > 1) {
      const ownFirst = (h: Hit) => (lead && h.block === lead.block ? 1 : 0);
      found.sort((a, b) => ownFirst(a) - ownFirst(b) || a.block - b.block || a.start - b.start);
    }
    if (spec.obligation && checkObligation) {
      const ok = found.some((h) => { const s = sentenceAt(h.block, h.start); return !!s && s.obligation && !s.negated; });
      if (!ok) return null;
    }
    return found;
  };

  /** The heading chain of a block: its own heading (or itself, for a heading) and every heading above. */
  const headingChain = (b: number): number[] => {
    const out: number[] = [];
    let h = blocks[b]!.block.kind === "heading" ? b : blocks[b]!.section;
    let level = Infinity;
    for (; h >= 0; h--) {
      const hb = blocks[h]!.block;
      if (hb.kind !== "heading" || (hb.level ?? 1) >= level) continue;
      out.push(h);
      level = hb.level ?? 1;
    }
    return out;
  };
  const underAny = (b: number, entries: readonly TermEntry[]): boolean => {
    const chain = new Set(headingChain(b));
    return entries.some((e) => hits(e).some((x) => chain.has(x.block)));
  };

  /** Whether a word of `framedBy` occurs in the unit, or in a heading above it. */
  const framedIn = (u: UnitMatch, framedBy: readonly TermEntry[]): boolean => {
    const inUnit = u.sentence
      ? framedBy.some((e) => collect(e, u.block, u.block + 1, u.sentence!.start, u.sentence!.end, "any", undefined) > 0)
      : u.hits.some((h) => near(framedBy, h, u.within).length > 0);
    return inUnit || underAny(u.block, framedBy);
  };
  /**
   * Whether the anchor words (the first `all` entry, else the unit's hits) occur somewhere under no
   * disqualifying heading and, with `outsideLists`, neither in a table of contents nor in an item of a
   * list or table (a list of laws naming 「○○市情報セキュリティポリシー」 is not a title).
   */
  const placedOutside = (u: UnitMatch, anchor: TermEntry | undefined, notUnder: readonly TermEntry[] | undefined, outsideLists: boolean): boolean =>
    u.hits.some((h) => (anchor === undefined || h.entry === anchor)
      && (!outsideLists || (!isTocLine(h.block) && !LISTED.has(blocks[h.block]!.block.kind)))
      && (!notUnder || !underAny(h.block, notUnder)));

  /**
   * The units where `spec` holds, in document order, the first `limit` of them. `framedBy` and
   * `notUnder` filter the units as they are found, so the search stops at the limit instead of
   * finding every unit of the document first (multi-layer-defense asks for one unit of a section
   * spec whose anchor, $attack, fills a 200-page spec).
   */
  const units = (spec: MatchSpec, limit = Infinity): UnitMatch[] => {
    const framedBy = spec.framedBy?.length ? spec.framedBy : undefined;
    const notUnder = spec.notUnder?.length ? spec.notUnder : undefined;
    const outsideLists = spec.outsideLists === true;
    const anchor = spec.all?.[0];
    const accept = framedBy || notUnder || outsideLists
      ? (u: UnitMatch) => (!(notUnder || outsideLists) || placedOutside(u, anchor, notUnder, outsideLists)) && (!framedBy || framedIn(u, framedBy))
      : undefined;
    return unitsWhere(spec, limit, accept);
  };

  const unitsWhere = (spec: MatchSpec, limit: number, accept: ((u: UnitMatch) => boolean) | undefined): UnitMatch[] => {
    const within = spec.within ?? "sentence";
    const which = spec.blocks ?? "body";
    // One entry's hits are already in (block, start) order: the stable sort would leave them as they are.
    const anchors = spec.all?.length ? hits(spec.all[0]!) : spec.any?.length === 1 ? hits(spec.any[0]!)
      : (spec.any ?? []).flatMap((e) => hits(e)).sort((a, b) => a.block - b.block || a.start - b.start);
    const out: UnitMatch[] = [];
    const keep = (u: UnitMatch) => { if (!accept || accept(u)) out.push(u); };
    // Most specs' anchor words are absent from a given document.
    if (!anchors.length) return out;
    // Units already judged: a sentence (one object per sentence), a block index, or a section's range.
    const seen = new Set<Sentence | number>();
    for (const a of anchors) {
      if (out.length >= limit) break;
      if (!blockAllowed(a.block, which)) continue;
      if (within === "sentence") {
        const s = sentenceAt(a.block, a.start);
        if (!s) continue;
        if (seen.has(s)) continue;
        seen.add(s);
        if (spec.obligation && (!s.obligation || s.negated)) continue;
        // The sentence's own obligation was checked above: holds need not look for one among the hits.
        const found = holds(spec, a.block, a.block + 1, s.start, s.end, undefined, false)
          ?? (s.lead ? holds(spec, a.block, a.block + 1, s.start, s.end, s.lead, false) : null);
        if (found) { keep({ within, block: a.block, sentence: s, hits: found }); continue; }
        // An anchor in a lead sentence (「次の対策を講じ、その実施状況を報告すること。」) also reaches the
        // items it leads: each item with the lead's words is a unit of its own, as when the item anchors.
        for (const t of itemsLedBy(a.block, s)) {
          if (seen.has(t) || out.length >= limit) continue;
          seen.add(t);
          const led = holds(spec, t.block, t.block + 1, t.start, t.end, t.lead, false);
          if (led) keep({ within, block: t.block, sentence: t, hits: led });
        }
      } else if (within === "block") {
        const [from, to] = blockUnit(a.block);
        if (seen.has(from)) continue;
        seen.add(from);
        const found = holds(spec, from, to);
        if (found) keep({ within, block: found[0]!.block, hits: found });
      } else {
        // Every section containing the anchor, innermost first; the preamble is a section too.
        const ranges: [number, number][] = [];
        for (let h = blocks[a.block]!.section; h >= 0; h = h > 0 ? blocks[h - 1]!.section : -1) {
          if (analysed.sectionEnd[h]! > a.block) ranges.push([h, analysed.sectionEnd[h]!]);
          if (h === 0) break;
        }
        if (blocks[a.block]!.section < 0) ranges.push([0, firstHeading()]);
        for (const [from, to] of ranges) {
          const key = from * SECTION_KEY + to;
          if (seen.has(key)) continue;
          seen.add(key);
          const found = holds(spec, from, to);
          if (found) { keep({ within, block: found[0]!.block, hits: found }); break; }
        }
      }
    }
    return out;
  };

  /**
   * The item sentences each lead sentence completes (the reverse of `Sentence.lead`), by the lead's
   * block and end, built on first use. Numbers as keys: units asks for every anchor sentence where
   * its spec does not hold, and a string key made per question was garbage.
   */
  let ledItems: Map<number, Map<number, Sentence[]>> | undefined;
  const itemsLedBy = (block: number, s: Sentence): readonly Sentence[] => {
    if (!ledItems) {
      ledItems = new Map();
      for (const b of blocks) for (const t of b.sentences) {
        if (!t.lead) continue;
        let byEnd = ledItems.get(t.lead.block);
        if (!byEnd) ledItems.set(t.lead.block, byEnd = new Map());
        const list = byEnd.get(t.lead.end);
        if (list) list.push(t); else byEnd.set(t.lead.end, [t]);
      }
    }
    return ledItems.get(block)?.get(s.end) ?? NO_SENTENCES;
  };

  /**
   * The blocks of a `within: block` unit: the block itself, or for a table cell the cells of its row (「毎月」 |
   * 「パッチ情報の収集及び適用計画の作成」, 「アクセスログ」 | 「1年間」): a row is one clause split into columns.
   */
  let rowOf: Int32Array | undefined;
  const blockUnit = (b: number): [number, number] => {
    if (blocks[b]!.block.kind !== "tableCell") return [b, b + 1];
    rowOf ??= rowStarts(blocks);
    let to = b + 1;
    while (to < blocks.length && rowOf[to] === rowOf[b]) to++;
    return [rowOf[b]!, to];
  };

  const near = (entries: readonly TermEntry[], at: { block: number; start: number }, within: "sentence" | "block" | "section"): Hit[] => {
    // A deferred sentence asked about is read as it is: a rule that judges it (a retention period left to a later
    // agreement) looks for its conditions in that sentence too. Every other sentence of the unit must carry a duty for
    // its words to count, and an excluded or background sentence never does.
    const at0 = sentenceAt(at.block, at.start);
    const own = at0?.deferred && !at0.excluded && !at0.narrative ? at0 : undefined;
    let from = at.block; let to = at.block + 1; let start = 0; let end = Infinity;
    if (within === "block") [from, to] = blockUnit(at.block);
    else if (within === "sentence") {
      if (at0) { start = at0.start; end = at0.end; }
    } else if (within === "section") {
      const h = blocks[at.block]!.section;
      if (h < 0) { from = 0; to = firstHeading(); } else { from = h; to = analysed.sectionEnd[h]!; }
    }
    const out: Hit[] = [];
    for (const e of entries) collect(e, from, to, start, end, "any", out, own);
    return out;
  };

  let firstHeadingIndex = -2;
  const firstHeading = (): number => {
    if (firstHeadingIndex === -2) {
      const i = blocks.findIndex((b) => b.block.kind === "heading");
      firstHeadingIndex = i < 0 ? blocks.length : i;
    }
    return firstHeadingIndex;
  };

  const label = (value: unknown, fallback: string): string => {
    if (typeof value === "string") return value;
    if (value && typeof value === "object") {
      const v = value as Record<string, unknown>;
      const s = v[locale] ?? v.ja;
      if (typeof s === "string") return s;
    }
    return fallback;
  };

  const finding = (rule: ResolvedRule, at: FindingAt, opts: FindingOptions = {}): Finding => {
    const template = opts.message ?? (locale === "en" ? rule.messageEn ?? rule.message : rule.message);
    // In a package a finding names the file its block came from; "top" is the package's first file.
    const uri = ("block" in at ? blocks[at.block]!.block.origin : undefined) ?? doc.uri;
    const base: Finding = {
      ruleId: rule.id,
      severity: rule.severity,
      message: format(template, opts.params ?? {}),
      uri,
      fingerprint: "",
    };
    if (opts.status) base.status = opts.status;
    let key: string;
    if ("top" in at) {
      base.location = { line: 1, column: 1, endLine: 1, endColumn: 1 };
      base.scope = "document";
      if (rule.section?.length) base.belongsIn = rule.section[0]!;
      key = "top";
    } else {
      const ab = blocks[at.block]!;
      // A heading's own sectionPath holds only the headings above it; a finding ON a heading (an absent
      // clause placed at its section, a phrase inside the heading) lies in that heading's section.
      base.sectionPath = ab.block.kind === "heading"
        ? [...ab.block.sectionPath, (ab.block.label ? ab.block.label + " " : "") + ab.block.text]
        : [...ab.block.sectionPath];
      if ("start" in at) {
        base.location = locate(ab, at.start, at.end);
        const s = sentenceAt(at.block, at.start);
        const from = s ? s.start : at.start; const to = s ? Math.max(s.end, at.end) : at.end;
        base.excerpt = excerpt(ab, from, to);
        base.snippet = snippetOf(ab.block.text, ab.norm.toOriginal(from), ab.norm.toOriginalEnd(to),
          ab.norm.toOriginal(at.start), ab.norm.toOriginalEnd(at.end));
        key = `${s?.text ?? ""}\n${ab.text.slice(at.start, at.end)}`;
      } else {
        base.location = { ...ab.block.location };
        base.excerpt = excerpt(ab, 0, ab.text.length);
        if (opts.wholeDocument) {
          // A clause found nowhere, placed on the heading of the chapter where it belongs.
          base.scope = "document";
          base.belongsIn = base.sectionPath[base.sectionPath.length - 1]!;
        } else {
          base.snippet = snippetOf(ab.block.text, 0, ab.block.text.length, 0, 0);
        }
        key = ab.block.kind === "heading" ? `section:${ab.text}` : ab.text;
      }
    }
    if (rule.suggestion) base.suggestion = rule.suggestion;
    if (rule.source) base.source = rule.source;
    base.fingerprint = sha1Short(`${rule.id}\n${uri}\n${opts.fingerprintKey ?? key}`);
    return base;
  };

  const tocMemo = new Map<number, boolean>();
  const isTocLine = (b: number): boolean => {
    let v = tocMemo.get(b);
    if (v === undefined) {
      const ab = blocks[b]!;
      const under = ab.section >= 0 ? blocks[ab.section]!.text.trim() : "";
      tocMemo.set(b, v = ab.block.kind !== "heading" && (tocText(ab.text) || /^目\s*次$/u.test(under)));
    }
    return v;
  };
  const sectionHasBody = (h: number): boolean => {
    for (let i = h + 1; i < analysed.sectionEnd[h]!; i++) {
      const ab = blocks[i]!;
      if (ab.block.kind !== "heading" && ab.text.trim() && !isTocLine(i)) return true;
    }
    return false;
  };
  const bodyInInput = (b: number, words?: string): boolean => {
    const ab = blocks[b]!;
    if (ab.block.kind === "heading") return sectionHasBody(b);
    if (!isTocLine(b)) return true;
    // A TOC entry's body is in the input when its words head or fill another part of the document
    // (that part is judged on its own); a TOC alone (an outline, a truncated excerpt) names a body
    // that is not there.
    const title = words ?? tocTitle(ab.text);
    if (!title) return false;
    return blocks.some((x, i) => i !== b && !isTocLine(i) && x.text.includes(title)
      && (x.block.kind !== "heading" || sectionHasBody(i)));
  };

  let written: { date: string | undefined } | undefined;
  let writtenLatest: { date: string | undefined } | undefined;
  const ctx: EngineContext = {
    doc, config, locale, asOf: config.asOf, blocks, analysed, conditions: {},
    hits, units, underAny, near, sentenceAt, label, finding, bodyInInput, isTocLine,
    rulesetFile: (rule) => config.rulesets.find((r) => r.id === rule.rulesetId)?.file ?? rule.origin.file,
    message: (id, params = {}) => t(id, params, locale),
    locationOf: (block, start, end) => locate(blocks[block]!, start, end),
    writtenOn: () => (written ??= { date: writtenDate(bodyTexts(blocks)) }).date,
    writtenBy: () => (writtenLatest ??= { date: writtenBy(allTexts(blocks)) }).date,
    originalText: (block, start, end) => {
      const ab = blocks[block]!;
      return ab.block.text.slice(ab.norm.toOriginal(start), ab.norm.toOriginalEnd(end));
    },
    conditionHolds: (rule, expr) => evaluateApplies(rule, expr, ctx.conditions),
  };
  ctx.conditions = conditionsOf(ctx);
  return ctx;
}

/** Where an entry's hits are: `concept` of `table`, whose hits name `entry`. */
interface Place { table: HitTable; concept: number; entry: TermEntry }

const NONE: readonly TermEntry[] = [];
const NO_HITS: readonly Hit[] = [];
const NO_SENTENCES: readonly Sentence[] = [];

/** A section [from, to) as one number for the set of units seen (block indexes stay far below it). */
const SECTION_KEY = 2 ** 26;

/** Block kinds that hold items of a list or a table, never a title. */
const LISTED = new Set(["listItem", "tableCell"]);

/**
 * A sentence that puts no duty on the topic it names: background narrative, an exclusion or
 * reassignment, or a deferral without content (labelling.md §1–2). Its hits count for nothing.
 */
export function outOfProcurement(s: Sentence | undefined): boolean {
  return !!s && (s.narrative || s.excluded || s.deferred);
}

/** Every block's text as written (writtenBy reads them all, until one dates the document in 令和). */
function* allTexts(blocks: readonly AnalysedBlock[]): Generator<string> {
  for (const b of blocks) yield b.block.text;
}

/** The texts of the body's blocks, in order, as read (writtenDate reads only the first few). */
function* bodyTexts(blocks: readonly AnalysedBlock[]): Generator<string> {
  for (const b of blocks) if (b.block.region === "body") yield b.block.text;
}

/** Exact location of normalised [start, end) in a block. */
export function locate(ab: AnalysedBlock, start: number, end: number): Location {
  const b = ab.block;
  const p1 = b.positionAt(ab.norm.toOriginal(start));
  // The end of a span is just past its last character: after closing markup or a line break,
  // positionAt(end) would point at the next written character instead.
  const endOffset = ab.norm.toOriginalEnd(end);
  const p2 = b.endPositionAt?.(endOffset) ?? b.positionAt(endOffset);
  const loc: Location = { line: p1.line, column: p1.column, endLine: p2.line, endColumn: p2.column };
  if (b.location.paragraph !== undefined) loc.paragraph = b.location.paragraph;
  if (b.location.region !== undefined) loc.region = b.location.region;
  if (b.location.table) loc.table = b.location.table;
  if (b.location.host !== undefined) loc.host = b.location.host;
  if (b.location.note !== undefined) loc.note = b.location.note;
  return loc;
}

function excerpt(ab: AnalysedBlock, start: number, end: number): string {
  const os = ab.norm.toOriginal(start); const oe = ab.norm.toOriginalEnd(end);
  const s = ab.block.text.slice(os, oe).replace(/\s+/g, " ").trim();
  return s.length > EXCERPT_MAX ? s.slice(0, EXCERPT_MAX - 1) + "…" : s;
}

/** For each block, the index of the first cell of its table row (a table cell) or itself (any other block). */
function rowStarts(blocks: readonly AnalysedBlock[]): Int32Array {
  const out = new Int32Array(blocks.length);
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i]!.block.kind === "tableCell" ? blocks[i]!.block.location.table : undefined;
    const p = i > 0 ? blocks[i - 1]!.block : undefined;
    const prev = p?.kind === "tableCell" ? p.location.table : undefined;
    out[i] = t && prev && prev.index === t.index && prev.row === t.row ? out[i - 1]! : i;
  }
  return out;
}
