// A numbered title typed as a paragraph of its own (「(4) 情報セキュリティインシデントへの対処」 between blank lines in a
// Markdown file converted from Word) is the heading of the clauses after it, as the Word and text readers read a
// hand-numbered title line. Without it, the clauses under it lose their context (an incident heading over 「イ 受託者は、
// 発注者の指示に従い、被害拡大の防止…を行うこと。」) and the same spec judged from its Word file differs.
import type { Block } from "../model/document.js";
import { PatternLevels, headingShaped, numberingPrefix, type NumberedPrefix } from "../text/heading-patterns.js";
import { LEAD, follows, leadSentenceOfText, numberingOf, sentenceFragment } from "../text/item-lines.js";
import { tocLine } from "../text/toc.js";

/**
 * Promotes such paragraphs to headings, in place, and rewrites every block's section path. A paragraph is
 * promoted when it is one title-shaped numbered line, a block with a body follows it, and it is neither an entry of
 * a lead's list (the block before it introduces items: 「次の書類を提出すること。」 / 「(1) 作業計画書」) nor the first of
 * siblings with no body between them (「(1) 作業計画書」 / 「(2) 体制図」). Its level is below the Markdown heading
 * it sits under, by the order its numbering style first appears there (PatternLevels, as for Word).
 */
export function promoteNumberedTitles(blocks: Block[]): void {
  const levels = new PatternLevels();
  let promoted = false;
  blocks.forEach((b, i) => {
    if (b.kind === "heading") { levels.styledHeading(b.level ?? 1); return; }
    if (b.kind !== "paragraph" || b.text.includes("\n")) return;
    const text = b.text.trim();
    const prefix = titleNumbering(text);
    if (!prefix || leadsList(blocks[i - 1])) return;
    const next = blocks[i + 1];
    if (!next || next.kind === "heading") return;
    const nextPrefix = numberingPrefix(next.text.trim());
    if (nextPrefix && follows(numberingOf(text, prefix), numberingOf(next.text.trim(), nextPrefix))) return;
    b.kind = "heading";
    b.level = levels.level(prefix.type);
    delete b.titleLines;
    promoted = true;
  });
  if (promoted) rewriteSectionPaths(blocks);
}

/**
 * The numbering of a line that reads as a numbered title (short, no sentence end, not a cut sentence, not a table of
 * contents line); undefined for any other line.
 */
function titleNumbering(line: string): NumberedPrefix | undefined {
  const text = line.trim();
  const prefix = numberingPrefix(text);
  return prefix && headingShaped(text, prefix) && !sentenceFragment(text) && !tocLine(text) ? prefix : undefined;
}

/** The block before a numbered line introduces a list (「次の書類を提出すること。」): the line is one of its entries. */
function leadsList(prev: Block | undefined): boolean {
  return !!prev && prev.kind !== "heading" && LEAD.test(leadSentenceOfText(prev.text));
}

/**
 * Where the numbered title on the first line of a paragraph's first piece ends, when the piece goes on below it
 * with the clause (a body that starts no item of its own) and the block before it leads no list; else -1.
 */
export function numberedTitleLine(text: string, piece: { start: number; end: number }, prev: Block | undefined): number {
  const nl = text.indexOf("\n", piece.start);
  if (nl < 0 || nl >= piece.end || !titleNumbering(text.slice(piece.start, nl))) return -1;
  if (text.slice(nl + 1, piece.end).trim() === "" || leadsList(prev)) return -1;
  return nl;
}

function rewriteSectionPaths(blocks: Block[]): void {
  const open: { level: number; title: string }[] = [];
  let path: string[] = [];
  for (const b of blocks) {
    if (b.kind === "heading") {
      const level = b.level ?? 1;
      while (open.length && open[open.length - 1]!.level >= level) open.pop();
      b.sectionPath = open.map((h) => h.title);
      open.push({ level, title: b.text });
      path = open.map((h) => h.title);
    } else {
      b.sectionPath = path;
    }
  }
}
