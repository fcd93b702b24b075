// Random documents from Markdown fragments: every character of every block must sit where
// positionAt says, and the chunked / fast-path reading must equal one whole remark parse.
import { describe, expect, it } from "vitest";
import { readMarkdown } from "../../src/readers/markdown.js";
import type { SpecDocument } from "../../src/model/document.js";
import { mismatches } from "./helpers.js";

const INLINE = ["受注者は", "**最新の**", "*強調*", "[パッチ](https://x.jp)", "`code`", "𠮷野家", "１年間", "ISO-27001",
  "&amp;", "\\*", "![図](a.png)", "<br>", "_下線_", "～", "、", "。", "　"];
const PLAIN_LINES = ["# 見出し", "## 1 要件　", "### 1.1 項目", "- 項目", "- 　全角で始まる項目", "- (1) 括弧", "- 1. 番号", "本文です。",
  "2020年の本文", "　字下げ", "# 1. 見出し", "- # 見出し", "続きの行", "", "- 受注者は適用すること。"];
const BLOCK = [
  (r: () => number) => "#".repeat(1 + Math.floor(r() * 3)) + " " + inline(r),
  (r: () => number) => inline(r) + "\n" + inline(r),
  (r: () => number) => inline(r) + "  \n" + inline(r),
  (r: () => number) => "- " + inline(r) + "\n  - " + inline(r) + "\n- " + inline(r),
  (r: () => number) => "1. " + inline(r) + "\n2. " + inline(r),
  (r: () => number) => "> " + inline(r) + "\n> " + inline(r),
  (r: () => number) => "| a | b |\n|---|---|\n| " + inline(r) + " | " + inline(r) + " |",
  (r: () => number) => "<!-- chotatsu-lint-disable-next-line r1 -- 理由 -->",
  (r: () => number) => "<div>\n" + inline(r) + "\n</div>",
  (r: () => number) => "```\n" + inline(r) + "\n\n" + inline(r) + "\n```",
  (r: () => number) => "平文の段落。" + "受注者は適用すること。".repeat(1 + Math.floor(r() * 3)),
  // Plain headings, bullets and paragraph lines next to each other, as the fast path reads them.
  (r: () => number) => Array.from({ length: 2 + Math.floor(r() * 5) }, () => PLAIN_LINES[Math.floor(r() * PLAIN_LINES.length)]).join("\n"),
];

function inline(r: () => number): string {
  let s = "";
  for (let n = 1 + Math.floor(r() * 5); n > 0; n--) s += INLINE[Math.floor(r() * INLINE.length)];
  return s;
}

function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => ((x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function shape(doc: SpecDocument) {
  return doc.blocks.map((b) => [b.kind, b.text, b.sectionPath, b.location, [...b.text].map((_, i) => b.positionAt(i))]);
}

describe("random Markdown documents", () => {
  it.each(Array.from({ length: 120 }, (_, i) => i + 1))("seed %i", (seed) => {
    const r = prng(seed);
    const blocks: string[] = [];
    for (let n = 3 + Math.floor(r() * 10); n > 0; n--) blocks.push(BLOCK[Math.floor(r() * BLOCK.length)]!(r));
    const source = blocks.join("\n\n") + "\n";
    const doc = readMarkdown(source, "x.md", { chunkTarget: [1, 16, 64][seed % 3] });
    expect(mismatches(doc, source)).toEqual([]);
    expect(shape(doc)).toEqual(shape(readMarkdown(source, "x.md", { chunkTarget: Infinity, fastPath: false })));
    expect(doc.directives).toEqual(readMarkdown(source, "x.md", { chunkTarget: Infinity, fastPath: false }).directives);
  });
});
