#!/usr/bin/env node
// Wording invariance: each dev specification (Markdown or PDF text), rewritten in ways that keep its
// meaning (scripts/eval/wording.mjs: another party word, 「こと」 for 「ものとする」, kana for kanji,
// 「，」「．」, kanji numerals …), and the whole paraphrases helpers wrote of some of them
// (fixtures/paraphrases), must be judged as the original is. Like the format check it needs no labels: a
// judgement that moves under a rewrite is a class of wording the rules depend on by accident. Prints
// every judgement that differs, with its label, and a summary per rewrite.
//   node scripts/eval-wording.mjs [--check N]    exit 1 when a rewrite changes more than N judgements
// Only dev documents are rewritten: the test half is never studied.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { devDocuments, renderingDifferences, report } from "./eval-formats.mjs";
import { REWRITES } from "./eval/wording.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/**
 * Whole paraphrases of dev specs (fixtures/paraphrases/README.md): helpers that never saw the linter rewrote
 * every security clause in other words, the way another officer would have written the same spec.
 */
const PARAPHRASES = path.join(ROOT, "fixtures", "paraphrases");
export const PARAPHRASED = "paraphrased by a helper (fixtures/paraphrases)";

/** Each rewrite as a rendering: the rewritten file beside the others in `dir`, null where it does not apply. */
export const WORDING_VARIANTS = {
  ...Object.fromEntries(Object.entries(REWRITES).map(([name, rewrite], k) => [
    name,
    (docs, dir) =>
      docs.map((d) => {
        if (d.docPath.endsWith(".docx")) return null;
        const text = rewrite(readFileSync(d.docPath, "utf8"), { markdown: d.docPath.endsWith(".md") });
        if (text === undefined) return null;
        const docPath = path.join(dir, `w${k}-${path.basename(d.docPath)}`);
        writeFileSync(docPath, text);
        return { ...d, docPath };
      }),
  ])),
  [PARAPHRASED]: (docs) => docs.map((d) => {
    const docPath = path.join(PARAPHRASES, path.basename(d.docPath));
    return existsSync(docPath) ? { ...d, docPath } : null;
  }),
};

export async function wordingDifferences() {
  return renderingDifferences(WORDING_VARIANTS, devDocuments([".md", ".txt", ".docx"]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const checkArg = process.argv.indexOf("--check");
  const limit = checkArg >= 0 ? Number(process.argv[checkArg + 1]) : Infinity;
  process.exit(report(await wordingDifferences(), limit, "original") ? 1 : 0);
}
