// The process-level half of `npm run bench`: the CLI as a user runs it against the tools a user would
// otherwise run, each as its own process on the same files, timed back to back in every round.
//   - Markdown: 120 generated specs (bench-specs.mjs, ~36 KB each, tables of 10–800 rows) linted by
//     chotatsu-lint with default jobs and with --jobs 1, by textlint with textlint-rule-prh (its
//     dictionary generated from the ruleset's variants and terms), and parsed bare by remark-parse
//     and by micromark alone (events, no tree), each in one process that reads the files.
//   - Word: every .docx under fixtures/ linted by the CLI vs mammoth.extractRawText in one process.
//   - Start-up: one small file linted, and --version, vs a bare `node -e 0`.
// Each figure is the median of per-round ratios (both sides timed in the same round), so load from
// other processes on a shared machine hits both sides alike.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { writeSpecs } from "./bench-specs.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// CHOTATSU_BENCH_CLI: another build's entry point (e.g. a copy of main's bin/ and dist/), for a before/after table.
const CLI = process.env.CHOTATSU_BENCH_CLI ? path.resolve(process.env.CHOTATSU_BENCH_CLI) : path.join(ROOT, "bin", "chotatsu-lint.js");
const TEXTLINT = path.join(ROOT, "node_modules", "textlint", "bin", "textlint.js");

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Wall time of one process; a run that fails to start or crashes stops the bench (a ratio of a crash means nothing). */
function timed(cmd, args, opts = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 512 * 1024 * 1024, ...opts });
  const ms = performance.now() - t0;
  if (r.error || r.status === null || r.status > (opts.okStatus ?? 1)) {
    throw new Error(`${path.basename(args[0] ?? cmd)} ${args.slice(1, 4).join(" ")} … failed (${r.status}): ${(r.stderr || "").slice(0, 400)}`);
  }
  return ms;
}

/** A prh dictionary from the ruleset: each variant spelling → its unified form, and each literal term as an expected word. */
function prhDictionary(config) {
  const rules = [];
  const quote = (s) => JSON.stringify(s);
  for (const [from, to] of Object.entries(config.variants ?? {})) {
    if (from && to && from !== to) rules.push(`  - expected: ${quote(to)}\n    pattern: ${quote(from)}`);
  }
  const seen = new Set(Object.values(config.variants ?? {}));
  for (const list of Object.values(config.terms ?? {})) {
    for (const entry of list) {
      if (/^(\$|re:|cs:)/.test(entry) || seen.has(entry)) continue;
      seen.add(entry);
      rules.push(`  - expected: ${quote(entry)}`);
    }
  }
  return { yaml: `version: 1\nrules:\n${rules.join("\n")}\n`, count: rules.length };
}

/** A script run with `node -e`: reads each file named on its command line and parses it. */
const PARSE_REMARK = `import fs from "node:fs"; import { unified } from "unified"; import remarkParse from "remark-parse";
const p = unified().use(remarkParse); for (const f of process.argv.slice(1)) p.parse(fs.readFileSync(f, "utf8"));`;
const PARSE_MICROMARK = `import fs from "node:fs"; import { parse, postprocess, preprocess } from "micromark";
for (const f of process.argv.slice(1)) postprocess(parse().document().write(preprocess()(fs.readFileSync(f, "utf8"), undefined, true)));`;
const MAMMOTH = `import fs from "node:fs"; import mammoth from "mammoth";
for (const f of process.argv.slice(1)) await mammoth.extractRawText({ buffer: fs.readFileSync(f) });`;

function nodeScript(source, files) {
  return [process.execPath, ["--input-type=module", "-e", source, ...files], { cwd: ROOT }];
}

function wordFiles() {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      // The rule examples as Word files (fixtures/rule-examples-docx) are 471 one-clause documents, not
      // specifications: the Word comparison stays on the drafts and corpus files it was first measured on.
      if (e.isDirectory()) { if (e.name !== "rule-examples-docx") walk(p); }
      else if (e.name.endsWith(".docx")) out.push(p);
    }
  };
  walk(path.join(ROOT, "fixtures"));
  return out.sort();
}

/**
 * Runs every measurement `rounds` times. Returns { rows, meta }: each row a named ratio (median of
 * per-round ratios, with its range) and the medians of the two times it divides.
 */
export async function benchCli({ rounds = 3, config, specCount = 120, specBytes = 36 * 1024 } = {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "chotatsu-bench-"));
  try {
    const md = writeSpecs(path.join(work, "md"), specCount, specBytes);
    const mdBytes = md.reduce((a, f) => a + fs.statSync(f).size, 0);
    const prh = prhDictionary(config);
    fs.writeFileSync(path.join(work, "prh.yml"), prh.yaml);
    fs.writeFileSync(path.join(work, ".textlintrc.json"), JSON.stringify({ rules: { prh: { rulePaths: [path.join(work, "prh.yml")] } } }));
    const docx = wordFiles();
    const small = path.join(ROOT, "fixtures", "markdown", "spec.md");
    const lint = (args, files) => [process.execPath, [CLI, "--format", "json", ...args, ...files], { cwd: ROOT }];
    const cases = {
      ours: lint([], md),
      oursJobs1: lint(["--jobs", "1"], md),
      textlint: [process.execPath, [TEXTLINT, "--config", path.join(work, ".textlintrc.json"), "--rules-base-directory", path.join(ROOT, "node_modules"),
        "--format", "json", "--no-color", ...md], { cwd: work, okStatus: 1 }],
      remark: nodeScript(PARSE_REMARK, md),
      micromark: nodeScript(PARSE_MICROMARK, md),
      oursWord: lint([], docx),
      mammoth: nodeScript(MAMMOTH, docx),
      oneFile: lint([], [small]),
      version: [process.execPath, [CLI, "--version"], { cwd: ROOT }],
      bareNode: [process.execPath, ["-e", "0"], {}],
    };
    const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
    const run = (k) => { const [c, a, o] = cases[k]; times[k].push(timed(c, a, o)); };
    for (const k of Object.keys(cases)) run(k); // warm-up: file cache, compiled code cache
    for (const k of Object.keys(times)) times[k] = [];
    for (let i = 0; i < rounds; i++) for (const k of Object.keys(cases)) run(k);
    for (let i = 0; i < 2 * rounds; i++) { run("oneFile"); run("version"); run("bareNode"); }
    const ratio = (name, num, den, target, better) => {
      const n = Math.min(times[num].length, times[den].length);
      const rs = Array.from({ length: n }, (_, i) => times[num][i] / times[den][i]);
      return { name, ratio: median(rs), range: [Math.min(...rs), Math.max(...rs)], numMs: median(times[num]), denMs: median(times[den]),
        target, met: better === "higher" ? median(rs) >= target : median(rs) <= target, better };
    };
    const rows = [
      ratio("Markdown: textlint+prh time / ours (default jobs) — throughput ×", "textlint", "ours", 3, "higher"),
      ratio("Markdown: textlint+prh time / ours (--jobs 1) — throughput ×", "textlint", "oursJobs1", 1.5, "higher"),
      ratio("Markdown: full lint (--jobs 1) / bare remark-parse", "oursJobs1", "remark", 1.5, "lower"),
      ratio("Markdown: full lint (--jobs 1) / micromark alone", "oursJobs1", "micromark", null, "lower"),
      ratio("Markdown: bare remark-parse / micromark alone", "remark", "micromark", null, "lower"),
      ratio("Word: mammoth.extractRawText / full lint — × faster", "mammoth", "oursWord", 4, "higher"),
      ratio("one-file lint / bare node -e 0", "oneFile", "bareNode", 3, "lower"),
      ratio("--version / bare node -e 0", "version", "bareNode", 1.5, "lower"),
    ];
    const meta = { markdownFiles: md.length, markdownBytes: mdBytes, wordFiles: docx.length,
      wordBytes: docx.reduce((a, f) => a + fs.statSync(f).size, 0), prhRules: prh.count, rounds,
      medianMs: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(median(v))])) };
    return { rows, meta };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function cliTable({ rows }) {
  const fmt = (r) => `${r.ratio.toFixed(2)}× (${r.range[0].toFixed(2)}–${r.range[1].toFixed(2)})`;
  const target = (r) => (r.target === null ? "—" : `${r.better === "higher" ? "≥" : "≤"} ${r.target}× ${r.met ? "met" : "MISSED"}`);
  return ["| measure | ratio (range) | target |", "|---|---|---|", ...rows.map((r) => `| ${r.name} | ${fmt(r)} | ${target(r)} |`)].join("\n");
}
