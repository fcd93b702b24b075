import { describe, expect, it } from "vitest";
import { files, report, rules } from "./sample.js";
import { buildReport } from "../../src/formatters/report.js";
import { formatJson } from "../../src/formatters/json.js";
import { formatGithub, escapeData, escapeProperty } from "../../src/formatters/github.js";
import { formatJunit } from "../../src/formatters/junit.js";
import { formatGitlab } from "../../src/formatters/gitlab.js";
import { formatSarif } from "../../src/formatters/sarif.js";
import { formatRdjson, utf8Column } from "../../src/formatters/rdjson.js";
import { ruleDocsBase, ruleHelpUri } from "../../src/formatters/rule-docs.js";
import { validate as validateRdjson } from "@umbrelladocs/rdformat-validator";
import { formatStylish } from "../../src/formatters/stylish.js";
import { escapeXml } from "../../src/formatters/xml.js";
import { SaxesParser } from "saxes";

/** Parses XML strictly and returns the attribute values of every element named `name`. */
function parseXml(xml: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => { if (tag.name === name) found.push(tag.attributes as Record<string, string>); });
  parser.write(xml).close();
  return found;
}

const ja = { locale: "ja" as const, color: false, quiet: false };

describe("report building", () => {
  it("sorts files by uri and findings by position, and counts only unsuppressed findings", () => {
    expect(report.files.map((f) => f.uri)).toEqual(["specs/a.docx", "specs/b.md", "specs/old.doc"]);
    // body before header (region order), then line
    expect(report.files[0]!.findings.map((f) => f.fingerprint)).toEqual(["fp-a1", "fp-a2"]);
    expect(report.files[1]!.findings.map((f) => f.fingerprint)).toEqual(["fp-b2", "fp-b1"]);
    expect(report.summary).toEqual({ files: 3, errors: 1, warnings: 1, infos: 1, unreadable: 1, suppressed: 1 });
  });
});

describe("json", () => {
  const out = JSON.parse(formatJson(report));
  it("follows the contract key order", () => {
    expect(Object.keys(out)).toEqual(["tool", "files", "summary"]);
    expect(out.tool).toEqual({ name: "chotatsu-lint", version: "0.1.0" });
    expect(Object.keys(out.files[0])).toEqual(["uri", "format", "error", "findings", "coverage"]);
    expect(Object.keys(out.files[0].findings[0])).toEqual(["ruleId", "severity", "status", "message", "location",
      "sectionPath", "excerpt", "snippet", "scope", "belongsIn", "suggestion", "source", "fingerprint"]);
    expect(out.summary).toEqual({ files: 3, errors: 1, warnings: 1, infos: 1, unreadable: 1 });
  });
  it("writes Word locations with paragraph, region and table", () => {
    expect(out.files[0].findings[0].location).toEqual({ line: 40, column: 3, endLine: 40, endColumn: 20, paragraph: 40,
      region: "body", table: { index: 3, row: 5, column: 2 }, host: null, note: null });
    expect(out.files[1].findings[1].location).toEqual({ line: 12, column: 5, endLine: 12, endColumn: 7, paragraph: null,
      region: "body", table: null, host: null, note: null });
  });
  it("carries the snippet, the scope of a whole-document gap and a footnote's host paragraph (issue 8)", () => {
    const f = report.files[0]!;
    const withPlaces = { ...report, files: [{ ...f, findings: [
      { ...f.findings[0]!, snippet: { before: "受注者は、", match: "パッチ", after: "を適用すること。" },
        location: { ...f.findings[0]!.location!, region: "footnote" as const, host: 16, note: 1 } },
      { ...f.findings[1]!, scope: "document" as const, belongsIn: "第2章 情報セキュリティ" },
    ] }] };
    const j = JSON.parse(formatJson(withPlaces));
    expect(j.files[0].findings[0]).toMatchObject({ snippet: { before: "受注者は、", match: "パッチ", after: "を適用すること。" },
      scope: "place", belongsIn: null, location: { region: "footnote", host: 16, note: 1 } });
    expect(j.files[0].findings[1]).toMatchObject({ snippet: null, scope: "document", belongsIn: "第2章 情報セキュリティ" });
    const sarif = JSON.parse(formatSarif(withPlaces, ja)).runs[0].results;
    expect(sarif[0].locations[0].physicalLocation.region.snippet).toEqual({ text: "パッチ" });
    expect(sarif[1].properties).toEqual({ scope: "document", belongsIn: "第2章 情報セキュリティ" });
  });
  it("omits status for non-clause findings and shows suppression", () => {
    expect("status" in out.files[1].findings[1]).toBe(false);
    expect(out.files[1].findings[0].suppressed).toEqual({ kind: "inline", reason: "既存契約のため" });
    expect("suppressed" in out.files[1].findings[1]).toBe(false);
  });
  it("carries coverage sorted by rule id and unreadable errors", () => {
    expect(Object.keys(out.files[0].coverage)).toEqual(["log-retention", "patch-latest"]);
    expect(out.files[0].coverage["patch-latest"]).toEqual({ status: "partial", applies: true, missing: ["apply"], why: "elements-missing",
      evidence: { line: 40, paragraph: 40, text: "パッチの情報を収集すること。" } });
    expect(out.files[0].coverage["log-retention"]).toMatchObject({ status: "absent", why: null, evidence: null });
    expect(out.files[2]).toEqual({ uri: "specs/old.doc", format: null, error: { code: "legacy-doc", message: "旧形式の Word 文書 (.doc) です。" }, findings: [], coverage: {} });
  });
});

describe("github", () => {
  it("escapes data and properties as the runner expects", () => {
    expect(escapeData("100%\r\na:b,c")).toBe("100%25%0D%0Aa:b,c");
    expect(escapeProperty("100%\r\na:b,c")).toBe("100%25%0D%0Aa%3Ab%2Cc");
  });
  it("annotates Markdown with positions, Word without line numbers, unreadable files as errors", () => {
    const lines = formatGithub(report, ja).trimEnd().split("\n");
    expect(lines).toEqual([
      "::error file=specs/a.docx,title=patch-latest (エラー)::[段落 40] パッチ適用の条項が不足しています（不足: 適用）。%0A第5章 情報セキュリティ > (3) 脆弱性対策",
      "::notice file=specs/a.docx,title=vague-qualifier (情報)::[段落 1] ヘッダーの指摘 <&>",
      "::warning file=specs/b.md,line=12,col=5,endLine=12,endColumn=7,title=vague-qualifier (警告)::「適宜」で義務が弱められています: 100%25, a:b%0D%0Anext%0A5. 情報セキュリティ > (2) ログ管理",
      "::error file=specs/old.doc,title=chotatsu-lint legacy-doc::旧形式の Word 文書 (.doc) です。",
    ]);
  });
});

describe("gitlab (Code Quality)", () => {
  const issues = JSON.parse(formatGitlab(report, ja)) as { description: string; check_name: string; fingerprint: string; severity: string;
    location: { path: string; lines: { begin: number; end?: number } } }[];
  it("gives one issue per visible finding and per unreadable file, with GitLab severities and lines", () => {
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines])).toEqual([
      ["patch-latest", "major", "specs/a.docx", { begin: 1 }],
      ["vague-qualifier", "info", "specs/a.docx", { begin: 1 }],
      ["vague-qualifier", "minor", "specs/b.md", { begin: 12, end: 12 }],
      ["chotatsu-lint/legacy-doc", "critical", "specs/old.doc", { begin: 1 }],
    ]);
    expect(issues[0]!.description).toBe("[段落 40] パッチ適用の条項が不足しています（不足: 適用）。 (第5章 情報セキュリティ > (3) 脆弱性対策)");
  });
  it("keys every issue by a distinct, stable fingerprint", () => {
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    for (const i of issues) expect(i.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(formatGitlab(report, ja)).toBe(formatGitlab(report, ja));
    expect(JSON.parse(formatGitlab(report, { ...ja, quiet: true })).map((i: { check_name: string }) => i.check_name))
      .toEqual(["patch-latest", "chotatsu-lint/legacy-doc"]);
  });
});

describe("junit", () => {
  const xml = formatJunit(report, ja);
  it("has one suite per file and one case per active rule", () => {
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml).toContain('<testsuite name="specs/a.docx" tests="2" failures="2" errors="0">');
    expect(xml).toContain('<testsuite name="specs/b.md" tests="2" failures="1" errors="0">');
    expect(xml).toContain('<testcase name="patch-latest: 最新のセキュリティパッチ適用の要求" classname="specs/b.md"/>');
    expect(xml).toContain('<testsuite name="specs/old.doc" tests="1" failures="0" errors="1">');
    expect(xml).toContain('<error type="legacy-doc" message="旧形式の Word 文書 (.doc) です。"/>');
  });
  it("is well-formed XML whose attributes read back exactly", () => {
    const failures = parseXml(xml, "failure");
    expect(failures.map((f) => f.message)).toContain("「適宜」で義務が弱められています: 100%, a:b\r\nnext");
    expect(parseXml(xml, "testsuite").map((s) => s.name)).toEqual(["specs/a.docx", "specs/b.md", "specs/old.doc"]);
  });
  it("escapes text and attributes", () => {
    expect(xml).toContain("ヘッダー: ヘッダーの指摘 &lt;&amp;&gt;");
    expect(xml).toContain('message="「適宜」で義務が弱められています: 100%, a:b&#13;&#10;next"');
    expect(escapeXml("a\u0001b\uD800c")).toBe("abc");
  });
});

describe("rdjson (reviewdog)", () => {
  // Line 12 of specs/b.md: the finding spans 「適宜」 at UTF-16 columns 5–7, after four 3-byte characters.
  const b = new TextEncoder().encode(["# x", ...Array(10).fill(""), "ログは、適宜保存すること。"].join("\r\n"));
  const readSource = async (uri: string) => (uri === "specs/b.md" ? b : null);
  const published = { ...report, rules: report.rules.map((r) => ({ ...r, helpUri: `https://example.org/docs/rules/mhlw-tebiki.md#${r.id}` })),
    tool: { ...report.tool, informationUri: "https://example.org/docs/rules/" } };
  type Rd = { source: { name: string; url?: string }; diagnostics: { message: string; severity: string; code: { value: string; url?: string };
    location: { path: string; range?: { start: { line: number; column?: number }; end?: { line: number; column?: number } } } }[] };

  it("counts columns in UTF-8 bytes, as reviewdog's Position says ('a𐐀b': b is column 6)", () => {
    expect(utf8Column("a𐐀b", 1)).toBe(1);
    expect(utf8Column("a𐐀b", 2)).toBe(2);
    expect(utf8Column("a𐐀b", 4)).toBe(6);
    expect(utf8Column("ログは、適宜", 5)).toBe(13);
    expect(utf8Column("ab", 3)).toBe(3); // the exclusive end just past the line
  });
  it("gives one diagnostic per visible finding and unreadable file, byte ranges from the decoded source", async () => {
    const rd = JSON.parse(await formatRdjson(published, { ...ja, readSource })) as Rd;
    expect(rd.source).toEqual({ name: "chotatsu-lint", url: "https://example.org/docs/rules/" });
    expect(rd.diagnostics.map((d) => [d.code.value, d.severity, d.location.path])).toEqual([
      ["patch-latest", "ERROR", "specs/a.docx"], ["vague-qualifier", "INFO", "specs/a.docx"],
      ["vague-qualifier", "WARNING", "specs/b.md"], ["chotatsu-lint/legacy-doc", "ERROR", "specs/old.doc"],
    ]);
    expect(rd.diagnostics[2]!.location.range).toEqual({ start: { line: 12, column: 13 }, end: { line: 12, column: 19 } });
    // Word: paragraph ordinals are not lines, so no range; the message names the paragraph.
    expect(rd.diagnostics[0]!.location.range).toBeUndefined();
    expect(rd.diagnostics[0]!.message).toBe("[段落 40] パッチ適用の条項が不足しています（不足: 適用）。\n第5章 情報セキュリティ > (3) 脆弱性対策\n受注者は、最新のセキュリティパッチを適用すること。");
    expect(rd.diagnostics[0]!.code.url).toBe("https://example.org/docs/rules/mhlw-tebiki.md#patch-latest");
  });
  it("falls back to whole lines when the text is not at hand (stdin), and keeps file: links out of review comments", async () => {
    const local = { ...report, rules: report.rules.map((r) => ({ ...r, helpUri: `file:///pkg/docs/rules/mhlw-tebiki.md#${r.id}` })) };
    const rd = JSON.parse(await formatRdjson(local, ja)) as Rd;
    expect(rd.diagnostics[2]!.location.range).toEqual({ start: { line: 12 }, end: { line: 12 } });
    expect(rd.diagnostics.every((d) => d.code.url === undefined)).toBe(true);
    expect(rd.source.url).toBeUndefined();
  });
  it("passes a strict RDFormat validator, and the validator rejects a broken document", async () => {
    const text = await formatRdjson(published, { ...ja, readSource });
    const ok = await validateRdjson(text, { strictMode: true, allowExtraFields: false });
    expect(ok.errors).toEqual([]);
    expect(ok.valid).toBe(true);
    const broken = JSON.parse(text) as Rd;
    broken.diagnostics[2]!.location.range!.start.column = 0;
    expect((await validateRdjson(JSON.stringify(broken), { strictMode: true, allowExtraFields: false })).valid).toBe(false);
  });
});

describe("rule docs links", () => {
  const documented = new Map([["mhlw-tebiki", "mhlw-tebiki"]]);
  it("point at the rule's anchor in the generated page, published or installed", () => {
    expect(ruleHelpUri("mhlw-tebiki", "patch-latest", { documented, packageRoot: "/pkg", docsUrl: "https://example.org/r" }))
      .toBe("https://example.org/r/mhlw-tebiki.md#patch-latest");
    expect(ruleHelpUri("mhlw-tebiki", "patch-latest", { documented, packageRoot: "/opt/chotatsu lint" }))
      .toBe("file:///opt/chotatsu%20lint/docs/rules/mhlw-tebiki.md#patch-latest");
    expect(ruleDocsBase({ packageRoot: "/pkg", docsUrl: "https://example.org/r/" })).toBe("https://example.org/r/");
  });
  it("are absent for a ruleset without a generated page (an agency's own)", () => {
    expect(ruleHelpUri("agency", "x", { documented, packageRoot: "/pkg" })).toBeUndefined();
  });
  it("reach SARIF as helpUri and informationUri", () => {
    const sarif = JSON.parse(formatSarif({ ...report, rules: [{ ...rules[0]!, helpUri: "https://example.org/r/mhlw-tebiki.md#patch-latest" }, rules[1]!],
      tool: { ...report.tool, informationUri: "https://example.org/r/" } }, ja));
    expect(sarif.runs[0].tool.driver.informationUri).toBe("https://example.org/r/");
    expect(sarif.runs[0].tool.driver.rules[0].helpUri).toBe("https://example.org/r/mhlw-tebiki.md#patch-latest");
    expect(sarif.runs[0].tool.driver.rules[1].helpUri).toBeUndefined();
  });
});

describe("sarif", () => {
  const sarif = JSON.parse(formatSarif(report, ja));
  const run = sarif.runs[0];
  it("is SARIF 2.1.0 with rule metadata and UTF-16 columns", () => {
    expect(sarif.version).toBe("2.1.0");
    expect(run.columnKind).toBe("utf16CodeUnits");
    expect(run.tool.driver.rules[0]).toMatchObject({ id: "patch-latest", name: "PatchLatest",
      shortDescription: { text: "最新のセキュリティパッチ適用の要求" }, defaultConfiguration: { level: "error" } });
    expect(run.tool.driver.rules[0].help.text).toContain("受注者は、最新のセキュリティパッチを適用すること。");
  });
  it("gives findings of rules outside the active list a descriptor and an index", () => {
    const extra = JSON.parse(formatSarif({ ...report, files: [{ ...report.files[1]!, findings: [{ ...report.files[1]!.findings[0]!, ruleId: "unused-directive" }] }] }, ja));
    expect(extra.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["patch-latest", "vague-qualifier", "unused-directive"]);
    expect(extra.runs[0].results[0].ruleIndex).toBe(2);
  });
  it("has results with level, region, fingerprints and suppressions", () => {
    expect(run.results).toHaveLength(4);
    expect(run.results[0]).toMatchObject({ ruleId: "patch-latest", ruleIndex: 0, level: "error",
      partialFingerprints: { "chotatsuLint/v1": "fp-a1" }, properties: { status: "partial" } });
    expect(run.results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "specs/a.docx" },
      region: { startLine: 40, startColumn: 3, endLine: 40, endColumn: 20 } });
    expect(run.results[0].locations[0].properties).toEqual({ paragraph: 40, region: "body", table: { index: 3, row: 5, column: 2 } });
    expect(run.results[1].level).toBe("note");
    expect(run.results[2].suppressions).toEqual([{ kind: "inSource", justification: "既存契約のため" }]);
  });
  it("reports unreadable files as tool execution notifications", () => {
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([{ level: "error", message: { text: "旧形式の Word 文書 (.doc) です。" },
      descriptor: { id: "legacy-doc" }, locations: [{ physicalLocation: { artifactLocation: { uri: "specs/old.doc" } } }] }]);
  });
});

describe("stylish", () => {
  it("says where an officer finds each finding, and sums up", async () => {
    const out = await formatStylish(report, ja);
    expect(out).toContain("  段落 40 表3 行5 列2  エラー  patch-latest  （第5章 情報セキュリティ > (3) 脆弱性対策）\n    パッチ適用の条項が不足しています（不足: 適用）。\n    例文: 受注者は、最新のセキュリティパッチを適用すること。");
    expect(out).toContain("  ヘッダー  情報  vague-qualifier");
    expect(out).toContain("  12:5  警告  vague-qualifier  （5. 情報セキュリティ > (2) ログ管理）");
    expect(out).not.toContain("抑止された指摘");
    // The line itself names the file and the reason (a grep or CI log line stands alone).
    expect(out).toContain("  specs/old.doc を読み込めません [legacy-doc]: 旧形式の Word 文書 (.doc) です。");
    expect(out).toContain("✖ 3 ファイル: 1 件のエラー、1 件の警告、1 件の情報（抑止 1 件）\n読み込めないファイル 1 件\n");
    expect(out).not.toMatch(/\u001b\[/);
  });
  it("switches to English and shows errors only with quiet", async () => {
    const out = await formatStylish(report, { locale: "en", color: false, quiet: true });
    expect(out).toContain("  paragraph 40 table 3 row 5 col 2  error  patch-latest  (第5章 情報セキュリティ > (3) 脆弱性対策)\n");
    expect(out).not.toContain("vague-qualifier");
  });
  it("colours only when asked", async () => {
    expect(await formatStylish(report, { ...ja, color: true })).toMatch(/\u001b\[31m/);
  });
  it("a clean run still counts what was suppressed (inline or baseline), so a baselined gate is visible", async () => {
    const readable = structuredClone(files.filter((f) => !f.error));
    for (const f of readable) for (const x of f.findings) x.suppressed ??= { kind: "baseline" };
    const all = buildReport(readable, rules, "0.1.0");
    expect(all.summary.suppressed).toBe(4);
    expect(await formatStylish(all, ja)).toBe("問題は見つかりませんでした（2 ファイル、抑止 4 件）\n");
    expect(await formatStylish(all, { ...ja, locale: "en" })).toBe("No problems found (2 file(s), 4 suppressed)\n");
    const none = buildReport(readable.map((f) => ({ ...f, findings: [] })), rules, "0.1.0");
    expect(await formatStylish(none, ja)).toBe("問題は見つかりませんでした（2 ファイル）\n");
  });
});
