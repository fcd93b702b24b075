// The three kinds helper E owns — consistency, subject, reference — on Markdown, with exact locations.
import { beforeAll, describe, expect, it } from "vitest";
import { loadRuleset, judge } from "./harness.js";
import { kindRegistry } from "../../src/engine/kinds/index.js";
import type { ResolvedConfig, ResolvedRule } from "../../src/model/ruleset.js";

let config: ResolvedConfig;
const rule = (id: string): ResolvedRule => config.rules.find((r) => r.id === id)!;
const at = (l: number, c: number, el: number, ec: number) => ({ line: l, column: c, endLine: el, endColumn: ec, region: "body" });
beforeAll(async () => { config = await loadRuleset("rulesets/mhlw-tebiki.yaml"); });

describe("registry", () => {
  it("registers the three kinds with parameter schemas", () => {
    for (const k of ["consistency", "subject", "reference"]) {
      expect(kindRegistry[k]!.kind).toBe(k);
      expect(kindRegistry[k]!.schema).toMatchObject({ type: "object", additionalProperties: false });
    }
  });
});

describe("consistency (inconsistent-actor-terms)", () => {
  it("points at the first use of the minority term and names the majority one", () => {
    const md = "# 仕様\n\n受注者は、体制図を提出すること。\n\n受注者は、ログを保存すること。\n\n- 受託者は、資料を返却すること。\n";
    const f = judge(config, rule("inconsistent-actor-terms"), md).findings;
    expect(f.map((x) => [x.message, x.location])).toEqual([
      ["同じ当事者が「受託者」と「受注者」の複数の呼称で書かれています。一つに統一してください。", at(7, 3, 7, 6)],
    ]);
  });
  it("checks each party separately", () => {
    const f = judge(config, rule("inconsistent-actor-terms"), "乙は、甲の承認を得ること。乙は、発注者に報告すること。").findings;
    expect(f.map((x) => x.location)).toEqual([at(1, 17, 1, 20)]);
  });
  it("accepts an alias introduced on purpose (以下「乙」という)", () => {
    const md = "株式会社東浜システム（以下「乙」という。）は受注者として次の事項を遵守する。\n\n乙は、秘密を保持すること。\n";
    expect(judge(config, rule("inconsistent-actor-terms"), md).findings).toEqual([]);
  });
  it("stays silent with one term per party", () => {
    expect(judge(config, rule("inconsistent-actor-terms"), "受注者は、発注者に報告すること。受注者は、発注者の指示に従うこと。").findings).toEqual([]);
  });
});

describe("subject (subject-missing)", () => {
  it("flags an actor-less duty right after the orderer's own duty, located at the sentence", () => {
    const md = "## 検収\n\n発注者は、納入物を検査すること。\n\n不合格品は交換すること。\n";
    const f = judge(config, rule("subject-missing"), md).findings;
    expect(f.map((x) => x.location)).toEqual([at(5, 1, 5, 12)]);
    // A statement of what the orderer does is not a duty: the next duty reads as the contractor's.
    expect(judge(config, rule("subject-missing"), "## 検収\n\n発注者は、納入物を検査する。\n\n不合格品は交換すること。\n").findings).toEqual([]);
  });
  it("flags actor-less duties after a sentence where both parties act", () => {
    const md = "## 協議\n\n甲及び乙は、協議の上、仕様を変更する。変更内容を記録すること。\n";
    expect(judge(config, rule("subject-missing"), md).findings.map((x) => x.location)).toEqual([at(3, 20, 3, 31)]);
  });
  it("is silent on a list of contractor tasks without an actor (a spec is addressed to the contractor)", () => {
    const md = "## 保守\n\n受注者は、障害を切り分けること。\n\nセキュリティパッチは定期的に適用すること。\n\n月次報告書を提出すること。\n";
    expect(judge(config, rule("subject-missing"), md).findings).toEqual([]);
    expect(judge(config, rule("subject-missing"), "## 作業\n\nログを保存すること。\n").findings).toEqual([]);
  });
  it("takes the actor from a lead paragraph before a list", () => {
    const md = "受注者は、次の事項を遵守すること。\n\n- ログを１年間保存すること。\n- パスワードを定期的に変更すること。\n";
    expect(judge(config, rule("subject-missing"), md).findings).toEqual([]);
  });
  it("takes the actor from a heading naming a party, until a sentence names the other party", () => {
    const md = "## 発注者の役割\n\n発注者は、要件を提示する。\n\n設計書をレビューすること。\n";
    expect(judge(config, rule("subject-missing"), md).findings).toEqual([]);
    const switched = "## 受注者の作業\n\n発注者は、資料を貸与するものとする。\n\n貸与資料を返却すること。\n";
    expect(judge(config, rule("subject-missing"), switched).findings.map((x) => x.location)).toEqual([at(5, 1, 5, 12)]);
  });
  it("takes the actor from the lead of a numbered run, of pasted items, and of the section", () => {
    const sub = rule("subject-missing");
    const run = "## 遵守事項\n\n受託者は、以下に掲げる事項を遵守すること。\n\n(1) ログを保存すること。\n\n(2) パッチを適用すること。\n";
    expect(judge(config, sub, run).findings).toEqual([]);
    const pasted = "## 遵守事項\n受注者は、次の事項を遵守すること。\n（1）ログを保存すること。\n（2）パッチを適用すること。\n";
    expect(judge(config, sub, pasted).findings).toEqual([]);
    const section = "## 作業\n\n受託者は、以下に掲げる作業を行うこと。\n\nログを保存すること。\n\nパッチを適用すること。\n";
    expect(judge(config, sub, section).findings).toEqual([]);
  });
  it("flags the first item of a numbered run right after the orderer's duty; the next reads as the contractor's", () => {
    const md = "## 作業\n\n発注者は、資料を貸与すること。\n\n(1) ログを保存すること。\n\n(2) パッチを適用すること。\n";
    expect(judge(config, rule("subject-missing"), md).findings.map((x) => x.location)).toEqual([at(5, 1, 5, 14)]);
  });
  it("exempts functional requirements and definitions", () => {
    expect(judge(config, rule("subject-missing"), "## 機能\n\n利用者を認証できること。契約期間は1年とする。").findings).toEqual([]);
  });
});

describe("reference (referenced-not-provided)", () => {
  it("flags a delegated annex that is not in the input, once", () => {
    const md = "## 要件\n\nセキュリティ要件は別紙１のとおりとする。詳細は別紙1による。\n";
    const f = judge(config, rule("referenced-not-provided"), md).findings;
    expect(f.map((x) => [x.message, x.location])).toEqual([
      ["「別紙１」を参照していますが、その文書（見出し）が入力に含まれていません。", at(3, 10, 3, 13)],
    ]);
  });
  it("accepts the annex as a heading, or as an opening line in heading-less text", () => {
    const rule1 = rule("referenced-not-provided");
    expect(judge(config, rule1, "要件は別紙1のとおり。\n\n## 別紙1 セキュリティ要件\n\n受注者は…").findings).toEqual([]);
    expect(judge(config, rule1, "要件は別紙一のとおり。\n\n（別紙１）セキュリティ要件\n受注者は…").findings).toEqual([]);
  });
  it("accepts a plain title line anywhere in a block (text, Word or pasted PDF), not a sentence naming the annex", () => {
    const ref = rule("referenced-not-provided");
    const pasted = "## 要件\n\nセキュリティ要件は別紙1のとおりとする。\n\n以上のとおりとする。\n別紙１　情報セキュリティ要件\n（1）受注者は、ログを保存すること。\n";
    expect(judge(config, ref, pasted).findings).toEqual([]);
    const wrapped = "## 要件\n\nセキュリティ要件は別紙1のとおりとする。\n\n前文である。\n（別紙1）\n受注者は…\n";
    expect(judge(config, ref, wrapped).findings).toEqual([]);
    const sentence = "## 要件\n\nセキュリティ要件は別紙1のとおりとする。\n\n別紙1のとおり実施すること。\n\n別紙1に定める手順による。\n";
    expect(judge(config, ref, sentence).findings.map((x) => x.location)).toEqual([at(3, 10, 3, 13)]);
  });
  it("does not take 別紙10 for 別紙1, nor count the annex's own title as a second reference", () => {
    const f = judge(config, rule("referenced-not-provided"), "セキュリティ要件は別紙1「要件定義書」のとおり。\n\n## 別紙10 様式\n").findings;
    expect(f.map((x) => x.location)).toEqual([at(1, 10, 1, 13)]);
  });
  it("ignores delegations of matters other than security (forms, maps, price lists)", () => {
    expect(judge(config, rule("referenced-not-provided"), "## 入札\n\n入札書は別紙様式1により提出すること。作業場所は別添2の地図のとおり。\n").findings).toEqual([]);
  });
  it("ignores a document that is merely named, not delegated to", () => {
    expect(judge(config, rule("referenced-not-provided"), "受注者は、要件定義書を作成すること。").findings).toEqual([]);
  });
});
