import { describe, expect, it } from "vitest";
import { AhoCorasick } from "../../src/text/aho-corasick.js";

/** Every (pattern, start, end) occurrence, overlapping ones included, ordered as a scan reports them. */
function bruteForce(patterns: string[], text: string): number[][] {
  const out: number[][] = [];
  for (let end = 1; end <= text.length; end++) {
    const here: number[][] = [];
    patterns.forEach((p, id) => { if (p && end >= p.length && text.slice(end - p.length, end) === p) here.push([id, end - p.length, end]); });
    out.push(...here);
  }
  return out;
}

describe("AhoCorasick", () => {
  it("reports every occurrence, overlapping and nested ones too, through failure links and the root table", () => {
    const patterns = ["パッチ", "セキュリティパッチ", "ティパ", "ab", "bab", "b", "𠮷", "漢字"];
    let seed = 7;
    const next = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const alphabet = ["a", "b", "セ", "キ", "ュ", "リ", "テ", "ィ", "パ", "ッ", "チ", "𠮷", "漢", "字", "x"];
    const ac = new AhoCorasick(patterns);
    for (let k = 0; k < 300; k++) {
      let text = "";
      for (let n = Math.floor(next() * 40); n > 0; n--) text += alphabet[Math.floor(next() * alphabet.length)];
      const found: number[][] = [];
      ac.scan(text, (p, s, e) => found.push([p, s, e]));
      const sortKey = (x: number[]) => x[2]! * 1000 + x[0]!;
      expect(found.sort((x, y) => sortKey(x) - sortKey(y)), text).toEqual(bruteForce(patterns, text).sort((x, y) => sortKey(x) - sortKey(y)));
    }
  });
  it("restored from its state (through JSON), scans as the automaton it was built as", () => {
    const patterns = ["パッチ", "セキュリティパッチ", "ティパ", "ab", "bab", "b", "𠮷", "", "漢字"];
    const built = new AhoCorasick(patterns);
    const restored = new AhoCorasick(patterns, JSON.parse(JSON.stringify(built.state())));
    expect(restored.state()).toEqual(built.state());
    const text = "xセキュリティパッチbabab𠮷漢字ティパッチ";
    const scan = (ac: AhoCorasick) => { const out: number[][] = []; ac.scan(text, (p, s, e) => out.push([p, s, e])); return out; };
    expect(scan(restored)).toEqual(scan(built));
    const byEnd = (x: number[], y: number[]) => x[2]! - y[2]! || x[0]! - y[0]!;
    expect(scan(built).sort(byEnd)).toEqual(bruteForce(patterns, text).sort(byEnd));
  });
  it("packed into one buffer and read back (at an odd offset too), scans as the automaton it was built as", () => {
    const patterns = ["パッチ", "セキュリティパッチ", "ティパ", "ab", "bab", "b", "𠮷", "", "漢字"];
    const built = new AhoCorasick(patterns);
    const packed = built.pack();
    const shifted = new Uint8Array(packed.length + 1);
    shifted.set(packed, 1);
    const text = "xセキュリティパッチbabab𠮷漢字ティパッチ";
    const scan = (ac: AhoCorasick) => { const out: number[][] = []; ac.scan(text, (p, s, e) => out.push([p, s, e])); return out; };
    for (const bytes of [packed, shifted.subarray(1)]) {
      const restored = new AhoCorasick(patterns, bytes);
      expect(restored.state()).toEqual(built.state());
      expect(scan(restored)).toEqual(scan(built));
    }
    expect(() => new AhoCorasick(patterns, packed.subarray(0, packed.length - 2))).toThrow(/not a packed/);
  });
});
