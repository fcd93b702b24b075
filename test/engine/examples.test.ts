import { describe, expect, it } from "vitest";
import { runExamples } from "../../src/engine/examples.js";
import { config } from "./helpers.js";

describe("runExamples", () => {
  const c = config([
    { id: "patch", kind: "require", params: { match: { all: ["パッチ", "適用"], obligation: true } },
      examples: { good: ["受注者はパッチを適用すること。"], bad: ["パッチの適用は求めない。", { text: "## パッチの適用\n\n記載なし。", status: "partial" }] } },
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
