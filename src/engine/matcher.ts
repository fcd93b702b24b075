// One matcher per configuration: every term of every enabled rule (and of the named conditions)
// compiled into a single Aho–Corasick automaton over normalised literals plus a few RE2
// (linear-time) regexes for `re:` terms. A document is scanned once; rules read the hits.
// Two refinements ride on the same pass: `masks` (words such as プログラム whose occurrences hide
// shorter term hits lying inside them, so ログ does not hit プログラム) and `cs:` entries, checked
// against the document's original letter case (XX日以内 is template residue, xx a redaction).
import { RE2JS } from "re2js";
import { ConfigError } from "../model/config-error.js";
import { AhoCorasick, type AcState, type PackedAc } from "../text/aho-corasick.js";
import { dropMasked, HitBuffer } from "./hit-table.js";
import { compileNative, nativePattern, nativeSource, type NativePattern, type NativeSource } from "./native-regex.js";
import { compileVariants, normalize, normalizeTerm, type CompiledVariants, type NormalizedText } from "../text/normalize.js";
import { endingSets, type EndingSets } from "../text/obligation.js";
import { anchoredAtStart, regexShortcut, type RegexShortcut } from "../text/regex-literals.js";
import type { Origin, ResolvedConfig, ResolvedRule, TermEntry } from "../model/ruleset.js";

export interface CompiledMatcher {
  variants: CompiledVariants;
  endings: EndingSets;
  /** Concept ids: one per distinct term entry as written ("$patch", "適用", "re:…"). */
  conceptOf(entry: TermEntry): number | undefined;
  readonly conceptCount: number;
  /** The entry of each concept id. */
  readonly entries: readonly TermEntry[];
  /** Whether some entry is case-sensitive (`cs:`): scan then needs the cased text. */
  readonly caseSensitive: boolean;
  /**
   * Report every occurrence of every concept in `text` (normalised). Overlaps are reported,
   * except hits lying strictly inside an occurrence of a mask word. `cased` is `text` with the
   * original letter case restored (same length), needed only when `caseSensitive`.
   */
  scan(text: string, emit: (concept: number, start: number, end: number) => void, cased?: string): void;
  /** `scan`, the hits written to `out` (emptied first) as (concept, start, end) triples, in no particular order. */
  scanInto(text: string, out: HitBuffer, cased?: string): void;
}

/** A literal to look for; `cased` (case-sensitive entries) is the spelling the cased text must show. */
interface LiteralAtom { text: string; cased?: string }
/** `prefilter`: sets of literals; a line can hold a match only if it holds a literal of every set. */
interface RegexAtom { source: string; re: () => RE2JS; prefilter: string[][] | null; cs: boolean }
interface Atoms { literals: LiteralAtom[]; regexes: RegexAtom[] }

/**
 * A built matcher as plain data (JSON-safe), for a build step to store and a cold start to restore
 * (restoreMatcher) instead of expanding, normalising and analysing every term again. Indexes as in
 * Builder; `entries` is each concept's entry, by concept id. Per-literal lists are flat (Lists), so
 * parsing the file makes a few arrays rather than one per literal.
 */
export interface MatcherTables {
  literals: string[];
  literalConcepts: Lists;
  /** [literal, concept, cased spelling] of each case-sensitive literal's concepts. */
  literalCased: [number, number, string][];
  /** The mask words' literal indexes. */
  maskLiterals: number[];
  literalRegexes: Lists;
  /** `native`: the pattern's translation for V8's engine (native-regex.ts), null when it has none. */
  regexes: { source: string; concepts: number[]; sets: number; cs: boolean; mask: boolean; native: NativeSource | null }[];
  entries: TermEntry[];
  /** The automaton of `literals`: JSON-safe as matcherTables gives it, packed as a stored matcher reads it back. */
  ac: AcState | PackedAc;
}

/** Lists of numbers laid end to end: list i is `items[start[i] .. start[i + 1]]`. */
interface Lists { start: number[]; items: number[] }

function flatLists(lists: number[][]): Lists {
  const start = [0];
  const items: number[] = [];
  for (const l of lists) { items.push(...l); start.push(items.length); }
  return { start, items };
}

/** The lists back; empty ones share one array (the matcher only reads them). */
function unflatLists({ start, items }: Lists): number[][] {
  const none: number[] = [];
  return Array.from({ length: start.length - 1 }, (_, i) => (start[i] === start[i + 1] ? none : items.slice(start[i], start[i + 1])));
}

/** What Builder.build() reads: the builder's own fields, or restored tables. */
interface MatcherParts {
  literals: string[];
  literalConcepts: number[][];
  literalCased: { concept: number; cased: string }[][];
  literalMask: boolean[];
  literalRegexes: number[][];
  regexes: { source: string; re: () => RE2JS; native: () => NativePattern | undefined; concepts: number[]; sets: number; cs: boolean; mask: boolean }[];
  concepts: Map<TermEntry, number>;
}

/** Set indexes share a 32-bit mask per line; more sets than this add little to a prefilter. */
const MAX_PREFILTER_SETS = 30;

/** Prefix of a case-sensitive term entry: `cs:XX`, `cs:re:XX+日`. */
export const CASE_SENSITIVE = "cs:";

/**
 * The normalised text of `norm` with ASCII letters back in their original case, where one
 * original character (A–Z or full-width Ａ–Ｚ) became the letter. Same length as `norm.text`.
 */
export function casedText(norm: NormalizedText, original: string): string {
  const t = norm.text;
  // A block normalised to its own text (most are) lost no letter case.
  if (t === original) return t;
  let upper: number[] | null = null;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) continue;
    const o = norm.toOriginal(i);
    if (norm.toOriginalEnd(i + 1) - o !== 1) continue;
    const oc = original.charCodeAt(o);
    if ((oc >= 0x41 && oc <= 0x5a) || (oc >= 0xff21 && oc <= 0xff3a)) (upper ??= []).push(i);
  }
  if (!upper) return t;
  // The text as code units, each letter in `upper` raised: built from slices of `t` rather than an
  // array of every code unit (a block's worth of garbage). Offsets are code units throughout, so a
  // character outside the basic plane (two code units) before a capital leaves it in place.
  let s = "";
  let from = 0;
  for (const i of upper) { s += t.slice(from, i) + String.fromCharCode(t.charCodeAt(i) - 32); from = i + 1; }
  return s + t.slice(from);
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}

/**
 * The leading flag group of a pattern that may still be prefiltered line by line ("" for none):
 * (?i) changes nothing here (non-cs patterns run case-insensitively on lower-cased text) and (?m)
 * makes ^ and $ line anchors, as a per-line run reads them. Other flags, or anchors without (?m),
 * would change meaning on a single line: null, no shortcut.
 */
export function linePrefilterFlags(source: string): string | null {
  const m = /^\(\?([a-zA-Z]+)\)/.exec(source);
  if (!m) return "";
  if (!/^[im]+$/.test(m[1]!)) return null;
  return m[1]!.includes("m") || !/[\^$]/.test(source.slice(m[0].length)) ? m[0] : null;
}

/** Where an entry was written, for error messages. */
interface Site { ruleId?: string; origin?: Origin; term?: string }

function termOrigin(config: ResolvedConfig, name: string): Origin | undefined {
  for (let i = config.rulesets.length - 1; i >= 0; i--) {
    const o = config.rulesets[i]!.termOrigins[name];
    if (o) return o;
  }
  return undefined;
}

class Builder {
  readonly literals: string[] = [];
  private readonly literalIndex = new Map<string, number>();
  /** For each literal: the concepts it belongs to. */
  readonly literalConcepts: number[][] = [];
  /** For each literal: concepts that want it only in a given case (`cs:`), with that spelling. */
  readonly literalCased: { concept: number; cased: string }[][] = [];
  /** For each literal: it is a mask word. */
  readonly literalMask: boolean[] = [];
  /** `sets`: how many literal sets a line must show before the regex runs on it (0: not prefiltered). */
  readonly regexes: { source: string; re: () => RE2JS; native: () => NativePattern | undefined; concepts: number[]; sets: number; cs: boolean; mask: boolean }[] = [];
  /** For each literal: the prefiltered regexes it is a required literal of, as regex × 32 + set index. */
  readonly literalRegexes: number[][] = [];
  private readonly regexIndex = new Map<string, number>();
  readonly concepts = new Map<TermEntry, number>();
  private readonly expanded = new Map<string, Atoms>();

  /** `lazyRegexes`: compile each regex when a document first needs it (see MatcherOptions). */
  constructor(readonly config: ResolvedConfig, readonly variants: CompiledVariants, private readonly lazyRegexes = false) {}

  add(entry: TermEntry, site: Site): number {
    const known = this.concepts.get(entry);
    if (known !== undefined) return known;
    const id = this.concepts.size;
    this.concepts.set(entry, id);
    const atoms = this.expand(entry, site, []);
    for (const lit of atoms.literals) {
      const li = this.literal(lit.text);
      if (lit.cased !== undefined) {
        const list = this.literalCased[li]!;
        if (!list.some((x) => x.concept === id && x.cased === lit.cased)) list.push({ concept: id, cased: lit.cased });
      } else if (!this.literalConcepts[li]!.includes(id)) this.literalConcepts[li]!.push(id);
    }
    for (const atom of atoms.regexes) {
      const ri = this.regex(atom);
      if (!this.regexes[ri]!.concepts.includes(id)) this.regexes[ri]!.concepts.push(id);
    }
    return id;
  }

  /** Words whose occurrences hide shorter hits inside them (ruleset `masks`). */
  addMask(entry: TermEntry, site: Site): void {
    const atoms = this.expand(entry, site, []);
    for (const lit of atoms.literals) this.literalMask[this.literal(lit.text)] = true;
    for (const atom of atoms.regexes) this.regexes[this.regex(atom)]!.mask = true;
  }

  private regex({ source, re, prefilter, cs }: RegexAtom): number {
    const key = (cs ? CASE_SENSITIVE : "") + source;
    const known = this.regexIndex.get(key);
    if (known !== undefined) return known;
    const ri = this.regexes.length;
    const sets = (prefilter ?? []).slice(0, MAX_PREFILTER_SETS);
    this.regexes.push({ source, re, native: lazyNative(source, cs), concepts: [], sets: sets.length, cs, mask: false });
    this.regexIndex.set(key, ri);
    sets.forEach((set, k) => { for (const lit of set) this.literalRegexes[this.literal(lit)]!.push(ri * 32 + k); });
    return ri;
  }

  private literal(lit: string): number {
    let li = this.literalIndex.get(lit);
    if (li === undefined) {
      li = this.literals.length;
      this.literals.push(lit); this.literalConcepts.push([]); this.literalRegexes.push([]);
      this.literalCased.push([]); this.literalMask.push(false);
      this.literalIndex.set(lit, li);
    }
    return li;
  }

  private expand(entry: TermEntry, site: Site, stack: string[]): Atoms {
    const cached = this.expanded.get(entry);
    if (cached) return cached;
    const atoms: Atoms = { literals: [], regexes: [] };
    if (entry.startsWith("$")) {
      const name = entry.slice(1);
      const list = this.config.terms[name];
      if (!list) {
        throw new ConfigError("engine.term.undefined", { term: entry, rule: site.ruleId ?? "" },
          site.origin?.file, site.origin?.line, site.origin?.column);
      }
      if (stack.includes(name)) {
        const o = termOrigin(this.config, name) ?? site.origin;
        throw new ConfigError("engine.term.cycle", { chain: [...stack, name].map((n) => "$" + n).join(" → ") }, o?.file, o?.line, o?.column);
      }
      const inner: Site = { ruleId: site.ruleId, origin: termOrigin(this.config, name) ?? site.origin, term: entry };
      for (const e of list) {
        const sub = this.expand(e, inner, [...stack, name]);
        atoms.literals.push(...sub.literals);
        atoms.regexes.push(...sub.regexes);
      }
    } else if (entry.startsWith("re:") || entry.startsWith(CASE_SENSITIVE + "re:")) {
      const cs = entry.startsWith(CASE_SENSITIVE);
      const written = entry.slice(cs ? 6 : 3);
      const source = sentenceWindows(written.normalize("NFKC"));
      let compiled: RE2JS | undefined;
      const re = (): RE2JS => {
        try {
          // Case-sensitive patterns run on the cased text; the others on the lower-cased text.
          return (compiled ??= RE2JS.compile(source, cs ? 0 : RE2JS.CASE_INSENSITIVE));
        } catch (e) {
          const rule = site.term ? `${site.ruleId ?? ""}, ${site.term}` : site.ruleId ?? "";
          throw new ConfigError("engine.regex.invalid", { pattern: written, rule, detail: (e as Error).message },
            site.origin?.file, site.origin?.line, site.origin?.column);
        }
      };
      if (!this.lazyRegexes) re();
      // Finite patterns become literals; others run only where a literal they need occurs.
      // A leading (?i) or (?m) only narrows the analysis to a prefilter: a finite (?i) pattern
      // kept as a regex still matches inside words (TLS1.2), which a literal would not.
      const flags = linePrefilterFlags(source);
      const shortcut = flags === null ? { kind: "none" as const } : regexShortcut(source.slice(flags.length));
      const lits = shortcut.kind === "none" ? [] : shortcut.literals.map((l) => normalizeTerm(l, this.variants));
      if (shortcut.kind === "literals" && !flags && lits.every(Boolean)) {
        atoms.literals.push(...shortcut.literals.map((l, i) => (cs ? { text: lits[i]!, cased: this.cased(l) } : { text: lits[i]! })));
      } else {
        const prefilter = shortcut.kind !== "none" && lits.every(Boolean) ? [lits, ...this.moreSets(shortcut)] : null;
        atoms.regexes.push({ source, re, prefilter, cs });
      }
    } else if (entry.startsWith(CASE_SENSITIVE)) {
      const written = entry.slice(CASE_SENSITIVE.length);
      const lit = normalizeTerm(written, this.variants);
      if (lit) atoms.literals.push({ text: lit, cased: this.cased(written) });
    } else {
      const lit = normalizeTerm(entry, this.variants);
      if (lit) atoms.literals.push({ text: lit });
    }
    this.expanded.set(entry, atoms);
    return atoms;
  }

  /** The required sets beyond the first (regex-literals.ts), normalised; a set with a literal that normalises away is dropped. */
  private moreSets(shortcut: RegexShortcut): string[][] {
    if (shortcut.kind !== "prefilter") return [];
    return shortcut.all.slice(1).map((set) => set.map((l) => normalizeTerm(l, this.variants))).filter((set) => set.every(Boolean));
  }

  /** The spelling a case-sensitive literal must show in the cased text (normalised, case kept). */
  private cased(written: string): string {
    const norm = normalize(written, this.variants);
    return casedText(norm, written);
  }

  /** The built matcher as data (every regex compiled first, so a stored one is known to compile). */
  tables(): MatcherTables {
    for (const r of this.regexes) r.re();
    return {
      literals: this.literals, literalConcepts: flatLists(this.literalConcepts),
      literalCased: this.literalCased.flatMap((l, li) => l.map(({ concept, cased }) => [li, concept, cased] as [number, number, string])),
      maskLiterals: this.literalMask.flatMap((m, li) => (m ? [li] : [])), literalRegexes: flatLists(this.literalRegexes),
      regexes: this.regexes.map(({ source, concepts, sets, cs, mask }) => ({ source, concepts, sets, cs, mask, native: nativeSource(source, !cs) ?? null })),
      entries: [...this.concepts.keys()], ac: new AhoCorasick(this.literals).state(),
    };
  }

  /** The matcher of what this builder added, or of `parts` with `ac` (restoreMatcher). */
  build(parts: MatcherParts = this, ac = new AhoCorasick(parts.literals)): CompiledMatcher {
    const { literals, literalConcepts, regexes, literalRegexes, literalCased, literalMask, concepts } = parts;
    const boundStart = literals.map((l) => isAsciiWordChar(l.charCodeAt(0)));
    const boundEnd = literals.map((l) => isAsciiWordChar(l.charCodeAt(l.length - 1)));
    const hasMasks = literalMask.some(Boolean) || regexes.some((r) => r.mask);
    /** Per regex: the mask of all its required sets. */
    const allSets = Int32Array.from(regexes, (r) => 2 ** r.sets - 1);
    const { groupOf, groups } = prefilterGroups(literalRegexes);
    const caseSensitive = literalCased.some((l) => l.length > 0) || regexes.some((r) => r.cs);
    /**
     * Each regex's RE2JS matcher, made on its first line and given each later line (resetMatcherInput):
     * a matcher made per candidate line cost its set-up (program size, group tables) every time.
     */
    const re2Matchers: (ReturnType<RE2JS["matcher"]> | undefined)[] = new Array(regexes.length);
    /**
     * Prefiltered regexes whose every match on a line starts at the line's start (`^…`, no top-level
     * alternative): RE2JS's unanchored search of a line costs several times its anchored match, and
     * most lines with a heading-like pattern's literals (a digit, 業務) are not headings.
     */
    const anchored = regexes.map((r) => r.sets > 0 && anchoredAtStart(r.source));
    return {
      variants: this.variants,
      endings: endingSets(this.config.obligations, this.config.negations, (s) => normalizeTerm(s, this.variants)),
      conceptOf: (entry) => concepts.get(entry),
      conceptCount: concepts.size,
      entries: [...concepts.keys()],
      caseSensitive,
      scanInto,
      scan(text, emitHit, cased) {
        const buf = new HitBuffer();
        scanInto(text, buf, cased);
        for (let i = 0; i < buf.n; i++) emitHit(buf.data[3 * i]!, buf.data[3 * i + 1]!, buf.data[3 * i + 2]!);
      },
    };

    function scanInto(text: string, out: HitBuffer, cased = text): void {
      out.clear();
      const masks: number[] = [];
      // Prefiltered regexes run only on the lines (blocks) where a literal of each of their
      // required sets occurs. Hits come in text order and no literal spans a line break, so per
      // regex only the current line and the sets seen on it (one bit each) are kept, and a line
      // becomes a candidate, in order, when its last missing set turns up.
      const line = new Int32Array(regexes.length).fill(-1);
      const seen = new Int32Array(regexes.length);
      const candidates: number[][] = regexes.map(() => []);
      // Per prefilter group, the line its sets were last marked on: a group's second literal on a line marks nothing new.
      const groupLine = new Int32Array(groups).fill(-1);
      // The line the current literal lies on, [ls, nextBreak): literals hold no line break and come
      // in order of their end, so the line moves only forward (a search back from each literal
      // would cost a long line's length per literal).
      let ls = 0;
      let nextBreak = text.indexOf("\n");
      ac.scan(text, (p, start, end) => {
        const rs = literalRegexes[p]!;
        if (rs.length) {
          if (nextBreak !== -1 && start > nextBreak) { ls = text.lastIndexOf("\n", start - 1) + 1; nextBreak = text.indexOf("\n", start); }
          const g = groupOf[p]!;
          if (groupLine[g] !== ls) {
            groupLine[g] = ls;
            for (const x of rs) {
              const r = x >> 5;
              if (line[r] !== ls) { line[r] = ls; seen[r] = 0; }
              const full = allSets[r]!;
              if (seen[r] === full) continue;
              seen[r]! |= 1 << (x & 31);
              if (seen[r] === full) candidates[r]!.push(ls);
            }
          }
        }
        const lc = literalConcepts[p]!; const lcs = literalCased[p]!;
        if (!lc.length && !lcs.length && !literalMask[p]) return;
        // ASCII words match whole words only: "ie" must not hit "client".
        if (boundStart[p] && start > 0 && isAsciiWordChar(text.charCodeAt(start - 1))) return;
        if (boundEnd[p] && end < text.length && isAsciiWordChar(text.charCodeAt(end))) return;
        if (literalMask[p]) masks.push(start, end);
        for (let k = 0; k < lc.length; k++) out.push(lc[k]!, start, end);
        if (lcs.length) {
          const seen = cased.slice(start, end);
          for (const { concept, cased: want } of lcs) if (seen === want) out.push(concept, start, end);
        }
      });
      const found = (cs: number[], mask: boolean, s: number, e: number) => {
        if (mask) masks.push(s, e);
        for (const c of cs) out.push(c, s, e);
      };
      const run = (r: (typeof regexes)[number], ri: number, sub: string, offset: number) => {
        // V8's engine where it gives the same matches within a linear bound (native-regex.ts), else RE2JS.
        const native = r.native();
        if (native && sub.length <= native.maxSubject) {
          const rx = native.regex;
          rx.lastIndex = 0;
          for (let m = rx.exec(sub); m; m = rx.exec(sub)) found(r.concepts, r.mask, offset + m.index, offset + m.index + m[0].length);
          return;
        }
        const m = re2Matchers[ri] ? re2Matchers[ri]!.resetMatcherInput(sub) : (re2Matchers[ri] = r.re().matcher(sub));
        if (anchored[ri]) {
          // One match at most, at 0 (no later position of a line follows a line start); empty matches are not hits.
          if (m.lookingAt() && m.end() > 0) found(r.concepts, r.mask, offset, offset + m.end());
          return;
        }
        let from = 0;
        while (from <= sub.length && m.find(from)) {
          const s = m.start(); const e = m.end();
          if (e > s) found(r.concepts, r.mask, offset + s, offset + e);
          from = e > s ? e : s + 1;
        }
      };
      regexes.forEach((r, ri) => {
        const subject = r.cs ? cased : text;
        if (!r.sets) { run(r, ri, subject, 0); return; }
        for (const ls of candidates[ri]!) {
          const le = text.indexOf("\n", ls);
          run(r, ri, subject.slice(ls, le < 0 ? text.length : le), ls);
        }
      });
      // A mask ends after the hits inside it: they are dropped once every mask occurrence is known.
      if (hasMasks) dropMasked(out, masks);
    }
  }
}

/**
 * Literals with the same list of prefilter sets (regex × 32 + set) form one group: the ten digits are
 * each a member of the same 22 patterns' digit sets. A literal on a line sets all its list's bits for
 * that line, so a later literal of its group on the same line sets none, and scanInto skips its list
 * (a digit-heavy line repeated the 22 steps per digit). `groupOf`: per literal, its group (literals
 * with an empty list share one group, never read).
 */
function prefilterGroups(literalRegexes: readonly number[][]): { groupOf: Int32Array; groups: number } {
  const ids = new Map<string, number>([["", 0]]);
  const groupOf = new Int32Array(literalRegexes.length);
  for (let p = 0; p < literalRegexes.length; p++) {
    const list = literalRegexes[p]!;
    if (!list.length) continue;
    const key = list.join(",");
    let g = ids.get(key);
    if (g === undefined) ids.set(key, g = ids.size);
    groupOf[p] = g;
  }
  return { groupOf, groups: ids.size };
}

/** The term entries a rule's kind declares (the engine passes its kind registry's answer). */
export type KindTerms = (rule: ResolvedRule, config: ResolvedConfig) => readonly TermEntry[];

/** Every term entry the enabled rules and the conditions use, with where it was written. */
function collectEntries(config: ResolvedConfig, kindTerms: KindTerms): [TermEntry, Site][] {
  const out: [TermEntry, Site][] = [];
  const rules: ResolvedRule[] = config.rules;
  for (const rule of rules) {
    const site = { ruleId: rule.id, origin: rule.origin };
    for (const e of kindTerms(rule, config)) out.push([e, site]);
    for (const e of rule.section ?? []) out.push([e, site]);
  }
  for (const [name, cond] of Object.entries(config.conditions)) {
    for (const e of [...(cond.any ?? []), ...(cond.all ?? [])]) out.push([e, { ruleId: `conditions.${name}` }]);
  }
  return out;
}

const memo = new WeakMap<ResolvedConfig, CompiledMatcher>();

/**
 * A negated class with 。 (`[^。]`, `[^、。]`) is how a rule says "within this sentence". A 。 that
 * closes a parenthetical (「（定期作業を含む。）」「（以下「媒体等」という。）」) does not end the sentence
 * (text/sentences.ts), so the class also lets 「。)」 through.
 */
export function sentenceWindows(source: string): string {
  return source.replace(/\[\^([^\]\\]*。[^\]\\]*)\]/gu, "(?:[^$1]|。\\))");
}

export interface MatcherOptions {
  /**
   * Every `re:` pattern of the configuration is known to compile (the CLI's config loader checked
   * them, or the build did for the built-in rulesets): each regex is then compiled when a document
   * first needs it, and a worker's start-up skips compiling the ~200 regexes (a third of building
   * the matcher) of which a small file needs a few. A pattern that fails anyway throws the same
   * ConfigError, from the scan.
   */
  patternsChecked?: boolean;
}

/**
 * The compiled matcher of a configuration (memoised per ResolvedConfig object: one engine, one
 * kind registry, so `kindTerms` is the same function for every call on a config; the first call's
 * options hold).
 */
export function getMatcher(config: ResolvedConfig, kindTerms: KindTerms, opts: MatcherOptions = {}): CompiledMatcher {
  let m = memo.get(config);
  if (!m) {
    m = builderOf(config, compileVariants(config.variants), collectEntries(config, kindTerms), opts.patternsChecked === true).build();
    memo.set(config, m);
  }
  return m;
}

/**
 * What the matcher of `config` is built from, as data: the same inputs give the same matcher (with
 * the same code), so a stored matcher is looked up by a hash of this. Term origins only place errors.
 */
export function matcherInputs(config: ResolvedConfig, kindTerms: KindTerms): unknown {
  return { entries: collectEntries(config, kindTerms).map(([entry]) => entry), masks: config.masks ?? [],
    variants: config.variants, terms: config.terms };
}

/**
 * V8's engine for a pattern where it gives RE2JS's matches within a linear bound (native-regex.ts),
 * translated when a document first needs it. Case-sensitive patterns run on the cased text; the
 * others on the lower-cased text, case-insensitively.
 */
function lazyNative(source: string, cs: boolean): () => NativePattern | undefined {
  let native: NativePattern | undefined | null = null;
  return () => (native === null ? (native = nativePattern(source, !cs)) : native);
}

/**
 * A stored translation (MatcherTables), compiled when a document first needs it: a worker's first
 * file then skips parsing and bounding every pattern it runs (~50 ms, more before the parser is
 * optimised).
 */
function storedNative(n: NativeSource | null): () => NativePattern | undefined {
  let native: NativePattern | undefined;
  return () => (n ? (native ??= compileNative(n)) : undefined);
}

/** The matcher of `config` as data, for a build step to store (see MatcherTables). */
export function matcherTables(config: ResolvedConfig, kindTerms: KindTerms): MatcherTables {
  return builderOf(config, compileVariants(config.variants), collectEntries(config, kindTerms)).tables();
}

/**
 * Makes stored tables the matcher of `config` (getMatcher then returns it). The caller vouches that
 * matcherTables made them from equal matcherInputs with this code.
 */
export function restoreMatcher(config: ResolvedConfig, t: MatcherTables): CompiledMatcher {
  const regexes = t.regexes.map((r) => {
    let compiled: RE2JS | undefined;
    // Compiled when a document first needs it; the build compiled each once, so none fails here.
    const re = () => (compiled ??= RE2JS.compile(r.source, r.cs ? 0 : RE2JS.CASE_INSENSITIVE));
    return { ...r, re, native: storedNative(r.native) };
  });
  const concepts = new Map(t.entries.map((e, i) => [e, i] as const));
  const none: { concept: number; cased: string }[] = [];
  const literalCased = t.literals.map(() => none);
  for (const [li, concept, cased] of t.literalCased) (literalCased[li] = literalCased[li] === none ? [] : literalCased[li]!).push({ concept, cased });
  const literalMask = t.literals.map(() => false);
  for (const li of t.maskLiterals) literalMask[li] = true;
  const parts: MatcherParts = { literals: t.literals, literalConcepts: unflatLists(t.literalConcepts), literalCased, literalMask,
    literalRegexes: unflatLists(t.literalRegexes), regexes, concepts };
  const m = new Builder(config, compileVariants(config.variants)).build(parts, new AhoCorasick(t.literals, t.ac));
  memo.set(config, m);
  return m;
}

/** A matcher for entries the kinds did not declare up front (costs one extra scan per document). */
export function compileExtra(config: ResolvedConfig, variants: CompiledVariants, entries: TermEntry[]): CompiledMatcher {
  // A matcher depends on the configuration and the entries only: built once, not once per document
  // (each build compiles every mask regex again).
  const key = JSON.stringify(entries);
  let byKey = extraMemo.get(config);
  if (!byKey) extraMemo.set(config, byKey = new Map());
  let m = byKey.get(key);
  if (!m) byKey.set(key, m = builderOf(config, variants, entries.map((e): [TermEntry, Site] => [e, {}])).build());
  return m;
}

const extraMemo = new WeakMap<ResolvedConfig, Map<string, CompiledMatcher>>();

/** How many entries of `config` a kind looked up without declaring them (each costs a scan per document). */
export function undeclaredEntryCount(config: ResolvedConfig): number {
  return extraMemo.get(config)?.size ?? 0;
}

/** A builder holding `entries` and the configuration's mask words: what every matcher of a configuration is made from. */
function builderOf(config: ResolvedConfig, variants: CompiledVariants, entries: readonly [TermEntry, Site][], lazyRegexes = false): Builder {
  const b = new Builder(config, variants, lazyRegexes);
  for (const [entry, site] of entries) b.add(entry, site);
  for (const entry of config.masks ?? []) b.addMask(entry, { ruleId: "masks" });
  return b;
}
