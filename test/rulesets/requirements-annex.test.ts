// A spec that leaves its requirements to an annex (「機能要件及び非機能要件は、別紙1「要件定義書」に示す。」) makes
// the technical clauses partial when the annex is not in the input (labelling.md: a reference to an annex
// whose body is not in the input), and judged on the annex when it is: in Markdown and in Word drafts that
// LibreOffice wrote (fixtures/rule-docx-src → fixtures/rule-docx).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lintDocument } from "../../src/engine/index.js";
import { readDocx } from "../../src/readers/docx/index.js";
import { readMarkdown } from "../../src/readers/markdown.js";
import type { SpecDocument } from "../../src/model/document.js";
import { loadRuleset, ROOT } from "./harness.js";

const judged = async (doc: SpecDocument, ids: string[]) => {
  const r = lintDocument(doc, await loadRuleset("rulesets/mhlw-tebiki.yaml"));
  return Object.fromEntries(ids.map((id) => [id, [r.coverage[id]!.status, r.coverage[id]!.why ?? null]]));
};
const md = (name: string) => readMarkdown(readFileSync(join(ROOT, "fixtures/rule-docx-src", name), "utf8"), name);
const docx = (name: string) => readDocx(new Uint8Array(readFileSync(join(ROOT, "fixtures/rule-docx", name))), name);
const TECHNICAL = ["backup-recovery", "encryption", "log-retention", "patch-latest"];

describe("technical clauses left to a requirements annex", () => {
  it("are partial when the annex is not in the input, in Markdown and Word alike; eol-software and risk-assessment stay absent", async () => {
    const ids = [...TECHNICAL, "eol-software", "risk-assessment"];
    const expected = {
      ...Object.fromEntries(TECHNICAL.map((id) => [id, ["partial", "annex-not-supplied"]])),
      "eol-software": ["absent", "nothing"], "risk-assessment": ["absent", "nothing"],
    };
    expect(await judged(md("requirements-left-to-annex.md"), ids)).toEqual(expected);
    expect(await judged(docx("requirements-left-to-annex.docx"), ids)).toEqual(expected);
  });
  it("are judged on the annex when it is supplied: present where it says enough, absent where it says nothing", async () => {
    const expected = { "backup-recovery": ["present", null], encryption: ["absent", "nothing"] };
    expect(await judged(md("requirements-annex-supplied.md"), ["backup-recovery", "encryption"])).toEqual(expected);
    expect(await judged(docx("requirements-annex-supplied.docx"), ["backup-recovery", "encryption"])).toEqual(expected);
  });
});
