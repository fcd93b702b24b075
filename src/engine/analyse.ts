// Analyse a document once per configuration: normalise every block, split and judge sentences,
// and scan the whole normalised text once with the configuration's matcher.
import type { SpecDocument } from "../model/document.js";
import { normalize } from "../text/normalize.js";
import { splitSentences } from "../text/sentences.js";
import { analyseSentence } from "../text/obligation.js";
import type { AnalysedBlock, Hit, Sentence } from "./kinds/kind.js";
import { casedText, type CompiledMatcher } from "./matcher.js";
import type { TermEntry } from "./types.js";

export interface AnalysedDocument {
  doc: SpecDocument;
  blocks: AnalysedBlock[];
  /** For each block index: index of the first block after the section it heads (headings), else its own index + 1. */
  sectionEnd: Int32Array;
}

export function analyseBlocks(doc: SpecDocument, matcher: CompiledMatcher): AnalysedDocument {
  const blocks: AnalysedBlock[] = [];
  let section = -1;
  doc.blocks.forEach((block, index) => {
    // Word comment bodies are reviewers' notes (and suppression directives), never clauses.
    const norm = normalize(block.region === "comment" ? "" : block.text, matcher.variants);
    const text = norm.text;
    if (block.kind === "heading") section = index;
    const sentences: Sentence[] = block.kind === "heading"
      ? (text ? [{ block: index, start: 0, end: text.length, text, obligation: false, prohibition: false, negated: false, narrative: false }] : [])
      : splitSentences(text).map(({ start, end }) => {
        const s = text.slice(start, end);
        return { block: index, start, end, text: s, ...analyseSentence(s, matcher.endings) };
      });
    blocks.push({ index, block, text, norm, sentences, section });
  });
  const sectionEnd = new Int32Array(blocks.length);
  const open: { index: number; level: number }[] = [];
  blocks.forEach((ab, i) => {
    sectionEnd[i] = i + 1;
    if (ab.block.kind !== "heading") return;
    const level = ab.block.level ?? 1;
    while (open.length && open[open.length - 1]!.level >= level) sectionEnd[open.pop()!.index] = i;
    open.push({ index: i, level });
  });
  for (const o of open) sectionEnd[o.index] = blocks.length;
  return { doc, blocks, sectionEnd };
}

/**
 * Scan all blocks in one pass (blocks joined by a line break, which no normalised term contains),
 * returning hits per concept sorted by (block, start); hits nested inside another hit of the
 * same concept are dropped (「セキュリティパッチ」 and 「パッチ」 are one occurrence of $patch).
 */
export function scanDocument(blocks: readonly AnalysedBlock[], matcher: CompiledMatcher, entryOf: (concept: number) => TermEntry): Hit[][] {
  const starts = new Int32Array(blocks.length + 1);
  const parts: string[] = [];
  let offset = 0;
  blocks.forEach((b, i) => { starts[i] = offset; parts.push(b.text); offset += b.text.length + 1; });
  starts[blocks.length] = offset;
  const joined = parts.join("\n");
  // Case-sensitive entries compare against the original letter case; built only when needed.
  const cased = matcher.caseSensitive
    ? blocks.map((b) => (b.block.region === "comment" ? b.text : casedText(b.norm, b.block.text))).join("\n")
    : undefined;
  const raw: Hit[][] = Array.from({ length: matcher.conceptCount }, () => []);
  const blockAt = (pos: number): number => {
    let lo = 0; let hi = blocks.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid]! <= pos) lo = mid; else hi = mid - 1; }
    return lo;
  };
  matcher.scan(joined, (concept, s, e) => {
    const b = blockAt(s);
    const bs = starts[b]!;
    if (e - bs > blocks[b]!.text.length) return; // spans a block boundary
    raw[concept]!.push({ entry: entryOf(concept), block: b, start: s - bs, end: e - bs });
  }, cased);
  return raw.map((hits) => {
    hits.sort((a, b) => a.block - b.block || a.start - b.start || b.end - a.end);
    const kept: Hit[] = [];
    for (const h of hits) {
      const last = kept[kept.length - 1];
      if (last && last.block === h.block && h.end <= last.end) continue;
      kept.push(h);
    }
    return kept;
  });
}
