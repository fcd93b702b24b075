// subject: a duty whose bearer is genuinely ambiguous (labelling.md, "Defects"): right after the
// orderer's own duty, or after a sentence where both parties act.
import { testKind } from "./tester.js";

testKind("subject", {
  rule: { id: "subject-missing", message: "義務の主体が不明確です。",
    params: { actors: ["受注者", "発注者"], ambiguousAfter: ["発注者"], exemptEndings: ["できること"] } },
  silent: [
    { name: "actor-less duties among the contractor's", text: "# 作業\n\n受注者は、仕様を確認すること。納品物を提出すること。\n" },
    { name: "the orderer's role stated, not a duty (検査を行う)", text: "# 検収\n\n発注者は、検査を行う。不合格品は交換すること。\n" },
    { name: "a property, not a duty (〜できること)", text: "# 機能\n\n発注者は、仕様を提示すること。画面から検索できること。\n" },
    { name: "a heading that names the party settles its section", text: "## 発注者の役割\n\n発注者は、仕様を提示すること。納品物を確認すること。\n" },
    { name: "only the sentence right after is ambiguous", text: "# 検収\n\n発注者は、仕様を提示すること。受注者は、作業すること。記録を残すこと。\n" },
  ],
  firing: [
    { name: "an actor-less duty right after the orderer's duty", text: "# 検収\n\n発注者は、仕様を提示すること。納品物を確認すること。\n",
      findings: [{ at: "3:16-3:26", message: "義務の主体が不明確です。" }] },
    { name: "an actor-less duty after joint action (発注者及び受注者は)", text: "# 計画\n\n発注者及び受注者は、協議の上、計画を定めること。変更は書面で行うこと。\n",
      findings: [{ at: "3:25-3:35" }] },
  ],
});
