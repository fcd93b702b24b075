// The HTML report renders a Word draft with mammoth and marks the paragraphs that have findings,
// aligned with our reader's paragraph ordinals by text (mammoth hoists text-box paragraphs).
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { finishDraft, markParagraphs, similar } from "../../src/formatters/docx-html.js";
import { formatHtml } from "../../src/formatters/html.js";
import { buildReport } from "../../src/formatters/report.js";
import { drafted } from "./sample.js";

const para = (text: string) => ({ type: "paragraph", children: [{ type: "run", children: [{ type: "text", value: text }] }] });
const firstText = (p: { children?: unknown[] }) =>
  ((p.children![0] as { children: { value: string }[] }).children[0]!.value);

describe("paragraph alignment", () => {
  it("marks by our ordinal even when mammoth inserts a paragraph we number elsewhere", () => {
    const doc = { type: "document", children: [para("見出し"), para("テキストボックスの注記です"), para("受注者は、パッチを適用すること。")] };
    // our body paragraphs only: the text box is region "textbox", numbered after the body
    const ours = [{ ordinal: 1, text: "見出し" }, { ordinal: 2, text: "受注者は、パッチを適用すること。" }];
    markParagraphs(doc, ours);
    expect(firstText(doc.children[0]!)).toBe("\uE000cl1\uE001");
    expect(firstText(doc.children[2]!)).toBe("\uE000cl2\uE001");
    expect(firstText(doc.children[1]!)).toBe("テキストボックスの注記です");
  });
  it("strips marker delimiters a draft itself contains, so it cannot forge a flag", () => {
    const doc = { type: "document", children: [para("偽の\uE000cl99\uE001目印を含む段落")] };
    markParagraphs(doc, [{ ordinal: 1, text: "偽のcl99目印を含む段落" }]);
    expect(firstText(doc.children[0]!)).toBe("\uE000cl1\uE001");
    expect((doc.children[0]!.children[1] as { children: { value: string }[] }).children[0]!.value).toBe("偽のcl99目印を含む段落");
  });
  it("prefixes our numbering label unless mammoth renders the paragraph as a list item", () => {
    const heading = { ...para("総則"), styleName: "heading 1", numbering: { level: "0", isOrdered: true } };
    const item = { ...para("記録すること。"), styleName: null, numbering: { level: "0", isOrdered: true } };
    const doc = { type: "document", children: [heading, item] };
    markParagraphs(doc, [{ ordinal: 1, text: "総則", label: "第1章" }, { ordinal: 2, text: "記録すること。", label: "1." }]);
    expect(firstText(doc.children[0]!)).toBe("\uE000cl1\uE001");
    expect((doc.children[0]!.children[1] as { children: { value: string }[] }).children[0]!.value).toBe("第1章 ");
    expect(firstText(doc.children[1]!)).toBe("\uE000cl2\uE001");
    expect(doc.children[1]!.children).toHaveLength(2);
  });
  it("finishes a draft: flagged marks become flags, the others vanish, ids take the file's prefix", () => {
    const marked = '<p>\uE000cl1\uE001前文</p><p>\uE000cl2\uE001本文<a href="#\uE000id\uE001m-footnote-1" id="\uE000id\uE001m-footnote-ref-1">[1]</a></p>';
    expect(finishDraft(marked, new Set([2]), "f3-", (n) => `<b>${n}</b>`))
      .toBe('<p>前文</p><p><b>2</b>本文<a href="#f3-m-footnote-1" id="f3-m-footnote-ref-1">[1]</a></p>');
  });
  it("tolerates hidden text or a missing field result on one side", () => {
    expect(similar("本書は、が調達するネットワーク機器の更新業務について定める。", "本書は、厚生労働省が調達するネットワーク機器の更新業務について定める。")).toBe(true);
    expect(similar("受注者は、ログを保存すること。", "発注者は、納入物を検査する。")).toBe(false);
  });
});

describe("html report of a Word file", () => {
  const file = path.join(__dirname, "../../fixtures/docx/outline.docx");
  it.runIf(fs.existsSync(file))("highlights the flagged paragraph and links it with its finding both ways", async () => {
    const report = buildReport([{
      uri: "outline.docx", format: "docx", error: null, coverage: {},
      findings: [{ ruleId: "patch-latest", severity: "error", message: "m", uri: "outline.docx", fingerprint: "x",
        location: { line: 18, column: 1, endLine: 18, endColumn: 5, paragraph: 18, region: "body", table: null } }],
    }], [], "0.1.0");
    const html = await formatHtml(await drafted(report, file), { locale: "ja", color: false, quiet: false });
    expect(html).toContain('<tr id="f0-x1">');
    expect(html).toContain('<a class="nw" href="#f0-p18">段落 18</a>');
    expect(html).toContain('<p><span class="cl-flag" id="f0-p18">¶18</span><a class="cl-back sev-error" href="#f0-x1" title="m">patch-latest</a>'
      + "受注者は、ＯＳ及びミドルウェアに最新のセキュリティパッチを適用すること。</p>");
    expect(html.match(/class="cl-flag"/g)).toHaveLength(1);
  });
  it.runIf(fs.existsSync(file))("shows Word's automatic heading numbers, which mammoth drops, without doubling list numbers", async () => {
    const report = buildReport([{ uri: "outline.docx", format: "docx", error: null, coverage: {}, findings: [] }], [], "0.1.0");
    const html = await formatHtml(await drafted(report, file), { locale: "ja", color: false, quiet: false });
    expect(html).toContain("<h1>第1章 総則</h1><h2>（1） 目的</h2>");
    expect(html).toContain("<h3>ア 保存期間</h3>");
    expect(html).toContain("<ol><li>ファイアウォールの設定変更は記録すること。</li>");
    expect(html).not.toMatch(/[\uE000\uE001]/);
  });
  it("says why a draft the worker could not render is missing", async () => {
    const report = buildReport([{ uri: "outline.docx", format: "docx", error: null, coverage: {}, findings: [], draft: { error: "broken zip" } }], [], "0.1.0");
    const html = await formatHtml(report, { locale: "ja", color: false, quiet: false });
    expect(html).toMatch(/<p class="unreadable">[^<]*broken zip/);
  });
});
