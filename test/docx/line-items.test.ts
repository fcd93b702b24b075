// Manual line breaks (w:br) that separate numbered items split a Word paragraph into list items.
import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/readers/docx/index.js";
import { itemPieces } from "../../src/text/item-lines.js";
import { buildDocx } from "./zip-builder.js";

/** A paragraph whose lines are separated by <w:br/>, as pasted text arrives in Word. */
const brPara = (...lines: string[]): string =>
  `<w:p>${lines.map((l, i) => `${i ? "<w:r><w:br/></w:r>" : ""}<w:r><w:t xml:space="preserve">${l}</w:t></w:r>`).join("")}</w:p>`;
const plain = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

const read = (body: string) => readDocx(buildDocx({ body }), "br.docx").blocks;
const brief = (blocks: ReturnType<typeof read>) => blocks.map((b) => ({ kind: b.kind, text: b.text, ...b.location }));

describe("Word paragraphs with line breaks between items", () => {
  it("splits 「（1）…。<br>（2）…。」 into one unit per item on the same paragraph ordinal", () => {
    const blocks = read(plain("前文です。") + brPara("次のとおりとする。", "（1）ログを1年間保存すること。", "（2）パスワードは12文字以上とすること。"));
    expect(brief(blocks)).toEqual([
      { kind: "paragraph", text: "前文です。", line: 1, column: 1, endLine: 1, endColumn: 6, paragraph: 1, region: "body", table: null },
      { kind: "paragraph", text: "次のとおりとする。", line: 2, column: 1, endLine: 2, endColumn: 10, paragraph: 2, region: "body", table: null },
      { kind: "listItem", text: "（1）ログを1年間保存すること。", line: 2, column: 11, endLine: 2, endColumn: 27, paragraph: 2, region: "body", table: null },
      { kind: "listItem", text: "（2）パスワードは12文字以上とすること。", line: 2, column: 28, endLine: 2, endColumn: 49, paragraph: 2, region: "body", table: null },
    ]);
    const third = blocks[3]!;
    const at = third.text.indexOf("12文字");
    expect(third.positionAt(at)).toEqual({ line: 2, column: 28 + at });
    expect(third.positionAt(third.text.length)).toEqual({ line: 2, column: 49 });
  });

  it("splits a paragraph that starts with the first item", () => {
    const blocks = read(brPara("（1）暗号化すること。", "（2）バックアップを取得すること。"));
    expect(blocks.map((b) => [b.kind, b.text, b.location.line, b.location.column, b.location.endColumn])).toEqual([
      ["paragraph", "（1）暗号化すること。", 1, 1, 12],
      ["listItem", "（2）バックアップを取得すること。", 1, 13, 30],
    ]);
  });

  it("does not split where the break falls inside a sentence", () => {
    const blocks = read(brPara("アクセスログを", "1 年間保存すること。"));
    expect(brief(blocks)).toEqual([
      { kind: "paragraph", text: "アクセスログを\n1 年間保存すること。", line: 1, column: 1, endLine: 1, endColumn: 20, paragraph: 1, region: "body", table: null },
    ]);
  });

  it("keeps a strong marker used as a word inside a wrapped sentence", () => {
    expect(itemPieces("次の\n（1）の規定により保存すること。")).toEqual([{ start: 0, end: 19 }]);
  });

  it("reports pieces without the trailing whitespace before the break", () => {
    expect(itemPieces("目的。 \n① 保存すること。\n")).toEqual([{ start: 0, end: 3 }, { start: 5, end: 14 }]);
  });
});
