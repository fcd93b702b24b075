// The HTML report as an officer reads it: per-file counts, findings with rule title, place, source and
// template, a checklist ordered by what needs work, links both ways, and nothing from a draft or
// ruleset ever becoming markup.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { drafted, files, report, rules } from "./sample.js";
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
  it("summarises each file: counts per severity (suppressed excluded), clause gaps in words that cannot be misread, unreadable reason", async () => {
    const html = await formatHtml(report, ja);
    expect(html).toContain('<tr><td data-label="ファイル"><a href="#f0">specs/a.docx</a></td><td class="num sev-error" data-label="エラー">1</td>'
      + '<td class="num sev-warning" data-label="警告">0</td><td class="num sev-info" data-label="情報">1</td>'
      + '<td data-label="条項の不足">適用される 1 条項のうち 記載なし 0・一部不足 1・記載あり 0</td></tr>');
    expect(html).toContain('<tr><td data-label="ファイル"><a href="#f1">specs/b.md</a></td><td class="num sev-error" data-label="エラー">0</td>');
    expect(html).toContain('<a href="#f2">specs/old.doc</a></td><td colspan="4" class="unreadable">旧形式の Word 文書 (.doc) です。 [legacy-doc]</td></tr>');
  });

  it("opens a report over several files with a files × clauses matrix linked to each checklist row", async () => {
    const html = await formatHtml(report, ja);
    const matrix = html.indexOf('<table class="matrix">');
    expect(matrix).toBeGreaterThan(0);
    expect(matrix).toBeLessThan(html.indexOf('<section class="file"'));
    expect(html).toContain('<thead><tr><th scope="col">条項</th><th scope="col"><a href="#f0">a.docx</a></th><th scope="col"><a href="#f1">b.md</a></th></tr></thead>');
    expect(html).toContain('<tr><th scope="row">最新のセキュリティパッチ適用の要求</th><td class="st-partial"><a href="#f0-c-patch-latest">一部不足</a></td><td></td></tr>');
    expect(html).toContain('<td class="st-na"><a href="#f0-c-log-retention">対象外</a></td>');
    expect(html).toContain('<tr id="f0-c-patch-latest" class="st-partial">');
    const one = await formatHtml(buildReport([files[1]!], rules, "0.1.0"), ja);
    expect(one).not.toContain('class="matrix"');
  });

  it("shows for each finding severity, rule id and title, where and section, message, source and a copyable template", async () => {
    const html = await formatHtml(report, ja);
    expect(html).toContain('<tr id="f0-x1"><td class="nw sev-error" data-label="重大度">エラー</td>'
      + '<td data-label="規則"><code>patch-latest</code><br>最新のセキュリティパッチ適用の要求</td>'
      // no draft was rendered (the results carry none), so there is no paragraph to link to
      + '<td data-label="場所"><span class="nw">段落 40 表3 行5 列2</span><br><small>第5章 情報セキュリティ &gt; (3) 脆弱性対策</small></td>'
      + '<td data-label="内容">パッチ適用の条項が不足しています（不足: 適用）。<br><small>根拠: 手引き 技術的対策</small>'
      + '<details class="tpl" open><summary>例文（選択して写せます）</summary><pre>受注者は、最新のセキュリティパッチを適用すること。</pre></details></td></tr>');
    // a header finding is not in the rendered body, so it is named but not linked
    expect(html).toContain('<td data-label="場所"><span class="nw">ヘッダー</span></td>');
    expect(html).toContain('<span class="nw">12:5</span><br><small>5. 情報セキュリティ &gt; (2) ログ管理</small>');
    expect(html).not.toContain("抑止された指摘");
  });

  it("marks the matched words of a finding's snippet, and says 文書全体 with the chapter for a clause found nowhere", async () => {
    const f: FileResult = { uri: "c.md", format: "markdown", error: null, coverage: {}, findings: [
      { ruleId: "vague-qualifier", severity: "warning", message: "m", uri: "c.md", fingerprint: "1",
        location: { line: 3, column: 6, endLine: 3, endColumn: 8 }, snippet: { before: "…受注者は、", match: "適宜<b>", after: "報告する…" } },
      { ruleId: "patch-latest", severity: "error", message: "n", uri: "c.md", fingerprint: "2", scope: "document", belongsIn: "情報セキュリティ",
        location: { line: 1, column: 1, endLine: 1, endColumn: 1 } },
    ] };
    const html = await formatHtml(buildReport([f], rules, "0.1.0"), ja);
    expect(html).toContain('<p class="snip">該当箇所: …受注者は、<mark>適宜&lt;b&gt;</mark>報告する…</p>');
    expect(html).toContain('<span class="nw">文書全体</span><br><small>条項を置く章: 情報セキュリティ（文書にこの章がありません）</small>');
  });

  it("orders the checklist by what needs work; a rule that does not apply is 対象外 with the reason", async () => {
    const html = await formatHtml(report, ja);
    expect(html).toContain("<p>適用される 1 条項: 記載あり 0、一部不足 1、記載なし 0（対象外 1 条項）</p>");
    const partial = html.indexOf('<tr id="f0-c-patch-latest" class="st-partial"><td data-label="規則"><code>patch-latest</code></td>'
      + '<td data-label="条項">最新のセキュリティパッチ適用の要求</td><td class="nw" data-label="判定">一部不足</td>'
      + '<td data-label="理由・不足要素">要素が不足<br>apply</td>'
      + '<td data-label="記載箇所">段落 40<br><q class="evidence">パッチの情報を収集すること。</q></td></tr>');
    const na = html.indexOf('<tr id="f0-c-log-retention" class="st-na"><td data-label="規則"><code>log-retention</code></td>'
      + '<td data-label="条項"></td><td class="nw" data-label="判定">対象外</td><td data-label="理由・不足要素">適用条件を満たさない: system（情報システム・本システム・当該システム など が 3 回以上）</td>');
    expect(partial).toBeGreaterThan(0);
    expect(na).toBeGreaterThan(partial);
  });

  it("joins missing elements the English way under --locale en", async () => {
    const files: FileResult[] = [{ uri: "x.md", format: "markdown", error: null, findings: [],
      coverage: { "patch-latest": { status: "partial", applies: true, missing: ["deadline", "report"], evidence: { line: 7 } } } }];
    const html = await formatHtml(buildReport(files, rules, "0.1.0"), { ...ja, locale: "en" });
    expect(html).toContain('<td data-label="Why / missing">deadline, report</td><td data-label="Found at">line 7</td>');
    expect(html).toContain('<th scope="col">Errors</th><th scope="col">Warnings</th><th scope="col">Info</th>');
    expect(html).toContain("of 1 applicable clauses: 0 absent, 1 partial, 0 present");
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
    const html = await formatHtml(await drafted(r, outline), ja);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('title="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });
});
