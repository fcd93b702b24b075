// WordprocessingML constructs that LibreOffice does not write (or writes only one way), built in-test.
import { describe, expect, it } from "vitest";
import { readDocx, UNSEEN_MESSAGE_IDS } from "../../src/readers/docx/index.js";
import { t } from "../../src/i18n/index.js";
import { buildDocx, p } from "./zip-builder.js";

const style = (id: string, name: string, extra = ""): string =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${extra}</w:style>`;
const pStyle = (id: string): string => `<w:pStyle w:val="${id}"/>`;
const numPr = (numId: number, ilvl = 0): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const lvl = (ilvl: number, fmt: string, text: string, start = 1): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/><w:pPr><w:ind w:left="420"/></w:pPr></w:lvl>`;

const brief = (doc: ReturnType<typeof readDocx>) =>
  doc.blocks.map((b) => ({ kind: b.kind, text: b.text, label: b.label, level: b.level, path: b.sectionPath.join(" > "), line: b.location.line, region: b.region }));

describe("headings from style names and outline levels", () => {
  const styles = [
    style("1", "heading 1"), style("2", "見出し 2"), style("MyHead", "Chapter", '<w:basedOn w:val="1"/>'),
    style("Heading1", "Body Text"), style("Lvl", "Outline", '<w:pPr><w:outlineLvl w:val="2"/></w:pPr>'),
  ].join("");
  const doc = readDocx(buildDocx({
    styles,
    body: p("総則", pStyle("1")) + p("目的", pStyle("2")) + p("本文です。") + p("ID が Heading1 でも本文", pStyle("Heading1")) +
      p("継承見出し", pStyle("MyHead")) + p("段落の outlineLvl", '<w:outlineLvl w:val="1"/>') + p("スタイルの outlineLvl", pStyle("Lvl")) +
      p("本文に戻す", pStyle("1") + '<w:outlineLvl w:val="9"/>'),
  }), "h.docx");

  it("uses names (English and Japanese), basedOn chains and outlineLvl; never ids", () => {
    expect(brief(doc)).toEqual([
      { kind: "heading", text: "総則", label: undefined, level: 1, path: "", line: 1, region: "body" },
      { kind: "heading", text: "目的", label: undefined, level: 2, path: "総則", line: 2, region: "body" },
      { kind: "paragraph", text: "本文です。", label: undefined, level: undefined, path: "総則 > 目的", line: 3, region: "body" },
      { kind: "paragraph", text: "ID が Heading1 でも本文", label: undefined, level: undefined, path: "総則 > 目的", line: 4, region: "body" },
      { kind: "heading", text: "継承見出し", label: undefined, level: 1, path: "", line: 5, region: "body" },
      { kind: "heading", text: "段落の outlineLvl", label: undefined, level: 2, path: "継承見出し", line: 6, region: "body" },
      { kind: "heading", text: "スタイルの outlineLvl", label: undefined, level: 3, path: "継承見出し > 段落の outlineLvl", line: 7, region: "body" },
      { kind: "paragraph", text: "本文に戻す", label: undefined, level: undefined, path: "継承見出し > 段落の outlineLvl > スタイルの outlineLvl", line: 8, region: "body" },
    ]);
  });
});

describe("automatic numbering as Word displays it", () => {
  const numbering =
    `<w:abstractNum w:abstractNumId="0">${lvl(0, "decimal", "第%1章")}${lvl(1, "decimalFullWidth", "（%2）")}${lvl(2, "aiueoFullWidth", "%3")}` +
    `${lvl(3, "iroha", "(%4)")}${lvl(4, "decimalEnclosedCircle", "%5")}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${lvl(0, "decimal", "%1.")}${lvl(1, "decimal", "%1.%2")}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="2">${lvl(0, "ideographTraditional", "%1　")}${lvl(1, "japaneseCounting", "第%2条", 10)}${lvl(2, "upperLetter", "%3)")}</w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>` +
    `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>` +
    `<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>`;
  const styles = style("H1", "heading 1", `<w:pPr>${numPr(1, 0)}</w:pPr>`) + style("ListNum", "List Number", `<w:pPr>${numPr(4)}</w:pPr>`);
  const doc = readDocx(buildDocx({
    styles, numbering,
    body: p("総則", pStyle("H1")) + p("目的", `<w:pStyle w:val="Normal"/>${numPr(1, 1)}`) + p("範囲", numPr(2, 1)) +
      p("対象", numPr(1, 2)) + p("細目", numPr(1, 3)) + p("丸数字", numPr(1, 4)) + p("次章", pStyle("H1")) + p("項", numPr(1, 1)) +
      p("再開", numPr(3, 0)) + p("一番", pStyle("ListNum")) + p("一番の一", numPr(4, 1)) + p("二番", pStyle("ListNum")) +
      p("甲項", numPr(5, 0)) + p("条項", numPr(5, 1)) + p("条項2", numPr(5, 1)) + p("英字", numPr(5, 2)) + p("乙項", numPr(5, 0)) +
      p("番号なし", numPr(0, 0)),
  }), "n.docx");
  const labels = doc.blocks.map((b) => [b.label, b.text]);

  it("renders lvlText with each level's numFmt, continuing across numIds that share an abstractNum", () => {
    expect(labels).toEqual([
      ["第1章", "総則"], ["（１）", "目的"], ["（２）", "範囲"], ["ア", "対象"], ["(ｲ)", "細目"], ["①", "丸数字"],
      ["第2章", "次章"], ["（１）", "項"],
      ["第5章", "再開"],
      ["1.", "一番"], ["1.1", "一番の一"], ["2.", "二番"],
      ["甲　", "甲項"], ["第十条", "条項"], ["第十一条", "条項2"], ["A)", "英字"], ["乙　", "乙項"],
      [undefined, "番号なし"],
    ]);
  });

  it("section paths show label and text", () => {
    const item = doc.blocks.find((b) => b.text === "目的")!;
    expect(item.kind).toBe("listItem");
    expect(doc.blocks.find((b) => b.text === "次章")!.kind).toBe("heading");
    expect(item.sectionPath).toEqual(["第1章 総則"]);
  });
});

describe("lists defined by a numbering style (w:numStyleLink)", () => {
  const doc = readDocx(buildDocx({
    styles: `<w:style w:type="numbering" w:styleId="OutlineList"><w:name w:val="Outline List"/><w:pPr>${numPr(7)}</w:pPr></w:style>`,
    numbering: `<w:abstractNum w:abstractNumId="10"><w:styleLink w:val="OutlineList"/>${lvl(0, "decimalFullWidth", "%1．")}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="11"><w:numStyleLink w:val="OutlineList"/></w:abstractNum>` +
      `<w:num w:numId="7"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="8"><w:abstractNumId w:val="11"/></w:num>`,
    body: p("一つ目。", numPr(8)) + p("二つ目。", numPr(7)),
  }), "link.docx");
  it("takes the levels of the linked list and shares its counter", () => {
    expect(doc.blocks.map((b) => [b.label, b.text])).toEqual([["１．", "一つ目。"], ["２．", "二つ目。"]]);
  });
});

describe("inline content", () => {
  const run = (t: string, rPr = ""): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${t}</w:t></w:r>`;
  const para = (...runs: string[]): string => `<w:p>${runs.join("")}</w:p>`;
  const txbx = (t: string): string => `<w:txbxContent>${p(t)}</w:txbxContent>`;
  const doc = readDocx(buildDocx({
    styles: style("Secret", "Secret", "<w:rPr><w:vanish/></w:rPr>").replace('w:type="paragraph"', 'w:type="character"'),
    body:
      para(run("承認済"), `<w:ins w:id="1">${run("追加")}</w:ins>`, `<w:del w:id="2"><w:r><w:delText>削除</w:delText></w:r></w:del>`,
        `<w:moveFrom w:id="3">${run("移動元")}</w:moveFrom>`, `<w:moveTo w:id="4">${run("移動先")}</w:moveTo>`) +
      para(run("表示"), run("非表示", "<w:vanish/>"), run("スタイルで非表示", '<w:rStyle w:val="Secret"/>'), run("再表示", '<w:vanish w:val="0"/>')) +
      `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>${run("段落記号だけ非表示")}</w:p>` +
      para(`<w:ruby><w:rubyPr/><w:rt>${run("ちょうたつ")}</w:rt><w:rubyBase>${run("調達")}</w:rubyBase></w:ruby>`, run("仕様書")) +
      para(run("日付："), `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy/MM/dd" </w:instrText></w:r>`,
        `<w:r><w:fldChar w:fldCharType="separate"/></w:r>`, run("2026/04/01"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
        `<w:fldSimple w:instr=" TITLE ">${run("題名")}</w:fldSimple>`) +
      `<w:sdt><w:sdtPr><w:alias w:val="契約番号"/><w:placeholder><w:docPart w:val="x"/></w:placeholder></w:sdtPr><w:sdtContent>${p("ブロック SDT")}</w:sdtContent></w:sdt>` +
      para(run("前"), `<w:sdt><w:sdtPr/><w:sdtContent>${run("インライン SDT")}</w:sdtContent></w:sdt>`, run("後")) +
      para(run("箱の前"), `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${txbx("図形内テキスト")}</wps:txbx></w:drawing></mc:Choice>` +
        `<mc:Fallback><w:pict><v:shape><v:textbox>${txbx("図形内テキスト")}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`, run("箱の後")) +
      para(run("A"), "<w:r><w:tab/></w:r>", run("B"), "<w:r><w:br/></w:r>", run("C"), "<w:r><w:noBreakHyphen/></w:r>", run("D")) +
      `<w:altChunk r:id="x1"/>` + para(`<w:r><w:object><v:shape/><o:OLEObject ProgID="Excel.Sheet.12"/></w:object></w:r>`) +
      para(`<w:r><w:drawing><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="c1"/></w:drawing></w:r>`),
  }), "i.docx");
  const texts = doc.blocks.map((b) => b.text);

  it("keeps insertions and moves-to, drops deletions and moves-from", () => expect(texts[0]).toBe("承認済追加移動先"));
  it("drops hidden runs (direct and character style) but not a hidden paragraph mark", () => {
    expect(texts[1]).toBe("表示再表示");
    expect(texts[2]).toBe("段落記号だけ非表示");
  });
  it("keeps ruby base text only", () => expect(texts[3]).toBe("調達仕様書"));
  it("keeps field results, not instructions", () => expect(texts[4]).toBe("日付：2026/04/01題名"));
  it("reads block and inline content controls", () => {
    expect(texts[5]).toBe("ブロック SDT");
    expect(texts[6]).toBe("前インライン SDT後");
  });
  it("reads a text box once although it exists as DrawingML and VML", () => {
    expect(texts[7]).toBe("箱の前箱の後");
    const boxes = doc.blocks.filter((b) => b.region === "textbox");
    expect(boxes.map((b) => [b.text, b.location.line])).toEqual([["図形内テキスト", 12]]);
  });
  it("maps tabs and breaks to characters on the same line, so offsets stay consistent", () => {
    const b = doc.blocks[8]!;
    expect(b.text).toBe("A\tB\nC-D");
    expect(b.positionAt(4)).toEqual({ line: 9, column: 5 });
    expect(b.location).toMatchObject({ line: 9, column: 1, endLine: 9, endColumn: 8, paragraph: 9 });
  });
  it("reports content it cannot see", () => {
    const at = (line: number, endColumn: number) => ({ line, column: 1, endLine: line, endColumn, paragraph: line, region: "body", table: null });
    expect(doc.notices).toEqual([
      { code: "unseen-content", what: "altChunk", count: 1, location: at(10, 1) },
      { code: "unseen-content", what: "embedded object (OLE)", count: 1, location: at(10, 1) },
      { code: "unseen-content", what: "chart", count: 1, location: at(11, 1) },
    ]);
    expect(doc.notices.map((n) => t(UNSEEN_MESSAGE_IDS[n.what]!))).toEqual(["埋め込まれた別文書（altChunk）", "埋め込みオブジェクト（OLE）", "グラフ"]);
  });
});

describe("tables", () => {
  const tc = (t: string, tcPr = ""): string => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${p(t)}</w:tc>`;
  const doc = readDocx(buildDocx({
    body: p("前文") + `<w:tbl><w:tr>${tc("見出し", '<w:gridSpan w:val="2"/>')}${tc("備考")}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc("二列目")}${tc("三列目")}</w:tr>` +
      `<w:tr>${tc("外")}<w:tc><w:tbl><w:tr>${tc("内1")}${tc("内2")}</w:tr></w:tbl>${p("")}</w:tc>${tc("後")}</w:tr></w:tbl>` + p("（１）後文の見出し"),
  }), "t.docx");

  it("gives table index (nested tables counted), row and grid column", () => {
    expect(doc.blocks.map((b) => [b.text, b.kind, b.location.line, b.location.table])).toEqual([
      ["前文", "paragraph", 1, null],
      ["見出し", "tableCell", 2, { index: 1, row: 1, column: 1 }],
      ["備考", "tableCell", 3, { index: 1, row: 1, column: 3 }],
      ["二列目", "tableCell", 4, { index: 1, row: 2, column: 2 }],
      ["三列目", "tableCell", 5, { index: 1, row: 2, column: 3 }],
      ["外", "tableCell", 6, { index: 1, row: 3, column: 1 }],
      ["内1", "tableCell", 7, { index: 2, row: 1, column: 1 }],
      ["内2", "tableCell", 8, { index: 2, row: 1, column: 2 }],
      ["後", "tableCell", 10, { index: 1, row: 3, column: 3 }],
      ["（１）後文の見出し", "heading", 11, null],
    ]);
  });
});

describe("comments, directives and notes", () => {
  const comment = (id: number, text: string): string => `<w:comment w:id="${id}" w:author="a">${p(text)}</w:comment>`;
  const ref = (id: number): string => `<w:r><w:commentReference w:id="${id}"/></w:r>`;
  const doc = readDocx(buildDocx({
    styles: style("H", "heading 1"),
    comments: comment(0, "chotatsu-lint-disable -- 全体を対象外") + comment(1, "ｃｈｏｔａｔｓｕ-lint-disable log-retention，patch-latest -- 別紙で規定") +
      comment(2, "単なるコメント") + comment(3, "chotatsu-lint-disable incident-report"),
    footnotes: `<w:footnote w:type="separator" w:id="-1">${p("――")}</w:footnote><w:footnote w:id="1">${p("脚注本文")}</w:footnote>`,
    body: p("") + `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>表題</w:t></w:r><w:commentRangeEnd w:id="0"/>${ref(0)}</w:p>` +
      p("情報セキュリティ", pStyle("H")) + `<w:commentRangeStart w:id="1"/>` + p("ログは3か月保存する。") +
      `<w:p><w:r><w:t>パッチは適宜適用する。</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p><w:commentRangeEnd w:id="1"/>` +
      `<w:p><w:r><w:t>報告する。</w:t></w:r>${ref(2)}${ref(3)}</w:p>`,
  }), "c.docx");

  it("turns directive comments into disable-file / disable-block with paragraph ranges", () => {
    expect(doc.directives.map((d) => ({ kind: d.kind, rules: d.rules, reason: d.reason, target: d.targetLines, line: d.location.line }))).toEqual([
      { kind: "disable-file", rules: [], reason: "全体を対象外", target: { from: 2, to: 2 }, line: 2 },
      { kind: "disable-block", rules: ["log-retention", "patch-latest"], reason: "別紙で規定", target: { from: 4, to: 5 }, line: 4 },
      { kind: "disable-block", rules: ["incident-report"], reason: undefined, target: { from: 6, to: 6 }, line: 6 },
    ]);
  });

  it("numbers notes and comments after the body and gives them the anchor's section path", () => {
    const other = doc.blocks.filter((b) => b.region !== "body");
    expect(other.map((b) => [b.region, b.kind, b.text, b.location.line, b.sectionPath.join(">")])).toEqual([
      ["footnote", "note", "脚注本文", 7, "情報セキュリティ"],
      ["comment", "note", "chotatsu-lint-disable -- 全体を対象外", 8, ""],
      ["comment", "note", "ｃｈｏｔａｔｓｕ-lint-disable log-retention，patch-latest -- 別紙で規定", 9, "情報セキュリティ"],
      ["comment", "note", "単なるコメント", 10, "情報セキュリティ"],
      ["comment", "note", "chotatsu-lint-disable incident-report", 11, "情報セキュリティ"],
    ]);
  });
});

describe("plain-paragraph numbering patterns", () => {
  const doc = readDocx(buildDocx({
    body: ["第1章 総則", "1. 目的", "本書は目的を定める。", "1.1 背景", "背景を述べる。", "(1) 経緯", "①　詳細", "詳細。", "2. 範囲",
      "(1) サーバ", "(2) ネットワーク", "受注者は、次のとおり対応すること。", "第2章 要件", "ア．機能要件", "機能。", "(ア) 性能", "性能。",
      "別紙1 用語集", "3. 長い段落は見出しではない。", "4. これは四十文字を超えるのでたとえ句点がなくとも見出しとは扱わない長い一文になっている"]
      .map((t) => p(t)).join(""),
  }), "pat.docx");

  it("infers levels from the order numbering styles appear; lists and sentences are not headings", () => {
    expect(doc.blocks.filter((b) => b.kind === "heading").map((b) => [b.text, b.level])).toEqual([
      ["第1章 総則", 1], ["1. 目的", 2], ["1.1 背景", 3], ["(1) 経緯", 4], ["①　詳細", 5], ["2. 範囲", 2],
      ["第2章 要件", 1], ["ア．機能要件", 2], ["(ア) 性能", 3], ["別紙1 用語集", 1],
    ]);
    expect(doc.blocks.find((b) => b.text === "(2) ネットワーク")!.sectionPath).toEqual(["第1章 総則", "2. 範囲"]);
  });
});
