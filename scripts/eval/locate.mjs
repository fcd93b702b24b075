// Finds where a label's quote sits in a document, with the project's own readers (dist/), so that a
// defect is scored at the place a reviewer marked: the lines (Markdown, text) or paragraph
// ordinals (Word) the quoted words span. Quotes are compared without white space and after NFKC,
// because labellers copy from PDF-spaced text and Markdown sources of Word files.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

function squeeze(text) {
  const chars = [];
  const offsets = [];
  for (let i = 0; i < text.length; i++) {
    const n = text[i].normalize("NFKC");
    if (/^\s*$/u.test(n)) continue;
    for (const c of n) { chars.push(c); offsets.push(i); }
  }
  return { text: chars.join(""), offsets };
}

/** Loads the built reader once (the eval runs after `npm run build`). */
export async function loadReader(root) {
  const mod = await import(pathToFileURL(path.join(root, "dist/readers/index.js")).href);
  return mod.readSpec;
}

/**
 * Returns a locator for one document: quote → list of { line, endLine } (every place it occurs;
 * empty when it occurs nowhere).
 */
export async function locator(readSpec, docPath) {
  const doc = await readSpec(new Uint8Array(readFileSync(docPath)), docPath);
  const blocks = doc.blocks.map((b) => ({ block: b, ...squeeze(b.text) }));
  return (quote) => {
    const q = squeeze(quote).text;
    const places = [];
    if (!q) return places;
    for (const b of blocks) {
      let at = b.text.indexOf(q);
      while (at >= 0) {
        const start = b.block.positionAt(b.offsets[at]);
        const end = b.block.positionAt(b.offsets[at + q.length - 1]);
        places.push({ line: start.line, endLine: end.line });
        at = b.text.indexOf(q, at + 1);
      }
    }
    return places;
  };
}
