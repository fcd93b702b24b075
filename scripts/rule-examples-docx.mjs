#!/usr/bin/env node
// Every example of the built-in rulesets as a Word file that LibreOffice wrote, so each rule is shown
// firing on its bad clauses and silent on its good ones in .docx as in Markdown
// (test/rulesets/examples-docx.test.ts). Each example's text is rendered to HTML and converted by
// scripts/docx-from-source.mjs, a line break inside a paragraph kept as one (Shift+Enter).
//   npm run build && node scripts/rule-examples-docx.mjs
// Writes fixtures/rule-examples-docx/<rule>--<good|bad>--<n>.docx and manifest.json (each file's rule,
// kind, index and the SHA-1 of the text it was made from: the test tells a stale file from a changed example).
// Only the examples whose text changed are converted again (LibreOffice writes a new file each time, so
// converting all of them would change every file in the commit); files of examples that are gone are removed.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "fixtures", "rule-examples-docx");
const dist = (p) => import(pathToFileURL(path.join(ROOT, "dist", p)).href);
const { loadConfig } = await dist("config/index.js");
// The same reading of an example (a string, or { text, status … }) as test-ruleset and the test make.
const { specOf } = await dist("engine/examples.js");
const sha1 = (s) => createHash("sha1").update(s).digest("hex");

const config = await loadConfig({ cwd: ROOT });
const manifestPath = path.join(OUT, "manifest.json");
/** file → SHA-1 of the text it was made from, for the files already there. */
const made = new Map(existsSync(manifestPath)
  ? JSON.parse(readFileSync(manifestPath, "utf8")).filter((m) => existsSync(path.join(OUT, m.file))).map((m) => [m.file, m.sha1])
  : []);
const work = mkdtempSync(path.join(tmpdir(), "rule-examples-"));
try {
  const manifest = [];
  const sources = [];
  for (const rule of config.rules) {
    for (const kind of ["good", "bad"]) {
      (rule.examples?.[kind] ?? []).forEach((e, i) => {
        const name = `${rule.id}--${kind}--${i + 1}`;
        const text = specOf(e).text;
        if (made.get(`${name}.docx`) !== sha1(text)) {
          const src = path.join(work, `${name}.md`);
          writeFileSync(src, `${text}\n`);
          sources.push(src);
        }
        manifest.push({ file: `${name}.docx`, ruleId: rule.id, kind, index: i + 1, sha1: sha1(text) });
      });
    }
  }
  mkdirSync(OUT, { recursive: true });
  const wanted = new Set(manifest.map((m) => m.file));
  for (const f of readdirSync(OUT)) if (f.endsWith(".docx") && !wanted.has(f)) rmSync(path.join(OUT, f));
  if (sources.length) {
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "docx-from-source.mjs"), "--soft-breaks", "br", "--batch", "60", ...sources, "--out", OUT], { stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const present = new Set(readdirSync(OUT));
  const missing = manifest.filter((m) => !present.has(m.file));
  if (missing.length) { console.error(`not converted: ${missing.map((m) => m.file).join(", ")}`); process.exit(1); }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 1) + "\n");
  console.log(`${manifest.length} examples → ${path.relative(ROOT, OUT)} (${sources.length} converted)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
