import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { readDocx } from "../../src/readers/docx/index.js";
import { lintDocument } from "../../src/engine/index.js";
import { config } from "./helpers.js";

const doc = () => readDocx(new Uint8Array(readFileSync(new URL("../../fixtures/docx/outline.docx", import.meta.url))), "outline.docx");

const c = config([
  { id: "patch-latest", kind: "require", section: ["情報セキュリティ"],
    params: { match: { all: ["最新", "セキュリティパッチ", "適用"], obligation: true } } },
  { id: "incident-report", kind: "require", section: ["情報セキュリティ"],
    params: { match: { all: ["インシデント", "報告"], obligation: true } } },
  { id: "log-retention", kind: "threshold", message: "{amount} < {bound}",
    params: { checks: { log: { match: { all: ["ログ"], any: ["保存"] }, min: "3年" } } } },
  { id: "firewall-word", kind: "forbid", message: "{match}", params: { patterns: ["ファイアウォール"] } },
  { id: "structure-sections", kind: "structure", message: "{missing}", params: { sections: { subcontract: { any: ["再委託"] } } } },
  { id: "vague", kind: "vague", message: "{match}", params: { qualifiers: ["求めに応じて"] } },
]);

describe("engine on a Word document", () => {
  it("finds, locates (paragraph ordinal and column) and suppresses via Word comments", () => {
    const r = lintDocument(doc(), c);
    expect(r.coverage["patch-latest"]).toEqual({ status: "present", applies: true, missing: [], evidence: { line: 18, paragraph: 18, text: expect.any(String) } });
    expect(r.coverage["incident-report"]).toMatchObject({ status: "absent", evidence: null });
    expect(r.findings.map((f) => [f.ruleId, f.location?.line, f.location?.column, f.location?.endColumn, f.suppressed?.kind ?? null, f.suppressed?.reason ?? null]))
      .toEqual([
        ["structure-sections", 1, 1, 1, "file", "様式上の例外"],
        ["incident-report", 7, 1, 9, null, null],
        ["log-retention", 10, 13, 16, "inline", "別契約で定める"],
        ["firewall-word", 13, 1, 9, null, null],
        ["vague", 14, 8, 14, null, null],
      ]);
    expect(r.findings[1]!.sectionPath).toEqual(["第2章 情報セキュリティ"]);
    expect(r.findings[3]!.sectionPath).toEqual(["第2章 情報セキュリティ", "（1） ログ管理", "イ 保護"]);
  });
  it("is silent on the good clauses, and reports the Word comments that suppress nothing", () => {
    const ok = config([
      { id: "log-retention", kind: "threshold", message: "{amount}", params: { checks: { log: { match: { all: ["ログ"], any: ["保存"] }, min: "1年" } } } },
      { id: "patch-latest", kind: "require", params: { match: { all: ["最新", "セキュリティパッチ", "適用"], obligation: true } } },
    ]);
    // Only the Word comments are left over: they now suppress nothing.
    expect(lintDocument(doc(), ok).findings.map((f) => [f.ruleId, f.severity, f.location?.line])).toEqual([
      ["unused-directive", "warning", 1], ["unused-directive", "warning", 10],
    ]);
  });
});
