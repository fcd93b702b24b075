import { describe, expect, it } from "vitest";
import { lintDocument } from "../../../src/engine/index.js";
import { config, md } from "../helpers.js";

const terms = {
  latest: ["最新"], patch: ["セキュリティパッチ", "修正プログラム", "パッチ"], apply: ["適用", "導入"],
  incident: ["インシデント", "情報漏えい"], orderer: ["発注者", "担当職員"], report: ["報告", "連絡"], deadline: ["直ちに", "時間以内", "日以内"],
  vuln: ["脆弱性"],
};
const patch = config([{
  id: "patch-latest", kind: "require", section: ["情報セキュリティ"],
  params: { match: { all: ["$latest", "$patch", "$apply"], within: "sentence", obligation: true } },
}], { terms });
const incident = config([{
  id: "incident-report", kind: "require",
  params: {
    elements: {
      trigger: { all: ["$incident"], within: "sentence" },
      "to-whom": { all: ["$incident", "$orderer", "$report"], within: "sentence", obligation: true },
      deadline: { all: ["$incident", "$report"], any: ["$deadline"], within: "block" },
    },
    present: { all: ["trigger", "to-whom", "deadline"] },
    elementLabels: { deadline: { ja: "報告期限", en: "reporting deadline" } },
  },
}], { terms });

const lint = (text: string, c = patch) => lintDocument(md(text), c);

describe("require", () => {
  it("is silent and present on a compliant clause", () => {
    const r = lint("# 仕様書\n\n受注者は、最新のセキュリティパッチを適用すること。\n");
    expect(r.findings).toEqual([]);
    expect(r.coverage["patch-latest"]).toEqual({ status: "present", applies: true, missing: [],
      evidence: { line: 3, text: "受注者は、最新のセキュリティパッチを適用すること。" } });
  });
  it("reports absent at the heading of the section where the clause belongs", () => {
    const r = lint("# 仕様書\n\n## 情報セキュリティ\n\n受注者は秘密を守ること。\n");
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: "patch-latest", status: "absent", location: { line: 3, column: 1 } });
    expect(r.coverage["patch-latest"]).toMatchObject({ status: "absent", evidence: null, missing: ["match"] });
  });
  it("reports absent at the top of the document without such a section", () => {
    const r = lint("# 仕様書\n\n受注者は秘密を守ること。\n");
    expect(r.findings[0]!.location).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 });
  });
  it("reads material labelled 参考 as background, not a duty (a block opening with the label, or a section under such a heading)", () => {
    const duty = "最新のセキュリティパッチを適用すること。";
    expect(lint(`# 仕様書\n\n${duty}\n`).coverage["patch-latest"]!.status).toBe("present");
    expect(lint(`# 仕様書\n\n(参考)現行の運用では、${duty}\n`).coverage["patch-latest"]!.status).toBe("absent");
    expect(lint(`# 仕様書\n\n## 【参考】現行システムの概要\n\n### 運用\n\n${duty}\n`).coverage["patch-latest"]!.status).toBe("absent");
    // the section ends at the next heading of the same level
    expect(lint(`# 仕様書\n\n## 参考資料\n\n概要。\n\n## 5 情報セキュリティ\n\n${duty}\n`).coverage["patch-latest"]!.status).toBe("present");
  });
  it("reads work the orderer does under the alias the spec defines for it as no duty of the contractor", () => {
    const duty = "最新のセキュリティパッチの適用は、センターが実施する。";
    const intro = "国立研究開発法人国立医療研究センター（以下「センター」という。）は、本業務を委託する。";
    expect(lint(`# 仕様書\n\n${intro}\n\n${duty}\n`).coverage["patch-latest"]).toMatchObject({ status: "absent", why: "excluded" });
    // without the definition 「センター」 names nobody in particular; a data centre is not the orderer either
    expect(lint(`# 仕様書\n\n${intro}\n\n最新のセキュリティパッチの適用は、データセンターが実施する。\n`).coverage["patch-latest"]!.why).not.toBe("excluded");
    // the contractor's alias is not the orderer's
    expect(lint(`# 仕様書\n\n株式会社某（以下「事業者」という。）\n\n最新のセキュリティパッチの適用は、事業者が実施するものとする。\n`).coverage["patch-latest"]!.status).toBe("present");
  });

  it("reads a chapter on the background (「2.調達の背景」「1 背景及び目的」) as narrative too", () => {
    const duty = "最新のセキュリティパッチを適用すること。";
    expect(lint(`# 仕様書\n\n## 2.調達の背景\n\n現行の運用では、${duty}\n`).coverage["patch-latest"]!.status).toBe("absent");
    expect(lint(`# 仕様書\n\n## 1 背景及び目的\n\n${duty}\n\n## 2 作業内容\n\n概要。\n`).coverage["patch-latest"]!.status).toBe("absent");
    // a chapter whose title only contains the word is not the background
    expect(lint(`# 仕様書\n\n## 3 背景画像の作成\n\n${duty}\n`).coverage["patch-latest"]!.status).toBe("present");
  });
  it("judges a negated or excluded duty absent, topic words included, and says why (labelling.md §1)", () => {
    const text = "# 仕様書\n\n最新のセキュリティパッチの適用は求めない。\n\n最新の修正プログラムの適用は不要とする。\n";
    expect(lint(text).coverage["patch-latest"]!.status).toBe("absent");
    const withTopic = config([{ id: "patch-latest", kind: "require", params: {
      match: { all: ["$latest", "$patch", "$apply"], obligation: true }, topic: { any: ["$patch"] } } }], { terms });
    expect(lint(text, withTopic).coverage["patch-latest"]).toMatchObject({ status: "absent", why: "excluded" });
    const reassigned = "# 仕様書\n\nセキュリティパッチの適用は他事業者が行う。\n";
    expect(lint(reassigned, withTopic).coverage["patch-latest"]).toMatchObject({ status: "absent", why: "excluded" });
    // Another operator named by its role, and what it provides, are reassignments too; the contractor's own
    // 受注事業者 / 受託事業者 is not another party.
    const provided = "# 仕様書\n\nセキュリティパッチの適用の仕組みは基盤事業者が提供する。\n";
    expect(lint(provided, withTopic).coverage["patch-latest"]).toMatchObject({ status: "absent", why: "excluded" });
    const own = "# 仕様書\n\nセキュリティパッチの適用は受託事業者が行うものとする。\n";
    expect(lint(own, withTopic).coverage["patch-latest"]).toMatchObject({ status: "partial" });
    const deferred = "# 仕様書\n\nパッチ適用の詳細は協議して定める。\n";
    expect(lint(deferred, withTopic).coverage["patch-latest"]).toMatchObject({ status: "absent", why: "deferred" });
    // The evidence of an excluded or deferred clause is the sentence that excluded or deferred it; the
    // finding stays where the clause belongs (here: the title heading).
    expect(lint(text, withTopic).coverage["patch-latest"]!.evidence).toMatchObject({ line: 3, text: "最新のセキュリティパッチの適用は求めない。" });
    expect(lint(deferred, withTopic).coverage["patch-latest"]!.evidence).toMatchObject({ line: 3, text: "パッチ適用の詳細は協議して定める。" });
    expect(lint(text, withTopic).findings[0]!.location).toMatchObject({ line: 1 });
    // A topic named only outside any duty (a purpose) is shown too, with why; the finding stays at the heading.
    const purpose = lint("# 仕様書\n\n本業務の目的はパッチ管理の改善である。\n", withTopic);
    expect(purpose.coverage["patch-latest"]).toMatchObject({ status: "absent", why: "not-a-duty", evidence: { line: 3, text: "本業務の目的はパッチ管理の改善である。" } });
    expect(purpose.findings[0]!.location).toMatchObject({ line: 1 });
    // An element's general first word alone is not shown (it may be セキュリティ).
    expect(lint("# 仕様書\n\n最新の技術動向を調査する。\n", withTopic).coverage["patch-latest"]!.evidence).toBeNull();
  });
  it("calls a clause mentioned only where a sentence holds all its words: one general word alone is nothing", () => {
    // Staff education's topic is an education word with what it is about (取扱い); 取扱い alone names no education,
    // and the element's first word (従事者) alone no training.
    const education = config([{ id: "staff-education", kind: "require", params: {
      elements: { training: { all: ["従事者", "取扱い"], any: ["教育"], obligation: true } },
      present: { all: ["training"] }, topic: { all: ["取扱い"], any: ["教育"] } } }]);
    const word = lint("# 仕様書\n\n成果物の取扱いは別紙のとおりとする。従事者は5名とする。\n", education);
    expect(word.coverage["staff-education"]).toMatchObject({ status: "absent", why: "nothing", evidence: null });
    const aside = lint("# 仕様書\n\n発注者は、個人情報の取扱いに関する教育を毎年実施している。\n", education);
    expect(aside.coverage["staff-education"]).toMatchObject({ status: "absent", why: "not-a-duty",
      evidence: { line: 3, text: "発注者は、個人情報の取扱いに関する教育を毎年実施している。" } });
  });
  it("gives partial for a weak or bare duty on the topic, absent for a topic word outside any duty (labelling.md §4)", () => {
    const withTopic = config([{ id: "patch-latest", kind: "require", params: {
      match: { all: ["$latest", "$patch", "$apply"], obligation: true }, topic: { any: ["$patch"] } } }], { terms });
    const r = lint("# 仕様書\n\n受注者は、必要に応じてパッチを適用すること。\n", withTopic);
    expect(r.coverage["patch-latest"]).toMatchObject({ status: "partial", why: "bare-duty",
      evidence: { line: 3, text: "受注者は、必要に応じてパッチを適用すること。" } });
    expect(r.findings[0]).toMatchObject({ status: "partial", location: { line: 3, column: 12, endLine: 3, endColumn: 15 } });
    expect(lint("# 仕様書\n\n本業務の目的はパッチ管理の改善である。\n", withTopic).coverage["patch-latest"])
      .toMatchObject({ status: "absent", why: "not-a-duty" });
  });
  it("reads a qualifier as weakening the contractor's duty, not the orderer's own act in the same clause", () => {
    const remedy = config([{ id: "remedy", kind: "require", params: {
      match: { all: ["監査"], any: ["是正"], within: "block" }, weakenedBy: ["必要に応じて"] } }]);
    expect(lint("当省は、必要に応じて監査を行う。受注者は、指摘があれば是正すること。\n", remedy).coverage.remedy!.status).toBe("present");
    expect(lint("当省は監査を行う。受注者は、必要に応じて是正すること。\n", remedy).coverage.remedy).toMatchObject({ status: "partial", why: "bare-duty" });
  });
  it("counts a prohibition (してはならない) as an obligation", () => {
    const c = config([{ id: "no-internet", kind: "require",
      params: { match: { all: ["インターネット", "個人情報"], within: "sentence", obligation: true } } }]);
    expect(lint("個人情報を扱う作業をインターネットに接続された端末で行ってはならない。\n", c).coverage["no-internet"]!.status).toBe("present");
    expect(lint("個人情報を扱う作業はインターネット接続端末では行わないこと。\n", c).coverage["no-internet"]!.status).toBe("present");
  });
  it("matches ぜい弱性, full-width, half-width and PDF-spaced words", () => {
    const c = config([{ id: "vuln", kind: "require", params: { match: { all: ["$vuln", "$patch", "tls1.2"], within: "sentence", obligation: true } } }], { terms });
    const r = lint("ぜい弱性対策として ｾｷｭﾘﾃｨ パ ッ チ を適用し、ＴＬＳ１．２を用いること。\n", c);
    expect(r.coverage["vuln"]!.status).toBe("present");
  });
  it("matches a clause split over a line break", () => {
    const r = lint("受注者は、最新のセキュリティパ\nッチを適用\nすること。\n");
    expect(r.coverage["patch-latest"]).toMatchObject({ status: "present", evidence: { line: 1 } });
  });
  it("matches a clause only in a table cell or in an annex at the end", () => {
    const table = "# 仕様書\n\n| 項目 | 要件 |\n| --- | --- |\n| パッチ | 最新のセキュリティパッチを適用すること |\n";
    expect(lint(table).coverage["patch-latest"]).toMatchObject({ status: "present", evidence: { line: 5 } });
    const annex = "# 仕様書\n\n本文。\n\n# 別紙1 セキュリティ要件\n\n1. 受注者は最新の修正プログラムを導入すること。\n";
    expect(lint(annex).coverage["patch-latest"]).toMatchObject({ status: "present", evidence: { line: 7 } });
  });
  it("does not count background narrative", () => {
    const c = config([{ id: "incident-report", kind: "require",
      params: { match: { all: ["$incident", "$report"], within: "block" } } }], { terms });
    const r = lint("前回の契約では、インシデントの報告が遅れた。\n", c);
    expect(r.coverage["incident-report"]!.status).toBe("absent");
  });
  it("reports partial with the missing elements named", () => {
    const r = lint("# 仕様書\n\nインシデントが発生した場合は、担当職員に報告すること。\n", incident);
    expect(r.coverage["incident-report"]).toMatchObject({ status: "partial", missing: ["報告期限"], evidence: { line: 3 } });
    expect(r.findings[0]).toMatchObject({ message: "incident-report: 報告期限", status: "partial", location: { line: 3, column: 1, endLine: 3, endColumn: 7 } });
    expect(lintDocument(md("インシデントが発生した場合は、担当職員に報告すること。\n"), incident, { locale: "en" }).findings[0]!.message)
      .toBe("incident-report (en): reporting deadline");
    const full = lint("インシデントが発生した場合は、直ちに担当職員に報告すること。\n", incident);
    expect(full.coverage["incident-report"]!.status).toBe("present");
  });
  it("gives partial for a heading whose body is not in the input, absent for one whose body says nothing (labelling.md §3)", () => {
    const r = lint("# 仕様書\n\n## 最新のセキュリティパッチの適用\n");
    expect(r.coverage["patch-latest"]).toMatchObject({ status: "partial", why: "heading-only", evidence: { line: 3 } });
    expect(r.findings[0]).toMatchObject({ status: "partial", location: { line: 3, column: 1 } });
    expect(lint("# 仕様書\n\n## 最新のセキュリティパッチの適用\n\n受注者は、作業日報を提出すること。\n").coverage["patch-latest"])
      .toMatchObject({ status: "absent" });
  });
  it("reads a title as the clause's only where its framing holds (an investigation framed by an incident)", () => {
    const coop = config([{ id: "incident-cooperation", kind: "require",
      params: { elements: { investigation: { any: ["調査"], within: "block", framedBy: ["インシデント"] } } } }]);
    expect(lintDocument(md("# 仕様書\n\n## 成果物\n\n### (2) 現状業務調査結果\n"), coop).coverage["incident-cooperation"])
      .toMatchObject({ status: "absent" });
    expect(lintDocument(md("# 仕様書\n\n## インシデント発生時の原因調査\n"), coop).coverage["incident-cooperation"])
      .toMatchObject({ status: "partial", why: "heading-only" });
  });
  it("gives partial for a table-of-contents line whose chapter is not in the input", () => {
    const toc = "# 仕様書\n\n目次\n\n1 概要 ........ 1\n\n7 最新のセキュリティパッチの適用 ........ 12\n";
    expect(lint(toc).coverage["patch-latest"]).toMatchObject({ status: "partial", why: "heading-only" });
  });
  it("keeps coverage but no finding when the rule does not apply", () => {
    const c = config([{ id: "patch-latest", kind: "require", appliesWhen: "system",
      params: { match: { all: ["$latest", "$patch", "$apply"], obligation: true } } }],
    { terms: { ...terms, system: ["情報システム"] }, conditions: { system: { any: ["$system"] } } });
    const r = lint("# 印刷業務\n\n封筒を印刷すること。\n", c);
    expect(r.findings).toEqual([]);
    expect(r.coverage["patch-latest"]).toMatchObject({ status: "absent", applies: false });
    expect(lint("情報システムを運用すること。\n", c).findings).toHaveLength(1);
  });
  it("supports atLeast and any in present", () => {
    const c = config([{ id: "r", kind: "require", params: {
      elements: { a: { all: ["甲"] }, b: { all: ["乙"] }, c: { all: ["丙"] } }, present: { atLeast: 2, of: ["a", "b", "c"] } } }]);
    expect(lint("甲と丙。\n", c).coverage["r"]!.status).toBe("present");
    expect(lint("甲のみ。\n", c).coverage["r"]).toMatchObject({ status: "partial", missing: ["b", "c"] });
  });
  it("within: block and section join terms across sentences and blocks of one section only", () => {
    const mk = (within: string) => config([{ id: "r", kind: "require", params: { match: { all: ["インシデント", "24時間以内"], within } } }]);
    const text = "## 事故対応\n\nインシデントを検知すること。\n\n第一報は24時間以内とする。\n\n## 他\n\nインシデント。\n";
    expect(lint(text, mk("sentence")).coverage["r"]!.status).toBe("absent");
    expect(lint(text, mk("block")).coverage["r"]!.status).toBe("absent");
    expect(lint(text, mk("section")).coverage["r"]).toMatchObject({ status: "present", evidence: { line: 3 } });
    expect(lint("## 事故対応\n\nインシデントを検知すること。\n\n## 他\n\n第一報は24時間以内とする。\n", mk("section")).coverage["r"]!.status).toBe("absent");
    expect(lint("インシデントを検知し、24時間以内に報告。\n", mk("block")).coverage["r"]!.status).toBe("present");
  });
  it("reads a table row as one block unit (a clause split into columns), not a single cell or the whole table", () => {
    const mk = config([{ id: "r", kind: "require", params: { match: { all: ["パッチ"], any: ["毎月"], within: "block" } } }]);
    const table = (row2: string) => `| 周期 | 作業 |\n|---|---|\n| 毎月 | ${row2} |\n| 毎週 | ログの確認 |\n`;
    expect(lint(table("パッチ情報の収集"), mk).coverage["r"]).toMatchObject({ status: "present", evidence: { line: 3 } });
    // Another row's cell is not in the unit.
    expect(lint("| 周期 | 作業 |\n|---|---|\n| 毎週 | パッチ情報の収集 |\n| 毎月 | ログの確認 |\n", mk).coverage["r"]!.status).toBe("absent");
  });
  it("supports none and blocks: heading", () => {
    const none = config([{ id: "r", kind: "require", params: { match: { all: ["パッチ"], none: ["対象外"] } } }]);
    expect(lint("パッチ適用は対象外の機器もある。\n", none).coverage["r"]!.status).toBe("absent");
    expect(lint("パッチを適用する。\n", none).coverage["r"]!.status).toBe("present");
    const heading = config([{ id: "r", kind: "require", params: { match: { all: ["再委託"], blocks: "heading" } } }]);
    expect(lint("再委託は禁止する。\n", heading).coverage["r"]!.status).toBe("absent");
    expect(lint("# 再委託\n\n禁止する。\n", heading).coverage["r"]).toMatchObject({ status: "present", evidence: { line: 1 } });
  });
});

describe("require: items under a lead sentence are read with it", () => {
  const c = config([{ id: "policy", kind: "require",
    params: { match: { all: ["$policy", "$comply"], within: "sentence", obligation: true } } }],
  { terms: { policy: ["情報セキュリティポリシー"], comply: ["遵守", "準拠"] } });
  it("binds a listed policy to the lead's duty (「次の法令等を遵守すること。」 then the list)", () => {
    const r = lintDocument(md("# 遵守事項\n\n受注者は、本業務の実施に当たり、次の法令等を遵守すること。\n\n- 個人情報の保護に関する法律\n- 厚生労働省情報セキュリティポリシー\n"), c);
    expect(r.coverage.policy).toMatchObject({ status: "present", evidence: { line: 6 } });
  });
  it("takes only the lead's words about its items, not its own context (「本仕様書によるほか」)", () => {
    const spec = config([{ id: "spec-doc", kind: "require", params: { match: { all: ["セキュリティ"], any: ["仕様書"], within: "sentence" } } }]);
    const r = lintDocument(md("本業務は、本仕様書によるほか、次の関係法令等に準拠して行うこと。\n\n- 東浜市情報セキュリティポリシー\n"), spec);
    expect(r.coverage["spec-doc"]!.status).toBe("absent");
  });
  it("lends a lead to items grouped under its own sub-headings, not past a heading of its level", () => {
    const lead = "# 遵守事項\n\n受注者は、本業務の実施に当たり、次の法令等を遵守すること。\n\n";
    expect(lintDocument(md(`${lead}## ア 情報セキュリティ関係\n\n- 厚生労働省情報セキュリティポリシー\n`), c).coverage.policy!.status).toBe("present");
    expect(lintDocument(md(`${lead}# 参考文書\n\n- 厚生労働省情報セキュリティポリシー\n`), c).coverage.policy!.status).toBe("absent");
  });
  it("reaches the items from an anchor in the lead sentence, whichever entry comes first", () => {
    // The anchor entry ($report) sits in the lead; the other ($train) only in the items.
    const report = config([{ id: "edu", kind: "require",
      params: { match: { all: ["$report", "$train"], within: "sentence" } } }],
    { terms: { report: ["実施状況を報告"], train: ["セキュリティ教育"] } });
    const doc = "# 遵守事項\n\n受注者は、次の対策を講じ、その実施状況を報告すること。\n\n- 従事者の名簿を提出すること。\n- 従事者にセキュリティ教育を行うこと。\n";
    expect(lintDocument(md(doc), report).coverage.edu).toMatchObject({ status: "present", evidence: { line: 6 } });
    expect(lintDocument(md(doc.replace("セキュリティ教育", "業務説明")), report).coverage.edu!.status).toBe("absent");
    // Without a lead the items are not reached.
    expect(lintDocument(md("# 遵守事項\n\n受注者は、対策の実施状況を報告すること。\n\n# 体制\n\n- 従事者にセキュリティ教育を行うこと。\n"), report)
      .coverage.edu!.status).toBe("absent");
  });
  it("reads the contractor's tasks announced in the plain form as a lead, through sub-sections with paragraphs of their own", () => {
    const mon = config([{ id: "mon", kind: "require", params: { match: { all: ["監視"], within: "sentence", obligation: true } } }]);
    const doc = (lead: string, aside = "") =>
      `# 業務内容\n\n${lead}\n\n## (1) 利用者支援\n\n(ア) 問合せへの対応\n${aside}\n## (2) セキュリティ対策\n\n(ア) 不正アクセスの兆候の監視\n(イ) その他必要な作業\n`;
    expect(lintDocument(md(doc("受託者は、次の業務を行う。")), mon).coverage.mon!.status).toBe("present");
    // A sentence after the lead that says where a list is (「…の一覧は別紙1のとおりとする。」) leaves it the lead.
    expect(lintDocument(md(doc("受託者は、次の業務を行う。対象機器の一覧は別紙1のとおりとする。")), mon).coverage.mon!.status).toBe("present");
    // A paragraph inside the first sub-section does not end the lead's reach over the next one.
    expect(lintDocument(md(doc("受託者は、次の業務を行う。", "\nなお、個人所有の端末の修理は本業務の範囲外とする。\n")), mon).coverage.mon!.status).toBe("present");
    // A system described in the plain form is no lead; nor is the lead once a paragraph of its own section follows.
    expect(lintDocument(md(doc("本システムは、次の処理を行う。")), mon).coverage.mon!.status).toBe("absent");
    expect(lintDocument(md(doc("受託者は、次の業務を行う。\n\n本業務の期間は1年間とする。")), mon).coverage.mon!.status).toBe("absent");
  });
  it("reads a lead whose last sentence only says where the details are (「詳細は手順書による。」)", () => {
    const doc = "# 遵守事項\n\n受注者は、次の法令等を遵守すること。詳細は作業要領による。\n\n- 厚生労働省情報セキュリティポリシー\n";
    expect(lintDocument(md(doc), c).coverage.policy!.status).toBe("present");
    expect(lintDocument(md(doc.replace("詳細は作業要領による。", "これは参考である。")), c).coverage.policy!.status).toBe("absent");
  });
  it("lends an item that is itself a lead to the items of another style under it, until one of its own style", () => {
    const items = (next: string) => `# 遵守事項\n\n1. 受注者は、次の規程を遵守すること。\n\n   (1) 厚生労働省情報セキュリティポリシー\n\n${next}`;
    expect(lintDocument(md(items("")), c).coverage.policy).toMatchObject({ status: "present", evidence: { line: 5 } });
    // A sibling of the leading item (「2. …」) is not led by it.
    const sibling = "# 遵守事項\n\n1. 受注者は、次の規程を遵守すること。\n2. 厚生労働省情報セキュリティポリシーは別途示す資料である。\n";
    expect(lintDocument(md(sibling), c).coverage.policy!.status).toBe("absent");
  });
  it("does not lend a lead to a list after another heading, or to a list without a lead", () => {
    expect(lintDocument(md("受注者は、次の法令等を遵守すること。\n\n## 参考文書\n\n- 厚生労働省情報セキュリティポリシー\n"), c).coverage.policy!.status).toBe("absent");
    expect(lintDocument(md("# 関係文書\n\n- 厚生労働省情報セキュリティポリシー\n"), c).coverage.policy!.status).toBe("absent");
  });
});

describe("require: supporting elements and shared labels", () => {
  const contact = config([{
    id: "emergency-contact", kind: "require",
    params: {
      elements: {
        desk: { any: ["障害の受付"], within: "sentence" },
        hours: { any: ["9時から17時"], within: "sentence" },
        roles: { any: ["責任者"], within: "sentence" },
      },
      present: { all: ["desk", { any: ["hours", "roles"] }] },
      supporting: ["hours"],
      elementLabels: { hours: { ja: "受付時間帯", en: "hours" }, roles: { ja: "受付時間帯", en: "hours" } },
    },
  }], { terms });
  const judge = (text: string) => lint(`# 仕様書\n\n${text}\n`, contact).coverage["emergency-contact"]!;
  it("keeps the clause absent when only a supporting element is found", () => {
    expect(judge("問合せには平日9時から17時まで対応すること。").status).toBe("absent");
  });
  it("counts the supporting element once the clause itself is there", () => {
    expect(judge("障害の受付は、平日9時から17時までとすること。").status).toBe("present");
    expect(judge("障害の受付窓口を設けること。")).toMatchObject({ status: "partial", missing: ["受付時間帯"] });
  });
  it("lists a label shared by alternative elements once, and not when one of them was found", () => {
    expect(judge("受注者は、障害の受付窓口を設けること。").missing).toEqual(["受付時間帯"]);
    const both = lint("# 仕様書\n\n障害の受付窓口を設けること。\n", contact).findings;
    expect(both[0]!.message).not.toMatch(/受付時間帯.*受付時間帯/);
  });
});
