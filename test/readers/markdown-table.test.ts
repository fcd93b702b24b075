import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMarkdown } from "../../src/readers/markdown.js";
import { markdownChunks } from "../../src/readers/markdown-chunks.js";
import { rowCells, tableEnd } from "../../src/readers/markdown-table.js";
import { decodeText } from "../../src/readers/decode.js";
import { lintDocument } from "../../src/engine/index.js";
import { loadConfig } from "../../src/config/index.js";
import type { SpecDocument } from "../../src/model/document.js";
// @ts-expect-error: a plain .mjs script without types
import { makeSpec } from "../../scripts/bench-specs.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");

function shape(doc: SpecDocument) {
  return {
    blocks: doc.blocks.map((b) => ({
      kind: b.kind, text: b.text, level: b.level, sectionPath: b.sectionPath, location: b.location,
      positions: Array.from({ length: b.text.length + 1 }, (_, i) => [b.positionAt(i), b.endPositionAt?.(i)]),
    })),
    directives: doc.directives,
  };
}

/** The line-based table reader against remark's GFM table extension reading the same text. */
function expectSameAsRemark(text: string): SpecDocument {
  const fast = readMarkdown(text, "x.md");
  expect(shape(fast)).toEqual(shape(readMarkdown(text, "x.md", { fastPath: false })));
  return fast;
}

const cells = (doc: SpecDocument) => doc.blocks.filter((b) => b.kind === "tableCell").map((b) => b.text);
const tableChunks = (text: string) => markdownChunks(text).filter((c) => c.table).length;

describe("pipe tables read line by line", () => {
  it("splits a row at its pipes as remark spans the cells", () => {
    expect(rowCells("| a | b |")).toEqual([{ from: 0, to: 4, textFrom: 2, textTo: 3 }, { from: 4, to: 9, textFrom: 6, textTo: 7 }]);
    expect(rowCells("| a |  | z |").map((c) => [c.textFrom, c.textTo])).toEqual([[2, 3], [7, 7], [9, 10]]);
    expect(rowCells("|| q").map((c) => [c.from, c.to])).toEqual([[0, 1], [1, 4]]);
    expect(rowCells("||").map((c) => [c.from, c.to])).toEqual([[0, 2]]);
    expect(rowCells("| a |   ").map((c) => [c.from, c.to])).toEqual([[0, 8]]);
    expect(rowCells("| a \\| b | c |")).toHaveLength(2);
    expect(rowCells("| a \\\\| b |")).toHaveLength(2);
  });

  it("cuts out only top-level tables that end at a blank line", () => {
    const table = "| 項目 | 要件 |\n|---|---|\n| 1 | 2 |\n";
    expect(tableEnd(table, 0)).toBe(table.length);
    expect(tableChunks(`# 見出し\n${table}\n本文`)).toBe(1);
    expect(tableChunks(`本文\n\n${table}`)).toBe(1);
    expect(tableChunks(`本文\n${table}`)).toBe(0);                        // would continue a paragraph
    expect(tableChunks(`${table}続きの行\n`)).toBe(0);                   // a lazy row
    expect(tableChunks(`- 項目\n\n  ${table.replace(/\n/g, "\n  ")}`)).toBe(0); // in a list
    expect(tableChunks(`> ${table.replace(/\n(?=.)/g, "\n> ")}`)).toBe(0);   // in a quote
    expect(tableChunks("| a | b |\n|---|\n| 1 | 2 |\n")).toBe(0);         // header and delimiter disagree
    expect(tableChunks("```\n| a |\n|---|\n```\n")).toBe(0);              // in a fence
    expect(tableChunks("a | b\n--|--\n1 | 2\n")).toBe(0);                 // no leading pipe
  });

  it("reads literal rows, ragged rows, empty cells and alignment rows as remark does", () => {
    const doc = expectSameAsRemark([
      "# 表", "| No. | 項目 | 内容 |", "| :-- | :-: | --: |", "| 1 | ログ | 1年間保存すること |",
      "| 2 |  | 空欄の後 |", "| 3 | 列が多い | 余り | さらに |", "| 4 |", "|", "||", "| 5 | 末尾の空白 |   ",
      "|　全角空白　| 　字下げ |", "", "後の段落。",
    ].join("\n"));
    expect(cells(doc)).toContain("1年間保存すること");
    expect(doc.blocks.find((b) => b.text === "さらに")!.location.table).toEqual({ index: 1, row: 4, column: 4 });
  });

  it("reads escaped pipes, code, emphasis, links, <br> and directives in cells as remark does", () => {
    const doc = expectSameAsRemark([
      "| 項目 | **要件** |", "|---|---|", "| a \\| b | `x \\| y` |", "| **強調** | [リンク](https://example.jp) と *斜体* |",
      "| 改行<br>の後 | &amp; &#x5B89; |", "| 平文 | 平文 |", "| <!-- chotatsu-lint-disable-next-line r1 --> 抑止 | c\\\\|",
      "| ![画像](a.png) | _下線_ |", "",
    ].join("\n"));
    expect(cells(doc)).toContain("a | b");
    expect(cells(doc)).toContain("x | y");
    expect(cells(doc)).toContain("改行\nの後");
    expect(doc.directives).toHaveLength(1);
  });

  it("reads a long table with markup rows in runs longer than one remark parse", () => {
    const rows = Array.from({ length: 150 }, (_, i) => (i % 3 ? `| ${i} | 平文 ${i} |` : `| ${i} | **太字** ${i} |`));
    const doc = expectSameAsRemark(["| A | B |", "|---|---|", ...rows, "", "| C | D |", "|---|---|", "| 1 | 2 |"].join("\n"));
    expect(doc.blocks.filter((b) => b.location.table?.index === 2)).toHaveLength(4);
  });

  it("leaves tables in lists and quotes to remark", () => {
    expectSameAsRemark("- 項目\n\n  | a | b |\n  |---|---|\n  | 1 | **2** |\n\n> | c |\n> |---|\n> | 3 |\n");
  });

  it("gives the same document as remark on every Markdown file under fixtures/ and on generated specs", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(md|markdown)$/.test(e.name)) files.push(p);
      }
    };
    walk(path.join(ROOT, "fixtures"));
    expect(files.length).toBeGreaterThan(50);
    let withTables = 0;
    for (const file of files) {
      const text = decodeText(new Uint8Array(fs.readFileSync(file))).text;
      if (tableChunks(text)) withTables++;
      expectSameAsRemark(text);
    }
    expect(withTables).toBeGreaterThan(5);
    for (const seed of [1, 2, 3]) expectSameAsRemark(makeSpec(60_000, seed));
  });

  it("gives the same lint JSON as remark on the corpus specs with tables", async () => {
    const config = await loadConfig({ cwd: ROOT });
    const dir = path.join(ROOT, "fixtures", "corpus");
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".md") && /^\|/m.test(fs.readFileSync(path.join(dir, f), "utf8")));
    expect(files.length).toBeGreaterThan(5);
    for (const f of [...files.slice(0, 8)]) {
      const text = decodeText(new Uint8Array(fs.readFileSync(path.join(dir, f)))).text;
      const fast = await lintDocument(readMarkdown(text, f), config, {});
      const remark = await lintDocument(readMarkdown(text, f, { fastPath: false }), config, {});
      expect(JSON.stringify(fast)).toBe(JSON.stringify(remark));
    }
  });
});
