// consistency: one party, one name per document.
import { testKind } from "./tester.js";

testKind("consistency", {
  rule: { id: "actor-terms", message: "「{match}」と「{other}」が混在しています。", params: { groups: { contractor: ["受注者", "受託者", "乙"] } } },
  silent: [
    { name: "one name throughout", text: "# 仕様\n\n受注者は、パッチを適用すること。\n\n受注者は、ログを保存すること。\n" },
    { name: "an alias introduced on purpose (以下「乙」という)", text: "受注者（以下「乙」という。）は、次のとおり作業する。\n\n乙は、秘密を守ること。\n" },
    { name: "a one-ideograph name inside a longer word (甲府市)", params: { groups: { orderer: ["委託者", "甲"], contractor: ["受託者", "乙"] } },
      text: "委託者は、甲府市丸の内一丁目の本庁舎を貸与する。\n\n受託者は、委託者の指示に従うこと。\n" },
    { name: "the pair 甲乙 and names joined by conjunctions in kanji, in a document that uses them only", params: { groups: { orderer: ["委託者", "甲"], contractor: ["受託者", "乙"] } },
      text: "甲及び乙は、誠実に履行する。\n\n甲乙協議の上定める。乙は、甲の指示に従う。\n" },
    { name: "another party's longer name ending in the word (入力業務受託者)", text: "受注者は、入力業務受託者の管理者に操作を説明すること。\n\n受注者は、秘密を守ること。\n" },
    { name: "a definitions-list entry naming another party", text: "(4)入力作業者 研究所が別途契約する入力業務受託者の従業員をいう。\n\n受注者は、秘密を守ること。\n" },
    { name: "a second name below minCount", params: { minCount: 2 }, text: "受注者は、適用すること。\n\n受注者は、保存すること。\n\n受託者は、守ること。\n" },
  ],
  firing: [
    { name: "one-ideograph names standing alone or side by side (甲乙協議)", params: { groups: { orderer: ["発注者", "甲"], contractor: ["受託者", "乙"] } },
      text: "受託者は、報告すること。\n\n受託者は、保存すること。\n\n詳細は甲乙協議の上定める。\n",
      findings: [{ at: "5:5-5:6", message: "「乙」と「受託者」が混在しています。" }] },
    { name: "a second name, at its first use, against the name used most",
      text: "# 仕様\n\n受注者は、パッチを適用すること。\n\n受注者は、ログを保存すること。\n\n受託者は、秘密を守ること。受託者は報告すること。\n",
      findings: [{ at: "7:1-7:4", message: "「受託者」と「受注者」が混在しています。" }] },
    { name: "each further name once",
      text: "受注者は、適用すること。受注者は、保存すること。\n\n受託者は、守ること。\n\n乙は、報告すること。\n",
      findings: [{ at: "3:1-3:4", message: "「受託者」と「受注者」が混在しています。" }, { at: "5:1-5:2", message: "「乙」と「受注者」が混在しています。" }] },
  ],
});
