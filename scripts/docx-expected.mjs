#!/usr/bin/env node
// Writes <name>.expected.yaml next to Word fixtures from what the reader produces NOW.
// Use it only to propose expectations for a new or regenerated fixture, then review the diff
// line by line against the document (e.g. LibreOffice --convert-to txt:Text) before committing.
//   npm run build && node scripts/docx-expected.mjs fixtures/docx/x.docx
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
const here = dirname(fileURLToPath(import.meta.url));
const { readDocx } = await import(pathToFileURL(resolve(process.env.DOCX_READER ?? join(here, "../dist/readers/docx/index.js"))).href);
for (const f of process.argv.slice(2)) {
  const d = readDocx(readFileSync(f), f);
  const blocks = d.blocks.map((b) => {
    const o = { kind: b.kind, text: b.text };
    if (b.label) o.label = b.label;
    if (b.level) o.level = b.level;
    o.path = b.sectionPath; o.region = b.region; o.line = b.location.line; o.endColumn = b.location.endColumn;
    if (b.location.table) o.table = b.location.table;
    return o;
  });
  const out = { blocks, directives: d.directives.map((x) => ({ kind: x.kind, rules: x.rules, ...(x.reason ? { reason: x.reason } : {}), targetLines: x.targetLines })), notices: d.notices };
  const lines = ["# What the Word reader must produce for " + f.split("/").pop() + " (asserted by test/docx/fixtures.test.ts).", "# line = paragraph ordinal (body first, then text boxes, headers, footers, notes, comments).", "blocks:"];
  for (const b of out.blocks) lines.push("  - " + JSON.stringify(b));
  lines.push("directives:" + (out.directives.length ? "" : " []"));
  for (const x of out.directives) lines.push("  - " + JSON.stringify(x));
  lines.push("notices:" + (out.notices.length ? "" : " []"));
  for (const x of out.notices) lines.push("  - " + JSON.stringify(x));
  writeFileSync(f.replace(/\.docx$/, ".expected.yaml"), lines.join("\n") + "\n");
}
