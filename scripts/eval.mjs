#!/usr/bin/env node
// Evaluates the linter against the blind-labelled corpus (fixtures/corpus), separately on the
// committed `dev` and `test` halves (fixtures/corpus/split.yaml). Only dev is shown in detail: the
// test half is scored, never studied, so its disagreements are not printed (see README: "Evaluation").
//
// Usage: node scripts/eval.mjs [--check] [--json] [--agreement] [--corpus DIR] [--cli PATH]
//   --check      exit 1 when dev misses a target of issue 11 (TARGETS in scripts/eval/score.mjs)
//   --agreement  also compare the primary labels with the second labeller's (second-labels/)
//   --dev        lint and report the dev half only (the edit loop: the test half is not scored)
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DEFECT_IDS, RULE_IDS, STATUSES, listCorpus, loadExpected, loadSplit, sourceUrlOf } from "./eval/labels.mjs";
import { loadReader, locator } from "./eval/locate.mjs";
import { MAX_CLEAN_FINDINGS, TARGETS, compare, labellerAgreement, pct, shortfalls } from "./eval/score.mjs";

export { RULE_IDS, DEFECT_IDS, STATUSES, TARGETS, listCorpus, loadExpected, compare, labellerAgreement, shortfalls };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function runCli(cliPath, files) {
  return new Promise((resolve) => {
    // The evaluation measures judgement, not speed: a generous per-file budget keeps a busy
    // machine (CI running other suites in parallel) from turning a document into a timeout.
    execFile(process.execPath, [cliPath, "--format", "json", "--timeout", "120000", ...files],
      { cwd: ROOT, maxBuffer: 256 * 1024 * 1024, timeout: 600_000 },
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
export async function lintCorpus(docs, { cliPath = path.join(ROOT, "bin/chotatsu-lint.js"), chunkSize = 30 } = {}) {
  const results = new Map();
  for (let i = 0; i < docs.length; i += chunkSize) {
    const chunk = docs.slice(i, i + chunkSize);
    const { report, stderr } = await runCli(cliPath, chunk.map((d) => path.relative(ROOT, d.docPath)));
    const byPath = new Map((report?.files ?? []).map((f) => [path.resolve(ROOT, f.uri), f]));
    for (const d of chunk) {
      const file = byPath.get(path.resolve(d.docPath));
      results.set(d.docPath, file ?? { error: { code: "no-result", message: report ? "file missing from report" : `CLI produced no JSON: ${stderr.trim().slice(0, 500)}` } });
    }
  }
  return results;
}

/** Loads labels and resolves each defect quote to its places in the document. */
async function loadLabels(docs, expectedPathOf) {
  const readSpec = await loadReader(ROOT);
  const problems = [];
  const labels = new Map();
  for (const d of docs) {
    const exp = loadExpected(expectedPathOf(d));
    for (const p of exp.problems) problems.push(`${d.name}: ${p}`);
    const locate = await locator(readSpec, d.docPath);
    for (const l of exp.defects) {
      if (!l.quote) continue;
      l.places = locate(l.quote);
      if (!l.places.length) problems.push(`${d.name}: ${l.rule} quote not found in the document: ${l.quote}`);
    }
    labels.set(d.name, exp);
  }
  return { labels, problems };
}

/**
 * Loads the corpus, lints it, compares per split. Throws if a label file breaks the contract or a
 * labelled document is missing from split.yaml.
 */
export async function runEval({ corpusDir = path.join(ROOT, "fixtures/corpus"), cliPath, chunkSize, agreement = false, devOnly = false } = {}) {
  const all = listCorpus(corpusDir);
  const split = loadSplit(path.join(corpusDir, "split.yaml"));
  const unsplit = all.filter((d) => !split.dev.includes(d.name) && !split.test.includes(d.name)).map((d) => d.name);
  if (unsplit.length) throw new Error(`labelled but not in split.yaml (run node scripts/eval-split.mjs): ${unsplit.join(", ")}`);
  const docs = devOnly ? all.filter((d) => split.dev.includes(d.name)) : all;
  const { labels, problems } = await loadLabels(docs, (d) => d.expectedPath);
  if (problems.length) throw new Error(`invalid labels:\n${problems.join("\n")}`);
  const actual = await lintCorpus(docs, { cliPath, chunkSize });
  const items = (names) => docs.filter((d) => names.includes(d.name))
    .map((d) => ({ name: d.file, expected: labels.get(d.name), actual: actual.get(d.docPath) }));
  const result = { seed: split.seed, dev: compare(items(split.dev)), test: devOnly ? null : compare(items(split.test)) };
  // Test documents written from the same real specification as a dev document (dealt before
  // eval-split kept such twins together) are not unseen: the test figures are also given without them.
  const twins = devOnly ? [] : sourceTwinsOfDev(corpusDir, split);
  if (twins.length) result.testWithoutTwins = { ...compare(items(split.test.filter((n) => !twins.includes(n)))), excluded: twins };
  // Labels against labels, never the linter: always over every document with a second label, so the
  // figure does not change with --dev (only the aggregate is printed).
  if (agreement) {
    const primary = devOnly ? (await loadLabels(all, (d) => d.expectedPath)).labels : labels;
    result.labellers = await secondLabellerAgreement(corpusDir, all, primary);
  }
  return result;
}

/** Test documents whose .source.yaml names the same real specification (url) as a dev document's. */
function sourceTwinsOfDev(corpusDir, split) {
  const urlOf = (name) => sourceUrlOf(corpusDir, name);
  const devUrls = new Set(split.dev.map(urlOf).filter(Boolean));
  return split.test.filter((n) => devUrls.has(urlOf(n)));
}

async function secondLabellerAgreement(corpusDir, docs, primary) {
  const dir = path.join(corpusDir, "second-labels");
  const both = docs.filter((d) => existsSync(path.join(dir, `${d.name}.expected.yaml`)));
  const { labels: second, problems } = await loadLabels(both, (d) => path.join(dir, `${d.name}.expected.yaml`));
  if (problems.length) throw new Error(`invalid second labels:\n${problems.join("\n")}`);
  return { ...labellerAgreement(both.map((d) => ({ a: primary.get(d.name), b: second.get(d.name) }))), names: both.map((d) => d.name) };
}

function formatSplit(name, r, { details }) {
  const out = [];
  out.push(`== ${name}: ${r.files} files, ${r.total} rule judgements ==`);
  out.push(`exact agreement ${pct(r.agreement)} (${r.agree}/${r.total})   balanced accuracy ${pct(r.balanced)}   `
    + `absent judged present: ${r.absentJudgedPresent}`);
  out.push(`per class (recall / precision / support): ${STATUSES.map((c) => `${c} ${pct(r.classes[c].recall)} / ${pct(r.classes[c].precision)} / ${r.classes[c].support}`).join("   ")}`);
  out.push("per rule (rows: labelled; [present partial absent] as judged by the linter):");
  const w = Math.max(...RULE_IDS.map((id) => id.length));
  for (const id of RULE_IDS) {
    const x = r.rules[id];
    const row = STATUSES.map((e) => {
      const c = x.confusion[e];
      return `${e.slice(0, 4)}:[${c.present} ${c.partial} ${c.absent}${c.missing ? ` m${c.missing}` : ""}]`;
    }).join(" ");
    out.push(`  ${id.padEnd(w)}  ${pct(x.agreement).padStart(6)}  ${row}`);
  }
  out.push("defects, matched at the location (same line / paragraph ± 1):");
  for (const id of DEFECT_IDS) {
    const d = r.defects[id];
    if (d.tp + d.fp + d.fn === 0) continue;
    out.push(`  ${id.padEnd(26)} P ${pct(d.precision).padStart(6)}  R ${pct(d.recall).padStart(6)}  (tp ${d.tp}, fp ${d.fp}, fn ${d.fn})`);
  }
  const t = r.defectTotals;
  out.push(`  ${"overall".padEnd(26)} P ${pct(t.precision).padStart(6)}  R ${pct(t.recall).padStart(6)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`);
  if (r.cleanDocuments.length) {
    const most = r.cleanDocuments.reduce((a, b) => (b.findings > a.findings ? b : a));
    out.push(`documents labelled without defects: ${r.cleanDocuments.length}; defect findings on them: at most ${most.findings}${details ? ` (${most.file})` : ""} (target: at most ${MAX_CLEAN_FINDINGS})`);
  }
  if (r.fileErrors.length) {
    out.push("files the linter could not judge:");
    for (const e of r.fileErrors) out.push(`  ${e.file}: ${e.error.code} ${e.error.message ?? ""}`);
  }
  const miss = shortfalls(r);
  out.push(miss.length ? `below target: ${miss.join("; ")}` : "all targets met");
  if (details) {
    out.push(`status disagreements (${r.disagreements.length}): file, rule, labelled, judged`);
    for (const d of r.disagreements) {
      out.push(`  ${d.file}  ${d.rule}  labelled ${d.expected}  judged ${d.actual}${d.why ? `  [${d.why}]` : ""}${d.missing.length ? `  (missing: ${d.missing.join(", ")})` : ""}`);
    }
    out.push(`defect mismatches (${r.defectMismatches.length}): fp = found, not labelled there; fn = labelled, not found there`);
    for (const d of r.defectMismatches) out.push(`  ${d.file}  ${d.defect}  ${d.kind}  @${d.line ?? "-"}  ${d.excerpt}`);
  }
  return out.join("\n");
}

export function formatReport(result) {
  const out = [`chotatsu-lint evaluation (split seed ${result.seed}); dev = tuning set, test = scored only`, ""];
  out.push(formatSplit("dev (tuning set)", result.dev, { details: true }), "");
  if (result.test) out.push(formatSplit("test (scored, never studied)", result.test, { details: false }));
  else out.push("test: not scored (--dev)");
  const u = result.testWithoutTwins;
  if (u) {
    out.push(`test without the ${u.excluded.length} documents written from the same source as a dev document (${u.excluded.join(", ")}): `
      + `${u.files} files, exact ${pct(u.agreement)}, balanced ${pct(u.balanced)}, defect P ${pct(u.defectTotals.precision)} R ${pct(u.defectTotals.recall)}, absent judged present ${u.absentJudgedPresent}`);
  }
  if (result.labellers) {
    const a = result.labellers;
    out.push("", `== blind inter-labeller agreement (${a.documents} documents, ${a.judgements} judgements) ==`);
    out.push(`exact ${pct(a.exact)}   Cohen's kappa ${a.kappa.toFixed(3)}   defects: both ${a.defects.both}, only A ${a.defects.onlyA}, only B ${a.defects.onlyB} (F1 ${pct(a.defects.f1)})`);
    // The rules the labellers split on most, beside the linter's own agreement on the split printed above.
    const rules = Object.entries(a.perRule).filter(([, x]) => x.total).sort((x, y) => x[1].exact - y[1].exact);
    const linter = (id) => result.dev?.rules?.[id] ? `   linter on dev ${pct(result.dev.rules[id].agreement)}` : "";
    out.push(`per rule, lowest first (labellers' exact agreement${result.dev ? "; the linter's on dev" : ""}; rule target ${pct(TARGETS.ruleMin)}):`);
    for (const [id, x] of rules.slice(0, 8)) out.push(`  ${id.padEnd(26)} ${pct(x.exact).padStart(6)}${linter(id)}`);
  }
  return out.join("\n");
}

/** What may be printed of the test half: figures only, no list of what went wrong where. */
function withoutTestDetails(result) {
  if (!result.test) return result;
  const { disagreements, defectMismatches, ...figures } = result.test;
  const strip = (r) => { if (!r) return r; const { disagreements: _d, defectMismatches: _m, ...f } = r; return f; };
  return { ...result, test: figures, ...(result.testWithoutTwins ? { testWithoutTwins: strip(result.testWithoutTwins) } : {}) };
}

async function main(argv) {
  const args = argv.slice(2);
  const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  let result;
  try {
    result = await runEval({
      corpusDir: opt("--corpus") ? path.resolve(opt("--corpus")) : undefined,
      cliPath: opt("--cli") ? path.resolve(opt("--cli")) : undefined,
      agreement: args.includes("--agreement"),
      devOnly: args.includes("--dev"),
    });
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    return 2;
  }
  if (args.includes("--json")) process.stdout.write(`${JSON.stringify(withoutTestDetails(result), null, 2)}\n`);
  else process.stdout.write(`${formatReport(result)}\n`);
  const miss = shortfalls(result.dev);
  if (args.includes("--check") && miss.length) {
    process.stderr.write(`dev below target: ${miss.join("; ")}\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv).then((code) => { process.exitCode = code; });
}
