// Shared by the pipe-table suites: a document's blocks, positions and directives in a comparable
// form, and the comparison of the line-based table reader with remark reading the same text.
import { expect } from "vitest";
import { readMarkdown } from "../../src/readers/markdown.js";
import { markdownChunks } from "../../src/readers/markdown-chunks.js";
import type { SpecDocument } from "../../src/model/document.js";

function shape(doc: SpecDocument) {
  return {
    blocks: doc.blocks.map((b) => ({
      kind: b.kind, text: b.text, level: b.level, sectionPath: b.sectionPath, location: b.location,
      // One string per block: deep-comparing a position object per character made this suite slow.
      positions: Array.from({ length: b.text.length + 1 }, (_, i) => {
        const p = b.positionAt(i); const e = b.endPositionAt?.(i);
        return `${p.line}:${p.column}-${e?.line}:${e?.column}`;
      }).join(" "),
    })),
    directives: doc.directives,
  };
}

/** The line-based table reader against remark's GFM table extension reading the same text. */
export function expectSameAsRemark(text: string): SpecDocument {
  const fast = readMarkdown(text, "x.md");
  expect(shape(fast)).toEqual(shape(readMarkdown(text, "x.md", { fastPath: false })));
  return fast;
}

export const tableChunks = (text: string) => markdownChunks(text).filter((c) => c.table).length;
