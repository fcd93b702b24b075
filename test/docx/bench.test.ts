// The 200-page document made by scripts/docx-make-bench.mjs: its structure is known from the generator.
import { expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readDocx } from "../../src/readers/docx/index.js";

it("reads every heading and table of the 200-page document", () => {
  const doc = readDocx(readFileSync(join(import.meta.dirname, "../../fixtures/bench/spec-200p.docx")), "spec-200p.docx");
  const levels = [1, 2, 3].map((l) => doc.blocks.filter((b) => b.kind === "heading" && b.level === l).length);
  // 200 generated pages: a chapter every 16, a section every 4, a sub-section each; a table every 3.
  expect(levels).toEqual([13, 50, 200]);
  const tables = new Set(doc.blocks.flatMap((b) => (b.location.table ? [b.location.table.index] : [])));
  expect(tables.size).toBe(67);
  // Title + 263 headings + 200 × 29 paragraphs + 67 tables × 5 rows × 3 cells, numbered without gaps.
  const body = doc.blocks.filter((b) => b.region === "body");
  expect(body.length).toBe(1 + 263 + 200 * 29 + 67 * 15);
  expect(body.every((b, i) => b.location.line === i + 1)).toBe(true);
  expect(doc.blocks.filter((b) => b.region !== "body").map((b) => [b.region, b.location.line])).toEqual([["header", 7070], ["footer", 7071]]);
});
