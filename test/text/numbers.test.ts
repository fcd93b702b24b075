import { describe, expect, it } from "vitest";
import { parseKanjiNumber, readPeriods } from "../../src/text/numbers.js";

const brief = (s: string) => readPeriods(s).map((p) => [p.value, p.unit, p.hours, p.start, p.end, p.qualifier ?? null]);

describe("readPeriods", () => {
  it("reads full-width digits with 年間", () => expect(brief("ログは１年間保存すること。")).toEqual([[1, "年", 8760, 3, 6, null]]));
  it("reads kanji numerals and 以内", () => expect(brief("二十四時間以内に報告")).toEqual([[24, "時間", 24, 0, 7, "within"]]));
  it("takes the larger end of a range", () => {
    expect(brief("3〜5日以内")).toEqual([[5, "日", 120, 0, 6, "within"]]);
    expect(brief("3日から5日")).toEqual([[5, "日", 120, 0, 6, null]]);
  });
  it("normalises month spellings", () => {
    expect(brief("12ヶ月")[0]!.slice(0, 3)).toEqual([12, "か月", 8760]);
    expect(brief("3か月以上")[0]!.slice(0, 3).concat(brief("3か月以上")[0]![5])).toEqual([3, "か月", 2190, "atLeast"]);
    expect(brief("六箇月")[0]!.slice(0, 2)).toEqual([6, "か月"]);
    expect(brief("3月間")[0]!.slice(0, 2)).toEqual([3, "か月"]);
  });
  it("reads 五年間, 1.5時間, 30分以内, 一週間", () => {
    expect(brief("五年間")[0]!.slice(0, 2)).toEqual([5, "年"]);
    expect(brief("1.5時間")[0]!.slice(0, 3)).toEqual([1.5, "時間", 1.5]);
    expect(brief("30分以内")[0]!.slice(0, 3)).toEqual([30, "分", 0.5]);
    expect(brief("一週間")[0]!.slice(0, 3)).toEqual([1, "週間", 168]);
    expect(brief("5営業日以内")[0]!.slice(0, 2)).toEqual([5, "営業日"]);
  });
  it("ignores dates and non-periods", () => {
    expect(brief("令和9年3月31日まで")).toEqual([]);
    expect(brief("2027年3月31日")).toEqual([]);
    expect(brief("十分に確認すること")).toEqual([]);
    expect(brief("一日も早く")).toEqual([]);
    expect(brief("毎年3月に")).toEqual([]);
  });
  it("parses kanji numbers", () => {
    expect(parseKanjiNumber("二十四")).toBe(24);
    expect(parseKanjiNumber("百")).toBe(100);
    expect(parseKanjiNumber("三十")).toBe(30);
    expect(parseKanjiNumber("一〇")).toBe(10);
  });
});
