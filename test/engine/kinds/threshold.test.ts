// threshold: a number in a clause must reach a bound.
import { describe, expect, it } from "vitest";
import { lintDocument } from "../../../src/engine/index.js";
import { config, md } from "../helpers.js";

const lint = (text: string, c: ReturnType<typeof config>) => lintDocument(md(text), c);
const locs = (r: ReturnType<typeof lint>) => r.findings.map((f) => [f.ruleId, f.location?.line, f.location?.column, f.location?.endLine, f.location?.endColumn]);

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
