// Every example of the built-in ruleset, as a Word file LibreOffice wrote (scripts/rule-examples-docx.mjs),
// must meet the same expectation as in Markdown: each rule fires on its bad clauses and stays silent on its
// good ones in .docx too (status and count; a Markdown line:column pin is not a Word place).
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readDocx } from "../../src/readers/docx/index.js";
import { judgeDocument, specOf } from "../../src/engine/examples.js";
import { loadRuleset, ROOT } from "./harness.js";

interface Entry { file: string; ruleId: string; kind: "good" | "bad"; index: number; sha1: string }
const DIR = join(ROOT, "fixtures", "rule-examples-docx");
const manifest: Entry[] = JSON.parse(readFileSync(join(DIR, "manifest.json"), "utf8"));
const REGENERATE = "run `npm run build && node scripts/rule-examples-docx.mjs` (needs LibreOffice) and commit the files";

describe("rule examples as Word files", () => {
  it("cover every example of mhlw-tebiki.yaml, each made from the example's current text", async () => {
    const config = await loadRuleset("rulesets/mhlw-tebiki.yaml");
    const want = config.rules.flatMap((r) => (["good", "bad"] as const).flatMap((kind) => (r.examples?.[kind] ?? []).map((e, i) =>
      ({ key: `${r.id}--${kind}--${i + 1}`, sha1: createHash("sha1").update(specOf(e).text).digest("hex") }))));
    const have = new Map(manifest.map((m) => [m.file.replace(/\.docx$/, ""), m.sha1]));
    const stale = want.filter((w) => have.get(w.key) !== w.sha1).map((w) => w.key);
    expect(stale, `examples without a current Word file: ${REGENERATE}`).toEqual([]);
    expect(manifest.every((m) => existsSync(join(DIR, m.file)))).toBe(true);
  });

  it("meet the example's expectation when read from Word", async () => {
    const config = await loadRuleset("rulesets/mhlw-tebiki.yaml");
    const failed: string[] = [];
    for (const m of manifest) {
      const rule = config.rules.find((r) => r.id === m.ruleId);
      const example = rule?.examples?.[m.kind]?.[m.index - 1];
      if (!example) continue; // reported as stale above
      const doc = readDocx(new Uint8Array(readFileSync(join(DIR, m.file))), m.file);
      const { ok, detail } = judgeDocument(config, m.ruleId, m.kind, example, doc, "en", { checkAt: false });
      if (!ok) failed.push(`${m.file}: ${detail} — ${specOf(example).text.slice(0, 60)}`);
    }
    expect(failed).toEqual([]);
  }, 120_000);
});
