// outdated-reference and eol-product-named judge a spec at the date it was written (its cover date
// line), in Markdown and in Word drafts that LibreOffice wrote (fixtures/rule-docx-src → fixtures/rule-docx).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lintDocument } from "../../src/engine/index.js";
import { readDocx } from "../../src/readers/docx/index.js";
import { readMarkdown } from "../../src/readers/markdown.js";
import type { SpecDocument } from "../../src/model/document.js";
import { loadRuleset, ROOT } from "./harness.js";

const outdated = async (doc: SpecDocument) => (lintDocument(doc, await loadRuleset("rulesets/mhlw-tebiki.yaml")).findings)
  .filter((f) => f.ruleId === "outdated-reference" || f.ruleId === "eol-product-named")
  .map((f) => [f.location?.paragraph ?? f.location?.line, f.location?.column, f.message]);
const md = (name: string) => readMarkdown(readFileSync(join(ROOT, "fixtures/rule-docx-src", name), "utf8"), name);
const docx = (name: string) => readDocx(new Uint8Array(readFileSync(join(ROOT, "fixtures/rule-docx", name))), name);

const FIRED = [
  "「瑕疵担保」は現在の名称・制度ではありません（現行：契約不適合責任）。",
  "「行政機関の保有する個人情報の保護に関する法律」は現在の名称・制度ではありません（現行：個人情報の保護に関する法律）。",
  "「Windows Server 2008 / 2008 R2」は 2020-01-14 にサポートが終了しています（又は契約期間中に終了します）。サポート期間内の製品を指定してください。",
];

describe("outdated-reference, eol-product-named and the document's cover date", () => {
  it("is silent on a spec dated 令和元年11月 (both names current, the server OS supported then): Markdown and Word", async () => {
    expect(await outdated(md("dated-2019.md"))).toEqual([]);
    expect(await outdated(docx("dated-2019.docx"))).toEqual([]);
  });
  it("fires on the same clauses in a spec dated 令和4年6月, at the same places in Markdown (line) and Word (paragraph)", async () => {
    expect(await outdated(md("dated-2022.md"))).toEqual([[7, 17, FIRED[0]], [9, 6, FIRED[1]], [13, 8, FIRED[2]]]);
    expect(await outdated(docx("dated-2022.docx"))).toEqual([[4, 17, FIRED[0]], [5, 6, FIRED[1]], [7, 8, FIRED[2]]]);
  });
});
