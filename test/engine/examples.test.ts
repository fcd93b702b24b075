import { describe, expect, it } from "vitest";
import { runExamples } from "../../src/engine/examples.js";
import { config } from "./helpers.js";

describe("runExamples", () => {
  const c = config([
    { id: "patch", kind: "require", params: { match: { all: ["パッチ", "適用"], obligation: true } },
      examples: { good: ["受注者はパッチを適用すること。"], bad: ["パッチの適用は求めない。", { text: "## パッチの適用\n", status: "partial" }] } },
    { id: "kashi", kind: "forbid", message: "{match}", params: { patterns: ["瑕疵担保"] },
      examples: { good: ["契約不適合責任を負う。"], bad: [{ text: "瑕疵担保と瑕疵担保。", count: 2 }] } },
  ]);
  it("passes examples that agree with their rule", () => {
    const r = runExamples(c);
    expect(r.map((x) => [x.ruleId, x.kind, x.index, x.ok])).toEqual([
      ["patch", "good", 1, true], ["patch", "bad", 1, true], ["patch", "bad", 2, true],
      ["kashi", "good", 1, true], ["kashi", "bad", 1, true],
    ]);
  });
  it("fails, with a reason, examples that contradict their rule", () => {
    const bad = config([
      { id: "patch", kind: "require", params: { match: { all: ["パッチ", "適用"], obligation: true } },
        examples: { good: ["パッチの適用は不要とする。"], bad: ["受注者はパッチを適用すること。", { text: "パッチ。", status: "present" }] } },
      { id: "kashi", kind: "forbid", message: "「{match}」を使っています", params: { patterns: ["瑕疵担保"] },
        examples: { good: ["瑕疵担保責任。"], bad: [{ text: "瑕疵担保。", count: 2 }] } },
    ]);
    expect(runExamples(bad).map((x) => [x.ruleId, x.kind, x.ok, x.detail])).toEqual([
      ["patch", "good", false, "良い例なのに規則が反応しました: patch: match"],
      ["patch", "bad", false, "悪い例なのに規則が反応しませんでした。"],
      ["patch", "bad", false, "判定が absent でした（期待: present）。"],
      ["kashi", "good", false, "良い例なのに規則が反応しました: 「瑕疵担保」を使っています"],
      ["kashi", "bad", false, "指摘が 1 件でした（期待: 2 件）。"],
    ]);
  });
});

describe("runExamples: where a bad example fires (`at:`)", () => {
  const kashi = (at: string) => config([{ id: "kashi", kind: "forbid", message: "{match}", params: { patterns: ["瑕疵担保"] },
    examples: { bad: [{ text: "# 契約\n\n受注者は、瑕疵担保責任を負う。瑕疵担保。\n", at }] } }]);
  it("holds the first finding to line:column, or to its whole span", () => {
    expect(runExamples(kashi("3:6")).map((x) => x.ok)).toEqual([true]);
    expect(runExamples(kashi("3:6-3:10")).map((x) => x.ok)).toEqual([true]);
  });
  it("fails with both places when the rule fires elsewhere", () => {
    expect(runExamples(kashi("3:1")).map((x) => [x.ok, x.detail])).toEqual([[false, "最初の指摘の位置が 3:6 でした（期待: 3:1）。"]]);
    expect(runExamples(kashi("3:6-3:9"), { locale: "en" }).map((x) => x.detail)).toEqual(["The first finding was at 3:6-3:10 (expected 3:6-3:9)."]);
  });
});

describe("runExamples with overridden rules", () => {
  const checks = (min: string) => ({ checks: { "log-retention": { match: { all: ["ログ", "保存"], within: "sentence" }, min } } });
  const base = checks("1年");
  const tightened = checks("3年");
  const c = config([{ id: "retention", kind: "threshold", message: "{amount} < {bound}", params: tightened }]);
  c.rules[0]!.exampleSets = [
    { rulesetId: "test", params: base, severity: "warning", examples: { good: ["ログを１年間保存すること。"], bad: ["ログを３か月間保存すること。"] } },
    { rulesetId: "agency", params: tightened, severity: "warning", examples: { good: ["ログを３年間保存すること。"], bad: ["ログを１年間保存すること。"] } },
  ];
  it("runs inherited examples with the defining ruleset's params and override examples with the overridden ones", () => {
    expect(runExamples(c).map((x) => [x.ruleId, x.overriddenBy, x.kind, x.index, x.ok])).toEqual([
      ["retention", undefined, "good", 1, true], ["retention", undefined, "bad", 1, true],
      ["retention", "agency", "good", 1, true], ["retention", "agency", "bad", 1, true],
    ]);
  });
});
