// What an officer needs to find a finding in Word: the words around it (snippet), a name for places
// outside the body (「脚注 1（段落 16）」), 「文書全体」 with the chapter a missing clause belongs in,
// and a terminal report that wraps to the terminal and names the document title once.
import { describe, expect, it } from "vitest";
import path from "node:path";
import { snippetOf, SNIPPET_CHARS } from "../../src/engine/snippet.js";
import { wrapLine } from "../../src/formatters/wrap.js";
import { formatStylish, sharedTitle } from "../../src/formatters/stylish.js";
import { buildReport } from "../../src/formatters/report.js";
import { displayWidth } from "../../src/text/width.js";
import { loadRunConfig } from "../../src/cli/config-load.js";
import { lintFile } from "../../src/cli/lint-file.js";
import type { FileResult, Finding } from "../../src/model/finding.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const OFFICER = "fixtures/docx/officer.docx";

async function lint(file: string): Promise<FileResult> {
  const config = await loadRunConfig({ cwd: ROOT, locale: "ja" });
  return lintFile({ kind: "file", uri: file, path: path.resolve(ROOT, file) },
    { config, readOptions: {}, maxFileBytes: 50e6, requireReason: false, locale: "ja", debug: false });
}

describe("snippetOf", () => {
  const sentence = "受注者は、本システムを構成する全てのサーバ及びネットワーク機器について、設定を変更した場合は必要に応じて設定台帳を更新し、その内容を担当職員に報告すること。";
  const at = sentence.indexOf("必要に応じて");

  it("keeps the match and about 40 characters of its sentence, cut on both sides with 「…」", () => {
    const s = snippetOf(sentence, 0, sentence.length, at, at + 6);
    expect(s.match).toBe("必要に応じて");
    expect(s.before.startsWith("…")).toBe(true);
    expect(s.after.endsWith("…")).toBe(true);
    expect(sentence).toContain(s.before.slice(1) + s.match + s.after.slice(0, -1));
    expect(Array.from(s.before + s.match + s.after).length).toBe(SNIPPET_CHARS + 2);
  });

  it("gives a short sentence whole, and the room one side lacks to the other", () => {
    expect(snippetOf("受注者は、適宜報告すること。", 0, 14, 5, 7)).toEqual({ before: "受注者は、", match: "適宜", after: "報告すること。" });
    const start = snippetOf(sentence, 0, sentence.length, 0, 3);
    expect(start.before).toBe("");
    expect(Array.from(start.match + start.after).length).toBe(SNIPPET_CHARS + 1);
  });

  it("cuts a very long match and collapses line breaks", () => {
    const long = "あ".repeat(50);
    const s = snippetOf(`前\n置き${long}後`, 0, 55, 4, 54);
    expect(s.match).toBe("あ".repeat(30));
    expect(s.before).toBe("前 置き");
    expect(s.after).toBe("…");
  });
});

describe("wrapLine", () => {
  it("wraps Japanese at any character, keeps Latin words whole, indents continuation lines", () => {
    const lines = wrapLine("受注者は、Windows Server 2012 R2 を使用するサーバについて、サポート期間内の製品へ更新すること。", 30, "    ", "  ");
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(30);
    expect(lines[0]!.startsWith("  受注者")).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith("    ") && !l.startsWith("     "))).toBe(true);
    expect(lines.join("")).toMatch(/Windows/);
    expect(lines.some((l) => /\bServer\b/.test(l))).toBe(true);
  });

  it("leaves a line alone without a width, or when the width is too narrow to help", () => {
    expect(wrapLine("あ".repeat(80), undefined, "  ")).toEqual(["  " + "あ".repeat(80)]);
    expect(wrapLine("あ".repeat(80), 10, "  ")).toHaveLength(1);
  });
});

describe("sharedTitle", () => {
  it("is the first element of every path when the paths go into two or more chapters", () => {
    expect(sharedTitle([["仕様書", "第1章"], ["仕様書", "第2章", "(1)"], undefined])).toBe("仕様書");
    expect(sharedTitle([["第1章", "(1)"], ["第1章", "(1)"]])).toBeUndefined();
    expect(sharedTitle([["仕様書", "第1章"], ["別紙", "第2章"]])).toBeUndefined();
  });
});

describe("findings of a Word draft (officer.docx, written by LibreOffice)", () => {
  const byRule = (r: FileResult, id: string): Finding[] => r.findings.filter((f) => f.ruleId === id);

  it("a footnote finding names the footnote number and the paragraph that refers to it", async () => {
    const r = await lint(OFFICER);
    const f = byRule(r, "monitoring")[0]!;
    expect(f.location).toMatchObject({ region: "footnote", note: 1, host: 16 });
    const out = await formatStylish(buildReport([r], [], "0"), { locale: "ja", color: false, quiet: false });
    expect(out).toContain("  脚注 1（段落 16）  エラー  monitoring");
    expect(out).toContain("    該当箇所: 【監視】の対象機器は次表のとおりとする。");
    expect(out).toContain("  テキストボックス（段落 18）  警告  vague-obligation");
    expect(out).toContain("    該当箇所: 受注者は、バックアップ媒体を【適宜】点検すること。");
  });

  it("a clause found nowhere is 「文書全体」 and names its chapter, with no snippet", async () => {
    const r = await lint(OFFICER);
    const f = byRule(r, "security-plan")[0]!;
    expect(f).toMatchObject({ scope: "document", belongsIn: "第3章 作業の実施体制・方法" });
    expect(f.snippet).toBeUndefined();
    const out = await formatStylish(buildReport([r], [], "0"), { locale: "ja", color: false, quiet: false });
    expect(out).toContain("  文書全体  警告  security-plan  （条項を置く章: 第3章 作業の実施体制・方法）\n"
      + "    情報セキュリティ実施計画");
  });

  it("a match inside a long sentence is shown with the words around it, cut with 「…」", async () => {
    const r = await lint(OFFICER);
    const f = byRule(r, "hardening")[0]!;
    expect(f.snippet).toEqual({ before: "…びネットワーク機器について、その", match: "設定内容を記録", after: "した設定台帳を作成し、設定を変更し…" });
  });

  it("wraps every line to the terminal width and underlines the match in colour", async () => {
    const r = await lint(OFFICER);
    const out = await formatStylish(buildReport([r], [], "0"), { locale: "ja", color: false, quiet: false, width: 60 });
    for (const line of out.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    const coloured = await formatStylish(buildReport([r], [], "0"), { locale: "ja", color: true, quiet: false });
    expect(coloured).toContain("\u001b[4m\u001b[1m適宜\u001b[22m\u001b[24m");
  });
});
