// Performance by design: one normalisation and one scan per document, one matcher per config.
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import { fileURLToPath } from "node:url";
import { resolveRulesetAsConfig } from "../../src/config/load.js";
import { lintDocument } from "../../src/engine/index.js";
import { getMatcher, undeclaredEntryCount } from "../../src/engine/matcher.js";
import { readSpec } from "../../src/readers/index.js";
import { kindTerms } from "../../src/engine/kinds/index.js";
import type { Block, SpecDocument } from "../../src/model/document.js";

const CLAUSES = [
  "受注者は、ぜい弱性が公表された場合、最新のセキュリティパッチを速やかに適用すること。",
  "アクセスログは１年間保存し、改ざんを防止すること。",
  "情報セキュリティインシデントが発生した場合は、直ちに担当職員に報告するものとする。",
  "前回の契約では、ｻｰﾊﾞｰの保守を行っていた。",
  "必要に応じて、適宜、作業計画を見直すことが望ましい。",
  "再委託を行う場合は、あらかじめ発注者の承認を得ること。",
];

/** A synthetic ~1 MB specification built directly as blocks (the readers have their own benchmarks). */
function bigDocument(targetChars: number): SpecDocument {
  const blocks: Block[] = [];
  let chars = 0; let line = 1;
  for (let i = 0; chars < targetChars; i++) {
    const heading = i % 20 === 0;
    const text = heading ? `第${i / 20 + 1}章 情報セキュリティ要件` : CLAUSES[i % CLAUSES.length]!.repeat(3);
    const l = line;
    blocks.push({
      kind: heading ? "heading" : "paragraph", level: heading ? 1 : undefined, text, sectionPath: [], region: "body",
      location: { line: l, column: 1, endLine: l, endColumn: text.length + 1 },
      positionAt: (offset: number) => ({ line: l, column: offset + 1 }),
    });
    chars += text.length; line += 2;
  }
  return { uri: "big.md", format: "markdown", blocks, directives: [], notices: [] };
}

describe("performance", () => {
  it("lints a 1 MB document with the bundled ruleset in bounded time, compiling the matcher once", async () => {
    const config = await resolveRulesetAsConfig(fileURLToPath(new URL("../../rulesets/mhlw-tebiki.yaml", import.meta.url)));
    const doc = bigDocument(1_000_000);
    const t0 = performance.now();
    const r = lintDocument(doc, config);
    const ms = performance.now() - t0;
    console.log(`1 MB, ${doc.blocks.length} blocks, ${config.rules.length} rules: ${Math.round(ms)} ms, ${r.findings.length} findings`);
    expect(getMatcher(config, kindTerms)).toBe(getMatcher(config, kindTerms));
    // Generous: the suite shares two cores with other jobs; a quadratic path would take minutes.
    expect(ms).toBeLessThan(60_000);
    expect(Object.keys(r.coverage).length).toBeGreaterThan(0);
  });

  it("finds every entry a kind looks up in the one shared scan: the kinds declare them all", async () => {
    // An entry missing from a kind's terms() still works, but costs a matcher build and a scan of its
    // own in every document; the built-in ruleset must not need any.
    const config = await resolveRulesetAsConfig(fileURLToPath(new URL("../../rulesets/mhlw-tebiki.yaml", import.meta.url)));
    for (const rel of ["../../fixtures/markdown/spec.md", "../../fixtures/docx/officer.docx"]) {
      const file = fileURLToPath(new URL(rel, import.meta.url));
      lintDocument(await readSpec(new Uint8Array(fs.readFileSync(file)), file), config);
    }
    lintDocument(bigDocument(20_000), config);
    expect(undeclaredEntryCount(config)).toBe(0);
  });
});
