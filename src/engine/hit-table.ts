// Term hits of one document scan, packed: the matcher writes (concept, start, end) triples into a
// growable Int32Array instead of one object per hit, and the table groups them per concept and
// turns a concept's hits into Hit objects only when a rule first asks for that concept. A bench
// spec has thousands of hits; most of the per-hit objects and closures were garbage.
import type { TermEntry } from "../model/ruleset.js";
import type { Hit } from "./analysed.js";

/** (concept, start, end) triples, in the order the matcher found them. */
export class HitBuffer {
  data = new Int32Array(3 * 1024);
  /** Number of triples. */
  n = 0;

  push(concept: number, start: number, end: number): void {
    let i = 3 * this.n;
    if (i + 3 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const d = this.data;
    d[i++] = concept; d[i++] = start; d[i] = end;
    this.n++;
  }

  clear(): void { this.n = 0; }
}

/**
 * Drops from `buf` (in place, order kept) the hits lying strictly inside an occurrence of a mask
 * word: inside it and shorter than it. A hit exactly covering a mask is the mask word itself used
 * as a term, and stays. `masks`: (start, end) pairs. With the masks sorted by start and a running
 * maximum of their ends, a hit [s, e) is hidden when a mask starting before s ends at or after e,
 * or a mask starting at s ends after e: O((hits + masks) log masks).
 */
export function dropMasked(buf: HitBuffer, masks: readonly number[]): void {
  const m = masks.length / 2;
  if (m === 0) return;
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => masks[2 * a]! - masks[2 * b]!);
  const starts = new Float64Array(m);
  const ends = new Float64Array(m);
  const maxEnd = new Float64Array(m); // max end over order[0..k]
  for (let k = 0; k < m; k++) {
    starts[k] = masks[2 * order[k]!]!;
    ends[k] = masks[2 * order[k]! + 1]!;
    maxEnd[k] = k > 0 ? Math.max(maxEnd[k - 1]!, ends[k]!) : ends[k]!;
  }
  /** First k with starts[k] >= pos. */
  const firstAtOrAfter = (pos: number): number => {
    let lo = 0; let hi = m;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid]! < pos) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const d = buf.data;
  let w = 0;
  for (let r = 0; r < buf.n; r++) {
    const c = d[3 * r]!; const s = d[3 * r + 1]!; const e = d[3 * r + 2]!;
    const k = firstAtOrAfter(s);
    let hidden = k > 0 && maxEnd[k - 1]! >= e;
    for (let j = k; !hidden && j < m && starts[j] === s; j++) hidden = ends[j]! > e;
    if (hidden) continue;
    d[3 * w] = c; d[3 * w + 1] = s; d[3 * w + 2] = e;
    w++;
  }
  buf.n = w;
}

/**
 * A document's hits per concept, sorted by (block, start) with hits nested inside another hit of
 * the same concept dropped (「セキュリティパッチ」 and 「パッチ」 are one occurrence of $patch).
 */
export class HitTable {
  /** Per concept: its first hit in the arrays below (conceptCount + 1 entries). */
  private readonly first: Int32Array;
  /** Hit k: its block, and [start, end) in that block's normalised text. */
  readonly block: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  private readonly made: (Hit[] | undefined)[];
  /**
   * Per concept, its hits as objects, each made when first asked for (one object per hit, whoever
   * asks); a concept's list is made when one of its hits is first asked for. One list for all hits
   * was a large array per document (a 200-page spec has 230 000 hits), filled with holes, in the
   * large-object space, of which a few entries were ever set.
   */
  private readonly objects: ((Hit | undefined)[] | undefined)[];

  /**
   * `buf`: hits in offsets of the blocks' texts joined by one separator each; `blockStarts`: where
   * each block starts in that text (blocks + 1 entries, the last one past the end). A hit spanning
   * a separator is not a hit; one ending on it is clipped to its block.
   */
  constructor(buf: HitBuffer, blockStarts: Int32Array, conceptCount: number) {
    const blocks = blockStarts.length - 1;
    const d = buf.data; const n = buf.n;
    const blockOf = new Int32Array(n);
    const count = new Int32Array(conceptCount + 1);
    let b = 0;
    for (let i = 0; i < n; i++) {
      const s = d[3 * i + 1]!; const e = d[3 * i + 2]!;
      // Hits come mostly in text order: try the last block before searching.
      if (!(blockStarts[b]! <= s && s < blockStarts[b + 1]!)) {
        let lo = 0; let hi = blocks - 1;
        while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (blockStarts[mid]! <= s) lo = mid; else hi = mid - 1; }
        b = lo;
      }
      // A pattern may end on the line break that separates blocks (「覚書(\n|$)」: the break is tried first and
      // matches): the hit is the block's text before it. Past the separator: spans a block boundary.
      if (e === blockStarts[b + 1]! && e - 1 > s) d[3 * i + 2] = e - 1;
      else if (e >= blockStarts[b + 1]!) { blockOf[i] = -1; continue; }
      blockOf[i] = b;
      count[d[3 * i]!]!++;
    }
    // Group by concept (counting sort), then order each group by (start, longest first).
    const first = new Int32Array(conceptCount + 1);
    for (let c = 0; c < conceptCount; c++) first[c + 1] = first[c]! + count[c]!;
    const fill = first.slice(0, conceptCount);
    const grouped = new Int32Array(first[conceptCount]!);
    for (let i = 0; i < n; i++) if (blockOf[i]! >= 0) grouped[fill[d[3 * i]!]!++] = i;
    const before = (x: number, y: number) => d[3 * x + 1]! - d[3 * y + 1]! || d[3 * y + 2]! - d[3 * x + 2]!;
    const keptFirst = new Int32Array(conceptCount + 1);
    const block = new Int32Array(grouped.length);
    const start = new Int32Array(grouped.length);
    const end = new Int32Array(grouped.length);
    let w = 0;
    for (let c = 0; c < conceptCount; c++) {
      keptFirst[c] = w;
      const from = first[c]!; const to = first[c + 1]!;
      if (to - from > 1) sortRange(grouped, from, to, before);
      let lastEnd = -1;
      for (let k = from; k < to; k++) {
        const i = grouped[k]!;
        const e = d[3 * i + 2]!;
        // Sorted by start then longest first, a hit ending at or before the kept one's end lies inside it
        // (and in its block: a hit in a later block ends after every earlier block's text).
        if (e <= lastEnd) continue;
        lastEnd = e;
        const hb = blockOf[i]!;
        block[w] = hb; start[w] = d[3 * i + 1]! - blockStarts[hb]!; end[w] = e - blockStarts[hb]!;
        w++;
      }
    }
    keptFirst[conceptCount] = w;
    this.first = keptFirst; this.block = block; this.start = start; this.end = end;
    this.made = new Array(conceptCount);
    this.objects = new Array(conceptCount);
  }

  /** The hits of `concept` as Hit objects naming `entry`, made on the first call. */
  hitsOf(concept: number, entry: TermEntry): readonly Hit[] {
    let hits = this.made[concept];
    if (!hits) {
      hits = [];
      for (let k = this.first[concept]!; k < this.first[concept + 1]!; k++) hits.push(this.hitAt(concept, k, entry));
      this.made[concept] = hits;
    }
    return hits;
  }

  /** Hit k (of `concept`, whose entry is `entry`) as an object, the same one on every call. */
  hitAt(concept: number, k: number, entry: TermEntry): Hit {
    const from = this.first[concept]!;
    const list = this.objects[concept] ??= new Array(this.first[concept + 1]! - from);
    return list[k - from] ??= { entry, block: this.block[k]!, start: this.start[k]!, end: this.end[k]! };
  }

  /** One past `concept`'s last hit. */
  endOf(concept: number): number {
    return this.first[concept + 1]!;
  }

  /** The first of `concept`'s hits at or after (block, start), read off the packed arrays (see lowerBound). */
  lowerBound(concept: number, block: number, start: number): number {
    let lo = this.first[concept]!; let hi = this.first[concept + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const b = this.block[mid]!;
      if (b < block || (b === block && this.start[mid]! < start)) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
}

/** Sorts `a[from..to)` by `before`; a range already in order (the common case) costs one pass. */
function sortRange(a: Int32Array, from: number, to: number, before: (x: number, y: number) => number): void {
  let sorted = true;
  for (let k = from + 1; k < to && sorted; k++) sorted = before(a[k - 1]!, a[k]!) <= 0;
  if (sorted) return;
  a.subarray(from, to).sort(before);
}

/** First index in `hits` (sorted by block, start) at or after (block, start). */
export function lowerBound(hits: readonly Hit[], block: number, start: number): number {
  let lo = 0; let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const h = hits[mid]!;
    if (h.block < block || (h.block === block && h.start < start)) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Whether one of `hits` (sorted by block, start) lies wholly within [start, end) of `block`: a search, not a scan. */
export function hasHitWithin(hits: readonly Hit[], block: number, start: number, end: number): boolean {
  for (let i = lowerBound(hits, block, start); i < hits.length && hits[i]!.block === block && hits[i]!.start < end; i++) {
    if (hits[i]!.end <= end) return true;
  }
  return false;
}
