// A `re:` pattern run by V8's own RegExp instead of RE2JS, where that gives the same matches and
// stays linear. RE2JS exists to guarantee linear time on any pattern a ruleset may hold, but each
// call costs a matcher object and a visited bitmap, and the bench specs make ~20 000 calls per run.
//
// Same matches: only a subset of RE2 syntax is translated, each construct to one that means the same
// in a JavaScript `u` RegExp (RE2's `.` `\s` `\d` `\w` and multi-line `^ $` are spelled out, since V8
// reads them more widely); anything else (\p classes, flags inside the pattern, \Q…\E, POSIX classes,
// empty-matching repeats …) keeps RE2JS. Both engines take the leftmost match, preferring the
// earlier alternative and the greedier repeat, so on the subset they agree.
//
// Linear: a backtracking engine can take time exponential or polynomial in the subject on some
// patterns. For each pattern we bound the work of one match attempt from one start position —
// (atoms tried) for a subject of a given length, from the pattern's shape: alternatives and
// repeat counts multiply, an unbounded repeat counts as the subject's length. The native engine
// runs only when that bound is at most WORK_PER_START, so a scan costs at most that many steps per
// character of the subject. That is of the order of RE2JS's own worst case: its NFA steps through
// every instruction of the program (hundreds for a 「[^。]{0,30}」 window, unrolled) per character,
// each step many times dearer than a backtracking step of V8. Longer subjects, or patterns whose
// bound grows past it, run on RE2JS.

/** Most atoms one match attempt from one start position may try, for the native engine to be used. */
export const WORK_PER_START = 16384;

/** A set of UTF-16 code units: listed, or all but those listed; `fuzzy` when case folding makes it unsure. */
interface CharSet { negated: boolean; ranges: [number, number][]; fuzzy: boolean }

/** Work bound of a piece of pattern, as a function of the subject length `n`. */
interface Cost {
  /** Ways the piece can match from one position (end positions × choices leading there), at most. */
  ways(n: number): number;
  /** Atoms tried enumerating those ways, at most. */
  work(n: number): number;
  /** Can match the empty string. */
  nullable: boolean;
  /** Characters a match can start with (undefined: the piece is zero-width or unknown). */
  first: CharSet | undefined;
  /** The piece is a plain string (for literal alternations). */
  literal?: string;
}

class Unsupported extends Error {}

/** A counted repeat as RE2 reads one: {n}, {n,}, {n,m}. */
const REPEAT = /^\{(\d+)(,(\d*))?\}/;

export interface NativePattern {
  /** Global, unicode (and case-insensitive when the RE2 pattern is). */
  regex: RegExp;
  /** The longest subject on which one match attempt stays within WORK_PER_START (Infinity: any). */
  maxSubject: number;
}

/** Characters escaped in the JavaScript source; `-` only inside a class (a `u` RegExp rejects \- outside one). */
const SYNTAX = new Set([..."^$\\.*+?()[]{}|/"]);
const escapeChar = (c: string, inClass = false): string => (SYNTAX.has(c) || (inClass && c === "-") ? "\\" + c : c);

const RE2_SPACE: [number, number][] = [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]];
const DIGIT: [number, number][] = [[0x30, 0x39]];
const WORD: [number, number][] = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
/** Character-class text of ranges (inside [ ]). */
const rangesSource = (rs: [number, number][]): string =>
  rs.map(([a, b]) => (a === b ? escapeCode(a) : `${escapeCode(a)}-${escapeCode(b)}`)).join("");
function escapeCode(c: number): string {
  if (c < 0x20 || c === 0x7f) return `\\u${c.toString(16).padStart(4, "0")}`;
  return escapeChar(String.fromCharCode(c), true);
}

function intersects(a: CharSet, b: CharSet): boolean {
  if (a.fuzzy || b.fuzzy || (a.negated && b.negated)) return true;
  const overlap = (x: [number, number][], y: [number, number][]) => x.some(([a1, b1]) => y.some(([a2, b2]) => a1 <= b2 && a2 <= b1));
  if (!a.negated && !b.negated) return overlap(a.ranges, b.ranges);
  const [pos, neg] = a.negated ? [b, a] : [a, b];
  // Some character of `pos` lies outside every range of `neg`.
  return pos.ranges.some(([lo, hi]) => {
    for (let c = lo; c <= hi; c++) if (!neg.ranges.some(([x, y]) => x <= c && c <= y)) return true;
    return false;
  });
}

/** Under case folding, a set holding a letter also holds its other cases: known for ASCII, unsure beyond. */
function folded(set: CharSet, caseless: boolean): CharSet {
  if (!caseless) return set;
  const ranges: [number, number][] = [...set.ranges];
  let fuzzy = set.fuzzy;
  for (const [lo, hi] of set.ranges) {
    if (hi - lo > 0x3000) { fuzzy = true; break; } // a wide range: not worth walking
    for (let c = lo; c <= hi && !fuzzy; c++) {
      if (c >= 0x41 && c <= 0x5a) ranges.push([c + 32, c + 32]);
      else if (c >= 0x61 && c <= 0x7a) ranges.push([c - 32, c - 32]);
      else if (c >= 0x80 && (String.fromCharCode(c).toLowerCase() !== String.fromCharCode(c) || String.fromCharCode(c).toUpperCase() !== String.fromCharCode(c))) fuzzy = true;
    }
  }
  return { negated: set.negated, ranges, fuzzy };
}

const constant = (k: number) => () => k;

function atomCost(first: CharSet): Cost {
  return { ways: constant(1), work: constant(1), nullable: false, first };
}
const ZERO_WIDTH: Cost = { ways: constant(1), work: constant(1), nullable: true, first: undefined, literal: "" };

function concatCost(xs: Cost[]): Cost {
  let first: CharSet | undefined;
  let nullable = true;
  for (const x of xs) {
    if (!nullable) break;
    if (x.first) { first = first ? { negated: false, ranges: [], fuzzy: true } : x.first; }
    nullable = x.nullable;
  }
  const literal = xs.every((x) => x.literal !== undefined) ? xs.map((x) => x.literal).join("") : undefined;
  return {
    ways: (n) => xs.reduce((w, x) => w * x.ways(n), 1),
    // For every way the pieces before matched, the next piece is tried in full.
    work: (n) => { let w = 1; let t = 0; for (const x of xs) { t += w * x.work(n); w *= x.ways(n); } return t; },
    nullable, first, literal,
  };
}

function altCost(xs: Cost[], caseless: boolean): Cost {
  const nullable = xs.some((x) => x.nullable);
  const disjoint = !nullable && xs.every((x, i) => x.first && xs.every((y, j) => j <= i || !intersects(x.first!, y.first!)));
  let first: CharSet | undefined;
  if (!nullable && xs.every((x) => x.first && !x.first.negated && !x.first.fuzzy)) {
    first = { negated: false, ranges: xs.flatMap((x) => x.first!.ranges), fuzzy: false };
  } else if (!nullable) first = { negated: true, ranges: [], fuzzy: true };
  const literals = xs.every((x) => x.literal !== undefined && x.literal !== "") ? xs.map((x) => (caseless ? x.literal!.toLowerCase() : x.literal!)) : undefined;
  if (literals) {
    // Strings: only those that are prefixes of one another can all match at one position, and a
    // branch whose first character differs costs one comparison.
    const chain = Math.max(...literals.map((l) => literals.filter((m) => l.startsWith(m)).length));
    const byFirst = new Map<string, number>();
    for (const l of literals) byFirst.set(l[0]!, (byFirst.get(l[0]!) ?? 0) + l.length);
    const work = literals.length + Math.max(...byFirst.values());
    return { ways: constant(chain), work: constant(work), nullable: false, first };
  }
  if (disjoint) {
    // At most one branch gets past its first character.
    return { ways: (n) => Math.max(...xs.map((x) => x.ways(n))), work: (n) => xs.length + Math.max(...xs.map((x) => x.work(n))), nullable, first };
  }
  return { ways: (n) => xs.reduce((w, x) => w + x.ways(n), 0), work: (n) => xs.reduce((t, x) => t + x.work(n), 0), nullable, first };
}

function repeatCost(x: Cost, min: number, max: number): Cost {
  if (x.nullable) throw new Unsupported(); // empty iterations: the engines differ
  const times = (n: number) => Math.min(max, n); // each iteration takes at least one character
  const geometric = (w: number, from: number, to: number) => {
    let s = 0;
    for (let k = from; k <= to; k++) { s += w ** k; if (s > 1e12) return Infinity; }
    return s;
  };
  return {
    ways: (n) => (times(n) < min ? 1 : x.ways(n) === 1 ? times(n) - min + 1 : geometric(x.ways(n), min, times(n))),
    work: (n) => (x.ways(n) === 1 ? Math.max(1, times(n)) * x.work(n) : geometric(x.ways(n), 0, Math.max(0, times(n) - 1)) * x.work(n)),
    nullable: min === 0, first: x.first,
  };
}

interface Parsed { source: string; cost: Cost }

/**
 * A native pattern as data (JSON-safe: `maxSubject` null for any length), so a build can store the
 * translation with a matcher and a worker skip parsing and bounding each pattern again.
 */
export interface NativeSource { source: string; flags: string; maxSubject: number | null }

/**
 * `pattern`: an RE2 pattern as the matcher compiles it (after sentenceWindows and NFKC);
 * `caseless`: compiled with CASE_INSENSITIVE. Undefined when the pattern is outside the subset.
 */
export function nativePattern(pattern: string, caseless: boolean): NativePattern | undefined {
  const n = nativeSource(pattern, caseless);
  return n && compileNative(n);
}

/** The RegExp of a translation nativeSource made (and checked to compile). */
export function compileNative(n: NativeSource): NativePattern {
  return { regex: new RegExp(n.source, n.flags), maxSubject: n.maxSubject ?? Infinity };
}

/** nativePattern's translation, before it is compiled. */
export function nativeSource(pattern: string, caseless: boolean): NativeSource | undefined {
  let multiline = false;
  let src = pattern;
  const flags = /^\(\?([a-zA-Z]+)\)/.exec(src);
  if (flags) {
    if (!/^[im]+$/.test(flags[1]!)) return undefined;
    if (flags[1]!.includes("i")) caseless = true;
    multiline = flags[1]!.includes("m");
    src = src.slice(flags[0].length);
  }
  let parsed: Parsed;
  const parser = new Parser(src, caseless, multiline);
  try {
    parsed = parser.parse();
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  const regexFlags = caseless && parser.cased ? "giu" : "gu";
  try {
    new RegExp(parsed.source, regexFlags); // a translation V8 rejects stays with RE2JS
  } catch {
    return undefined;
  }
  const cost = parsed.cost;
  if (cost.nullable) return undefined; // empty matches step the search by one code unit, which may split a pair
  const maxSubject = longestWithin(cost);
  return maxSubject > 0 ? { source: parsed.source, flags: regexFlags, maxSubject: maxSubject === Infinity ? null : maxSubject } : undefined;
}

/** The largest subject length for which `cost.work` stays within WORK_PER_START (work grows with the length). */
function longestWithin(cost: Cost): number {
  if (cost.work(Number.MAX_SAFE_INTEGER) <= WORK_PER_START) return Infinity;
  let lo = 0; let hi = 1 << 30;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (cost.work(mid) <= WORK_PER_START) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/**
 * Blocks of code units with no letter case (ASCII digits and punctuation, CJK symbols, kana and
 * ideographs, full-width punctuation): a pattern made only of these matches the same with or
 * without case folding, and V8 runs it faster without the `i` flag.
 */
const CASELESS: [number, number][] = [[0x00, 0x40], [0x5b, 0x60], [0x7b, 0x7f], [0x3000, 0x9fff], [0xf900, 0xfaff], [0xff01, 0xff20], [0xff3b, 0xff40], [0xff5b, 0xff65]];
const caselessRange = (lo: number, hi: number) => CASELESS.some(([a, b]) => a <= lo && hi <= b);

class Parser {
  private i = 0;
  /** Some character, class or escape of the pattern may have other cases (then the `i` flag stays). */
  cased = false;
  constructor(private readonly src: string, private readonly caseless: boolean, private readonly multiline: boolean) {}

  parse(): Parsed {
    const r = this.alt();
    if (this.i < this.src.length) throw new Unsupported();
    return r;
  }

  private alt(): Parsed {
    const xs = [this.cat()];
    while (this.src[this.i] === "|") { this.i++; xs.push(this.cat()); }
    if (xs.length === 1) return xs[0]!;
    return { source: xs.map((x) => x.source).join("|"), cost: altCost(xs.map((x) => x.cost), this.caseless) };
  }

  private cat(): Parsed {
    const xs: Parsed[] = [];
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") xs.push(this.repeat());
    if (xs.length === 1) return xs[0]!;
    return { source: xs.map((x) => x.source).join(""), cost: concatCost(xs.map((x) => x.cost)) };
  }

  private repeat(): Parsed {
    const x = this.atom();
    const c = this.src[this.i];
    let min: number; let max: number; let written: string;
    if (c === "?" || c === "*" || c === "+") {
      this.i++; written = c;
      [min, max] = c === "?" ? [0, 1] : c === "*" ? [0, Infinity] : [1, Infinity];
    } else if (c === "{" && REPEAT.test(this.src.slice(this.i))) {
      const m = REPEAT.exec(this.src.slice(this.i))!;
      min = Number(m[1]); max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      if (max < min || min > 1000 || (max !== Infinity && max > 1000)) throw new Unsupported();
      this.i += m[0].length; written = m[0];
    } else return x; // RE2 reads a { that opens no repeat as a literal: atom() escapes it
    if (this.src[this.i] === "?") { this.i++; written += "?"; }
    // RE2 rejects a repeat of a repeat (a**, a{2}{3}): leave it to RE2JS and its error.
    const next = this.src[this.i];
    if (next === "?" || next === "*" || next === "+" || (next === "{" && REPEAT.test(this.src.slice(this.i)))) throw new Unsupported();
    return { source: `(?:${x.source})${written}`, cost: repeatCost(x.cost, min, max) };
  }

  private set(ranges: [number, number][], negated: boolean): Parsed {
    if (!ranges.every(([lo, hi]) => caselessRange(lo, hi))) this.cased = true;
    const cs: CharSet = folded({ negated, ranges, fuzzy: false }, this.caseless);
    return { source: `[${negated ? "^" : ""}${rangesSource(ranges)}]`, cost: atomCost(cs) };
  }

  private atom(): Parsed {
    const src = this.src;
    const c = src[this.i++]!;
    if (c === "(") {
      if (src[this.i] === "?") {
        if (src[this.i + 1] !== ":") throw new Unsupported(); // named groups, flags, lookaround
        this.i += 2;
      }
      const inner = this.alt();
      if (src[this.i++] !== ")") throw new Unsupported();
      // Capturing groups become non-capturing: only the whole match is read.
      return { source: `(?:${inner.source})`, cost: inner.cost };
    }
    if (c === "[") return this.charClass();
    if (c === ".") return this.set([[0x0a, 0x0a]], true); // RE2's . leaves out only \n
    if (c === "^") return { source: this.multiline ? "(?<![^\\n])" : "^", cost: ZERO_WIDTH };
    if (c === "$") return { source: this.multiline ? "(?![^\\n])" : "$", cost: ZERO_WIDTH };
    if (c === ")" || c === "|" || c === "*" || c === "+" || c === "?") throw new Unsupported();
    if (c === "{" && REPEAT.test(src.slice(this.i - 1))) throw new Unsupported(); // a repeat of nothing: RE2's error
    if (c === "\\") {
      const e = src[this.i++];
      if (e === undefined) throw new Unsupported();
      if (e === "b") { this.cased = true; return { source: "\\b", cost: ZERO_WIDTH }; }
      const known = this.classEscape(e);
      if (known) return this.set(known.ranges, known.negated);
      if (/[0-9A-Za-z]/.test(e)) throw new Unsupported();
      return this.char(e.charCodeAt(0));
    }
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) throw new Unsupported(); // surrogate pairs: one rune in both, but keep it simple
    return this.char(code);
  }

  private char(code: number): Parsed {
    const ch = String.fromCharCode(code);
    const p = this.set([[code, code]], false);
    return { source: escapeChar(ch), cost: { ...p.cost, literal: ch } };
  }

  /** \d \s \w (RE2: ASCII only) and \n \t \r \f; undefined for other escapes. */
  private classEscape(e: string): { ranges: [number, number][]; negated: boolean } | undefined {
    switch (e) {
      case "d": return { ranges: DIGIT, negated: false };
      case "D": return { ranges: DIGIT, negated: true };
      case "s": return { ranges: RE2_SPACE, negated: false };
      case "S": return { ranges: RE2_SPACE, negated: true };
      case "w": return { ranges: WORD, negated: false };
      case "W": return { ranges: WORD, negated: true };
      case "n": return { ranges: [[0x0a, 0x0a]], negated: false };
      case "t": return { ranges: [[0x09, 0x09]], negated: false };
      case "r": return { ranges: [[0x0d, 0x0d]], negated: false };
      case "f": return { ranges: [[0x0c, 0x0c]], negated: false };
      default: return undefined;
    }
  }

  private charClass(): Parsed {
    const src = this.src;
    let negated = false;
    if (src[this.i] === "^") { negated = true; this.i++; }
    if (src[this.i] === "]" || src.startsWith("[:", this.i)) throw new Unsupported(); // RE2 reads these differently
    const ranges: [number, number][] = [];
    const one = (): number | [number, number][] => {
      const c = src[this.i++];
      if (c === undefined) throw new Unsupported();
      if (c === "[") throw new Unsupported();
      if (c !== "\\") {
        const code = c.charCodeAt(0);
        if (code >= 0xd800 && code <= 0xdfff) throw new Unsupported();
        return code;
      }
      const e = src[this.i++];
      if (e === undefined) throw new Unsupported();
      const known = this.classEscape(e);
      if (known) {
        if (known.negated) throw new Unsupported(); // \S inside a class: not needed
        return known.ranges.length === 1 && known.ranges[0]![0] === known.ranges[0]![1] ? known.ranges[0]![0] : known.ranges;
      }
      if (/[0-9A-Za-z]/.test(e)) throw new Unsupported();
      return e.charCodeAt(0);
    };
    while (src[this.i] !== "]") {
      const a = one();
      if (typeof a !== "number") { ranges.push(...a); continue; }
      if (src[this.i] === "-" && src[this.i + 1] !== "]" && this.i + 1 < src.length) {
        this.i++;
        const b = one();
        if (typeof b !== "number" || b < a) throw new Unsupported();
        ranges.push([a, b]);
      } else ranges.push([a, a]);
    }
    this.i++;
    if (!ranges.length) throw new Unsupported();
    return this.set(ranges, negated);
  }
}
