// HitTable: hits grouped per concept in (block, start) order; the packed arrays a context reads
// directly and the Hit objects it hands out agree, one object per hit whoever asks.
import { describe, expect, it } from "vitest";
import { HitBuffer, HitTable, hasHitWithin } from "../../src/engine/hit-table.js";

/** Two blocks, "aaaa" at 0 and "bbbb" at 5 of the joined text; concept 0 has three hits, concept 1 one. */
function table(): HitTable {
  const buf = new HitBuffer();
  buf.push(0, 6, 8); buf.push(1, 1, 2); buf.push(0, 0, 2); buf.push(0, 2, 3);
  return new HitTable(buf, Int32Array.from([0, 5, 10]), 2);
}

describe("HitTable", () => {
  it("finds a concept's first hit at or after (block, start) on the packed arrays", () => {
    const t = table();
    const at = (concept: number, block: number, start: number) => {
      const k = t.lowerBound(concept, block, start);
      return k < t.endOf(concept) ? [t.block[k], t.start[k], t.end[k]] : null;
    };
    expect(at(0, 0, 0)).toEqual([0, 0, 2]);
    expect(at(0, 0, 1)).toEqual([0, 2, 3]);
    expect(at(0, 0, 3)).toEqual([1, 1, 3]);
    expect(at(0, 1, 2)).toBeNull();
    expect(at(1, 0, 0)).toEqual([0, 1, 2]);
  });
  it("clips a hit that ends on the separator after its block, and drops one that runs into the next block", () => {
    const buf = new HitBuffer();
    buf.push(0, 2, 5); buf.push(0, 3, 7); buf.push(0, 4, 5);   // "aa\n" at 2–5; "a\nbb" across; the separator alone
    const t = new HitTable(buf, Int32Array.from([0, 5, 10]), 1);
    expect(t.hitsOf(0, "x").map((h) => [h.block, h.start, h.end])).toEqual([[0, 2, 4]]);
  });
  it("hands out the same object for a hit through hitAt and hitsOf", () => {
    const t = table();
    const first = t.hitAt(0, t.lowerBound(0, 1, 0), "x");
    const all = t.hitsOf(0, "x");
    expect(all.map((h) => [h.block, h.start, h.end])).toEqual([[0, 0, 2], [0, 2, 3], [1, 1, 3]]);
    expect(all[2]).toBe(first);
    expect(t.hitsOf(0, "x")).toBe(all);
  });
  it("says whether a hit lies wholly within a span of one block", () => {
    const hits = table().hitsOf(0, "x");    // [0,0,2] [0,2,3] [1,1,3]
    expect(hasHitWithin(hits, 0, 0, 2)).toBe(true);
    expect(hasHitWithin(hits, 0, 1, 3)).toBe(true);     // [0,2,3]; [0,0,2] starts before the span
    expect(hasHitWithin(hits, 0, 1, 2)).toBe(false);
    expect(hasHitWithin(hits, 1, 0, 2)).toBe(false);    // [1,1,3] runs past the span's end
    expect(hasHitWithin(hits, 1, 0, 3)).toBe(true);
    expect(hasHitWithin(hits, 2, 0, 9)).toBe(false);
  });
});
