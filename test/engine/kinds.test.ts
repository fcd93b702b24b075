import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { lintDocument } from "../../src/engine/index.js";
import { findDates } from "../../src/text/dates.js";
import { config, md } from "./helpers.js";

const lint = (text: string, c: ReturnType<typeof config>) => lintDocument(md(text), c);
const locs = (r: ReturnType<typeof lint>) => r.findings.map((f) => [f.ruleId, f.location?.line, f.location?.column, f.location?.endLine, f.location?.endColumn]);

describe("forbid", () => {
  const c = config([{
    id: "vendor", kind: "forbid", message: "「{match}」→{replacement}",
    params: { patterns: ["瑕疵担保責任", "re:tls ?1\\.[01]"], unless: { any: ["同等品"] }, replacements: { 瑕疵担保責任: "契約不適合責任" } },
  }]);
  it("fires at each match with exact location and replacement", () => {
    const r = lint("# 仕様\n\n受注者は瑕疵担保責任を負う。\n\n通信はＴＬＳ１．０を用いない。\n", c);
    expect(locs(r)).toEqual([["vendor", 3, 5, 3, 11], ["vendor", 5, 4, 5, 10]]);
    expect(r.findings[0]!.message).toBe("「瑕疵担保責任」→契約不適合責任");
    expect(r.findings[1]!.message).toBe("「ＴＬＳ１．０」→");
  });
  it("is silent on a good clause and when the unless context is present", () => {
    expect(lint("受注者は契約不適合責任を負う。TLS1.2を用いること。\n", c).findings).toEqual([]);
    expect(lint("TLS1.0又は同等品を用いること。\n", c).findings).toEqual([]);
  });
});

describe("threshold", () => {
  const c = config([{
    id: "log-retention", kind: "threshold", message: "{label}が{amount}です（基準 {bound}）",
    params: { checks: { "log-retention": { match: { all: ["ログ"], any: ["保存", "保管"] }, min: "1年", label: { ja: "ログの保存期間", en: "log retention" } } } },
  }]);
  it("fires on a short period, located at the number", () => {
    const r = lint("# 仕様\n\nアクセスログは３か月間保存すること。\n", c);
    expect(locs(r)).toEqual([["log-retention", 3, 8, 3, 12]]);
    expect(r.findings[0]!.message).toBe("ログの保存期間が３か月間です（基準 1年）");
  });
  it("is silent when the bound is met (12ヶ月, 五年間, 3〜5年)", () => {
    expect(lint("ログは12ヶ月保存すること。\n", c).findings).toEqual([]);
    expect(lint("ログは五年間保管すること。\n", c).findings).toEqual([]);
    expect(lint("ログは3〜5年保存すること。\n", c).findings).toEqual([]);
  });
  it("reports a matching clause with no number", () => {
    const r = lint("ログは適切な期間保存すること。\n", c);
    expect(locs(r)).toEqual([["log-retention", 1, 1, 1, 3]]);
    expect(r.findings[0]!.message).toBe("ログの保存期間が数値で定められていません（基準: 1年）。");
  });
  it("checks max bounds", () => {
    const m = config([{ id: "report-within", kind: "threshold", message: "{amount}",
      params: { checks: { report: { match: { all: ["報告"] }, max: "24時間" } } } }]);
    expect(lint("インシデントは48時間以内に報告すること。\n", m).findings.map((f) => f.message)).toEqual(["48時間以内"]);
    expect(lint("インシデントは二十四時間以内に報告すること。\n", m).findings).toEqual([]);
  });
});

describe("eol", () => {
  const rulesetFile = fileURLToPath(new URL("./data/ruleset.yaml", import.meta.url));
  const c = config([{ id: "eol", kind: "eol", message: "{product} は {date} にサポート終了", params: { products: "eol-products.yaml" } }],
    { asOf: "2026-11-27", rulesets: [{ id: "test", title: "t", file: rulesetFile, variants: {}, terms: {}, negations: [], obligations: [], conditions: {}, overrides: {}, rules: [], termOrigins: {} }] });
  it("fires on a product past its end of support at asOf", () => {
    const r = lint("# 仕様\n\nサーバOSは Windows Server 2012 とする。\n", c);
    expect(locs(r)).toEqual([["eol", 3, 8, 3, 27]]);
    expect(r.findings[0]!.message).toBe("Windows Server 2012 は 2023-10-10 にサポート終了");
  });
  it("uses the contract period end when it is later than asOf", () => {
    expect(lint("サーバOSは RHEL9 とする。\n", c).findings).toEqual([]);
    const r = lint("契約期間は令和8年4月1日から令和11年3月31日までとする。\n\nサーバOSは RHEL9 とする。\n", c);
    expect(locs(r)).toEqual([["eol", 3, 8, 3, 13]]);
  });
  it("parses Japanese and western dates", () => {
    expect(findDates("令和9年3月31日、2027年3月31日、令和元年5月1日、平成31年4月末、2027/3/1").map((d) => d.iso))
      .toEqual(["2027-03-31", "2027-03-31", "2019-05-01", "2019-04-30", "2027-03-01"]);
  });
});

describe("structure", () => {
  const c = config([{ id: "sections", kind: "structure", message: "「{missing}」の章がありません",
    params: { sections: { compliance: { any: ["遵守事項"], label: { ja: "作業の実施に当たっての遵守事項", en: "compliance" } }, subcontract: { any: ["再委託"] } } } }]);
  it("reports each missing section at the top", () => {
    const r = lint("# 調達仕様書\n\n## 作業の実施に当たっての遵守事項\n\n再委託は禁止する。\n", c);
    expect(r.findings.map((f) => [f.message, f.location])).toEqual([["「subcontract」の章がありません", { line: 1, column: 1, endLine: 1, endColumn: 1 }]]);
  });
  it("is silent when every section exists", () => {
    expect(lint("# 調達仕様書\n\n## 遵守事項\n\n## 再委託に関する事項\n", c).findings).toEqual([]);
  });
});

describe("vague", () => {
  const q = config([{ id: "vague", kind: "vague", message: "「{match}」", params: { qualifiers: ["適宜", "必要に応じて", "努める"] } }]);
  const f = config([{ id: "form", kind: "vague", message: "「{match}」", params: { mode: "form", endings: ["が望ましい", "を検討する"], when: { any: ["ログ"] } } }]);
  it("fires on a weakened obligation at the qualifier", () => {
    const r = lint("# 仕様\n\n受注者は、必要に応じてパッチを適用すること。\n", q);
    expect(locs(r)).toEqual([["vague", 3, 6, 3, 12]]);
  });
  it("is silent on a firm obligation or a non-obligation sentence", () => {
    expect(lint("受注者は、直ちにパッチを適用すること。\n", q).findings).toEqual([]);
    expect(lint("必要に応じて相談できる。\n", q).findings).toEqual([]);
  });
  it("form mode fires on a non-obligation ending about the topic", () => {
    const r = lint("ログは1年間保存することが望ましい。\n\n印刷は両面が望ましい。\n", f);
    expect(locs(r)).toEqual([["form", 1, 13, 1, 18]]);
    expect(lint("ログは1年間保存すること。\n", f).findings).toEqual([]);
  });
});

describe("finding spans end where the matched text ends", () => {
  const c = config([{ id: "vague", kind: "forbid", message: "{match}", params: { patterns: ["適宜"] } }]);
  it("does not stretch over closing inline markup", () => {
    // 「受注者は**適宜**」: 適 is column 7, 宜 column 8; the span ends before the closing ** (column 9).
    expect(locs(lint("受注者は**適宜**対応すること。\n", c))).toEqual([["vague", 1, 7, 1, 9]]);
  });
  it("ends on the first line when the match is the last text before a soft break", () => {
    expect(locs(lint("受注者は適宜\n対応すること。\n", c))).toEqual([["vague", 1, 5, 1, 7]]);
  });
});
