import { describe, expect, it } from "vitest";
import { itemMarker, startsItem } from "../../src/text/item-lines.js";
import { readMarkdown } from "../../src/readers/markdown.js";
import { readText } from "../../src/readers/text.js";
import { find, mismatches } from "./helpers.js";

// Pasted PDF text: a title, then clauses with no blank lines between them.
const PASTED = [
  "別紙3 情報セキュリティに関する特約条項",          // 1
  "第1条 乙は、本契約の履行に当たり知り得た情報を", // 2
  "第三者に漏らしてはならない。",                    // 3
  "（1）乙は、情報を目的外に使用しないこと。",       // 4
  "(2) 乙は、（1）の実施状況を書面で甲に提出し、",  // 5
  "1年間保存すること。",                              // 6
  "① 本契約が解除され",                              // 7
  "た後においても同様とする。",                      // 8
  "ア 作業場所は、次の",                              // 9
  "（1）の規定によること。",                          // 10
  "・ 電子媒体は施錠保管すること。",                  // 11
  "第2項 前項の規定は、",                            // 12
  "ア 日 1 回確認すること。",                        // 13
].join("\n");

const EXPECTED = [
  "別紙3 情報セキュリティに関する特約条項",
  "第1条 乙は、本契約の履行に当たり知り得た情報を\n第三者に漏らしてはならない。",
  "（1）乙は、情報を目的外に使用しないこと。",
  "(2) 乙は、（1）の実施状況を書面で甲に提出し、\n1年間保存すること。",
  "① 本契約が解除され\nた後においても同様とする。",
  "ア 作業場所は、次の\n（1）の規定によること。",
  "・ 電子媒体は施錠保管すること。",
  "第2項 前項の規定は、\nア 日 1 回確認すること。",
];

describe("item markers", () => {
  it("knows bracketed, circled, katakana, 第N条/項 and bullet markers, weak where a sentence can start so", () => {
    expect(itemMarker("（1）目的")).toEqual({ length: 3, weak: false });
    expect(itemMarker("(ア) 対象")).toEqual({ length: 3, weak: false });
    expect(itemMarker("① 対象")).toEqual({ length: 1, weak: false });
    expect(itemMarker("第3項 前項")).toEqual({ length: 3, weak: false });
    expect(itemMarker("第3条 秘密")).toMatchObject({ weak: false });
    expect(itemMarker("・電子媒体")).toEqual({ length: 1, weak: false });
    expect(itemMarker("1 日 1 回")).toMatchObject({ weak: true });
    expect(itemMarker("ア 作業")).toMatchObject({ weak: true });
    expect(itemMarker("1年間保存")).toBeUndefined();
    expect(itemMarker("アクセスログ")).toBeUndefined();
  });

  it("splits only after a finished line or a title, or at a label marker", () => {
    expect(startsItem("…保存すること。", "1 日 1 回")).toBe(true);
    expect(startsItem("ログを", "1 日 1 回確認すること。")).toBe(false);
    expect(startsItem("第1条 秘密の保持", "乙は、")).toBe(false); // not a marker
    expect(startsItem("第1条 秘密の保持", "1 乙は、")).toBe(true); // after a title
    expect(startsItem("乙は、次の", "（1）の規定により")).toBe(false);
    expect(startsItem("乙は、次の事項を", "（1）従事者")).toBe(true);
    expect(startsItem("以下のとおりとする：", "ア 作業")).toBe(true);
    // a check point ends its item without a full stop (「…が行われているか」); a word cut before か否か does not
    expect(startsItem("ア 体制:責任者の役割が定められ、機能しているか", "イ 資産管理:台帳が整備されているか")).toBe(true);
    expect(startsItem("パッチを適用するか", "否かを判断すること。")).toBe(false);
  });

  it("reads a lead's list after a proviso that closes the lead paragraph, the lead ending lines above it", () => {
    const doc = readText("監査は、次の観点から行う。ただし、所属ごとの重点は監査実施計画書\nで定める。\nア 体制:役割が定められ、機能しているか\nイ 資産:台帳が整備されているか\n", "x.txt");
    expect(doc.blocks.map((b) => b.kind)).toEqual(["paragraph", "listItem", "listItem"]);
  });
});

describe("pasted paragraphs", () => {
  it("Markdown: one paragraph of pasted lines becomes a block per item, positions exact", () => {
    const doc = readMarkdown(PASTED + "\n", "x.md");
    expect(doc.blocks.map((b) => b.text)).toEqual(EXPECTED);
    // The annex title over the articles is their heading (numbered-titles.ts), as the text reader reads it.
    expect(doc.blocks.map((b) => b.kind)).toEqual(["heading", ...Array(7).fill("listItem")]);
    expect(mismatches(doc, PASTED)).toEqual([]);
    expect(doc.blocks[1]!.location).toMatchObject({ line: 2, column: 1, endLine: 3, endColumn: 15 });
    expect(doc.blocks[3]!.location).toMatchObject({ line: 5, column: 1, endLine: 6, endColumn: 11 });
    expect(find(doc, "解除され\nた後").span).toEqual({ line: 7, column: 7, endLine: 8, endColumn: 3 });
  });

  it("Markdown: the same with remark (no plain fast path) and inside emphasis", () => {
    const doc = readMarkdown(PASTED + "\n", "x.md", { fastPath: false });
    expect(doc.blocks.map((b) => b.text)).toEqual(EXPECTED);
    const md = "受注者は、次の事項を遵守すること。\n**(1)** 秘密を保持すること。\n(2) 目的外に使用しないこと。\n";
    const em = readMarkdown(md, "y.md", { fastPath: false });
    expect(em.blocks.map((b) => [b.kind, b.text])).toEqual([
      ["paragraph", "受注者は、次の事項を遵守すること。"],
      ["listItem", "(1) 秘密を保持すること。"],
      ["listItem", "(2) 目的外に使用しないこと。"],
    ]);
    expect(em.blocks[1]!.location).toMatchObject({ line: 2, column: 1, endLine: 2, endColumn: 19 });
    expect(mismatches(em, md)).toEqual([]);
  });

  it("Markdown: a sentence wrapped before a digit stays one block", () => {
    const doc = readMarkdown("アクセスログを\n1年間保存すること。\nログを\n1 年間保存すること。\n", "x.md");
    expect(doc.blocks.map((b) => b.text)).toEqual(["アクセスログを\n1年間保存すること。\nログを\n1 年間保存すること。"]);
  });

  it("text: wrapped lines join, item lines start blocks, blank lines end paragraphs", () => {
    const doc = readText(PASTED + "\n\n続きの段落であり、\n改行されている。\n", "x.txt");
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ["heading", "別紙3 情報セキュリティに関する特約条項"],
      ...EXPECTED.slice(1).map((t) => ["listItem", t]),
      ["paragraph", "続きの段落であり、\n改行されている。"],
    ]);
    expect(mismatches(doc, PASTED + "\n\n続きの段落であり、\n改行されている。\n")).toEqual([]);
    expect(find(doc, "解除され\nた後").span).toEqual({ line: 7, column: 7, endLine: 8, endColumn: 3 });
    expect(doc.blocks[3]!.location).toMatchObject({ line: 5, column: 1, endLine: 6, endColumn: 11 });
  });
});
