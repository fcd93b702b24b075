import { describe, expect, it } from "vitest";
import { anchoredAtStart, regexShortcut } from "../../src/text/regex-literals.js";

describe("regexShortcut", () => {
  it("expands finite alternations to literals", () => {
    expect(regexShortcut("(取得|認証)")).toEqual({ kind: "literals", literals: ["取得", "認証"] });
    expect(regexShortcut("ISO ?/ ?IEC ?27001")).toMatchObject({ kind: "literals" });
    expect((regexShortcut("ISO ?/ ?IEC ?27001") as { literals: string[] }).literals).toHaveLength(8);
    expect(regexShortcut("\\bNISC\\b")).toEqual({ kind: "literals", literals: ["NISC"] });
    expect(regexShortcut("平成3[2-9]年")).toMatchObject({ kind: "literals" });
  });
  it("derives required literals for open-ended patterns", () => {
    expect(regexShortcut("[0-9一二]+ ?(時間|日)(以内|内)")).toMatchObject({ kind: "prefilter", literals: ["時間以内", "時間内", "日以内", "日内"] });
    expect(regexShortcut("(Cisco|Juniper)[^、。]{0,20}(を導入|とする)")).toMatchObject({ kind: "prefilter", literals: ["Cisco", "Juniper"] });
    expect(regexShortcut("権限.{0,15}(制限|限定)")).toMatchObject({ kind: "prefilter", literals: ["権限"] });
  });
  it("gives no shortcut for what it cannot reason about", () => {
    expect(regexShortcut("(?i)ab")).toEqual({ kind: "none" });
    expect(regexShortcut("windows ?8([^.0-9]|$)")).toEqual({ kind: "prefilter", literals: ["windows8", "windows 8"], all: [["windows8", "windows 8"]] });
    expect(regexShortcut(".*")).toEqual({ kind: "none" });
    expect(regexShortcut("a?")).toEqual({ kind: "none" });
  });
  it("lists every required set, the strongest first, so a line must hold a literal of each", () => {
    expect(regexShortcut("(情報|データ)(?:[^。]|。\\)){0,15}(紛失|盗難)")).toEqual(
      { kind: "prefilter", literals: ["情報", "データ"], all: [["情報", "データ"], ["紛失", "盗難"]] });
    expect(regexShortcut("[0-9一二]+ ?(時間|日)(以内|内)")).toEqual({ kind: "prefilter", literals: ["時間以内", "時間内", "日以内", "日内"],
      all: [["時間以内", "時間内", "日以内", "日内"], ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "一", "二"]] });
    // Inside an alternation only one branch holds: the alternation gives one set (the union), not each branch's.
    expect(regexShortcut("(権限.{0,5}制限|監査.{0,5}記録)")).toEqual({ kind: "prefilter", literals: ["権限", "監査"], all: [["権限", "監査"]] });
  });
});

describe("anchoredAtStart", () => {
  it("holds for a leading ^ (after a flag group) with no top-level alternative", () => {
    expect(anchoredAtStart("(?m)^第?[0-9]+章?[..]?[0-9.]*[  ]*[^\\n]{0,24}(業務|作業)(の(実施)?内容|内容)?$")).toBe(true);
    expect(anchoredAtStart("^[((]?別紙")).toBe(true);
    expect(anchoredAtStart("^(?:[^。、]|。\\)){0,12}情報処理")).toBe(true);
    expect(anchoredAtStart("^[|]a")).toBe(true);
    expect(anchoredAtStart("^[]|]a")).toBe(true);
  });
  it("is false with a top-level alternative, a ^ not leading, or syntax it does not follow", () => {
    expect(anchoredAtStart("^a|b")).toBe(false);
    expect(anchoredAtStart("(?m)^a|^b")).toBe(false);
    expect(anchoredAtStart("a^")).toBe(false);
    expect(anchoredAtStart("(^a)")).toBe(false);
    expect(anchoredAtStart("^a\\|b|c")).toBe(false);
    expect(anchoredAtStart("^[\\]|]|c")).toBe(false);
    expect(anchoredAtStart("^*a")).toBe(false);
    expect(anchoredAtStart("^\\Q|\\E")).toBe(false);
  });
});
