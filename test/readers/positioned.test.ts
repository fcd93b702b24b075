// TextBuilder keeps no per-unit list while the text runs on from one source offset, and writes it
// out at the first unit that breaks the run: the offsets it builds read the same either way.
import { describe, expect, it } from "vitest";
import { TextBuilder } from "../../src/readers/positioned.js";

const built = (b: TextBuilder) => {
  const { text, offsets } = b.build();
  return { text, offsets: Array.from({ length: offsets.length }, (_, i) => offsets.at(i)) };
};

describe("TextBuilder", () => {
  it("maps a verbatim run, line breaks between its lines included, unit by unit", () => {
    const b = new TextBuilder();
    b.pushSlice("ab", 10);
    b.pushSlice("\n", 12);
    b.pushAt("\n", 13);
    b.pushSlice("cd", 14);
    expect(built(b)).toEqual({ text: "ab\n\ncd", offsets: [10, 11, 12, 13, 14, 15] });
  });
  it("writes the run out at the first unit from elsewhere, and keeps every unit after it", () => {
    const b = new TextBuilder();
    b.pushSlice("ab", 10);
    b.pushAt("\n", 20);
    b.pushSlice("cd", 21);
    b.pushAt("xy", 30);
    expect(built(b)).toEqual({ text: "ab\ncdxy", offsets: [10, 11, 20, 21, 22, 30, 30] });
  });
  it("starts its run at the first unit pushed, empty pushes aside", () => {
    const b = new TextBuilder();
    b.pushSlice("", 3);
    b.pushSlice("ab", 7);
    expect(built(b)).toEqual({ text: "ab", offsets: [7, 8] });
  });
  it("trims trailing whitespace from a run and from a list alike", () => {
    const run = new TextBuilder();
    run.pushSlice("ab \u3000", 0);
    run.trimEnd();
    expect(built(run)).toEqual({ text: "ab", offsets: [0, 1] });
    const list = new TextBuilder();
    list.pushSlice("a", 0);
    list.pushSlice("b  ", 5);
    list.trimEnd();
    expect(built(list)).toEqual({ text: "ab", offsets: [0, 5] });
  });
  it("keeps no table for a run, and slices a run and a table alike", () => {
    const run = new TextBuilder();
    run.pushSlice("abcd", 10);
    const r = run.build().offsets;
    expect(r.table).toBeNull();
    expect([r.slice(1, 3).at(0), r.slice(1, 3).at(1), r.slice(1, 3).at(2), r.at(-1)]).toEqual([11, 12, undefined, undefined]);
    const list = new TextBuilder();
    list.pushSlice("ab", 10);
    list.pushSlice("cd", 20);
    const t = list.build().offsets;
    expect([...t.table!]).toEqual([10, 11, 20, 21]);
    expect([t.slice(1, 3).at(0), t.slice(1, 3).at(1), t.slice(1, 3).length]).toEqual([11, 20, 2]);
  });
  it("aligns a parser's value with the source after a run", () => {
    const b = new TextBuilder();
    b.pushSlice("x", 0);
    b.pushAligned("a&b", "**a&amp;b**", 2, 9);
    expect(built(b)).toEqual({ text: "xa&b", offsets: [0, 2, 3, 8] });
  });
});
