// The bundled rulesets: every rule's own examples, the rule id list of issue 4, the fields every rule
// needs, the EOL product table, and the example agency ruleset's overrides.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { runExamples } from "../../src/engine/examples.js";
import { loadRuleset, judge, ROOT } from "./harness.js";
import type { ResolvedConfig } from "../../src/model/ruleset.js";

const CLAUSE_RULES = [
  "sec-section-present", "policy-compliance", "security-org", "security-plan", "compliance-report", "audit-acceptance",
  "staff-education", "confidentiality", "personal-info", "data-handling", "data-deletion", "subcontract-approval",
  "supply-chain", "certification", "incident-report", "incident-cooperation", "emergency-contact", "patch-latest",
  "vuln-info", "vuln-assessment", "eol-software", "malware-protection", "hardening", "net-separation",
  "multi-layer-defense", "monitoring", "log-collection", "log-retention", "access-control", "encryption",
  "secure-development", "security-acceptance-test", "physical-security", "cloud-security", "backup-recovery", "risk-assessment",
];
const DEFECT_RULES = [
  "vague-obligation", "non-mandatory-form", "undefined-deadline", "undefined-period", "eol-product-named", "vendor-specific",
  "missing-section", "outdated-reference", "placeholder-left", "subject-missing", "inconsistent-actor-terms",
  "approval-without-criteria", "obsolete-crypto", "scope-too-narrow", "referenced-not-provided", "threshold-short",
];
const ERRORS = ["patch-latest", "net-separation", "monitoring", "log-collection", "log-retention", "multi-layer-defense",
  "incident-report", "incident-cooperation", "emergency-contact", "confidentiality", "subcontract-approval", "data-deletion"];

let tebiki: ResolvedConfig;
let agency: ResolvedConfig;

describe("mhlw-tebiki", () => {
  it("loads", async () => { tebiki = await loadRuleset("rulesets/mhlw-tebiki.yaml"); });

  it("has exactly the rule ids of issue 4", () => {
    expect(tebiki.rules.map((r) => r.id).sort()).toEqual([...CLAUSE_RULES, ...DEFECT_RULES].sort());
    for (const id of CLAUSE_RULES) expect(tebiki.rules.find((r) => r.id === id)!.kind, id).toBe("require");
  });

  it("gives every rule its texts, source, template clause and at least two good and two bad examples", () => {
    for (const r of tebiki.rules) {
      for (const key of ["title", "message", "messageEn", "source", "suggestion"] as const) expect(r[key], `${r.id}.${key}`).toBeTruthy();
      expect(r.examples?.good?.length ?? 0, `${r.id} good`).toBeGreaterThanOrEqual(2);
      expect(r.examples?.bad?.length ?? 0, `${r.id} bad`).toBeGreaterThanOrEqual(2);
    }
  });

  it("makes the ministry's four points and the outsourcing core errors, certification info", () => {
    for (const r of tebiki.rules) {
      const want = ERRORS.includes(r.id) ? "error" : r.id === "certification" ? "info" : "warning";
      expect(r.severity, r.id).toBe(want);
    }
  });

  it("passes every example", () => {
    const failed = runExamples(tebiki).filter((x) => !x.ok).map((x) => `${x.ruleId} ${x.kind}#${x.index}: ${x.detail}`);
    expect(failed).toEqual([]);
  });

  it("names what is missing in a partial clause", () => {
    const r = tebiki.rules.find((x) => x.id === "incident-report")!;
    const { coverage, findings } = judge(tebiki, r, "受注者は、情報セキュリティインシデントが発生し、又はそのおそれがある場合は、発注者に報告すること。");
    expect(coverage!.status).toBe("partial");
    expect(coverage!.missing).toEqual(["報告期限", "報告内容又は報告方法"]);
    expect(findings[0]!.message).toBe("インシデント報告の条項が不足しています（不足：報告期限、報告内容又は報告方法）。");
  });

  it("labels every element a clause's present expression names, so a missing one is never shown by its key", () => {
    const source = parse(readFileSync(resolve(ROOT, "rulesets/mhlw-tebiki.yaml"), "utf8")) as { rules: { id: string; kind: string; elements?: Record<string, unknown>; present?: unknown; elementLabels?: Record<string, unknown> }[] };
    const named = (expr: unknown): string[] => typeof expr === "string" ? [expr]
      : Array.isArray(expr) ? expr.flatMap(named)
      : expr && typeof expr === "object" ? Object.values(expr as Record<string, unknown>).flatMap(named) : [];
    const unlabelled = source.rules.filter((r) => r.kind === "require" && r.elements).flatMap((r) =>
      named(r.present ?? Object.keys(r.elements!)).filter((n) => n in r.elements! && !r.elementLabels?.[n]).map((n) => `${r.id}.${n}`));
    expect(unlabelled).toEqual([]);
  });

  it("holds on PDF text with spaces inside words and full-width digits", () => {
    const r = tebiki.rules.find((x) => x.id === "log-retention")!;
    expect(judge(tebiki, r, "受注者は、アクセス ロ グ を１年間 保 存 すること。").coverage!.status).toBe("present");
  });

  it("does not take 障害 alone for a security incident", () => {
    const r = tebiki.rules.find((x) => x.id === "incident-report")!;
    expect(judge(tebiki, r, "受注者は、障害が発生した場合は、直ちに発注者に電話で報告すること。").coverage!.status).toBe("absent");
  });

  it("keeps redaction marks apart from template residue", () => {
    const r = tebiki.rules.find((x) => x.id === "placeholder-left")!;
    expect(judge(tebiki, r, "担当：xx課　xxxx（電話 03-xxxx-xxxx）、××係").findings).toEqual([]);
    const f = judge(tebiki, r, "受注者は、契約締結後○○日以内に提出すること。").findings;
    expect(f.map((x) => x.location)).toEqual([{ line: 1, column: 11, endLine: 1, endColumn: 13, region: "body" }]);
  });

  it("knows the 2025 reorganisation of NISC and PPAP", () => {
    const out = tebiki.rules.find((x) => x.id === "outdated-reference")!;
    const f = judge(tebiki, out, "受注者は、内閣サイバーセキュリティセンターの注意喚起に従うこと。").findings;
    expect(f[0]!.message).toBe("「内閣サイバーセキュリティセンター」は現在の名称・制度ではありません（現行：国家サイバー統括室）。");
    const crypto = tebiki.rules.find((x) => x.id === "obsolete-crypto")!;
    expect(judge(tebiki, crypto, "成果物はパスワード付きZIPファイルにして電子メールで送付すること。").findings).toHaveLength(1);
  });
});

describe("missing-section (structure kind: under, annex, title lines)", () => {
  const missing = (md: string) => judge(tebiki, tebiki.rules.find((r) => r.id === "missing-section")!, md).findings.map((f) => f.message);
  it("wants a security heading once 遵守事項 exists (anywhere: placement is sec-section-present's), and reports a missing 遵守事項 once", () => {
    expect(missing("## 1 セキュリティ\n\n対策を講じること。\n\n## 2 遵守事項\n\n## 3 再委託\n")).toEqual([]);
    expect(missing("## 1 業務内容\n\n対策を講じること。\n\n## 2 遵守事項\n\n## 3 再委託\n"))
      .toEqual(["「遵守事項の中の情報セキュリティ管理」に当たる章（見出し）がありません。"]);
    expect(missing("## 1 業務内容\n\n## 2 再委託\n")).toEqual(["「作業の実施に当たっての遵守事項」に当たる章（見出し）がありません。"]);
  });
  it("does not judge a document that is itself an annex or 特記事項, nor an excerpt starting past chapter 1", () => {
    expect(missing("# 情報セキュリティに関する特記事項\n\n## 1 総則\n\n乙は秘密を保持すること。\n")).toEqual([]);
    expect(missing("（別紙2）\n\n# 業務の実施体制\n\n受注者は体制図を提出すること。\n")).toEqual([]);
    expect(missing("## 5 作業の実施体制\n\n受注者は体制図を提出すること。\n\n## 6 成果物\n")).toEqual([]);
  });
  it("accepts 下請負 and 外注 as the subcontract chapter", () => {
    expect(missing("## 1 遵守事項\n\n### 情報セキュリティ管理\n\n## 2 下請負\n")).toEqual([]);
  });
  it("accepts an attached 特記事項 anywhere", () => {
    expect(missing("## 6 遵守事項\n\n## 7 再委託\n\n## 別記 個人情報取扱特記事項\n")).toEqual([]);
  });
  it("reads chapter titles from heading-less text (TOC lines, item titles running into their body)", () => {
    const toc = "目次\n５．作業の実施に当たっての遵守事項 ........ ３\n６．再委託 ........ ４\n\n５．作業の実施に当たっての遵守事項\n（３）情報セキュリティ対策　受注者は、ポリシーを遵守すること。\n";
    expect(missing(toc)).toEqual([]);
  });
});

describe("eol-products.yaml", () => {
  const data = parse(readFileSync(resolve(ROOT, "rulesets/eol-products.yaml"), "utf8")) as { products: Record<string, unknown>[] };
  it("gives every product an id, name, patterns, a real date and a source", () => {
    const ids = new Set<string>();
    for (const p of data.products) {
      expect(typeof p.id).toBe("string");
      expect(ids.has(p.id as string), p.id as string).toBe(false);
      ids.add(p.id as string);
      expect(typeof p.name).toBe("string");
      expect((p.patterns as string[]).length).toBeGreaterThan(0);
      const eos = p.eos instanceof Date ? p.eos.toISOString().slice(0, 10) : String(p.eos);
      expect(eos, p.id as string).toMatch(/^20\d\d-[01]\d-[0-3]\d$/);
      expect(Number.isNaN(Date.parse(eos))).toBe(false);
      expect(p.source, p.id as string).toBeTruthy();
    }
  });
  it("covers the product families of issue 4", () => {
    const names = data.products.map((p) => p.name as string).join("\n");
    for (const family of ["Windows 10", "Windows Server 2012", "Office 2016", "Internet Explorer", "Exchange", "SQL Server 2014",
      "Red Hat Enterprise Linux 7", "CentOS 7", "Ubuntu 20.04", "PHP 8.1", "Java SE 7", "Adobe Flash", "macOS"]) {
      expect(names, family).toContain(family);
    }
  });
  it("reports Windows 10 after 2025-10-14 but Windows Server 2016 only when the contract runs past 2027-01-12", () => {
    const r = tebiki.rules.find((x) => x.id === "eol-product-named")!;
    expect(judge(tebiki, r, "端末のOSはWindows 10とすること。").findings.map((f) => f.message))
      .toEqual(["「Windows 10」は 2025-10-14 にサポートが終了しています（又は契約期間中に終了します）。サポート期間内の製品を指定してください。"]);
    expect(judge(tebiki, r, "サーバOSはWindows Server 2016とすること。").findings).toEqual([]);
    expect(judge(tebiki, r, "契約期間：令和8年4月1日から令和13年3月31日まで\n\nサーバOSはWindows Server 2016とすること。").findings).toHaveLength(1);
    expect(judge(tebiki, r, "端末はWindows 8.1で動作すること。").findings.map((f) => f.message.slice(0, 14))).toEqual(["「Windows 8.1」は"]);
  });
});

describe("agency-example.yaml", () => {
  it("loads on top of mhlw-tebiki", async () => {
    agency = await loadRuleset("rulesets/examples/agency-example.yaml");
    expect(agency.rules.filter((r) => r.rulesetId === "agency-example").map((r) => r.id)).toEqual(["remote-maintenance"]);
  });
  it("turns vendor-specific off with a reason", () => {
    expect(agency.rules.some((r) => r.id === "vendor-specific")).toBe(false);
    expect(agency.disabled.find((r) => r.id === "vendor-specific")!.overrideReason).toContain("保守契約");
  });
  it("tightens log retention to 3 years", () => {
    const text = "受注者は、アクセスログを２年間保存すること。";
    expect(judge(tebiki, tebiki.rules.find((r) => r.id === "threshold-short")!, text).findings).toEqual([]);
    const f = judge(agency, agency.rules.find((r) => r.id === "threshold-short")!, text).findings;
    expect(f.map((x) => [x.message, x.location])).toEqual([["ログの保存期間が２年間で、基準（3年）を満たしていません。", { line: 1, column: 13, endLine: 1, endColumn: 16, region: "body" }]]);
  });
  it("passes every example", () => {
    // Inherited examples are written for the base thresholds; the agency answers for its own rules.
    const failed = runExamples(agency, { rules: ["remote-maintenance"] }).filter((x) => !x.ok).map((x) => `${x.ruleId} ${x.kind}#${x.index}: ${x.detail}`);
    expect(failed).toEqual([]);
  });
});
