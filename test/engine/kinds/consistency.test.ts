// consistency: one party, one name per document.
import { testKind } from "./tester.js";

testKind("consistency", {
  rule: { id: "actor-terms", message: "「{match}」と「{other}」が混在しています。", params: { groups: { contractor: ["受注者", "受託者", "乙"] } } },
  silent: [
    { name: "one name throughout", text: "# 仕様\n\n受注者は、パッチを適用すること。\n\n受注者は、ログを保存すること。\n" },
    { name: "an alias introduced on purpose (以下「乙」という)", text: "受注者（以下「乙」という。）は、次のとおり作業する。\n\n乙は、秘密を守ること。\n" },
    { name: "a second name below minCount", params: { minCount: 2 }, text: "受注者は、適用すること。\n\n受注者は、保存すること。\n\n受託者は、守ること。\n" },
  ],
  firing: [
    { name: "a second name, at its first use, against the name used most",
      text: "# 仕様\n\n受注者は、パッチを適用すること。\n\n受注者は、ログを保存すること。\n\n受託者は、秘密を守ること。受託者は報告すること。\n",
      findings: [{ at: "7:1-7:4", message: "「受託者」と「受注者」が混在しています。" }] },
    { name: "each further name once",
      text: "受注者は、適用すること。受注者は、保存すること。\n\n受託者は、守ること。\n\n乙は、報告すること。\n",
      findings: [{ at: "3:1-3:4", message: "「受託者」と「受注者」が混在しています。" }, { at: "5:1-5:2", message: "「乙」と「受注者」が混在しています。" }] },
  ],
});
