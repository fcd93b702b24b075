// The one title-line predicate and its shapes, and the TOC lines built on it.
import { describe, expect, it } from "vitest";
import { HEADING_SHAPE, TITLE_LINE_SHAPE, titleShaped, titleSpans, withoutPageNumber } from "../../src/text/title-line.js";
import { tocLine, tocText, tocTitle } from "../../src/text/toc.js";
import { headingShaped, numberingPrefix } from "../../src/text/heading-patterns.js";

describe("titleShaped", () => {
  it("takes a short line without a sentence end as a title", () => {
    expect(titleShaped("別紙1 情報セキュリティ要件", TITLE_LINE_SHAPE)).toBe(true);
    expect(titleShaped("  第3章　情報セキュリティ  ", HEADING_SHAPE)).toBe(true);
  });
  it("refuses a sentence: 。 anywhere, two lines, or nothing", () => {
    expect(titleShaped("別紙1のとおり実施すること。", TITLE_LINE_SHAPE)).toBe(false);
    expect(titleShaped("情報セキュリティ。要件", TITLE_LINE_SHAPE)).toBe(false);
    expect(titleShaped("情報\nセキュリティ", TITLE_LINE_SHAPE)).toBe(false);
    expect(titleShaped("   ", TITLE_LINE_SHAPE)).toBe(false);
  });
  it("reads 「．」 after Japanese text as the full stop it is, and after a digit as numbering", () => {
    expect(titleShaped("2 作業は庁舎内で行う．やむを得ず庁舎外で", HEADING_SHAPE)).toBe(false);
    expect(titleShaped("保守は平日に行うこと．", TITLE_LINE_SHAPE)).toBe(false);
    expect(titleShaped("1．件名", HEADING_SHAPE)).toBe(true);
    expect(titleShaped("ア．機能要件", HEADING_SHAPE)).toBe(true);
    expect(titleShaped("一．総則", HEADING_SHAPE)).toBe(true);
    expect(titleShaped("第2章 TLS1.2 以上による暗号化", HEADING_SHAPE)).toBe(true);
  });
  it("measures against the shape's length: 41 characters is a title line but no heading", () => {
    const line = "あ".repeat(41);
    expect(titleShaped(line, TITLE_LINE_SHAPE)).toBe(true);
    expect(titleShaped(line, HEADING_SHAPE)).toBe(false);
    expect(titleShaped("あ".repeat(61), TITLE_LINE_SHAPE)).toBe(false);
  });
  it("refuses a heading ending in a lead-in mark, which a title line may end with", () => {
    expect(titleShaped("1. 次のとおりとする：", HEADING_SHAPE)).toBe(false);
    expect(titleShaped("1. 次のとおりとする：", TITLE_LINE_SHAPE)).toBe(true);
  });
  it("is what headingShaped asks, plus words after the number", () => {
    expect(headingShaped("第1章 総則", numberingPrefix("第1章 総則")!)).toBe(true);
    expect(headingShaped("第1章", numberingPrefix("第1章")!)).toBe(false);
    expect(headingShaped("(1) 範囲は次のとおり、", numberingPrefix("(1) 範囲は次のとおり、")!)).toBe(false);
    // hyphenated section numbers nest like dotted ones
    expect(numberingPrefix("3-3.データセンター")).toEqual({ type: "dec2", length: 4 });
    expect(numberingPrefix("1-2-1 基本要件")).toEqual({ type: "dec3", length: 5 });
    expect(headingShaped("3-3.データセンター", numberingPrefix("3-3.データセンター")!)).toBe(true);
    // Roman-numeral chapters, with a full-width space or a dot; not a word that opens with one
    expect(numberingPrefix("Ⅲ　受注資格")).toEqual({ type: "roman", length: 1 });
    expect(numberingPrefix("Ⅶ. セキュリティ資産の管理")).toEqual({ type: "roman", length: 1 });
    expect(numberingPrefix("Ⅲ型の端末")).toBeUndefined();
  });
});

describe("titleSpans", () => {
  it("gives each title line of a block as trimmed offsets, a page number included", () => {
    const text = "  別紙1 情報セキュリティ要件\n受注者は、次の事項を遵守すること。\n情報セキュリティ ……… 12 ";
    const spans = titleSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["別紙1 情報セキュリティ要件", "情報セキュリティ ……… 12"]);
  });
  it("measures a line without its page number", () => {
    expect(withoutPageNumber("情報セキュリティ 3")).toBe("情報セキュリティ");
    const long = "あ".repeat(60);
    expect(titleSpans(`${long} ……… 123`)).toHaveLength(1);
  });
});

describe("table-of-contents lines", () => {
  it("are a title, leaders and a page number", () => {
    expect(tocLine("7. 情報セキュリティの確保 ……… 3")).toBe(true);
    expect(tocLine("情報セキュリティの確保  12")).toBe(true);
    expect(tocLine("受注者は、報告すること。…… 3")).toBe(false);
    expect(tocLine(`${"あ".repeat(61)} ……… 3`)).toBe(false);
  });
  it("make a block a TOC when most of its lines are entries, and give the title back", () => {
    expect(tocText("1. 総則 …… 1\n2. 情報セキュリティ …… 4\n3. 納品 …… 9")).toBe(true);
    expect(tocText("1. 総則 …… 1\n受注者は次の事項を守ること\nログを保存すること")).toBe(false);
    expect(tocTitle("第2章 情報セキュリティ ……… 4")).toBe("情報セキュリティ");
  });
});

describe("linear time on hostile lines", () => {
  it("a line of 200 000 dots and spaces is measured and checked quickly", () => {
    const dots = "見出し" + ".".repeat(200_000) + "x";
    const spaced = "見出し" + " .".repeat(100_000) + "x";
    const started = performance.now();
    for (const line of [dots, spaced]) {
      expect(titleSpans(line)).toEqual([]);
      expect(tocText(line)).toBe(false);
    }
    expect(withoutPageNumber(`${"・".repeat(100_000)} 3`)).toBe("");
    // Quadratic scans took seconds here; linear ones take milliseconds (the bound allows a slow machine).
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
