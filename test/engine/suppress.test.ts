import { describe, expect, it } from "vitest";
import { lintDocument } from "../../src/engine/index.js";
import type { SpecDocument } from "../../src/model/document.js";
import { config, md } from "./helpers.js";

const c = config([
  { id: "no-kashi", kind: "forbid", message: "{match}", params: { patterns: ["瑕疵担保"] } },
  { id: "no-tekigi", kind: "forbid", message: "{match}", params: { patterns: ["適宜"] } },
]);
const brief = (doc: SpecDocument, requireReason = false) =>
  lintDocument(doc, c, { requireReason }).findings.map((f) => [f.ruleId, f.severity, f.location?.line, f.suppressed ?? null]);

describe("suppression", () => {
  it("disable-next-line suppresses the next block only, keeping the finding with its reason", () => {
    const doc = md("<!-- chotatsu-lint-disable-next-line no-kashi -- 旧契約の引用 -->\n瑕疵担保の条項。\n\n瑕疵担保の条項。\n");
    expect(brief(doc)).toEqual([
      ["no-kashi", "error", 2, { kind: "inline", reason: "旧契約の引用" }],
      ["no-kashi", "error", 4, null],
    ]);
  });
  it("disable … enable covers the lines between, per rule", () => {
    const doc = md("<!-- chotatsu-lint-disable no-kashi -->\n\n瑕疵担保を適宜。\n\n<!-- chotatsu-lint-enable no-kashi -->\n\n瑕疵担保。\n");
    expect(brief(doc)).toEqual([
      ["no-kashi", "error", 3, { kind: "inline" }],
      ["no-tekigi", "error", 3, null],
      ["no-kashi", "error", 7, null],
    ]);
  });
  it("disable-file suppresses everywhere, with kind file", () => {
    const doc = md("<!-- chotatsu-lint-disable-file no-tekigi -- 様式の引用 -->\n\n適宜。\n\n適宜。\n");
    expect(brief(doc)).toEqual([
      ["no-tekigi", "error", 3, { kind: "file", reason: "様式の引用" }],
      ["no-tekigi", "error", 5, { kind: "file", reason: "様式の引用" }],
    ]);
  });
  it("a Word comment (disable-block) suppresses its paragraphs", () => {
    const doc = md("瑕疵担保。\n\n瑕疵担保。\n");
    doc.directives.push({ kind: "disable-block", rules: ["no-kashi"], reason: "引用", location: { line: 3, column: 1, endLine: 3, endColumn: 6 }, targetLines: { from: 3, to: 3 } });
    expect(brief(doc)).toEqual([["no-kashi", "error", 1, null], ["no-kashi", "error", 3, { kind: "inline", reason: "引用" }]]);
  });
  it("reports a directive that suppresses nothing", () => {
    const doc = md("<!-- chotatsu-lint-disable-next-line no-kashi -- 念のため -->\n適宜。\n");
    expect(brief(doc)).toEqual([["unused-directive", "warning", 1, null], ["no-tekigi", "error", 2, null]]);
    expect(lintDocument(doc, c).findings[0]!.message).toBe("抑制コメント（chotatsu-lint-disable-next-line no-kashi）は何も抑制していません。不要なら削除してください。");
  });
  it("a directive without a reason is allowed, but an error with requireReason", () => {
    const doc = md("<!-- chotatsu-lint-disable-next-line -->\n瑕疵担保。\n");
    expect(brief(doc)).toEqual([["no-kashi", "error", 2, { kind: "inline" }]]);
    expect(brief(doc, true)).toEqual([["directive-reason", "error", 1, null], ["no-kashi", "error", 2, { kind: "inline" }]]);
  });
  it("turns reader notices into unseen-content warnings", () => {
    const doc = md("本文。\n");
    doc.notices.push({ code: "unseen-content", what: "altChunk", count: 2, location: { line: 1, column: 1, endLine: 1, endColumn: 1 } });
    const r = lintDocument(doc, c);
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual([["unseen-content", "warning", "検査できない内容があります: altChunk（2 件）。この部分は目視で確認してください。"]]);
  });
});
