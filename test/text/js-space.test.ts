// isJsSpace answers as JavaScript's \s does, for every UTF-16 code unit.
import { describe, expect, it } from "vitest";
import { isJsSpace } from "../../src/text/js-space.js";

describe("isJsSpace", () => {
  it("agrees with /\\s/ and /\\s/u on every code unit", () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (isJsSpace(c) !== /\s/.test(s) || isJsSpace(c) !== /\s/u.test(s)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });
});
