import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeText } from "../../src/readers/decode.js";
import { MAX_NESTING, nestingDepth, readMarkdown } from "../../src/readers/markdown.js";
import { InputError } from "../../src/readers/errors.js";
import { t } from "../../src/i18n/index.js";
import { FIXTURES, find, fixture, mismatches } from "./helpers.js";

const read = (name: string) => readMarkdown(decodeText(fixture(name)).text, name);
const positionsSource = readFileSync(path.join(FIXTURES, "positions.md"), "utf8");

describe.each(["positions.md", "positions.crlf-bom.md"])("positions in %s", (name) => {
  const doc = read(name);

  it("maps every character of every block back to itself in the file", () => {
    expect(mismatches(doc, positionsSource)).toEqual([]);
  });

  it("removes inline markup and keeps soft and hard breaks as \\n", () => {
    expect(doc.blocks.map((b) => b.text)).toEqual([
      "情報セキュリティ",
      "受注者は最新のセキュリティパッチを\n適用すること。適用日は𠮷日とする。\nログは１年間保存すること。",
      "項目", "要件", "パスワード", "12文字以上",
      "引用内の 強調 と𠮷野家の条項。",
    ]);
  });

  it.each([
    ["最新", { line: 3, column: 7, endLine: 3, endColumn: 9 }],           // inside **…**
    ["パッチを\n適用", { line: 3, column: 19, endLine: 4, endColumn: 3 }], // link text, across a soft break
    ["適用日", { line: 4, column: 9, endLine: 4, endColumn: 12 }],         // inline code
    ["𠮷日", { line: 4, column: 14, endLine: 4, endColumn: 17 }],          // astral: two UTF-16 units
    ["日とする", { line: 4, column: 16, endLine: 4, endColumn: 20 }],      // just after the astral character
    ["ログ", { line: 5, column: 1, endLine: 5, endColumn: 3 }],            // after a hard break (two spaces)
    ["１年間", { line: 5, column: 4, endLine: 5, endColumn: 7 }],          // full-width digits
    ["12文字", { line: 9, column: 13, endLine: 9, endColumn: 17 }],        // bold inside a table cell
    ["強調", { line: 11, column: 9, endLine: 11, endColumn: 11 }],         // emphasis in a block quote
    ["野家", { line: 11, column: 16, endLine: 11, endColumn: 18 }],
  ])("%j is at the exact file position", (needle, span) => {
    expect(find(doc, needle).span).toEqual(span);
  });

  it("ends a span before closing markup and before a soft break", () => {
    const para = doc.blocks[1]!;
    const end = para.text.indexOf("最新の") + 3;
    expect(para.endPositionAt!(end)).toEqual({ line: 3, column: 10 });
    expect(para.positionAt(end)).toEqual({ line: 3, column: 12 }); // where the next character is
    const beforeBreak = para.text.indexOf("\n");
    expect(para.endPositionAt!(beforeBreak)).toEqual({ line: 3, column: 50 });
    expect(para.positionAt(beforeBreak + 1)).toEqual({ line: 4, column: 1 });
    const astral = para.text.indexOf("𠮷") + 2;
    expect(para.endPositionAt!(astral)).toEqual({ line: 4, column: 16 });
  });

  it("maps the end of the text just past the last character", () => {
    const para = doc.blocks[1]!;
    expect(para.positionAt(para.text.length)).toEqual({ line: 5, column: 14 });
  });

  it("gives table cells their table, row (header = 1) and column", () => {
    const cells = doc.blocks.filter((b) => b.kind === "tableCell");
    expect(cells.map((c) => [c.text, c.location.table])).toEqual([
      ["項目", { index: 1, row: 1, column: 1 }],
      ["要件", { index: 1, row: 1, column: 2 }],
      ["パスワード", { index: 1, row: 2, column: 1 }],
      ["12文字以上", { index: 1, row: 2, column: 2 }],
    ]);
    expect(cells[3]!.location).toMatchObject({ line: 9, column: 11, endLine: 9, endColumn: 21 });
    expect(cells[0]!.location).toMatchObject({ line: 7, column: 3, endLine: 7, endColumn: 5 });
  });

  it("locates blocks by their start and end in the file", () => {
    expect(doc.blocks[0]!.location).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 11, region: "body", table: null });
    expect(doc.blocks[1]!.location).toMatchObject({ line: 3, column: 1, endLine: 5, endColumn: 14 });
  });
});

describe("structure", () => {
  const doc = read("spec.md");

  it("gives headings levels and every block the headings above it", () => {
    const heading = (text: string) => doc.blocks.find((b) => b.kind === "heading" && b.text === text)!;
    expect(heading("第1章 調達案件の概要")).toMatchObject({ level: 1, sectionPath: [] });
    expect(heading("(2) ログ管理")).toMatchObject({ level: 3, sectionPath: ["第1章 調達案件の概要", "2. 情報セキュリティ要件"] });
    expect(find(doc, "最新のセキュリティパッチ").block.sectionPath).toEqual(["第1章 調達案件の概要", "2. 情報セキュリティ要件", "(1) 脆弱性対策"]);
    expect(find(doc, "12文字以上").block.sectionPath).toEqual(["第1章 調達案件の概要", "2. 情報セキュリティ要件", "(2) ログ管理"]);
  });

  it("makes each list item, nested ones too, and each numbered line of a pasted paragraph its own block", () => {
    const items = doc.blocks.filter((b) => b.kind === "listItem");
    // The first numbered line is an entry too: the line after it goes on with its list (①, ②).
    expect(items.map((b) => [b.text, b.location.line, b.location.column])).toEqual([
      ["① アクセスログは１年間保存すること。", 16, 1],
      ["② 保存期間は令和７年４月～令和８年３月を目安とし、㈱や№などの機種依存文字も正しく読むこと。", 17, 1],
      ["③ 監視項目：Ⅰ 認証、Ⅱ 通信（約≒100件／日）", 18, 1],
      ["インシデントを認知した場合は、直ちに発注者へ報告すること。", 20, 3],
      ["報告は電話及び電子メールで行う。", 21, 5],
    ]);
  });

  it("reads a pasted paragraph's first numbered line as an entry of the list after it, and a title over another style as a title", () => {
    const kinds = (md: string) => readMarkdown(md, "x.md").blocks.map((b) => b.kind);
    expect(kinds("(ア) 各サーバの稼働監視\n(イ) ログの確認\n(ウ) その他必要な作業\n")).toEqual(["listItem", "listItem", "listItem"]);
    expect(kinds("(1) 管理体制\nア 責任者を置くこと。\nイ 要員を置くこと。\n")).toEqual(["heading", "listItem", "listItem"]);
  });

  it("reads a numbered title typed as a paragraph as the heading of the clauses after it, as the Word and text readers do", () => {
    const blocks = (md: string) => readMarkdown(md, "x.md").blocks.map((b) => [b.kind, b.level ?? 0, b.text, b.sectionPath.length]);
    // Alone between blank lines, or on the first line of its clause; one level below the Markdown heading above it.
    expect(blocks("## 6 遵守事項\n\n(4) インシデントへの対処\n\nイ 受託者は、指示に従うこと。\n\n(5) 情報の返却\n受託者は、資料を返却すること。\n")).toEqual([
      ["heading", 2, "6 遵守事項", 0],
      ["heading", 3, "(4) インシデントへの対処", 1],
      ["paragraph", 0, "イ 受託者は、指示に従うこと。", 2],
      ["heading", 3, "(5) 情報の返却", 1],
      ["paragraph", 0, "受託者は、資料を返却すること。", 2],
    ]);
    // Not the entries of a lead's list, nor siblings with no body between them, nor a cut sentence.
    const kinds = (md: string) => readMarkdown(md, "x.md").blocks.map((b) => b.kind);
    expect(kinds("受託者は、次の書類を提出すること。\n\n(1) 作業計画書\n\n本書は着手前に提出する。\n")).toEqual(["paragraph", "paragraph", "paragraph"]);
    // The lead is read as the text reader reads it: its last sentence, or the one before a details reference.
    expect(kinds("受託者は、次の書類を提出すること。詳細は作業要領による。\n\n(1) 作業計画書\n\n本書は着手前に提出する。\n")).toEqual(["paragraph", "paragraph", "paragraph"]);
    expect(kinds("(1) 作業計画書\n\n(2) 体制図\n\n以上を提出すること。\n")).toEqual(["paragraph", "heading", "paragraph"]);
    expect(kinds("(1) 受託者は、本業務の実施に当たり\n発注者の指示に従うこと。\n")).toEqual(["paragraph"]);
  });

  it("keeps paragraphs with soft breaks as one block", () => {
    expect(find(doc, "ついて、\n最新").span).toEqual({ line: 11, column: 23, endLine: 12, endColumn: 3 });
  });

  it("closes deeper headings when a shallower one follows", () => {
    const d = readMarkdown("# A\n## B\n### C\n## D\n本文\n", "x.md");
    expect(find(d, "本文").block.sectionPath).toEqual(["A", "D"]);
  });

  it("reads indented and fenced code blocks as prose, at their positions", () => {
    const d = readMarkdown("本文\n\n    字下げした条項。\n\n```\n囲みの条項。\n```\n", "x.md");
    expect(find(d, "字下げ").span).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 8 });
    expect(find(d, "囲み").span).toEqual({ line: 6, column: 1, endLine: 6, endColumn: 3 });
  });

  it("maps escapes, character references and <br> back to their source", () => {
    const src = "前\\*後 &amp; &#x5B89;全<br>次行\n";
    const d = readMarkdown(src, "x.md");
    expect(d.blocks[0]!.text).toBe("前*後 & 安全\n次行");
    expect(find(d, "後").span).toMatchObject({ line: 1, column: 4 });
    expect(find(d, "安").span).toMatchObject({ line: 1, column: 12 });
    expect(find(d, "全").span).toMatchObject({ line: 1, column: 20 });
    expect(find(d, "次行").span).toMatchObject({ line: 1, column: 25 });
  });

  it("reads the text of raw HTML blocks (converter tables) at its positions", () => {
    const src = '<table>\n  <tr><td>項目</td><td>要件</td></tr>\n  <tr><td colspan="2">受注者は最新のパッチを適用すること。</td></tr>\n</table>\n\n<script>x = 1 < 2</script>\n';
    const d = readMarkdown(src, "x.md");
    expect(d.blocks.map((b) => [b.kind, b.text])).toEqual([["paragraph", "項目\n要件\n受注者は最新のパッチを適用すること。"]]);
    expect(find(d, "要件").span).toEqual({ line: 2, column: 22, endLine: 2, endColumn: 24 });
    expect(find(d, "最新の").span).toEqual({ line: 3, column: 27, endLine: 3, endColumn: 30 });
    expect(mismatches(d, src)).toEqual([]);
  });

  it("skips HTML comments that are not directives", () => {
    const d = readMarkdown("<!-- メモ -->\n本文\n", "x.md");
    expect(d.blocks.map((b) => b.text)).toEqual(["本文"]);
    expect(d.directives).toEqual([]);
  });
});

describe("directives", () => {
  const src = [
    "# 仕様",                                                                  // 1
    "",                                                                        // 2
    "<!-- chotatsu-lint-disable-next-line patch-latest, log-retention -- 別紙で規定 -->", // 3
    "",                                                                        // 4
    "受注者は",                                                                // 5
    "パッチを適用する。",                                                       // 6
    "",                                                                        // 7
    "<!-- chotatsu-lint-disable vague -->",                                    // 8
    "必要に応じて対応する。",                                                   // 9
    "<!-- chotatsu-lint-enable vague -->",                                     // 10
    "",                                                                        // 11
    "<!-- chotatsu-lint-disable-file -- 試行版のため -->",                      // 12
    "",
    "<!-- chotatsu-lint-disable-next-line -->",                                // 14
  ].join("\n");
  const doc = readMarkdown(src, "x.md");

  it("records each directive with rules, reason, location and next-line target", () => {
    expect(doc.directives).toEqual([
      { kind: "disable-next-line", rules: ["patch-latest", "log-retention"], reason: "別紙で規定",
        location: { line: 3, column: 1, endLine: 3, endColumn: 78, region: "body", table: null },
        targetLines: { from: 5, to: 6 } },
      { kind: "disable", rules: ["vague"],
        location: { line: 8, column: 1, endLine: 8, endColumn: 37, region: "body", table: null } },
      { kind: "enable", rules: ["vague"],
        location: { line: 10, column: 1, endLine: 10, endColumn: 36, region: "body", table: null } },
      { kind: "disable-file", rules: [], reason: "試行版のため",
        location: { line: 12, column: 1, endLine: 12, endColumn: 46, region: "body", table: null } },
      { kind: "disable-next-line", rules: [],
        location: { line: 14, column: 1, endLine: 14, endColumn: 41, region: "body", table: null } },
    ]);
  });

  it("does not turn directives into text", () => {
    expect(doc.blocks.map((b) => b.text)).toEqual(["仕様", "受注者は\nパッチを適用する。", "必要に応じて対応する。"]);
  });

  it("targets the next line when no block starts there (a table row)", () => {
    const d = readMarkdown("<!-- chotatsu-lint-disable-next-line r1 -->\n| a | b |\n|---|---|\n| c | d |\n", "x.md");
    expect(d.directives[0]!.targetLines).toEqual({ from: 2, to: 2 });
  });
});

describe("nesting guard", () => {
  it("measures quote and list nesting", () => {
    expect(nestingDepth("> > > a\n")).toBe(3);
    expect(nestingDepth("- - - a\n")).toBe(3);
    expect(nestingDepth("本文\n      - a\n")).toBe(4);
  });

  it.each([
    ["10 000 nested block quotes", ">".repeat(10_000) + " 本文\n", 10_000],
    ["nested lists on one line", "- ".repeat(300) + "本文\n", 300],
  ])("refuses %s quickly with a reader error", (_name, src, depth) => {
    const started = Date.now();
    let error: unknown;
    try {
      readMarkdown(src, "deep.md");
    } catch (e) {
      error = e;
    }
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe("unsupported");
    expect((error as InputError).params).toEqual({ depth, max: MAX_NESTING });
    expect(t("read.nesting-too-deep", (error as InputError).params, "en")).toBe(
      `Nesting too deep (${depth} levels; the limit is ${MAX_NESTING}). Reduce the nesting of block quotes (>) or lists.`,
    );
  });

  it("still reads ordinary nesting", () => {
    const src = Array.from({ length: 8 }, (_, i) => "  ".repeat(i) + "- 項目" + i).join("\n");
    expect(readMarkdown(src, "x.md").blocks).toHaveLength(8);
  });
});
