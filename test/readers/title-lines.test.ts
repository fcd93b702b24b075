// Every reader marks the title lines of non-heading blocks on the model (Block.titleLines), so kinds
// read the marks instead of splitting block text again.
import { describe, expect, it } from "vitest";
import { readText } from "../../src/readers/text.js";
import { readMarkdown } from "../../src/readers/markdown.js";
import { readDocx } from "../../src/readers/docx/index.js";
import type { Block } from "../../src/model/document.js";
import { buildDocx, p } from "../docx/zip-builder.js";

const titles = (b: Block) => (b.titleLines ?? []).map((s) => b.text.slice(s.start, s.end));

describe("title lines on the model", () => {
  it("plain text: a title line joined into a paragraph is marked, the sentence line is not", () => {
    const doc = readText("個人情報取扱特記事項\n受注者は、次の事項を遵守すること。\n", "a.txt");
    expect(doc.blocks.map((b) => [b.kind, titles(b)])).toEqual([["paragraph", ["個人情報取扱特記事項"]]]);
  });
  it("plain text: a heading carries no marks, being a title already", () => {
    const doc = readText("第1章 総則\n\n受注者は、報告すること。\n", "a.txt");
    expect(doc.blocks.map((b) => [b.kind, b.titleLines])).toEqual([["heading", undefined], ["paragraph", undefined]]);
  });
  it("Markdown: the line of a soft-wrapped paragraph", () => {
    const doc = readMarkdown("# 仕様書\n\n個人情報取扱特記事項\n受注者は、次の事項を遵守すること。\n", "a.md");
    expect(doc.blocks.map(titles)).toEqual([[], ["個人情報取扱特記事項"]]);
  });
  it("Word: a paragraph without a heading style", () => {
    const doc = readDocx(buildDocx({ body: p("（別紙１）") + p("受注者は、報告すること。") }), "a.docx");
    expect(doc.blocks.map(titles)).toEqual([["（別紙１）"], []]);
  });
});
