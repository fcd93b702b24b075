#!/usr/bin/env node
// Evaluates the linter against the labelled development corpus (fixtures/corpus).
// The labels were written by reading each document against rules.md, independently of the linter,
// so this script only compares; it never adjusts expectations.
//
// Usage: node scripts/eval.mjs [--check] [--json] [--corpus DIR] [--cli PATH]
import { execFile } from "node:child_process";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse as parseYaml } from "yaml";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The 36 clause rules of rules.md §3, in catalogue order. */
export const RULE_IDS = [
  "sec-section-present", "policy-compliance", "security-org", "security-plan", "compliance-report",
  "audit-acceptance", "staff-education", "confidentiality", "personal-info", "data-handling",
  "data-deletion", "subcontract-approval", "supply-chain", "certification", "incident-report",
  "incident-cooperation", "emergency-contact", "patch-latest", "vuln-info", "vuln-assessment",
  "eol-software", "malware-protection", "hardening", "net-separation", "multi-layer-defense",
  "monitoring", "log-collection", "log-retention", "access-control", "encryption",
  "secure-development", "security-acceptance-test", "physical-security", "cloud-security",
  "backup-recovery", "risk-assessment",
];

/** The defects of rules.md §4 plus threshold-short (issue 4). */
export const DEFECT_IDS = [
  "vague-obligation", "non-mandatory-form", "undefined-deadline", "undefined-period",
  "eol-product-named", "vendor-specific", "missing-section", "outdated-reference",
  "placeholder-left", "subject-missing", "inconsistent-actor-terms", "approval-without-criteria",
  "obsolete-crypto", "scope-too-narrow", "referenced-not-provided", "threshold-short",
];

export const STATUSES = ["present", "partial", "absent"];

export const THRESHOLDS = { agreement: 0.95, precision: 0.9, recall: 0.9 };

const DOC_EXTENSIONS = [".md", ".docx", ".txt"];

/** Documents of the corpus: top-level files with a sibling `<name>.expected.yaml`. */
export function listCorpus(corpusDir) {
  const entries = readdirSync(corpusDir, { withFileTypes: true });
  const docs = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const ext = path.extname(e.name);
    if (!DOC_EXTENSIONS.includes(ext)) continue;
    const base = e.name.slice(0, -ext.length);
    const expectedPath = path.join(corpusDir, `${base}.expected.yaml`);
    if (!existsSync(expectedPath)) continue; // README.md and the like
    docs.push({ name: base, docPath: path.join(corpusDir, e.name), expectedPath });
  }
  docs.sort((a, b) => a.name.localeCompare(b.name));
  return docs;
}

/**
 * Reads and validates one expected file. Returns { coverage, defects, problems } where problems lists
 * every way the file breaks the labelling contract (all 36 ids, valid statuses, known defect ids).
 */
export function loadExpected(expectedPath) {
  const problems = [];
  let data;
  try {
    data = parseYaml(readFileSync(expectedPath, "utf8"));
  } catch (err) {
    return { coverage: {}, defects: {}, problems: [`YAML parse error: ${err.message}`] };
  }
  const coverage = {};
  const defects = {};
  const cov = data?.coverage;
  if (!cov || typeof cov !== "object") problems.push("missing coverage map");
  else {
    for (const id of RULE_IDS) {
      const s = cov[id];
      if (s === undefined) problems.push(`coverage lacks ${id}`);
      else if (!STATUSES.includes(s)) problems.push(`coverage.${id} has invalid status ${JSON.stringify(s)}`);
      else coverage[id] = s;
    }
    for (const id of Object.keys(cov)) if (!RULE_IDS.includes(id)) problems.push(`coverage has unknown rule ${id}`);
  }
  const def = data?.defects ?? {};
  if (typeof def !== "object" || Array.isArray(def)) problems.push("defects must be a map");
  else {
    for (const [id, n] of Object.entries(def)) {
      if (!DEFECT_IDS.includes(id)) problems.push(`unknown defect id ${id}`);
      else if (!Number.isInteger(n) || n < 1) problems.push(`defects.${id} must be a positive integer`);
      else defects[id] = n;
    }
  }
  for (const key of Object.keys(data ?? {})) {
    if (key !== "coverage" && key !== "defects") problems.push(`unknown top-level key ${key}`);
  }
  return { coverage, defects, problems };
}

function runCli(cliPath, files) {
  return new Promise((resolve) => {
    // The evaluation measures judgement, not speed: a generous per-file budget keeps a busy
    // machine (CI running other suites in parallel) from turning a document into a timeout.
    execFile(process.execPath, [cliPath, "--format", "json", "--timeout", "120000", ...files],
      { cwd: ROOT, maxBuffer: 256 * 1024 * 1024, timeout: 300_000 },
      (err, stdout, stderr) => {
        // Exit 1 (errors found) and 2 (an unreadable file) still print the JSON report.
        try {
          resolve({ report: JSON.parse(stdout), stderr });
        } catch {
          resolve({ report: null, stderr: `${stderr}${err ? `\n${err.message}` : ""}` });
        }
      });
  });
}

/** Runs the CLI over the documents (in chunks) and returns Map(docPath → file result or error). */
export async function lintCorpus(docs, { cliPath = path.join(ROOT, "bin/chotatsu-lint.js"), chunkSize = 12 } = {}) {
  const results = new Map();
  for (let i = 0; i < docs.length; i += chunkSize) {
    const chunk = docs.slice(i, i + chunkSize);
    const rel = chunk.map((d) => path.relative(ROOT, d.docPath));
    const { report, stderr } = await runCli(cliPath, rel);
    for (const d of chunk) {
      const relPath = path.relative(ROOT, d.docPath);
      const file = report?.files?.find((f) => path.resolve(ROOT, f.uri) === path.resolve(ROOT, relPath));
      results.set(d.docPath, file ?? { error: { code: "no-result", message: report ? "file missing from report" : `CLI produced no JSON: ${stderr.trim().slice(0, 500)}` } });
    }
  }
  return results;
}

function ratio(n, d) { return d === 0 ? 1 : n / d; }

/**
 * Compares expected labels with linter output.
 * @param {{name:string, expected:{coverage:Record<string,string>, defects:Record<string,number>}, actual:any}[]} items
 */
export function compare(items) {
  const perRule = Object.fromEntries(RULE_IDS.map((id) => [id, {
    agree: 0, total: 0,
    confusion: Object.fromEntries(STATUSES.map((e) => [e, { present: 0, partial: 0, absent: 0, missing: 0 }])),
  }]));
  const perDefect = Object.fromEntries(DEFECT_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const disagreements = [];
  const defectMismatches = [];
  const fileErrors = [];
  let agree = 0;
  let total = 0;

  for (const { name, expected, actual } of items) {
    if (actual?.error) fileErrors.push({ file: name, error: actual.error });
    const cov = actual?.coverage ?? {};
    for (const id of RULE_IDS) {
      const exp = expected.coverage[id];
      if (!exp) continue;
      const act = STATUSES.includes(cov[id]?.status) ? cov[id].status : "missing";
      const r = perRule[id];
      r.total++; total++;
      r.confusion[exp][act]++;
      if (act === exp) { r.agree++; agree++; } else {
        disagreements.push({ file: name, rule: id, expected: exp, actual: act, missing: cov[id]?.missing ?? [] });
      }
    }
    const found = {};
    for (const f of actual?.findings ?? []) {
      if (f.suppressed) continue;
      if (!DEFECT_IDS.includes(f.ruleId)) continue;
      found[f.ruleId] = (found[f.ruleId] ?? 0) + 1;
    }
    for (const id of DEFECT_IDS) {
      const e = expected.defects[id] ?? 0;
      const a = found[id] ?? 0;
      const d = perDefect[id];
      d.tp += Math.min(e, a);
      d.fp += Math.max(0, a - e);
      d.fn += Math.max(0, e - a);
      if (e !== a) defectMismatches.push({ file: name, defect: id, expected: e, actual: a });
    }
  }

  let tp = 0, fp = 0, fn = 0;
  const defects = {};
  for (const id of DEFECT_IDS) {
    const d = perDefect[id];
    tp += d.tp; fp += d.fp; fn += d.fn;
    defects[id] = { ...d, precision: ratio(d.tp, d.tp + d.fp), recall: ratio(d.tp, d.tp + d.fn) };
  }
  const rules = {};
  for (const id of RULE_IDS) rules[id] = { ...perRule[id], agreement: ratio(perRule[id].agree, perRule[id].total) };
  return {
    files: items.length,
    agreement: ratio(agree, total),
    agree, total,
    rules,
    defects,
    defectTotals: { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) },
    disagreements,
    defectMismatches,
    fileErrors,
  };
}

/** Loads the corpus, lints it, compares. Throws if any expected file breaks the labelling contract. */
export async function runEval({ corpusDir = path.join(ROOT, "fixtures/corpus"), cliPath, chunkSize } = {}) {
  const docs = listCorpus(corpusDir);
  const items = [];
  const problems = [];
  for (const d of docs) {
    const expected = loadExpected(d.expectedPath);
    for (const p of expected.problems) problems.push(`${d.name}: ${p}`);
    items.push({ name: path.basename(d.docPath), docPath: d.docPath, expected });
  }
  if (problems.length) throw new Error(`invalid expected files:\n${problems.join("\n")}`);
  const actual = await lintCorpus(docs, { cliPath, chunkSize });
  for (const it of items) it.actual = actual.get(it.docPath);
  return compare(items);
}

export function meetsThresholds(result, t = THRESHOLDS) {
  return result.agreement >= t.agreement
    && result.defectTotals.precision >= t.precision
    && result.defectTotals.recall >= t.recall;
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;

export function formatReport(r) {
  const out = [];
  out.push(`chotatsu-lint corpus evaluation: ${r.files} files, ${r.total} rule judgements`);
  out.push("");
  out.push("Per-rule agreement (rows: expected; columns: actual present/partial/absent/missing)");
  const w = Math.max(...RULE_IDS.map((id) => id.length));
  for (const id of RULE_IDS) {
    const x = r.rules[id];
    const row = STATUSES.map((e) => {
      const c = x.confusion[e];
      return `${e.slice(0, 4)}:[${c.present} ${c.partial} ${c.absent}${c.missing ? ` m${c.missing}` : ""}]`;
    }).join(" ");
    out.push(`  ${id.padEnd(w)}  ${pct(x.agreement).padStart(6)}  ${row}`);
  }
  out.push("");
  out.push(`Overall exact agreement: ${pct(r.agreement)} (${r.agree}/${r.total})`);
  out.push("");
  out.push("Defects (TP = min(expected, found) per file and id)");
  for (const id of DEFECT_IDS) {
    const d = r.defects[id];
    if (d.tp + d.fp + d.fn === 0) continue;
    out.push(`  ${id.padEnd(26)} P ${pct(d.precision).padStart(6)}  R ${pct(d.recall).padStart(6)}  (tp ${d.tp}, fp ${d.fp}, fn ${d.fn})`);
  }
  const t = r.defectTotals;
  out.push(`  ${"overall".padEnd(26)} P ${pct(t.precision).padStart(6)}  R ${pct(t.recall).padStart(6)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`);
  if (r.fileErrors.length) {
    out.push("");
    out.push("Files the linter could not judge:");
    for (const e of r.fileErrors) out.push(`  ${e.file}: ${e.error.code} ${e.error.message ?? ""}`);
  }
  out.push("");
  out.push(`Status disagreements (${r.disagreements.length}): file, rule, expected, actual`);
  for (const d of r.disagreements) {
    out.push(`  ${d.file}  ${d.rule}  expected ${d.expected}  actual ${d.actual}${d.missing.length ? `  (missing: ${d.missing.join(", ")})` : ""}`);
  }
  out.push("");
  out.push(`Defect count mismatches (${r.defectMismatches.length}): file, defect, expected, found`);
  for (const d of r.defectMismatches) out.push(`  ${d.file}  ${d.defect}  expected ${d.expected}  found ${d.actual}`);
  return out.join("\n");
}

async function main(argv) {
  const args = argv.slice(2);
  const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const corpusDir = opt("--corpus") ? path.resolve(opt("--corpus")) : undefined;
  const cliPath = opt("--cli") ? path.resolve(opt("--cli")) : undefined;
  let result;
  try {
    result = await runEval({ corpusDir, cliPath });
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    return 2;
  }
  if (args.includes("--json")) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${formatReport(result)}\n`);
  if (args.includes("--check") && !meetsThresholds(result)) {
    process.stderr.write(`below thresholds: agreement ${pct(result.agreement)} (need ${pct(THRESHOLDS.agreement)}), `
      + `defect precision ${pct(result.defectTotals.precision)} / recall ${pct(result.defectTotals.recall)} (need ${pct(THRESHOLDS.precision)})\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv).then((code) => { process.exitCode = code; });
}
