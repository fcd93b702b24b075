#!/usr/bin/env node
// `npm run bench`: how our readers and the whole lint compare with the obvious baselines, measured in
// ONE run on the same machine and the same files: mammoth.extractRawText vs our Word reader vs a full
// lint; a bare remark parse vs our Markdown reader vs a full lint. Headline figures are ratios of
// medians, never single absolute times (machines differ; ratios travel).
//   node scripts/bench.mjs [--runs N] [--rounds N] [--write-readme] [--no-cli] [files...]
//   node scripts/bench.mjs --scaling [--runs N]     the 256 KB → 4 MB series (bench-scaling.mjs)
// The process-level comparisons (textlint+prh, bare parsers, mammoth, start-up) are in bench-cli.mjs;
// every figure of a run is written to bench/results.json.
// Word input: fixtures/bench/*.docx (scripts/docx-make-bench.mjs makes a 200-page file) or the largest
// .docx under fixtures/. Markdown input: the corpus specs joined into one document of at least 200 KB.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import os from "node:os";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const runsArg = args.indexOf("--runs");
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
const WRITE = args.includes("--write-readme");
const roundsArg = args.indexOf("--rounds");
const ROUNDS = roundsArg >= 0 ? Number(args[roundsArg + 1]) : 3;
const explicit = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--runs" && args[i - 1] !== "--rounds");

if (args.includes("--scaling")) {
  const { scalingSeries, scalingTable } = await import("./bench-scaling.mjs");
  const rows = scalingSeries({ runs: runsArg >= 0 ? RUNS : 3 });
  console.log(scalingTable(rows));
  writeResults({ scaling: rows });
  process.exit(0);
}

/** Merges `part` into bench/results.json, so a scaling run and a ratio run keep each other's figures. */
function writeResults(part) {
  const file = path.join(ROOT, "bench", "results.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const old = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  const meta = { node: process.version, platform: `${process.platform} ${process.arch}`, measured: new Date().toISOString() };
  fs.writeFileSync(file, JSON.stringify({ ...old, ...Object.fromEntries(Object.entries(part).map(([k, v]) => [k, { ...meta, results: v }])) }, null, 2) + "\n");
}

const dist = (p) => import(path.join(ROOT, "dist", p));
if (!fs.existsSync(path.join(ROOT, "dist", "cli", "main.js"))) {
  console.error("dist/ is missing: run `npm run build` first.");
  process.exit(2);
}
const { readSpec } = await dist("readers/index.js");
const { lintDocument } = await dist("engine/index.js");
const { loadConfig } = await dist("config/index.js");
const mammoth = (await import("mammoth")).default;
const { unified } = await import("unified");
const remarkParse = (await import("remark-parse")).default;

const config = await loadConfig({ cwd: ROOT });

function walk(dir, ext, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, ext, out);
    else if (e.name.toLowerCase().endsWith(ext)) out.push(p);
  }
  return out;
}

function pickWord() {
  const bench = walk(path.join(ROOT, "fixtures", "bench"), ".docx");
  const all = bench.length ? bench : walk(path.join(ROOT, "fixtures"), ".docx");
  return all.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size).slice(0, 1);
}

/** The corpus specs joined until at least 200 K characters (UTF-8: ~500 KB), about a 200-page specification. */
function markdownInput() {
  const parts = walk(path.join(ROOT, "fixtures", "corpus"), ".md").filter((p) => !p.endsWith("README.md")).sort();
  if (!parts.length) return null;
  let text = "";
  for (let i = 0; text.length < 200_000; i++) text += fs.readFileSync(parts[i % parts.length], "utf8") + "\n\n";
  return { name: `corpus ×${Math.round(Buffer.byteLength(text) / 1024)} KB`, bytes: new Uint8Array(Buffer.from(text)) };
}

const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function time(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Baseline, reader and full lint are timed back to back in each round and each round gives its own
 * ratios; the medians of those per-round ratios survive other load on a shared machine far better
 * than a ratio of separately taken medians.
 */
async function paired(base, read, lint) {
  await base(); await read(); await lint();        // warm-up: JIT, lazy imports
  const b = [], rr = [], lr = [];
  for (let i = 0; i < RUNS; i++) {
    const tb = await time(base), tr = await time(read), tl = await time(lint);
    b.push(tb); rr.push(tr / tb); lr.push(tl / tb);
  }
  const spread = (xs) => [Math.min(...xs), Math.max(...xs)];
  return { base: med(b), read: med(rr), lint: med(lr), readRange: spread(rr), lintRange: spread(lr) };
}

const rows = [];
const wordFiles = explicit.filter((f) => f.endsWith(".docx"));
for (const file of wordFiles.length ? wordFiles : pickWord()) {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const doc = await readSpec(bytes, file);
  const { base, read, lint, readRange, lintRange } = await paired(() => mammoth.extractRawText({ buffer: Buffer.from(bytes) }),
    () => readSpec(bytes, file), async () => lintDocument(await readSpec(bytes, file), config, {}));
  rows.push({ input: `${path.relative(ROOT, file)} (${Math.round(bytes.length / 1024)} KB, ${doc.blocks.length} blocks)`,
    baseline: "mammoth.extractRawText", base, read, lint, readRange, lintRange });
}
const md = explicit.filter((f) => /\.(md|markdown)$/.test(f)).map((f) => ({ name: path.relative(ROOT, f), bytes: new Uint8Array(fs.readFileSync(f)) }));
for (const m of md.length ? md : [markdownInput()].filter(Boolean)) {
  const text = Buffer.from(m.bytes).toString("utf8");
  const { base, read, lint, readRange, lintRange } = await paired(() => unified().use(remarkParse).parse(text),
    () => readSpec(m.bytes, "bench.md"), async () => lintDocument(await readSpec(m.bytes, "bench.md"), config, {}));
  rows.push({ input: m.name, baseline: "remark-parse (bare)", base, read, lint, readRange, lintRange });
}

const ratio = (r, [lo, hi]) => `${r.toFixed(2)}× (${lo.toFixed(2)}–${hi.toFixed(2)})`;
const lines = [
  // Ratios only: absolute times on a shared machine say more about the neighbours than about us.
  `| input | baseline | our reader / baseline | full lint (${config.rules.length} rules) / baseline |`,
  "|---|---|---|---|",
  ...rows.map((r) => `| ${r.input} | ${r.baseline} | ${ratio(r.read, r.readRange)} | ${ratio(r.lint, r.lintRange)} |`),
];
const headline = rows.map((r) => `${r.input.split(" (")[0]}: reading takes ${r.read.toFixed(2)}× the time of ${r.baseline}`
  + (r.read < 1 ? ` (${(1 / r.read).toFixed(1)}× faster)` : "") + `; the full lint ${r.lint.toFixed(2)}×.`);
lines.unshift(...headline.map((h) => `- ${h}`), "");
const note = `Medians (range in brackets) of ${RUNS} per-round ratios (baseline, reader and lint timed back to back each round) after a warm-up, Node ${process.version}, measured ${new Date().toISOString().slice(0, 10)}. `
  + "A ratio below 1× means faster than the baseline.";
console.log(lines.join("\n") + "\n\n" + note);
lines.push("", note);

let cli;
if (!args.includes("--no-cli") && !explicit.length) {
  const { benchCli, cliTable } = await import("./bench-cli.mjs");
  cli = await benchCli({ rounds: ROUNDS, config });
  const m = cli.meta;
  const cliNote = `Process-level: ${m.markdownFiles} generated Markdown specs (${(m.markdownBytes / 1048576).toFixed(1)} MB), `
    + `${m.wordFiles} Word files under fixtures/ (${Math.round(m.wordBytes / 1024)} KB), prh dictionary of ${m.prhRules} rules; `
    + `medians of ${m.rounds} per-round ratios (start-up: ${2 * m.rounds}), ${os.cpus().length} CPUs, load average at the end ${os.loadavg()[0].toFixed(1)}.`;
  console.log("\n" + cliTable(cli) + "\n\n" + cliNote);
  lines.push("", cliTable(cli), "", cliNote);
}
writeResults({ ratios: { inProcess: rows, ...(cli ? { process: cli } : {}) } });

if (WRITE) {
  const readme = path.join(ROOT, "README.md");
  const text = fs.readFileSync(readme, "utf8");
  const start = "<!-- bench:start -->", end = "<!-- bench:end -->";
  const a = text.indexOf(start), b = text.indexOf(end);
  if (a < 0 || b < a) { console.error("README has no bench markers"); process.exit(1); }
  fs.writeFileSync(readme, text.slice(0, a + start.length) + "\n" + lines.join("\n") + "\n" + text.slice(b));
  console.log("README.md updated.");
}
