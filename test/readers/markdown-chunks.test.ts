import { describe, expect, it } from "vitest";
import { readMarkdown } from "../../src/readers/markdown.js";
import { isPlainProse, markdownChunks } from "../../src/readers/markdown-chunks.js";
import type { SpecDocument } from "../../src/model/document.js";

const SAMPLE = [
  "# 第1章 総則", "", "本文の段落です。", "二行目。", "",
  "- 項目1", "- 項目2", "  続き", "- 項目3", "  - 入れ子", "* 別の記号", "",
  "```", "コード内の行", "", "- コード内の箇条書き", "```", "",
  "<!--", "", "メモ（コメント内の空行）", "", "-->", "",
  "## 2. 要件", "", "| 項目 | 要件 |", "|---|---|", "| パスワード | **12文字**以上 |", "",
  "> 引用の段落", "> - 引用内の項目", "", "1. 番号付き", "2. 番号付き二", "",
  "<!-- chotatsu-lint-disable-next-line r1 -->", "次の段落。", "",
  "~~~~", "```", "", "~~~~", "最後の段落。", "",
  "平文の段落。受注者は最新のパッチを適用すること。", "　全角空白で字下げした行", "行末に全角空白　", "",
  "　", "", "ISO-27001 に準拠し、ログは1年間保存すること。", "見出しではない行", "===", "",
  "ふたつ目の平文段落。", "", "",
].join("\n");

function shape(doc: SpecDocument) {
  return {
    blocks: doc.blocks.map((b) => ({
      kind: b.kind, text: b.text, level: b.level, sectionPath: b.sectionPath, location: b.location,
      positions: [...b.text].map((_, i) => b.positionAt(i)),
    })),
    directives: doc.directives,
  };
}

describe("chunked Markdown parsing", () => {
  it("gives the same blocks, positions and directives as one whole remark parse", () => {
    const whole = shape(readMarkdown(SAMPLE, "x.md", { chunkTarget: Infinity, fastPath: false }));
    expect(whole.blocks.length).toBeGreaterThan(20);
    for (const target of [1, 8, 40, 100, Infinity]) {
      expect(shape(readMarkdown(SAMPLE, "x.md", { chunkTarget: target }))).toEqual(whole);
      expect(shape(readMarkdown(SAMPLE, "x.md", { chunkTarget: target, fastPath: false }))).toEqual(whole);
    }
  });

  it("reads plain prose without remark, and only plain prose", () => {
    const plain = markdownChunks(SAMPLE).filter((c) => c.plain).map((c) => c.text);
    expect(plain.join("")).toContain("平文の段落。");
    expect(plain.join("")).toContain("ふたつ目の平文段落。");
    expect(plain.join("")).not.toContain("==="); // a setext underline makes its piece non-plain
    for (const text of ["**強調**", "a_b", "`c`", "[l](u)", "<br>", "| a |", "\\*", "&amp;", "~~s~~"]) {
      expect(isPlainProse(text), text).toBe(false);
    }
    for (const line of ["1. 項目", "  字下げ", "末尾空白  ", "---", "+ x", "==", "#見出し", "# 見出し #", "#  二重空白", "- - 入れ子", "- 1. 番号", "-項目"]) {
      expect(isPlainProse(`本文\n${line}\n`), line).toBe(false);
    }
    // Simple headings and bullets are plain too, but a paragraph line right after a bullet would continue its item.
    expect(isPlainProse("本文\n# 見出し\n## 1 要件\n本文\n- 項目\n- 項目\n\n本文\n")).toBe(true);
    expect(isPlainProse("- 項目\n続き\n")).toBe(false);
    expect(isPlainProse("受注者は、最新のパッチを適用すること。\n　全角字下げ。\n\n次の段落（ISO-27001）。\n")).toBe(true);
  });

  it("never cuts inside a fence or a multi-line HTML comment", () => {
    const starts = markdownChunks(SAMPLE, 1).map((c) => SAMPLE.slice(c.start).split("\n")[0]);
    expect(starts).not.toContain("- コード内の箇条書き");
    expect(starts).not.toContain("メモ（コメント内の空行）");
    expect(starts).toContain("- 項目2");
    expect(starts).toContain("## 2. 要件");
  });

  it("parses a document with link reference definitions whole", () => {
    const text = "[最新][r]\n\n".repeat(50) + "[r]: https://example.jp\n";
    expect(markdownChunks(text, 10)).toHaveLength(1);
    expect(readMarkdown(text, "x.md", { chunkTarget: 10 }).blocks[0]!.text).toBe("最新");
  });

  it("cuts a long tight list into pieces of about the target size", () => {
    const text = "- 項目A\n  - 項目B\n".repeat(500);
    const chunks = markdownChunks(text, 1024);
    expect(chunks.length).toBe(7); // 7 500 UTF-16 units in pieces of just over 1 024
    expect(chunks.map((c) => c.text).join("")).toBe(text);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(1024 + 16);
    expect(readMarkdown(text, "x.md", { chunkTarget: 1024 }).blocks).toHaveLength(1000);
  });
});
