// reference: a delegation to 別紙N / 要件定義書 needs that document in the input.
import { describe, expect, it } from "vitest";
import { lintDocument } from "../../../src/engine/index.js";
import { config, md } from "../helpers.js";
import { testKind } from "./tester.js";

testKind("reference", {
  rule: { id: "referenced-not-provided", message: "「{match}」が入力にありません。",
    params: { patterns: ["re:別紙[0-9０-９]+", "要件定義書", "re:「[^」]{0,30}特記事項」"], when: { any: ["のとおり", "に定める", "を遵守", "による"] }, about: { any: ["セキュリティ"] }, unless: { any: ["re:別紙[0-9]+の様式"] }, prefer: { any: ["については"] } } },
  silent: [
    { name: "the annex is there as a heading", text: "# 仕様\n\nセキュリティ要件は別紙1のとおりとする。\n\n## 別紙1 情報セキュリティ要件\n\n受注者は、…。\n" },
    { name: "the annex is there as a title line without heading style", text: "セキュリティ要件は別紙１のとおりとする。\n\n別紙1　情報セキュリティ要件\n\n受注者は、…。\n" },
    { name: "not a delegation (no のとおり / に定める)", text: "セキュリティ要件は別紙1で示す。\n" },
    { name: "a delegation of something else (a price list)", text: "単価は別紙1のとおりとする。\n" },
    { name: "a form to fill in, in a sentence on security", text: "セキュリティ体制図（別紙3の様式による。）を提出し、別紙3のとおり記載すること。\n" },
    { name: "a named annex's title line after its label", text: "セキュリティ要件は「情報セキュリティ特記事項」を遵守すること。\n\n別記　情報セキュリティ特記事項\n\n受注者は、…。\n" },
    { name: "the annex's own title line is not a reference", text: "別紙1 情報セキュリティ要件のとおり\n" },
    { name: "a list of annexes and the annex itself further on",
      text: "# 仕様\n\nセキュリティ要件は別紙1のとおりとする。\n\n## 10 附属文書\n\n- 別紙1 情報セキュリティ要件\n\n# 別紙1 情報セキュリティ要件\n\n受注者は、…。\n" },
  ],
  firing: [
    { name: "a missing annex, at the reference", text: "# 仕様\n\nセキュリティ要件は別紙1のとおりとする。\n",
      findings: [{ at: "3:10-3:13", message: "「別紙1」が入力にありません。" }] },
    { name: "one finding per missing document, at its first reference",
      text: "セキュリティ要件は要件定義書に定める。\n\nセキュリティの詳細も要件定義書に定める。\n", findings: [{ at: "1:10-1:15" }] },
    { name: "at the sentence handing a matter to it, not at a lead listing every document to follow",
      text: "受託者は、「委託契約約款」及び「情報セキュリティ特記事項」を遵守すること。\n\nセキュリティの取扱いについては、「情報セキュリティ特記事項」による。\n",
      findings: [{ at: "3:17-3:31" }] },
    { name: "別紙10 is not 別紙1", text: "セキュリティ要件は別紙1のとおりとする。\n\n## 別紙10 料金表\n", findings: [{ at: "1:10-1:13" }] },
    { name: "an entry of a list of documents is not the annex (under 附属文書)",
      text: "# 仕様\n\nセキュリティ要件は別紙1のとおりとする。\n\n## 10 附属文書\n\n- 別紙1 情報セキュリティ要件（入札説明書と併せて配付）\n", findings: [{ at: "3:10-3:13" }] },
    { name: "a title whose body is said to be elsewhere (省略, 契約書に添付) does not supply the annex",
      text: "受託者は、情報セキュリティについて別記「個人情報取扱特記事項」を遵守すること。\n\n別紙1 機能要件一覧（省略）\n別記 個人情報取扱特記事項（契約書に添付）\n", findings: [{ at: "1:20-1:32" }] },
    { name: "a heading whose body is said to be elsewhere does not supply the annex",
      text: "セキュリティ要件は別紙1のとおりとする。\n\n## 別紙1 情報セキュリティ要件（別途配付）\n", findings: [{ at: "1:10-1:13" }] },
    { name: "a heading under 附属文書 whose body points back is not the annex",
      text: "# 仕様\n\nセキュリティ要件は要件定義書のとおりとする。\n\n## 11 附属文書\n\n### (1) 要件定義書\n\n別紙1のとおり。\n", findings: [{ at: "3:10-3:15" }] },
    { name: "a line of a sentence broken by the page width names the annex, it does not title it",
      text: "受託者は、本業務の情報セキュリティについて、別記「情報セキュリティ特記事項」を遵守\nすること。\n", findings: [{ at: "1:25-1:39" }] },
    { name: "a line cut right after the name, with a comma before it, names the annex, it does not title it",
      text: "機能要件及びセキュリティ要件は、「要件定義書」\nのとおりとする。\n", findings: [{ at: "1:18-1:23" }] },
    { name: "a table of contents listing the annex does not supply it",
      text: "目次\n\n1 概要 .......... 1\n2 要件 .......... 2\n別紙1 情報セキュリティ要件\n\nセキュリティ要件は別紙1のとおりとする。\n", findings: [{ at: "7:10-7:13" }] },
    { name: "an entry under a lead listing documents, read as a short numbered heading, is not the annex",
      text: "# 仕様\n\nセキュリティ要件は別紙1のとおりとする。\n\n受注者は、次の規程及び関連文書に従うこと。\n\n### ③ 別紙1 情報セキュリティ要件\n", findings: [{ at: "3:10-3:13" }] },
    { name: "an item under a lead listing documents is not the annex",
      text: "# 仕様\n\nセキュリティ要件は別紙1のとおりとする。\n\n受注者は、次の規程及び関連文書に従うこと。\n\n- 別紙1 情報セキュリティ要件\n- 契約書\n", findings: [{ at: "3:10-3:13" }] },
  ],
});

describe("reference reads the model's title lines", () => {
  it("an annex title line marked by the reader provides the annex; without the mark it does not", () => {
    const c = config([{ id: "ref", kind: "reference", message: "「{match}」", params: { patterns: ["re:別紙[0-9]+"], when: { any: ["のとおり"] } } }]);
    const doc = md("要件は別紙1のとおりとする。\n\n（別紙1）\n情報セキュリティ要件\n");
    expect(lintDocument(doc, c).findings).toEqual([]);
    for (const b of doc.blocks) delete b.titleLines;
    expect(lintDocument(doc, c).findings.map((f) => f.message)).toEqual(["「別紙1」"]);
  });
});
