// vague: obligations weakened by a qualifier, or not in obligation form.
import { describe, expect, it } from "vitest";
import { lintDocument } from "../../../src/engine/index.js";
import { config, md } from "../helpers.js";

const lint = (text: string, c: ReturnType<typeof config>) => lintDocument(md(text), c);
const locs = (r: ReturnType<typeof lint>) => r.findings.map((f) => [f.ruleId, f.location?.line, f.location?.column, f.location?.endLine, f.location?.endColumn]);

describe("vague", () => {
  const q = config([{ id: "vague", kind: "vague", message: "「{match}」", params: { qualifiers: ["適宜", "必要に応じて", "努める"] } }]);
  const f = config([{ id: "form", kind: "vague", message: "「{match}」", params: { mode: "form", endings: ["が望ましい", "を検討する"], when: { any: ["ログ"] } } }]);
  it("fires on a weakened obligation at the qualifier", () => {
    const r = lint("# 仕様\n\n受注者は、必要に応じてパッチを適用すること。\n", q);
    expect(locs(r)).toEqual([["vague", 3, 6, 3, 12]]);
  });
  it("is silent on a firm obligation or a non-obligation sentence", () => {
    expect(lint("受注者は、直ちにパッチを適用すること。\n", q).findings).toEqual([]);
    expect(lint("必要に応じて相談できる。\n", q).findings).toEqual([]);
  });
  it("is silent on a qualifier inside an exception's phrase, and fires on the same word elsewhere in the sentence", () => {
    const e = config([{ id: "vague", kind: "vague", message: "「{match}」", params: { qualifiers: ["適切な", "適切に"], exceptions: ["re:適切な[^、。]{0,10}のため"] } }]);
    expect(lint("受注者は、情報の適切な管理のために必要な措置を講じること。\n", e).findings).toEqual([]);
    expect(locs(lint("受注者は、情報の適切な管理のために、適切に対策を講じること。\n", e))).toEqual([["vague", 1, 19, 1, 22]]);
  });
  it("form mode fires on a non-obligation ending about the topic", () => {
    const r = lint("ログは1年間保存することが望ましい。\n\n印刷は両面が望ましい。\n", f);
    expect(locs(r)).toEqual([["form", 1, 13, 1, 18]]);
    expect(lint("ログは1年間保存すること。\n", f).findings).toEqual([]);
  });
  it("form mode fires on a form conceded mid-sentence (「…が望ましいが、…も妨げない」), at the form", () => {
    const r = lint("ログの点検は第三者によることが望ましいが、自ら行うことも妨げない。\n", f);
    expect(locs(r)).toEqual([["form", 1, 15, 1, 20]]);
    expect(lint("ログの点検は第三者が行う。ただし、自ら行うことも妨げない。\n", f).findings).toEqual([]);
  });
  it("form mode is silent on a sentence holding an `unless` term, anywhere in it, and fires on the next one", () => {
    const u = config([{ id: "form", kind: "vague", message: "「{match}」", params: { mode: "form", endings: ["が望ましい"], when: { any: ["ログ"] }, unless: { any: ["経験を有する"] } } }]);
    const r = lint("ログの点検者は、同種業務の経験を有する者が望ましい。ログは1年間保存することが望ましい。\n", u);
    expect(locs(r)).toEqual([["form", 1, 39, 1, 44]]);
  });
});
