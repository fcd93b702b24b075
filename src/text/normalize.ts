// Normalise text once per block, keeping a map back to the original offsets, so terms written
// one way match the many ways a specification (or a PDF/Word conversion) spells them.

/** Normalised text with maps back to the original string (UTF-16 offsets). */
export interface NormalizedText {
  text: string;
  /** Original offset where normalised char `i` starts (`i === text.length` → original length). */
  toOriginal(i: number): number;
  /** Original offset just after normalised char `i - 1` (for exclusive end offsets). */
  toOriginalEnd(i: number): number;
}

/** Spelling variants compiled for fast leftmost-longest replacement. */
export interface CompiledVariants {
  root: TrieNode;
  size: number;
  /** 1 for each code unit some variant starts with: most characters are skipped on one table read. */
  starts: Uint8Array;
}
interface TrieNode { next: Map<number, TrieNode>; value?: string; depth: number }

const nfkcCache = new Map<string, string>();
function nfkc(s: string): string {
  let v = nfkcCache.get(s);
  if (v === undefined) {
    v = s.normalize("NFKC");
    if (nfkcCache.size < 20000) nfkcCache.set(s, v);
  }
  return v;
}

/** Hiragana, katakana (incl. half-width), CJK ideographs, CJK punctuation: where converters insert stray spaces. */
export function isCjk(c: number): boolean {
  return (c >= 0x3000 && c <= 0x30ff && c !== 0x3000) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff)
    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff61 && c <= 0xff9f) || (c >= 0x31f0 && c <= 0x31ff);
}

function isCombining(c: number): boolean {
  return (c >= 0x0300 && c <= 0x036f) || c === 0x3099 || c === 0x309a || c === 0xff9e || c === 0xff9f
    || (c >= 0xfe00 && c <= 0xfe0f);
}

/** Whether src[from, to) (a run of whitespace) holds a line break. */
function hasBreak(src: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (src.charCodeAt(k) === 0x0a) return true;
  return false;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0;
}

/**
 * Normalised characters with, for each, the original span it came from. Normalising reuses two
 * scratch builders (pass 1 and pass 2) instead of allocating three typed arrays per block: a
 * specification has tens of thousands of blocks, and those short-lived buffers were much of the
 * engine's garbage. `finish` copies out only what the result keeps.
 */
class Builder {
  out: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  n = 0;
  /** Every character so far came from the original character at its own offset (and only from it). */
  oneToOne = true;
  /** With oneToOne: every character is also the original one (nothing lower-cased or replaced). */
  unchanged = true;
  /** The string whose characters `unchanged` compares against. */
  src = "";
  constructor(cap: number) {
    this.out = new Uint16Array(cap);
    this.start = new Int32Array(cap + 1);
    this.end = new Int32Array(cap);
  }
  /** Empties the builder for `src`, with room for at least `cap` characters. */
  reset(src: string, cap: number): this {
    if (this.out.length < cap) {
      this.out = new Uint16Array(cap);
      this.start = new Int32Array(cap + 1);
      this.end = new Int32Array(cap);
    }
    this.n = 0; this.oneToOne = true; this.unchanged = true; this.src = src;
    return this;
  }
  push(code: number, os: number, oe: number): void {
    const n = this.n;
    if (n >= this.out.length) this.grow();
    if (this.oneToOne) {
      if (os !== n || oe !== n + 1) this.oneToOne = false;
      else if (code !== this.src.charCodeAt(os)) this.unchanged = false;
    }
    this.out[n] = code;
    this.start[n] = os;
    this.end[n] = oe;
    this.n = n + 1;
  }
  grow(): void {
    const cap = this.out.length * 2 + 16;
    const out = new Uint16Array(cap); out.set(this.out); this.out = out;
    const st = new Int32Array(cap + 1); st.set(this.start); this.start = st;
    const en = new Int32Array(cap); en.set(this.end); this.end = en;
  }
  last(): number { return this.n > 0 ? this.out[this.n - 1]! : -1; }
}

/** Scratch builders kept between calls; one that grew past this many characters is dropped after use. */
const SCRATCH_KEEP = 1 << 16;
let scratch1: Builder | null = null;
let scratch2: Builder | null = null;

/** `dst` (reset) holding the first `n` characters of `b`. */
function copyInto(dst: Builder, b: Builder, n: number): Builder {
  dst.reset(b.src, n + 16);
  dst.out.set(b.out.subarray(0, n));
  dst.start.set(b.start.subarray(0, n));
  dst.end.set(b.end.subarray(0, n));
  dst.n = n;
  dst.oneToOne = b.oneToOne; // a prefix of a one-to-one text is one to one
  dst.unchanged = false; // (not known for the prefix: the text is then built from the buffer)
  return dst;
}

function toText(b: Builder): string {
  let s = "";
  for (let i = 0; i < b.n; i += 4096) s += String.fromCharCode.apply(null, b.out.subarray(i, Math.min(b.n, i + 4096)) as unknown as number[]);
  return s;
}

/**
 * A block whose normalised character i is its original character i (most blocks: nothing
 * NFKC-changed, no space dropped, no variant): no offset table, only the lengths.
 */
class OneToOneText implements NormalizedText {
  constructor(readonly text: string, private readonly originalLength: number) {}
  toOriginal(i: number): number {
    const n = this.text.length;
    return i <= 0 ? 0 : i >= n ? this.originalLength : i;
  }
  toOriginalEnd(i: number): number {
    return i <= 0 ? 0 : Math.min(i, this.text.length);
  }
}

/** Any other block: where each normalised character starts (n + 1 entries) and ends (n) in the original, in one table. */
class MappedText implements NormalizedText {
  constructor(readonly text: string, private readonly map: Int32Array) {}
  toOriginal(i: number): number {
    const n = this.text.length;
    return i <= 0 ? (n === 0 ? 0 : this.map[0]!) : this.map[Math.min(i, n)]!;
  }
  toOriginalEnd(i: number): number {
    const n = this.text.length;
    return i <= 0 ? (n === 0 ? 0 : this.map[0]!) : this.map[n + Math.min(i, n)]!;
  }
}

/**
 * Characters NFKC leaves alone on their own (a following combining mark is checked by the caller),
 * so pass 1 copies them without normalising a one-character string: kana, unified ideographs and
 * the common punctuation are known; any other BMP character is tried once and remembered (「」 and
 * ・ are stable, （ and Ａ are not).
 */
const stability = new Uint8Array(0x10000); // 0 not yet known, 1 stable, 2 changed by NFKC
function isStable(c: number): boolean {
  if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc || (c >= 0x4e00 && c <= 0x9fff)
    || c === 0x3001 || c === 0x3002 || c === 0x3005 || c === 0x30fb) return true;
  if (c >= 0xd800 && c <= 0xdfff) return false; // half of a surrogate pair: normalised with its partner
  let known = stability[c]!;
  if (known === 0) {
    const ch = String.fromCharCode(c);
    stability[c] = known = ch.normalize("NFKC") === ch ? 1 : 2;
  }
  return known === 1;
}

function finish(b: Builder, src: string): NormalizedText {
  const n = b.n;
  if (b.oneToOne) return new OneToOneText(b.unchanged ? (n === src.length ? src : src.slice(0, n)) : toText(b), src.length);
  const map = new Int32Array(2 * n + 1);
  map.set(b.start.subarray(0, n));
  map[n] = src.length;
  map.set(b.end.subarray(0, n), n + 1);
  return new MappedText(toText(b), map);
}

/**
 * A comma or full stop written 「，」「．」 (or ASCII , .) after Japanese text is the Japanese 「、」「。」: many
 * ministries, universities and research bodies write them so, and every term and sentence boundary is
 * written with 「、」「。」. After a digit or a Latin letter they stay what they are (「1,000」「TLS1.2」「1．件名」).
 */
function japanesePunctuation(c: number, prev: number): number {
  if (prev < 0 || !isCjk(prev)) return -1;
  if (c === 0xff0c || c === 0x2c) return 0x3001;
  if (c === 0xff0e || c === 0x2e) return 0x3002;
  return -1;
}

/**
 * Pass 1: NFKC per character (with following combining marks, so ｾﾞ → ゼ), ASCII lower-cased,
 * whitespace between two CJK characters removed (PDF spacing, line breaks inside a sentence),
 * other whitespace kept as one space per character.
 */
function pass1(src: string): Builder {
  const b = (scratch1 ??= new Builder(256)).reset(src, src.length + 16);
  const len = src.length;
  let pendingFrom = -1; // start of a whitespace run not yet emitted
  let i = 0;
  while (i < len) {
    const c = src.charCodeAt(i);
    if (isSpace(c)) {
      if (pendingFrom < 0) pendingFrom = i;
      i++;
      continue;
    }
    // Chunk: one code point plus any combining marks that follow.
    let j = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && j < len) j++;
    while (j < len && isCombining(src.charCodeAt(j))) j++;
    if (j === i + 1 && pendingFrom < 0) {
      // 「，」「．」 and ASCII , . after Japanese text, whichever branch below would read them.
      const punct = c === 0x2c || c === 0x2e || c === 0xff0c || c === 0xff0e ? japanesePunctuation(c, b.last()) : -1;
      if (punct >= 0 || c < 0x80 || isStable(c)) {
        b.push(punct >= 0 ? punct : c >= 0x41 && c <= 0x5a ? c + 32 : c, i, j);
        i = j;
        continue;
      }
    }
    let norm: string;
    if (c < 0x80 && j === i + 1) norm = c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : src[i]!;
    else {
      norm = nfkc(src.slice(i, j));
      if (/[A-Z]/.test(norm)) norm = norm.toLowerCase();
    }
    if (pendingFrom >= 0) {
      const prev = b.last();
      const next = norm.length ? norm.charCodeAt(0) : -1;
      // A line break with a CJK character on either side is a wrap inside a sentence (「年\n1回」「ISO/IEC\n認証」);
      // between two Latin words or numbers it stands for a space (「Windows\nServer」).
      const drop = prev >= 0 && next >= 0 && ((isCjk(prev) && isCjk(next)) || ((isCjk(prev) || isCjk(next)) && hasBreak(src, pendingFrom, i)));
      if (!drop && prev >= 0) for (let k = pendingFrom; k < i; k++) b.push(0x20, k, k + 1);
      pendingFrom = -1;
    }
    for (let k = 0; k < norm.length; k++) b.push(norm.charCodeAt(k), i, j);
    i = j;
  }
  return b; // trailing whitespace dropped: it can never be part of a match
}

export function compileVariants(variants: Record<string, string>): CompiledVariants {
  const root: TrieNode = { next: new Map(), depth: 0 };
  const starts = new Uint8Array(0x10000);
  let size = 0;
  for (const [from, to] of Object.entries(variants)) {
    const key = toText(pass1(from));
    const value = toText(pass1(to));
    if (!key || key === value) continue;
    let node = root;
    starts[key.charCodeAt(0)] = 1;
    for (let k = 0; k < key.length; k++) {
      const c = key.charCodeAt(k);
      let nx = node.next.get(c);
      if (!nx) { nx = { next: new Map(), depth: node.depth + 1 }; node.next.set(c, nx); }
      node = nx;
    }
    node.value = value;
    size++;
  }
  return { root, size, starts };
}

/**
 * Pass 2: replace variant spellings, leftmost-longest, keeping the offset map. Most blocks hold no
 * variant (759 of 68 743 in the bench specs), so the copy is only started at the first one.
 */
function pass2(b: Builder, v: CompiledVariants): Builder | null {
  const n = b.n; const out = b.out;
  let r: Builder | null = null;
  let i = 0;
  while (i < n) {
    if (!v.starts[out[i]!]) {
      if (r) r.push(out[i]!, b.start[i]!, b.end[i]!);
      i++;
      continue;
    }
    let node = v.root.next.get(out[i]!);
    let best: TrieNode | undefined;
    let k = i;
    while (node) {
      k++;
      if (node.value !== undefined) best = node;
      if (k >= n) break;
      node = node.next.get(out[k]!);
    }
    if (best) {
      r ??= copyInto(scratch2 ??= new Builder(256), b, i);
      const os = b.start[i]!; const oe = b.end[i + best.depth - 1]!;
      const val = best.value!;
      for (let m = 0; m < val.length; m++) r.push(val.charCodeAt(m), os, oe);
      i += best.depth;
    } else {
      if (r) r.push(out[i]!, b.start[i]!, b.end[i]!);
      i++;
    }
  }
  return r;
}

/**
 * Whether pass 1 leaves `src` as it is (most blocks of a Japanese specification): no whitespace or
 * control character, no upper-case ASCII, no combining mark or surrogate, every other character
 * one that NFKC leaves alone. One read-only loop instead of building the text and its map.
 */
function plain(src: string): boolean {
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c < 0x80) {
      if (c <= 0x20 || (c >= 0x41 && c <= 0x5a) || c === 0x7f) return false;
      if ((c === 0x2c || c === 0x2e) && i > 0 && isCjk(src.charCodeAt(i - 1))) return false; // 「…し,」 → 「…し、」
    } else if (isCombining(c) || !isStable(c)) return false; // isStable is false for a surrogate
  }
  return true;
}

/** Whether a variant spelling occurs in `src` (pass 2 would change it). */
function holdsVariant(src: string, v: CompiledVariants): boolean {
  const n = src.length;
  for (let i = 0; i < n; i++) {
    if (!v.starts[src.charCodeAt(i)]) continue;
    let node = v.root.next.get(src.charCodeAt(i));
    for (let k = i + 1; node; k++) {
      if (node.value !== undefined) return true;
      if (k >= n) break;
      node = node.next.get(src.charCodeAt(k));
    }
  }
  return false;
}

/** Normalise `src` (a block's text) for matching, with a map back to original offsets. */
export function normalize(src: string, variants?: CompiledVariants): NormalizedText {
  if (plain(src) && !(variants && variants.size > 0 && holdsVariant(src, variants))) return new OneToOneText(src, src.length);
  let b = pass1(src);
  if (variants && variants.size > 0) b = pass2(b, variants) ?? b;
  const result = finish(b, src);
  if (scratch1!.out.length > SCRATCH_KEEP) scratch1 = null;
  if (scratch2 && scratch2.out.length > SCRATCH_KEEP) scratch2 = null;
  return result;
}

/** Normalise a term or example the same way as documents (no map needed). */
export function normalizeTerm(src: string, variants?: CompiledVariants): string {
  return normalize(src, variants).text;
}
