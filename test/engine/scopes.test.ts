// Scope parameters added for issue 11, on small rules: each test fires on the bad text and stays
// silent (or judges differently) on the good one, with the location where a finding is.
import { describe, expect, it } from "vitest";
import { lintDocument } from "../../src/engine/index.js";
import { config, md } from "./helpers.js";

const vague = (params: Record<string, unknown>) => config([{ id: "v", kind: "vague", message: "{match}",
  params: { mode: "qualifier", qualifiers: ["必要に応じて", "原則として", "適切に"], ...params } }]);
const found = (c: ReturnType<typeof config>, text: string) =>
  lintDocument(md(`${text}\n`), c).findings.map((f) => [f.message, f.location?.line, f.location?.column]);

describe("vague: exemptSubjects, definedBy, exemptEndings", () => {
  it("skips the orderer's own duty, not a contractor duty that names the orderer", () => {
    const c = vague({ exemptSubjects: ["発注者", "甲"] });
    expect(found(c, "発注者は、必要に応じて作業場所を確認すること。")).toEqual([]);
    expect(found(c, "甲は、乙に提供する情報を必要に応じて限定するものとする。")).toEqual([]);
    expect(found(c, "受注者は、発注者が指示する場合は、必要に応じて対策を講じること。")).toEqual([["必要に応じて", 1, 18]]);
  });
  it("skips a qualifier whose unit states what it leaves open, and only that qualifier", () => {
    const c = vague({ definedBy: [{ qualifiers: ["原則として"], any: ["re:ただし[^。]{0,40}承認"], within: "block" }] });
    expect(found(c, "原則として持ち出さないこと。ただし、発注者の承認を得た場合はこの限りでない。")).toEqual([]);
    expect(found(c, "原則として持ち出さないこと。")).toEqual([["原則として", 1, 1]]);
    expect(found(c, "原則として、必要に応じて持ち出さないこと。ただし、発注者の承認を得た場合はこの限りでない。"))
      .toEqual([["必要に応じて", 1, 7]]);
  });
  it("skips a sentence holding an `unless` term", () => {
    const c = vague({ unless: { any: ["re:規程を遵守し"] } });
    expect(found(c, "受注者は、本市の規程を遵守し、情報を適切に管理すること。")).toEqual([]);
    expect(found(c, "受注者は、情報を適切に管理すること。")).toEqual([["適切に", 1, 9]]);
  });
  it("skips sentences with an exempt ending (a qualification, not a duty)", () => {
    const c = vague({ exemptEndings: ["していること"] });
    expect(found(c, "入札参加者は、適切に管理する体制を整備していること。")).toEqual([]);
    expect(found(c, "受注者は、情報を適切に管理すること。")).toEqual([["適切に", 1, 9]]);
  });
});

describe("structure: nested false", () => {
  const structure = (nested: boolean | undefined) => config([{ id: "s", kind: "structure", message: "{missing}", params: { sections: {
    compliance: { any: ["遵守事項"] },
    security: { any: ["セキュリティ"], under: "compliance", ...(nested === undefined ? {} : { nested }) },
  } } }]);
  const text = "# 仕様書\n\n## 1 セキュリティ\n\n対策を講じること。\n\n## 2 遵守事項\n\n法令を守ること。";
  it("by default wants the child inside its parent; nested: false accepts it anywhere once the parent exists", () => {
    expect(found(structure(undefined), text)).toEqual([["security", 1, 1]]);
    expect(found(structure(false), text)).toEqual([]);
    expect(found(structure(false), "# 仕様書\n\n## 2 遵守事項\n\n法令を守ること。")).toEqual([["security", 1, 1]]);
    // the parent missing is reported once, not with its child
    expect(found(structure(false), "# 仕様書\n\n## 1 業務\n\n作業すること。")).toEqual([["compliance", 1, 1]]);
  });
});

describe("MatchSpec framedBy", () => {
  const c = config([{ id: "r", kind: "require", params: {
    match: { all: ["管理状況"], any: ["報告"], framedBy: ["個人情報"], within: "sentence" } } }]);
  const status = (text: string) => lintDocument(md(text), c).coverage["r"]!.status;
  it("takes the subject from the sentence, a heading above or the document title", () => {
    expect(status("# 仕様書\n\n個人情報の管理状況を報告すること。\n")).toBe("present");
    expect(status("# 個人情報取扱特記事項\n\n## 第9\n\n媒体の管理状況を報告すること。\n")).toBe("present");
    expect(status("# 業務仕様書\n\n## 第9 報告\n\n媒体の管理状況を報告すること。\n")).toBe("absent");
  });
});

describe("MatchSpec notUnder and outsideLists", () => {
  const rule = (extra: Record<string, unknown>) => config([{ id: "r", kind: "require", params: {
    match: { all: ["事故"], any: ["報告"], within: "sentence", ...extra } } }]);
  const status = (c: ReturnType<typeof config>, text: string) => lintDocument(md(text), c).coverage["r"]!.status;
  it("notUnder drops a unit under a heading naming a term, wherever the unit stands", () => {
    const c = rule({ notUnder: ["re:(?m)^[0-9 ]*安全管理$"] });
    expect(status(c, "# 仕様書\n\n## 7 安全管理\n\n事故が発生した場合は報告すること。\n")).toBe("absent");
    expect(status(c, "# 仕様書\n\n## 7 安全管理\n\n- 事故が発生した場合は報告すること。\n")).toBe("absent");
    expect(status(c, "# 仕様書\n\n## 7 情報の安全管理\n\n事故が発生した場合は報告すること。\n")).toBe("present");
    // a list item under another heading still counts: notUnder alone says nothing of lists
    expect(status(c, "# 仕様書\n\n## 7 情報の管理\n\n- 事故が発生した場合は報告すること。\n")).toBe("present");
  });
  it("outsideLists drops a unit whose anchor stands in a list item or a table cell", () => {
    const c = rule({ outsideLists: true });
    expect(status(c, "# 仕様書\n\n- 事故が発生した場合は報告すること。\n")).toBe("absent");
    expect(status(c, "# 仕様書\n\n| 事項 | 内容 |\n|---|---|\n| 事故 | 事故が発生した場合は報告すること。 |\n")).toBe("absent");
    expect(status(c, "# 仕様書\n\n事故が発生した場合は報告すること。\n")).toBe("present");
  });
});
