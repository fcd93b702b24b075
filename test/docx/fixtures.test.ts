// LibreOffice-written fixtures (fixtures/docx/*.docx, sources in fixtures/docx-src/) against their
// reviewed expectations (<name>.expected.yaml), and mammoth as an independent oracle.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { parse } from "yaml";
import { readDocx } from "../../src/readers/docx/index.js";
import type { Block } from "../../src/model/document.js";

const dir = join(import.meta.dirname, "../../fixtures/docx");
const fixtures = readdirSync(dir).filter((f) => f.endsWith(".docx")).sort();

function summarise(b: Block): Record<string, unknown> {
  const o: Record<string, unknown> = { kind: b.kind, text: b.text };
  if (b.label) o.label = b.label;
  if (b.level) o.level = b.level;
  Object.assign(o, { path: b.sectionPath, region: b.region, line: b.location.line, endColumn: b.location.endColumn });
  if (b.location.table) o.table = b.location.table;
  return o;
}

describe.each(fixtures)("%s", (name) => {
  const doc = readDocx(readFileSync(join(dir, name)), name);
  const expected = parse(readFileSync(join(dir, name.replace(/\.docx$/, ".expected.yaml")), "utf8"));

  it("produces exactly the expected blocks, labels, section paths and locations", () => {
    expect(doc.blocks.map(summarise)).toEqual(expected.blocks);
  });

  it("keeps location fields consistent", () => {
    for (const b of doc.blocks) {
      expect(b.location).toMatchObject({ column: 1, endLine: b.location.line, paragraph: b.location.line, region: b.region });
      expect(b.positionAt(b.text.length)).toEqual({ line: b.location.endLine, column: b.location.endColumn });
    }
  });

  it("finds the expected directives and notices", () => {
    const directives = doc.directives.map((d) => ({ kind: d.kind, rules: d.rules, ...(d.reason ? { reason: d.reason } : {}), targetLines: d.targetLines }));
    expect(directives).toEqual(expected.directives);
    expect(doc.notices).toEqual(expected.notices);
  });
});

// Paragraphs where mammoth is known to be wrong (tech-notes.md), each with the reason.
const JUSTIFIED: Record<string, Record<string, string>> = {
  "outline.docx": {
    "本書で「受注者」とは、本業務を受託する者をいう。（内部メモ：要確認）": "mammoth keeps hidden text (w:vanish)",
    "本書は、が調達するネットワーク機器の更新業務について定める。": "mammoth loses ruby base text (w:rubyBase)",
  },
};

// Whitespace is dropped entirely: mammoth ignores w:br in raw text, and spacing is not what is compared.
const norm = (s: string): string => s.replace(/\s+/g, "");

describe("mammoth oracle", () => {
  const require = createRequire(import.meta.url);
  const mammoth = require("mammoth") as { extractRawText(input: { buffer: Buffer }): Promise<{ value: string }> };

  it.each(fixtures)("every paragraph mammoth extracts from %s appears in our blocks", async (name) => {
    const bytes = readFileSync(join(dir, name));
    const ours = readDocx(bytes, name).blocks.map((b) => norm(b.label ? `${b.label} ${b.text}` : b.text));
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    const theirs = value.split("\n").map(norm).filter((t) => t !== "");
    expect(theirs.length).toBeGreaterThan(0);
    const justified = JUSTIFIED[name] ?? {};
    const missing = theirs.filter((t) => !ours.some((o) => o.includes(t)));
    expect(missing.sort()).toEqual(Object.keys(justified).sort());
  });
});
