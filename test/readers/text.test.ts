import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeText } from "../../src/readers/decode.js";
import { readText } from "../../src/readers/text.js";
import { FIXTURES, find, fixture, mismatches } from "./helpers.js";

const source = readFileSync(path.join(FIXTURES, "spec.txt"), "utf8");

describe.each(["spec.txt", "spec.sjis.txt"])("plain text %s", (name) => {
  const doc = readText(decodeText(fixture(name)).text, name);

  it("maps every character back to the file", () => {
    expect(mismatches(doc, source)).toEqual([]);
  });

  it("finds numbered headings, levels by order of appearance, and section paths", () => {
    expect(doc.blocks.map((b) => [b.kind, b.level ?? null, b.text.split("\n")[0]])).toEqual([
      ["heading", 1, "第1章 調達案件の概要"],
      ["heading", 2, "1. 調達件名"],
      ["paragraph", null, "○○省 文書管理システム（第２期）の"],
      ["heading", 2, "2. 情報セキュリティ要件"],
      ["heading", 3, "(1) 脆弱性対策"],
      ["paragraph", null, "受注者は、本システムを構成するソフトウェアについて、"],
      ["heading", 3, "(2) ログ管理"],
      ["listItem", null, "① アクセスログは１年間保存すること。"],
      ["listItem", null, "② 保存期間は令和７年４月～令和８年３月を目安とし、㈱や№などの機種依存文字も正しく読むこと。"],
      ["listItem", null, "・インシデントを認知した場合は、直ちに発注者へ報告すること。"],
    ]);
    expect(find(doc, "最新のセキュリティパッチ").block.sectionPath).toEqual(["第1章 調達案件の概要", "2. 情報セキュリティ要件", "(1) 脆弱性対策"]);
  });

  it("joins wrapped lines with \\n and keeps positions across the break", () => {
    expect(find(doc, "について、\n最新").span).toEqual({ line: 9, column: 22, endLine: 10, endColumn: 3 });
    expect(find(doc, "（第２期）の\n設計").span).toEqual({ line: 4, column: 13, endLine: 5, endColumn: 3 });
  });

  it("drops the ideographic-space indent of a continuation line but keeps its column", () => {
    expect(find(doc, "報告は電話").span).toEqual({ line: 15, column: 2, endLine: 15, endColumn: 7 });
  });

  it("locates blocks from their first to just past their last character", () => {
    expect(find(doc, "受注者は").block.location).toEqual({ line: 9, column: 1, endLine: 10, endColumn: 21, region: "body", table: null });
  });
});

describe("plain-text details", () => {
  it("treats a numbered sentence as a list item, not a heading", () => {
    const doc = readText("1. 受注者は、最新のパッチを適用すること。\n", "x.txt");
    expect(doc.blocks[0]).toMatchObject({ kind: "listItem" });
  });

  it("drops a PDF page number (「- 5 -」) instead of reading it as a list item that the next lines join", () => {
    const doc = readText("受注者は、秘密を守ること。\n\n- 5 -\n別記\n個人情報の取扱いに関する特記事項\n\n－ 12 －\n", "x.txt");
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ["paragraph", "受注者は、秘密を守ること。"],
      ["heading", "別記\n個人情報の取扱いに関する特記事項"],
    ]);
    expect(readText("- 5 件の報告\n", "x.txt").blocks[0]).toMatchObject({ kind: "listItem", text: "- 5 件の報告" });
  });

  it("reads a branch number (「6の2 業務の検査」) as a section of its base number's level", () => {
    const doc = readText("6 業務の報告\n受託者は、報告すること。\n6の2 業務の検査\n受託者は、検査を受けること。\n2の2 乙は、次の法令等を遵守すること。\n", "x.txt");
    expect(doc.blocks.map((b) => [b.kind, b.level ?? null, b.text])).toEqual([
      ["heading", 1, "6 業務の報告"],
      ["paragraph", null, "受託者は、報告すること。"],
      ["heading", 1, "6の2 業務の検査"],
      ["paragraph", null, "受託者は、検査を受けること。"],
      ["listItem", null, "2の2 乙は、次の法令等を遵守すること。"],
    ]);
  });

  it("reads an annex label alone on its line and the annex title under it as one top-level heading", () => {
    const doc = readText("1 業務内容\n受注者は、郵便物を発送すること。\n11 その他\n⑴ 協議して定める。\n\n別記\n個人情報取扱特記事項\n(秘密の保持)\n第1 受注者は、個人情報を他に漏らしてはならない。\n", "x.txt");
    expect(doc.blocks.map((b) => [b.kind, b.level ?? null, b.text, b.sectionPath])).toEqual([
      ["heading", 1, "1 業務内容", []],
      ["paragraph", null, "受注者は、郵便物を発送すること。", ["1 業務内容"]],
      ["heading", 1, "11 その他", []],
      ["paragraph", null, "⑴ 協議して定める。", ["11 その他"]],
      // the annex's articles are under the annex, not under 「11 その他」
      ["heading", 1, "別記\n個人情報取扱特記事項", []],
      ["paragraph", null, "(秘密の保持)", ["別記 個人情報取扱特記事項"]],
      ["listItem", null, "第1 受注者は、個人情報を他に漏らしてはならない。", ["別記 個人情報取扱特記事項"]],
    ]);
    // a label with its title on the same line was a heading already; a label over a sentence stays text
    expect(readText("別記 個人情報取扱特記事項\n", "x.txt").blocks[0]).toMatchObject({ kind: "heading" });
    expect(readText("別記\n受注者は、次の事項を守ること。\n", "x.txt").blocks[0]!.kind).not.toBe("heading");
  });

  it("joins a sentence that a page break cuts, across the page number and the blank lines around it", () => {
    const cut = readText("第５条　受注者は、事故が発生した場合は、\n\n- 5 -\n\n直ちに発注者に報告すること。\n", "x.txt");
    expect(cut.blocks.map((b) => b.text)).toEqual(["第５条　受注者は、事故が発生した場合は、\n直ちに発注者に報告すること。"]);
    // The exact position of the joined line survives.
    expect(cut.blocks[0]!.location.endLine).toBe(5);
    // A word cut in two (「…帰属するものとす」 / 「る。」) joins too: the next page opens with kana.
    expect(readText("著作権は発注者に帰属するものとす\n- 6 -\nる。\n", "x.txt").blocks.map((b) => b.text))
      .toEqual(["著作権は発注者に帰属するものとす\nる。"]);
    // A finished sentence, even one with commas, ends at the page break: the annex title is its own block.
    expect(readText("仕様書に定めのない事項は、協議の上決定する。\n\n- 8 -\n\n(別添1)\n", "x.txt").blocks.map((b) => b.text))
      .toEqual(["仕様書に定めのない事項は、協議の上決定する。", "(別添1)"]);
    // So does a title-like line before a page whose first line is not a continuation.
    expect(readText("委託費の内容\n\n- 9 -\n\n受注者は秘密を守ること。\n", "x.txt").blocks).toHaveLength(2);
  });

  it("reads a numbered clause whose first line ends at a page break, or in a number the wrap cut, as one item", () => {
    const kinds = (t: string) => readText(t, "x.txt").blocks.map((b) => [b.kind, b.text]);
    // The next line is the first one after the page number, not the blank line before it.
    expect(kinds("(イ)受注者は、再委託先にも本仕様書に定める義務を負わせ、その履行状況を管\n\n- 13 -\n\n理すること。\n"))
      .toEqual([["listItem", "(イ)受注者は、再委託先にも本仕様書に定める義務を負わせ、その履行状況を管\n理すること。"]]);
    expect(kinds("(ウ)クラウド事業者がISO/IEC 27001及びISO/IEC 2701\n7の認証を取得していることを確認すること。\n")).toHaveLength(1);
    expect(kinds("3. 改修に不具合があることが判明した場合は\n、受注者の負担で修正すること。\n")).toHaveLength(1);
  });

  it("reads short numbered lines after a lead, or after an entry they follow, as list entries, not headings", () => {
    const kinds = (t: string) => readText(t, "x.txt").blocks.map((b) => [b.kind, b.text]);
    expect(kinds("(1) 受託者は、次の書類を提出すること。\n① 年間作業計画書(実施予定月を含む。)\n② 作業手順書\n③ 緊急連絡体制表\n(2) 月報は翌月5日までに提出すること。\n"))
      .toEqual([
        ["listItem", "(1) 受託者は、次の書類を提出すること。"],
        ["listItem", "① 年間作業計画書(実施予定月を含む。)"],
        ["listItem", "② 作業手順書"],
        ["listItem", "③ 緊急連絡体制表"],
        ["listItem", "(2) 月報は翌月5日までに提出すること。"],
      ]);
    expect(kinds("本業務は、次の関係法令等に準拠して行う。\n\n1. 個人情報保護法\n2. 市情報セキュリティポリシー\n\n1.4 履行期間\n\n令和7年3月31日まで\n").map(([k]) => k))
      .toEqual(["paragraph", "listItem", "listItem", "heading", "paragraph"]);
    // A chapter after the entries keeps its heading: its marks (「9 」 against 「7.」) or its number differ.
    expect(kinds("7. 受注者は、名簿を提出すること。\n\n9 検査\n\n1. 担当者は、検査を行う。\n").map(([k]) => k))
      .toEqual(["listItem", "heading", "listItem"]);
    // A title followed by its body stays a heading, even after an entry of its style.
    expect(kinds("(1) 受注者は、名簿を提出すること。\n(2) 報告\n受注者は、月報を提出すること。\n").map(([k]) => k))
      .toEqual(["listItem", "heading", "paragraph"]);
  });

  it("reads Roman-numeral chapters as headings, at the level their style first takes", () => {
    const heads = (t: string) => readText(t, "x.txt").blocks.filter((b) => b.kind === "heading").map((b) => [b.text, b.level]);
    expect(heads("Ⅱ　用語定義\n用語は次のとおりとする。\nⅢ　受注資格\n受注者は、次の条件を全て満たすこと。\n")).toEqual([["Ⅱ　用語定義", 1], ["Ⅲ　受注資格", 1]]);
    expect(heads("3．業務内容\n(1)　作成\nⅠ　納付書の作成\n納付書を作成する。\n4．スケジュール\n日程は次のとおり。\n")).toEqual([["3．業務内容", 1], ["(1)　作成", 2], ["Ⅰ　納付書の作成", 3], ["4．スケジュール", 1]]);
  });

  it("reads numbered lines right under a numbered heading, none with a body, as the section's list, not as sub-headings", () => {
    const kinds = (t: string) => readText(t, "x.txt").blocks.map((b) => b.kind);
    // The tasks a section lists (the last may be a sentence), up to the next chapter.
    expect(kinds("(2) ネットワーク運用管理\n(ア) ルータ、スイッチ等の稼働監視\n(イ) VLAN等の設定変更\n(ウ) その他必要な作業を行うこと。\n(3) 利用者管理\n利用者を登録すること。\n"))
      .toEqual(["heading", "listItem", "listItem", "listItem", "heading", "paragraph"]);
    // Sub-headings with a body keep their headings; so does a chapter with nothing under it before a chapter with a body.
    expect(kinds("(1) 体制\n(ア) 責任者\n責任者を置くこと。\n(イ) 要員\n要員を置くこと。\n"))
      .toEqual(["heading", "heading", "paragraph", "heading", "paragraph"]);
    expect(kinds("10 守秘義務\n秘密を漏らさないこと。\n11 情報セキュリティ\n12 再委託\n再委託をしてはならない。\n"))
      .toEqual(["heading", "paragraph", "heading", "heading", "paragraph"]);
  });

  it("keeps the annexes a table of contents lists after its entries in the table, and drops roman page numbers", () => {
    const doc = readText("目 次\n1.調達件名 ............ 1\n12.遵守事項 ............ 5\n別紙1 現行システムの概要\n別紙2 要件定義書\n\n- ii -\n\n1.調達件名\n\n本件は、システムの運用である。\n", "x.txt");
    expect(doc.blocks.map((b) => [b.kind, b.text.split("\n").length])).toEqual([
      ["paragraph", 1], ["listItem", 1], ["listItem", 3], ["heading", 1], ["paragraph", 1],
    ]);
    // The body is under its own chapter, not under 別紙2.
    expect(doc.blocks[4]!.sectionPath).toEqual(["1.調達件名"]);
    // A long entry wraps before its leaders: its first line is no heading either.
    expect(readText("別紙1 民間活用による就職支援事業に係る\n 仕様書 ・・・・・・・・ 14\n", "x.txt").blocks.map((b) => b.kind)).toEqual(["listItem"]);
  });

  it("ends a paragraph at a line well short of the width the text wraps at", () => {
    const wrapped = "受注者は、本業務の実施に当たり、発注者の定める規程を遵守し、作業の記録を残すこと。";
    const filler = Array.from({ length: 24 }, () => wrapped.slice(0, 38)).join("\n");
    const doc = readText(`${filler}。\n\n1.件名\n　詳報作成支援システムの改修、運用及び保守\n2.目的\n　本業務は、システムを改修するものである。\n`, "x.txt");
    expect(doc.blocks.slice(1).map((b) => [b.kind, b.text])).toEqual([
      ["heading", "1.件名"], ["paragraph", "詳報作成支援システムの改修、運用及び保守"],
      ["heading", "2.目的"], ["paragraph", "本業務は、システムを改修するものである。"],
    ]);
  });

  it("reads an article whose full first line ends in a particle as one clause, even without a comma (no heading)", () => {
    const wrapped = "受注者は、本業務の実施に当たり、発注者の定める規程を遵守し、作業の記録を残すこと。";
    const filler = Array.from({ length: 24 }, () => wrapped.slice(0, 38)).join("\n");
    const article = "第10　甲は乙がこの契約による事務の執行に当たり取り扱っている個人情報の調査の";
    expect([...article].length).toBeGreaterThanOrEqual(37);
    const doc = readText(`${filler}。\n\n${article}\n状況について、必要に応じて調査することができる。\n`, "x.txt");
    expect(doc.blocks.slice(1).map((b) => [b.kind, b.text])).toEqual([
      ["listItem", `${article}\n状況について、必要に応じて調査することができる。`],
    ]);
  });

  it("reads a full numbered line with a subject or object going on, cut mid-word, as one clause (no heading)", () => {
    const wrapped = "受注者は、本業務の実施に当たり、発注者の定める規程を遵守し、作業の記録を残すこと。";
    const filler = Array.from({ length: 24 }, () => wrapped.slice(0, 38)).join("\n");
    const article = "(4)受託者は委託者から貸与された資料及び記録した媒体を施";
    const width = [...filler.split("\n")[0]!].length;
    const padded = article + "保".repeat(Math.max(0, width - 1 - [...article].length));
    const doc = readText(`${filler}。\n\n${padded}\n錠可能な保管庫に保管すること。\n(5)次の項目\n`, "x.txt");
    expect(doc.blocks[1]).toMatchObject({ kind: "listItem", text: `${padded}\n錠可能な保管庫に保管すること。` });
    // a title filling the line without a clause after its particle stays a heading
    const title = "(5)情報セキュリティの確保";
    expect(readText(`${filler}。\n\n${title}\n受注者は、規程を遵守すること。\n`, "x.txt").blocks[1]).toMatchObject({ kind: "heading" });
  });

  it("reads the entries an item leads (another style, the lead's details named after it) as entries, not headings", () => {
    const doc = readText("エ マスタパソコンには、次の設定を含めること。詳細は設定手順書による。\n(ア)BIOSの管理者パスワードの設定\n(イ)記憶媒体の暗号化\nオ 設定は、承認を得てから行うこと。\n", "x.txt");
    expect(doc.blocks.map((b) => b.kind)).toEqual(["listItem", "listItem", "listItem", "listItem"]);
  });

  it("reads a catch-all last entry (「(9)その他、担当者の指示する事項」) as no heading, and 「11 その他」 as one", () => {
    const doc = readText("(8)会場の管理\n忘れ物は記録して保管すること。\n(9)その他、担当者の指示する事項\n\n11 その他\n本仕様書に定めのない事項は協議する。\n", "x.txt");
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ["heading", "(8)会場の管理"], ["paragraph", "忘れ物は記録して保管すること。"], ["listItem", "(9)その他、担当者の指示する事項"],
      ["heading", "11 その他"], ["paragraph", "本仕様書に定めのない事項は協議する。"],
    ]);
  });

  it("keeps an article's bracketed caption out of the article above it", () => {
    const doc = readText("第8　乙は、従事者に必要な事項を周知するものとする。\n(事故報告)\n第9　乙は、事故が生じたときは、甲に報告するものとする。\n", "x.txt");
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ["listItem", "第8　乙は、従事者に必要な事項を周知するものとする。"],
      ["paragraph", "(事故報告)"],
      ["listItem", "第9　乙は、事故が生じたときは、甲に報告するものとする。"],
    ]);
  });

  it("joins a Latin word or a number the wrap cut, and keeps a break where the text had a space", () => {
    const filler = Array.from({ length: 24 }, () => "受注者は、本業務の実施に当たり、発注者の定める規程を遵守し、作業の記録を").join("\n");
    const para = (a: string, b: string) => readText(`${filler}残すこと。\n\n${a}\n${b}\n`, "x.txt").blocks.at(-1)!.text;
    const full = "受注者は、改ざん検知及び通信の暗号化を備えること。具体的には、通信の暗号化(T";
    expect(para(full.slice(full.length - 37), "LS1.2以上)を用いること。")).toContain("(TLS1.2以上)");
    expect(para("受注者は、サーバのOSとして次の製品を用いることとし、Windows ", "Server 2022を用いること。")).toContain("Windows\nServer");
  });

  it("goes on at a middle dot that joins two nouns across a full line, and starts a bullet after a finished one", () => {
    const filler = Array.from({ length: 24 }, () => "受注者は、本業務の実施に当たり、発注者の定める規程を遵守し、作業の記録を").join("\n");
    const blocks = (tail: string) => readText(`${filler}残すこと。\n\n${tail}`, "x.txt").blocks.slice(1).map((b) => b.kind);
    expect(blocks("(イ)受注者は、本業務に従事する者の資本関係・役員等の情報、作業従事者の所属\n・専門性及び国籍に関する情報を提出すること。\n")).toEqual(["listItem"]);
    expect(blocks("受注者は、次の書類を提出すること。本業務の実施に当たり作成する書類は次のとおり。\n・作業計画書\n")).toEqual(["paragraph", "listItem"]);
  });

  it("reads numbered particulars (a label, a space, a value) as entries, not headings", () => {
    const doc = readText("2 業務期間・履行場所\n(1)委託期間 令和5年4月1日から令和6年3月31日まで\n(2)履行場所 当院及び委託者が認めた場所\n", "x.txt");
    expect(doc.blocks.map((b) => b.kind)).toEqual(["heading", "listItem", "listItem"]);
    // A title with no value after it stays a heading.
    expect(readText("(1) 事業の趣旨\n本事業は、就職を支援する。\n", "x.txt").blocks[0]!.kind).toBe("heading");
  });

  it("reads a letter-spaced title (「パ ソ コ ン 等 業 務」) as no numbered heading of the katakana style", () => {
    const doc = readText("パ ソ コ ン 等 業 務\n\n1 委託業務\n\n(1) 問合せ対応\n\nア 問合せの種類\n\n職員からの問合せに対応すること。\n", "x.txt");
    expect(doc.blocks.filter((b) => b.kind === "heading").map((b) => [b.text, b.level])).toEqual([["1 委託業務", 1], ["(1) 問合せ対応", 2], ["ア 問合せの種類", 3]]);
  });

  it("drops a running header repeated at every page break and 「n / N」 page numbers, joining the sentence they cut", () => {
    const page = (n: number) => `\n${n} / 9\n\n運用保守業務委託仕様書\n\n`;
    const text = `第1条 受注者は、本業務を誠実に行うこと。${page(1)}第2条 受注者は、事故が発生した場合は、${page(2)}直ちに発注者に報告すること。${page(3)}第3条 受注者は、秘密を守ること。\n`;
    const doc = readText(text, "x.txt");
    expect(doc.blocks.map((b) => b.text)).toEqual([
      "第1条 受注者は、本業務を誠実に行うこと。",
      "第2条 受注者は、事故が発生した場合は、\n直ちに発注者に報告すること。",
      "第3条 受注者は、秘密を守ること。",
    ]);
    // A line that stands near only two page breaks is content.
    expect(readText(`受注者は、報告すること。${page(1)}受注者は、記録すること。${page(2)}以上\n`, "x.txt").blocks.map((b) => b.text))
      .toContain("運用保守業務委託仕様書");
  });

  it("starts list items at bullets but not at a run of placeholder marks", () => {
    const doc = readText("本文\n○○省の業務\n- 項目\n-1 度\n", "x.txt");
    expect(doc.blocks.map((b) => [b.kind, b.text])).toEqual([
      ["paragraph", "本文\n○○省の業務"],
      ["listItem", "- 項目\n-1 度"],
    ]);
  });

  it("reads directives written as HTML comments on their own line", () => {
    const doc = readText("<!-- chotatsu-lint-disable-next-line patch-latest -- 別紙 -->\n本文。\n", "x.txt");
    expect(doc.directives).toEqual([{
      kind: "disable-next-line", rules: ["patch-latest"], reason: "別紙",
      location: { line: 1, column: 1, endLine: 1, endColumn: 60, region: "body", table: null },
      targetLines: { from: 2, to: 2 },
    }]);
    expect(doc.blocks.map((b) => b.text)).toEqual(["本文。"]);
  });

  it("returns no blocks for empty or blank text", () => {
    expect(readText("", "x.txt").blocks).toEqual([]);
    expect(readText("\n　\n \n", "x.txt").blocks).toEqual([]);
  });
});
