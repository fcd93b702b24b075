// Hand-made results that exercise every formatter branch: Word table cell, header region,
// Markdown position, suppressed finding, unreadable file, coverage entries.
import type { FileResult } from "../../src/model/finding.js";
import type { RuleInfo } from "../../src/formatters/report.js";
import fs from "node:fs";
import type { Report } from "../../src/formatters/report.js";
import { buildReport } from "../../src/formatters/report.js";
import { renderDraft } from "../../src/formatters/docx-html.js";
import { readSpec } from "../../src/readers/index.js";

export const rules: RuleInfo[] = [
  { id: "patch-latest", kind: "require", severity: "error", title: "最新のセキュリティパッチ適用の要求", titleEn: "Latest security patches",
    source: "手引き 技術的対策", suggestion: "受注者は、最新のセキュリティパッチを適用すること。", rulesetId: "mhlw-tebiki" },
  { id: "vague-qualifier", kind: "vague", severity: "warning", title: "曖昧な義務表現", source: "SBDマニュアル", rulesetId: "mhlw-tebiki" },
];

export const files: FileResult[] = [
  {
    uri: "specs/b.md", format: "markdown", error: null, coverage: {},
    findings: [
      { ruleId: "vague-qualifier", severity: "warning", message: "「適宜」で義務が弱められています: 100%, a:b\r\nnext", uri: "specs/b.md",
        location: { line: 12, column: 5, endLine: 12, endColumn: 7 }, sectionPath: ["5. 情報セキュリティ", "(2) ログ管理"],
        excerpt: "適宜", fingerprint: "fp-b1" },
      { ruleId: "vague-qualifier", severity: "warning", message: "抑止された指摘", uri: "specs/b.md",
        location: { line: 3, column: 1, endLine: 3, endColumn: 4 }, fingerprint: "fp-b2",
        suppressed: { kind: "inline", reason: "既存契約のため" } },
    ],
  },
  {
    uri: "specs/a.docx", format: "docx", error: null,
    coverage: {
      "patch-latest": { status: "partial", applies: true, missing: ["apply"], why: "elements-missing",
        evidence: { line: 40, paragraph: 40, text: "パッチの情報を収集すること。" } },
      "log-retention": { status: "absent", applies: false, missing: [], evidence: null,
        notApplying: "適用条件を満たさない: system（情報システム・本システム・当該システム など が 3 回以上）" },
    },
    findings: [
      { ruleId: "patch-latest", severity: "error", status: "partial", message: "パッチ適用の条項が不足しています（不足: 適用）。", uri: "specs/a.docx",
        location: { line: 40, column: 3, endLine: 40, endColumn: 20, paragraph: 40, region: "body", table: { index: 3, row: 5, column: 2 } },
        sectionPath: ["第5章 情報セキュリティ", "(3) 脆弱性対策"], suggestion: "受注者は、最新のセキュリティパッチを適用すること。",
        source: "手引き 技術的対策", fingerprint: "fp-a1" },
      { ruleId: "vague-qualifier", severity: "info", message: "ヘッダーの指摘 <&>", uri: "specs/a.docx",
        location: { line: 1, column: 1, endLine: 1, endColumn: 5, paragraph: 1, region: "header", table: null }, fingerprint: "fp-a2" },
    ],
  },
  {
    uri: "specs/old.doc", format: null, error: { code: "legacy-doc", message: "旧形式の Word 文書 (.doc) です。" },
    findings: [], coverage: {},
  },
];

export const report = buildReport(files, rules, "0.1.0");

/** `report` with each Word file's draft rendered from `file`, as the worker of an HTML run does. */
export async function drafted(r: Report, file: string): Promise<Report> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const draft = await renderDraft(bytes, (await readSpec(bytes, file)).blocks);
  return { ...r, files: r.files.map((f) => (f.format === "docx" && !f.error ? { ...f, draft } : f)) };
}
