// The HTML report as an officer reads it: per-file counts, findings with rule title, place, source and
// template, a checklist ordered by what needs work, links both ways, and nothing from a draft or
// ruleset ever becoming markup.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { report, rules } from "./sample.js";
import { formatHtml } from "../../src/formatters/html.js";
import { buildReport } from "../../src/formatters/report.js";
import type { FileResult } from "../../src/model/finding.js";

const ja = { locale: "ja" as const, color: false, quiet: false };
const outline = path.join(__dirname, "../../fixtures/docx/outline.docx");

/** Every in-page link points at an element that exists. */
function deadLinks(html: string): string[] {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  return [...html.matchAll(/\shref="#([^"]+)"/g)].map((m) => m[1]!).filter((h) => !ids.has(h));
}

describe("html report structure", () => {
  it("summarises each file: counts per severity (suppressed excluded), clause gaps, unreadable reason", async () => {
    const html = await formatHtml(report, ja);
    expect(html).toContain('<tr><td><a href="#f0">specs/a.docx</a></td><td class="num sev-error">1</td>'
      + '<td class="num sev-warning">0</td><td class="num sev-info">1</td><td>対象 1 条項中 なし 0・不足 1</td></tr>');
    expect(html).toContain('<tr><td><a href="#f1">specs/b.md</a></td><td class="num sev-error">0</td>'
      + '<td class="num sev-warning">1</td><td class="num sev-info">0</td><td></td></tr>');
    expect(html).toContain('<tr><td><a href="#f2">specs/old.doc</a></td><td colspan="4" class="unreadable">旧形式の Word 文書 (.doc) です。 [legacy-doc]</td></tr>');
  });

  it("shows for each finding severity, rule id and title, where and section, message, source and a copyable template", async () => {
    const html = await formatHtml(report, ja);
    expect(html).toContain('<tr id="f0-x1"><td class="nw sev-error">エラー</td>'
      + "<td><code>patch-latest</code><br>最新のセキュリティパッチ適用の要求</td>"
      // no draft was rendered (no readSource), so there is no paragraph to link to
      + '<td><span class="nw">段落 40 表3 行5 列2</span><br><small>第5章 情報セキュリティ &gt; (3) 脆弱性対策</small></td>'
      + "<td>パッチ適用の条項が不足しています（不足: 適用）。<br><small>根拠: 手引き 技術的対策</small>"
      + '<details class="tpl" open><summary>例文（選択して写せます）</summary><pre>受注者は、最新のセキュリティパッチを適用すること。</pre></details></td></tr>');
    // a header finding is not in the rendered body, so it is named but not linked
    expect(html).toContain('<td><span class="nw">ヘッダー</span></td>');
    expect(html).toContain('<span class="nw">12:5</span><br><small>5. 情報セキュリティ &gt; (2) ログ管理</small>');
    expect(html).not.toContain("抑止された指摘");
  });

  it("orders the checklist by what needs work, greys rules that do not apply, and counts", async () => {
    const html = await formatHtml(report, ja);
    expect(html).toContain("<p>対象 1 条項: あり 0、不足 1、なし 0（対象外 1 条項）</p>");
    const partial = html.indexOf('<tr class="st-partial"><td><code>patch-latest</code></td><td>最新のセキュリティパッチ適用の要求</td>'
      + '<td class="nw">一部不足</td><td class="nw">対象</td><td>要素が不足<br>apply</td>'
      + '<td>段落 40<br><q class="evidence">パッチの情報を収集すること。</q></td></tr>');
    const na = html.indexOf('<tr class="st-absent na"><td><code>log-retention</code></td><td></td><td class="nw">記載なし</td>'
      + '<td class="nw">対象外</td><td></td><td></td></tr>');
    expect(partial).toBeGreaterThan(0);
    expect(na).toBeGreaterThan(partial);
  });

  it("joins missing elements the English way under --locale en", async () => {
    const files: FileResult[] = [{ uri: "x.md", format: "markdown", error: null, findings: [],
      coverage: { "patch-latest": { status: "partial", applies: true, missing: ["deadline", "report"], evidence: { line: 7 } } } }];
    const html = await formatHtml(buildReport(files, rules, "0.1.0"), { ...ja, locale: "en" });
    expect(html).toContain("<td>deadline, report</td><td>line 7</td>");
    expect(html).toContain("<th>Errors</th><th>Warnings</th><th>Info</th>");
  });

  it("is self-contained: no scripts, no external resources, a strict CSP, and print styles that unclip the draft", async () => {
    const html = await formatHtml(report, ja);
    expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|@import|url\(|src="http/i);
    expect(html).toMatch(/@media print\{[^]*\.draft\{max-height:none;overflow:visible/);
    expect(deadLinks(html)).toEqual([]);
  });
});

describe("html escaping", () => {
  const evil = '<script>alert("x")</script>&\'';
  const files: FileResult[] = [
    { uri: `${evil}.md`, format: "markdown", error: null,
      coverage: { [evil]: { status: "partial", applies: true, missing: [evil], evidence: null } },
      findings: [{ ruleId: evil, severity: "warning", message: evil, uri: `${evil}.md`, fingerprint: "f",
        location: { line: 1, column: 1, endLine: 1, endColumn: 2 }, sectionPath: [evil, evil], suggestion: evil, source: evil }] },
    { uri: "bad.docx", format: null, error: { code: "io", message: evil }, findings: [], coverage: {} },
  ];
  const evilRules = [{ ...rules[0]!, id: evil, title: evil }];

  it("escapes every value from drafts and rulesets", async () => {
    const html = await formatHtml(buildReport(files, evilRules, "0.1.0"), ja);
    expect(html).not.toMatch(/<script/i);
    const escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&apos;";
    // uri (summary, heading), rule id, rule title, message, section path x2, source, template, checklist id/title/missing, error
    expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(14);
  });

  it.runIf(fs.existsSync(outline))("escapes the finding message in the draft's back-link title", async () => {
    const r = buildReport([{ uri: "outline.docx", format: "docx", error: null, coverage: {},
      findings: [{ ruleId: "patch-latest", severity: "error", message: `"><script>x</script>`, uri: "outline.docx", fingerprint: "x",
        location: { line: 18, column: 1, endLine: 18, endColumn: 5, paragraph: 18, region: "body", table: null } }] }], [], "0.1.0");
    const html = await formatHtml(r, { ...ja, readSource: async () => new Uint8Array(fs.readFileSync(outline)) });
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('title="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });
});
