// forbid: a phrase must not appear (with when/unless context and replacements).
import { describe, expect, it } from "vitest";
import { lintDocument } from "../../../src/engine/index.js";
import { config, md } from "../helpers.js";

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

describe("forbid: exceptions (a longer phrase the match is part of)", () => {
  const c = config([{ id: "deadline", kind: "forbid", message: "{match}",
    params: { patterns: ["速やかに"], exceptions: ["re:速やかに[^。、]{0,12}返却"] } }]);
  it("is silent on a match inside an exception's hit and fires on the same word elsewhere in the sentence and block", () => {
    expect(lint("資料は業務完了後速やかに発注者に返却すること。\n", c).findings).toEqual([]);
    expect(locs(lint("資料は速やかに返却し、データは速やかに消去すること。\n", c))).toEqual([["deadline", 1, 16, 1, 20]]);
    expect(locs(lint("資料は速やかに消去し、返却すること。\n", c))).toEqual([["deadline", 1, 4, 1, 8]]);
  });
});

describe("forbid: since (a name outdated from a date)", () => {
  const c = config([{ id: "outdated", kind: "forbid", message: "「{match}」→{replacement}",
    params: { patterns: ["瑕疵担保", "re:平成3[2-9]年"], replacements: { 瑕疵担保: "契約不適合責任" }, since: { 瑕疵担保: "2020-04-01", 平成32年: "2019-05-01" } } }],
  { asOf: "2026-11-27" });
  it("is silent in a document whose cover date is before the change", () => {
    expect(lint("令和元年11月\n\n受注者は、瑕疵担保責任を負う。\n", c).findings).toEqual([]);
    expect(lint("（平成31年3月 作成）\n\n納期は平成32年3月31日とする。\n", c).findings).toEqual([]);
  });
  it("fires in a document dated after the change, and without a cover date (asOf decides)", () => {
    expect(locs(lint("令和2年8月\n\n受注者は、瑕疵担保責任を負う。\n", c))).toEqual([["outdated", 3, 6, 3, 10]]);
    expect(locs(lint("# 仕様書\n\n受注者は、瑕疵担保責任を負う。\n", c))).toEqual([["outdated", 3, 6, 3, 10]]);
  });
  it("dates a document without a cover date by the start of the contract period it states", () => {
    const lease = (period: string) => `# 仕様書\n\n## 1 賃貸借期間\n\n${period}\n\n## 2 保守\n\n受注者は、瑕疵担保責任を負う。\n`;
    expect(lint(lease("平成29年3月1日から平成32年2月28日まで"), c).findings).toEqual([]);
    expect(locs(lint(lease("令和3年4月1日から令和8年3月31日まで"), c))).toEqual([["outdated", 9, 6, 9, 10]]);
  });
  it("dates a document with neither by its era: dated only in 平成, it was written by the era's end", () => {
    const spec = (deadline: string) => `# 仕様書\n\n## 1 履行期限\n\n契約締結の日から${deadline}まで\n\n## 2 保守\n\n受注者は、瑕疵担保責任を負う。\n`;
    // 「平成32年」 as a future date was written before the new era was named: neither it nor 瑕疵担保 was outdated then
    expect(lint(spec("平成32年3月31日"), c).findings).toEqual([]);
    // the same as a contract period that runs from the signing: its one date is the end, not the start
    expect(lint(spec("平成32年3月31日").replace("履行期限", "履行期間"), c).findings).toEqual([]);
    // a 令和 date anywhere, or a western year after 2019, and the document is read at asOf
    expect(locs(lint(`${spec("平成32年3月31日")}\n様式は令和2年版による。\n`, c)).map((l) => l[0])).toEqual(["outdated", "outdated"]);
    expect(locs(lint(spec("2021年3月31日"), c))).toEqual([["outdated", 9, 6, 9, 10]]);
  });
  it("keeps the date of a later line that is not the cover's (a deadline in the body) out of it", () => {
    expect(locs(lint("# 仕様書\n\n受注者は、瑕疵担保責任を負う。期限は令和元年11月1日とする。\n", c))).toEqual([["outdated", 3, 6, 3, 10]]);
  });
});

describe("forbid: when and unless in a deferred sentence", () => {
  const c = config([{ id: "period", kind: "forbid", message: "{match}",
    params: { patterns: ["re:保存期間は[、,]?別途協議する"], when: { any: ["ログ"] }, unless: { any: ["年"] } } }]);
  it("reads the conditions in the deferred sentence it judges, not in other deferred sentences", () => {
    // 「…別途協議する」 defers the sentence; its own words still decide whether the rule applies there
    expect(locs(lint("ログの保存期間は、別途協議する。\n", c))).toEqual([["period", 1, 4, 1, 16]]);
    expect(lint("記録の保存期間は、別途協議する。\n", c).findings).toEqual([]);
    expect(lint("ログの保存期間は、1年を基本として別途協議する。\n", c).findings).toEqual([]);
    // the condition in another deferred sentence of the block does not count
    const block = config([{ id: "period", kind: "forbid", message: "{match}", params: { within: "block",
      patterns: ["re:保存期間は[、,]?別途協議する"], when: { any: ["ログ"] } } }]);
    expect(lint("記録の保存期間は、別途協議する。ログの様式は別途協議する。\n", block).findings).toEqual([]);
    expect(locs(lint("記録の保存期間は、別途協議する。ログを取得すること。\n", block))).toEqual([["period", 1, 4, 1, 16]]);
  });
});
