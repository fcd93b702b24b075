// The README demo document: the clauses the built-in rules look at must be read where a person sees them.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { readDocx } from "../../src/readers/docx/index.js";

const bytes = readFileSync(join(import.meta.dirname, "../../fixtures/samples/sample.docx"));
const doc = readDocx(bytes, "sample.docx");
const find = (text: string) => doc.blocks.find((b) => b.text.includes(text))!;

describe("fixtures/samples/sample.docx", () => {
  it("reads the weak clauses with paragraph ordinals and section paths", () => {
    expect([find("３か月間保存").location.line, find("３か月間保存").sectionPath]).toEqual(
      [54, ["第4章 作業の実施に当たっての遵守事項", "（2） 情報セキュリティ管理", "イ ログ管理"]]);
    expect([find("速やかに担当職員に報告").location.line, find("速やかに担当職員に報告").sectionPath]).toEqual(
      [56, ["第4章 作業の実施に当たっての遵守事項", "（2） 情報セキュリティ管理", "ウ インシデント対応"]]);
    expect(find("必要に応じてセキュリティパッチ").sectionPath).toEqual(["第2章 作業の実施内容", "（2） 保守業務", "イ ソフトウェア保守"]);
  });

  it("reads the equipment table cell by cell", () => {
    expect(find("Windows Server 2012 R2").location).toMatchObject({ line: 28, table: { index: 1, row: 2, column: 3 } });
    expect(doc.blocks.filter((b) => b.kind === "heading" && b.level === 1).map((b) => b.label)).toEqual(
      ["第1章", "第2章", "第3章", "第4章", "第5章", "第6章", "第7章"]);
  });

  it("agrees with mammoth on every paragraph mammoth extracts", async () => {
    const mammoth = createRequire(import.meta.url)("mammoth") as { extractRawText(i: { buffer: Buffer }): Promise<{ value: string }> };
    const ours = doc.blocks.map((b) => b.text.replace(/\s+/g, ""));
    const theirs = (await mammoth.extractRawText({ buffer: bytes })).value.split("\n").map((s) => s.replace(/\s+/g, "")).filter(Boolean);
    expect(theirs.filter((t) => !ours.some((o) => o.includes(t)))).toEqual([]);
  });
});
