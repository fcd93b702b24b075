#!/usr/bin/env node
// Times our Word reader against mammoth.extractRawText on the same file, in the same process.
//   npm run build && node scripts/docx-bench.mjs [file.docx] [--runs 7]
// DOCX_READER=path/to/readers/docx/index.js overrides the compiled reader's location.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 7;
const file = args[0] ?? join(here, "../fixtures/bench/spec-200p.docx");
const readerPath = process.env.DOCX_READER ?? join(here, "../dist/readers/docx/index.js");
const { readDocx } = await import(pathToFileURL(resolve(readerPath)).href);
const mammoth = createRequire(import.meta.url)("mammoth");
const bytes = readFileSync(file);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const timed = async (fn) => { const t0 = performance.now(); await fn(); return performance.now() - t0; };
const ourRun = () => readDocx(bytes, file);
const theirRun = () => mammoth.extractRawText({ buffer: bytes });

// Warm-up (JIT, lazy module loading), then alternate the two readers so that load from other
// processes on a shared machine hits both alike; the ratio is the median of per-pair ratios.
await ourRun();
await theirRun();
const ours = [];
const theirs = [];
const ratios = [];
for (let i = 0; i < runs; i++) {
  const a = await timed(ourRun);
  const b = await timed(theirRun);
  ours.push(a);
  theirs.push(b);
  ratios.push(b / a);
}
const blocks = readDocx(bytes, file).blocks.length;
console.log(JSON.stringify({ file, bytes: bytes.length, blocks, runs, readDocxMs: +median(ours).toFixed(1),
  mammothRawMs: +median(theirs).toFixed(1), ratio: +median(ratios).toFixed(2) }));
