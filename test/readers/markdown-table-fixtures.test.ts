// The line-based table reader against remark's GFM table extension on whole documents: every
// Markdown file under fixtures/, generated specs with long tables, and the lint JSON of the corpus.
// Slow (remark's table path is the slow one): listed in SLOW_SUITES.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMarkdown } from "../../src/readers/markdown.js";
import { decodeText } from "../../src/readers/decode.js";
import { lintDocument } from "../../src/engine/index.js";
import { loadConfig } from "../../src/config/index.js";
// @ts-expect-error: a plain .mjs script without types
import { makeSpec } from "../../scripts/bench-specs.mjs";
import { expectSameAsRemark, tableChunks } from "./table-helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("pipe tables read line by line, on whole documents", () => {
  it("gives the same document as remark on every Markdown file under fixtures/ and on generated specs", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(md|markdown)$/.test(e.name)) files.push(p);
      }
    };
    walk(path.join(ROOT, "fixtures"));
    expect(files.length).toBeGreaterThan(50);
    let withTables = 0;
    for (const file of files) {
      const text = decodeText(new Uint8Array(fs.readFileSync(file))).text;
      if (tableChunks(text)) withTables++;
      expectSameAsRemark(text);
    }
    expect(withTables).toBeGreaterThan(5);
    for (const seed of [1, 2, 3]) expectSameAsRemark(makeSpec(60_000, seed));
  });

  it("gives the same lint JSON as remark on the corpus specs with tables", async () => {
    const config = await loadConfig({ cwd: ROOT });
    const dir = path.join(ROOT, "fixtures", "corpus");
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".md") && /^\|/m.test(fs.readFileSync(path.join(dir, f), "utf8")));
    expect(files.length).toBeGreaterThan(5);
    for (const f of [...files.slice(0, 8)]) {
      const text = decodeText(new Uint8Array(fs.readFileSync(path.join(dir, f)))).text;
      const fast = await lintDocument(readMarkdown(text, f), config, {});
      const remark = await lintDocument(readMarkdown(text, f, { fastPath: false }), config, {});
      expect(JSON.stringify(fast)).toBe(JSON.stringify(remark));
    }
  });
});
