import { describe, expect, it } from "vitest";
import { rowCells, rowPieces, tableEnd } from "../../src/readers/markdown-table.js";
import type { SpecDocument } from "../../src/model/document.js";
import { expectSameAsRemark, tableChunks } from "./table-helpers.js";

const cells = (doc: SpecDocument) => doc.blocks.filter((b) => b.kind === "tableCell").map((b) => b.text);

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

  it("reads whole-cell strong emphasis and <br> between literal text without remark, and other markup with it", () => {
    expect(rowPieces("| **強調** | a<br>b |")!.map((c) => c.pieces)).toEqual([[{ from: 4, to: 6 }], [{ from: 11, to: 12 }, { breakAt: 12 }, { from: 16, to: 17 }]]);
    for (const row of ["| ** 空白** |", "| **空白　** |", "| **a**b |", "| a**b** |", "| *斜体* |", "| a<br/>b |", "| <b>x</b> |", "| **a<br>b** |", "| `c` |", "| &amp; |", "| _a_ |", "| a \\| b |"]) {
      expect(rowPieces(row), row).toBeUndefined();
    }
    const doc = expectSameAsRemark([
      "| **見出し** | 列 |", "|---|---|", "|**「括弧」**|末尾<br>|", "| <br>先頭 | a <br> b |", "| **ISO27001** | **。** |",
      "| ** 空白** | **a**b |", "| 　全角** | **𠮷** |", "",
    ].join("\n"));
    expect(cells(doc)).toContain("「括弧」");
    expect(cells(doc)).toContain("a \n b");
  });

  it("reads a long table with markup rows in runs longer than one remark parse", () => {
    const rows = Array.from({ length: 150 }, (_, i) => (i % 3 ? `| ${i} | 平文 ${i} |` : `| ${i} | **太字** ${i} |`));
    const doc = expectSameAsRemark(["| A | B |", "|---|---|", ...rows, "", "| C | D |", "|---|---|", "| 1 | 2 |"].join("\n"));
    expect(doc.blocks.filter((b) => b.location.table?.index === 2)).toHaveLength(4);
  });

  it("leaves tables in lists and quotes to remark", () => {
    expectSameAsRemark("- 項目\n\n  | a | b |\n  |---|---|\n  | 1 | **2** |\n\n> | c |\n> |---|\n> | 3 |\n");
  });
});
