// One matcher per configuration: every term of every enabled rule (and of the named conditions)
// compiled into a single Aho–Corasick automaton over normalised literals plus a few RE2
// (linear-time) regexes for `re:` terms. A document is scanned once; rules read the hits.
import { RE2JS } from "re2js";
import { ConfigError } from "../config/errors.js";
import { AhoCorasick } from "../text/aho-corasick.js";
import { compileVariants, normalizeTerm, type CompiledVariants } from "../text/normalize.js";
import { endingSets, type EndingSets } from "../text/obligation.js";
import { regexShortcut } from "../text/regex-literals.js";
import type { Origin, ResolvedConfig, ResolvedRule, TermEntry } from "./types.js";
import { kindRegistry } from "./kinds/index.js";

export interface CompiledMatcher {
  variants: CompiledVariants;
  endings: EndingSets;
  /** Concept ids: one per distinct term entry as written ("$patch", "適用", "re:…"). */
  conceptOf(entry: TermEntry): number | undefined;
  readonly conceptCount: number;
  /** The entry of each concept id. */
  readonly entries: readonly TermEntry[];
  /** Report every occurrence of every concept in `text` (normalised). Overlaps are reported. */
  scan(text: string, emit: (concept: number, start: number, end: number) => void): void;
}

interface Atoms { literals: string[]; regexes: { source: string; re: RE2JS; prefilter: string[] | null }[] }

function isAsciiWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
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
  readonly regexes: { re: RE2JS; concepts: number[]; prefiltered: boolean }[] = [];
  /** For each literal: the prefiltered regexes that may match where it occurs. */
  readonly literalRegexes: number[][] = [];
  private readonly regexIndex = new Map<string, number>();
  readonly concepts = new Map<TermEntry, number>();
  private readonly expanded = new Map<string, Atoms>();

  constructor(readonly config: ResolvedConfig, readonly variants: CompiledVariants) {}

  add(entry: TermEntry, site: Site): number {
    const known = this.concepts.get(entry);
    if (known !== undefined) return known;
    const id = this.concepts.size;
    this.concepts.set(entry, id);
    const atoms = this.expand(entry, site, []);
    for (const lit of atoms.literals) {
      const li = this.literal(lit);
      if (!this.literalConcepts[li]!.includes(id)) this.literalConcepts[li]!.push(id);
    }
    for (const { source, re, prefilter } of atoms.regexes) {
      let ri = this.regexIndex.get(source);
      if (ri === undefined) {
        ri = this.regexes.length;
        this.regexes.push({ re, concepts: [], prefiltered: prefilter !== null });
        this.regexIndex.set(source, ri);
        for (const lit of prefilter ?? []) this.literalRegexes[this.literal(lit)]!.push(ri);
      }
      if (!this.regexes[ri]!.concepts.includes(id)) this.regexes[ri]!.concepts.push(id);
    }
    return id;
  }

  private literal(lit: string): number {
    let li = this.literalIndex.get(lit);
    if (li === undefined) {
      li = this.literals.length;
      this.literals.push(lit); this.literalConcepts.push([]); this.literalRegexes.push([]);
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
    } else if (entry.startsWith("re:")) {
      const source = entry.slice(3).normalize("NFKC");
      try {
        const re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
        // Finite patterns become literals; others run only where a literal they need occurs.
        const shortcut = regexShortcut(source);
        const lits = shortcut.kind === "none" ? [] : shortcut.literals.map((l) => normalizeTerm(l, this.variants));
        if (shortcut.kind === "literals" && lits.every(Boolean)) atoms.literals.push(...lits);
        else atoms.regexes.push({ source, re, prefilter: shortcut.kind === "prefilter" && lits.every(Boolean) ? lits : null });
      } catch (e) {
        const rule = site.term ? `${site.ruleId ?? ""}, ${site.term}` : site.ruleId ?? "";
        throw new ConfigError("engine.regex.invalid", { pattern: entry.slice(3), rule, detail: (e as Error).message },
          site.origin?.file, site.origin?.line, site.origin?.column);
      }
    } else {
      const lit = normalizeTerm(entry, this.variants);
      if (lit) atoms.literals.push(lit);
    }
    this.expanded.set(entry, atoms);
    return atoms;
  }

  build(): CompiledMatcher {
    const ac = new AhoCorasick(this.literals);
    const literals = this.literals; const literalConcepts = this.literalConcepts; const regexes = this.regexes;
    const literalRegexes = this.literalRegexes;
    const concepts = this.concepts;
    const boundStart = literals.map((l) => isAsciiWordChar(l.charCodeAt(0)));
    const boundEnd = literals.map((l) => isAsciiWordChar(l.charCodeAt(l.length - 1)));
    return {
      variants: this.variants,
      endings: endingSets(this.config.obligations, this.config.negations, (s) => normalizeTerm(s, this.variants)),
      conceptOf: (entry) => concepts.get(entry),
      conceptCount: concepts.size,
      entries: [...concepts.keys()],
      scan(text, emit) {
        // Prefiltered regexes run only on the lines (blocks) where one of their literals occurs.
        const lines: Set<number>[] = regexes.map(() => new Set());
        ac.scan(text, (p, start, end) => {
          const rs = literalRegexes[p]!;
          if (rs.length) { const ls = text.lastIndexOf("\n", start - 1) + 1; for (const r of rs) lines[r]!.add(ls); }
          if (!literalConcepts[p]!.length) return;
          // ASCII words match whole words only: "ie" must not hit "client".
          if (boundStart[p] && start > 0 && isAsciiWordChar(text.charCodeAt(start - 1))) return;
          if (boundEnd[p] && end < text.length && isAsciiWordChar(text.charCodeAt(end))) return;
          for (const c of literalConcepts[p]!) emit(c, start, end);
        });
        const run = (re: RE2JS, cs: number[], sub: string, offset: number) => {
          const m = re.matcher(sub);
          let from = 0;
          while (from <= sub.length && m.find(from)) {
            const s = m.start(); const e = m.end();
            if (e > s) for (const c of cs) emit(c, offset + s, offset + e);
            from = e > s ? e : s + 1;
          }
        };
        regexes.forEach(({ re, concepts: cs, prefiltered }, r) => {
          if (!prefiltered) { run(re, cs, text, 0); return; }
          for (const ls of [...lines[r]!].sort((a, b) => a - b)) {
            const le = text.indexOf("\n", ls);
            run(re, cs, text.slice(ls, le < 0 ? text.length : le), ls);
          }
        });
      },
    };
  }
}

/** Every term entry the enabled rules and the conditions use, with where it was written. */
function collectEntries(config: ResolvedConfig): [TermEntry, Site][] {
  const out: [TermEntry, Site][] = [];
  const rules: ResolvedRule[] = config.rules;
  for (const rule of rules) {
    const kind = kindRegistry[rule.kind];
    const site = { ruleId: rule.id, origin: rule.origin };
    if (kind) for (const e of kind.terms(rule, config)) out.push([e, site]);
    for (const e of rule.section ?? []) out.push([e, site]);
  }
  for (const [name, cond] of Object.entries(config.conditions)) {
    for (const e of [...(cond.any ?? []), ...(cond.all ?? [])]) out.push([e, { ruleId: `conditions.${name}` }]);
  }
  return out;
}

const memo = new WeakMap<ResolvedConfig, CompiledMatcher>();

/** The compiled matcher of a configuration (memoised per ResolvedConfig object). */
export function getMatcher(config: ResolvedConfig): CompiledMatcher {
  let m = memo.get(config);
  if (!m) {
    const b = new Builder(config, compileVariants(config.variants));
    for (const [entry, site] of collectEntries(config)) b.add(entry, site);
    m = b.build();
    memo.set(config, m);
  }
  return m;
}

/** A matcher for entries the kinds did not declare up front (costs one extra scan per document). */
export function compileExtra(config: ResolvedConfig, variants: CompiledVariants, entries: TermEntry[]): CompiledMatcher {
  const b = new Builder(config, variants);
  for (const e of entries) b.add(e, {});
  return b.build();
}
