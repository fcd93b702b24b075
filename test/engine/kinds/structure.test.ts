// structure: required sections exist.
import { describe, expect, it } from "vitest";
import { lintDocument } from "../../../src/engine/index.js";
import { config, md } from "../helpers.js";

const lint = (text: string, c: ReturnType<typeof config>) => lintDocument(md(text), c);
const locs = (r: ReturnType<typeof lint>) => r.findings.map((f) => [f.ruleId, f.location?.line, f.location?.column, f.location?.endLine, f.location?.endColumn]);

describe("structure", () => {
  const c = config([{ id: "sections", kind: "structure", message: "「{missing}」の章がありません",
    params: { sections: { compliance: { any: ["遵守事項"], label: { ja: "作業の実施に当たっての遵守事項", en: "compliance" } }, subcontract: { any: ["再委託"] } } } }]);
  it("reports each missing section at the top", () => {
    const r = lint("# 調達仕様書\n\n## 作業の実施に当たっての遵守事項\n\n再委託は禁止する。\n", c);
    expect(r.findings.map((f) => [f.message, f.location])).toEqual([["「subcontract」の章がありません", { line: 1, column: 1, endLine: 1, endColumn: 1 }]]);
  });
  it("without headings, judges the title lines the reader marked on the model (Block.titleLines)", () => {
    const doc = md("調達仕様書\n\n作業の実施に当たっての遵守事項 …… 3\n\n受注者は、再委託の承認を得ること。\n\n再委託 …… 5\n");
    expect(lintDocument(doc, c).findings).toEqual([]);
    // The same text without the marks: the kind reads the model, not the text again.
    for (const b of doc.blocks) delete b.titleLines;
    expect(lintDocument(doc, c).findings.map((f) => f.message).sort()).toEqual(["「subcontract」の章がありません", "「作業の実施に当たっての遵守事項」の章がありません"]);
  });
  it("skips an excerpt that starts past the first chapter, but judges a spec written in articles (第2条 is no chapter)", () => {
    const withNotOn = config([{ id: "sections", kind: "structure", message: "「{missing}」の章がありません",
      params: { notOn: ["特記事項"], sections: { compliance: { any: ["遵守事項"] }, subcontract: { any: ["再委託"] } } } }]);
    expect(lint("# 調達仕様書（抜粋）\n\n## 第3章 業務内容\n\n受注者は、清掃を行うこと。\n", withNotOn).findings).toEqual([]);
    const articles = lint("# 清掃業務委託仕様書\n\n## 第2条 業務内容\n\n受注者は、清掃を行うこと。\n\n## 第3条 遵守事項\n\n受注者は、法令を守ること。\n", withNotOn);
    expect(articles.findings.map((f) => f.message)).toEqual(["「subcontract」の章がありません"]);
  });
  it("is silent when every section exists", () => {
    expect(lint("# 調達仕様書\n\n## 遵守事項\n\n## 再委託に関する事項\n", c).findings).toEqual([]);
  });
});
