#!/usr/bin/env node
// Format robustness: the dev Markdown specifications, rendered as PDF-pasted text (scripts/eval/pdf-text.mjs:
// hard line breaks, page numbers, and once more with a running header and 「n / N」 numbers) and as Word files
// LibreOffice wrote (where it is installed), must be judged as the Markdown is. Prints every judgement that
// differs, with its label, and a summary per rendering.
//   node scripts/eval-formats.mjs [--check N]    exit 1 when a variant differs in more than N judgements
// Only dev documents are rendered: the test half is never studied.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listCorpus, loadExpected, loadSplit } from "./eval/labels.mjs";
import { pdfText } from "./eval/pdf-text.mjs";
import { lintCorpus } from "./eval.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = path.join(ROOT, "fixtures", "corpus");

/** Each rendering: the documents it writes into `dir` from the Markdown ones (same order). */
export const VARIANTS = {
  "pdf-text": (docs, dir) => asText(docs, dir, "pdf", {}),
  "pdf-text with running header": (docs, dir) => asText(docs, dir, "pdf-header", { width: 36, header: "業務委託仕様書", pageNumber: (n) => `${n} / 99` }),
  // A Word file LibreOffice wrote from the Markdown (headings styled, lists numbered by Word, a line break inside a
  // paragraph kept as one); only where LibreOffice is installed (CI installs it).
  "Word (LibreOffice)": (docs, dir) => (hasSoffice() ? asWord(docs, dir) : undefined),
};

function asText(docs, dir, tag, opts) {
  return docs.map((d) => {
    const docPath = path.join(dir, `${tag}-${d.name}.txt`);
    writeFileSync(docPath, pdfText(readFileSync(d.docPath, "utf8"), opts));
    return { ...d, docPath };
  });
}

function hasSoffice() {
  return spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;
}

function asWord(docs, dir) {
  const out = path.join(dir, "word");
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "docx-from-source.mjs"), "--soft-breaks", "br", ...docs.map((d) => d.docPath), "--out", out], { stdio: "ignore" });
  if (r.status !== 0) throw new Error("LibreOffice could not convert the dev documents");
  return docs.map((d) => ({ ...d, docPath: path.join(out, `${d.name}.docx`) }));
}

/** The dev documents of the corpus, those whose file name ends in one of `extensions`. */
export function devDocuments(extensions) {
  const split = loadSplit(path.join(CORPUS, "split.yaml"));
  const dev = new Set(split.dev);
  return listCorpus(CORPUS).filter((d) => dev.has(d.name) && extensions.some((e) => d.docPath.endsWith(e)));
}

/**
 * Judgements that differ between each document and its renderings:
 * { variant: { documents, judgements, differences: [{ name, rule, markdown, rendered, label }] } }.
 * A rendering returns the rendered documents in the same order, with `null` for a document it leaves
 * alone (only rendered documents are compared), or nothing at all when its tool is not installed.
 */
export async function renderingDifferences(variants, docs) {
  const work = mkdtempSync(path.join(tmpdir(), "chotatsu-renderings-"));
  try {
    // Every rendering is written first and the originals and all renderings are linted in a few large runs: each CLI
    // run pays its start-up and a cold engine once, and a run per rendering (fourteen of them) paid it for each.
    const renderings = [];
    for (const [variant, render] of Object.entries(variants)) {
      const rendered = render(docs, work);
      if (!rendered) continue; // the tool this rendering needs is not installed
      renderings.push([variant, docs.map((d, i) => [d, rendered[i]]).filter(([, r]) => r)]);
    }
    const all = [...docs, ...renderings.flatMap(([, pairs]) => pairs.map(([, r]) => r))];
    const results = await lintCorpus(all, { chunkSize: 400 });
    const out = {};
    for (const [variant, pairs] of renderings) {
      const differences = [];
      let judgements = 0;
      for (const [d, r] of pairs) {
        const a = results.get(d.docPath)?.coverage ?? {};
        const b = results.get(r.docPath)?.coverage ?? {};
        const label = loadExpected(d.expectedPath).coverage;
        for (const rule of Object.keys(a)) {
          judgements++;
          if (a[rule].status !== b[rule]?.status) {
            differences.push({ name: d.name, rule, markdown: a[rule].status, rendered: b[rule]?.status ?? "error", label: label[rule] });
          }
        }
      }
      out[variant] = { documents: pairs.length, judgements, differences };
    }
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Judgements that differ between each dev Markdown spec and its format renderings (VARIANTS). */
export async function formatDifferences() {
  return renderingDifferences(VARIANTS, devDocuments([".md"]));
}

/** Prints each rendering's differences; with `limit`, exits 1 when one rendering differs in more. */
export function report(diffs, limit, original = "Markdown") {
  let failed = false;
  for (const [variant, { documents, judgements, differences }] of Object.entries(diffs)) {
    console.log(`== ${variant}: ${differences.length} of ${judgements} judgements (${documents} documents) differ from the ${original}`);
    for (const d of differences) {
      const right = d.markdown === d.label ? `the ${original} agrees with the label` : d.rendered === d.label ? "the rendering agrees with the label" : "neither agrees with the label";
      console.log(`  ${d.name}  ${d.rule}  ${original} ${d.markdown}, rendered ${d.rendered}, labelled ${d.label} (${right})`);
    }
    if (differences.length > limit) failed = true;
  }
  return failed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const checkArg = process.argv.indexOf("--check");
  const limit = checkArg >= 0 ? Number(process.argv[checkArg + 1]) : Infinity;
  process.exit(report(await formatDifferences(), limit) ? 1 : 0);
}
