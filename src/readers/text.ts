// Plain text → SpecDocument. Specs pasted from Word or PDF have no markup: a line that reads as a
// numbered heading (第1章, 1., (1), ア …) is a heading, a line starting with an item marker starts a
// new list item (item-lines.ts: not when it only continues a wrapped sentence, 「…を\n1 年間」),
// and other lines join the paragraph above (PDF text wraps mid-sentence, 「…解除され\nた後」)
// until a blank line. Every line keeps its exact position.
import type { Block, BlockKind, SpecDocument } from "../model/document.js";
// The Word reader's detector for hand-numbered headings, so both readers agree on what a heading is.
import { PatternLevels, headingShaped, numberingPrefix } from "../text/heading-patterns.js";
import { LineIndex, TextBuilder, positionMapper } from "./positioned.js";
import { parseDirectiveComment, resolveNextLineTargets } from "./directives.js";
import { finished, itemMarker, sentenceFragment, startsItem } from "../text/item-lines.js";
import type { Directive } from "../model/document.js";
import { titleLinesOf } from "./title-lines.js";

const BLANK = /^[ \t\u3000]*$/u;
/** A line starting with hiragana continues a word or a sentence, bar the few words a sentence opens with. */
const CONTINUATION = /^(?!この|その|これ|それ|なお|また|ただし|あらかじめ|さらに)[ぁ-ゖ]/u;

interface Open { kind: BlockKind; builder: TextBuilder; startOffset: number; lastLine: string }

const PAGE_NUMBER = /^[ \t\u3000]*[-－‐−—][ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*[-－‐−—][ \t\u3000]*$/u;

/** `text` must already be decoded and LF-normalised (decodeText does both). */
export function readText(text: string, uri: string): SpecDocument {
  const index = new LineIndex(text);
  const blocks: Block[] = [];
  const directives: Directive[] = [];
  const headings: Array<{ level: number; title: string }> = [];
  const leveler = new PatternLevels();
  let open: Open | undefined;

  const emit = (kind: BlockKind, builder: TextBuilder, startOffset: number): Block => {
    builder.trimEnd();
    const { text: blockText, offsets } = builder.build();
    const start = index.position(startOffset);
    const end = index.position(offsets.at(offsets.length - 1)! + 1);
    const block: Block = {
      kind,
      text: blockText,
      sectionPath: headings.map((h) => h.title),
      region: "body",
      location: { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, region: "body", table: null },
      ...titleLinesOf(kind, blockText),
      ...positionMapper(offsets, index, startOffset),
    };
    blocks.push(block);
    return block;
  };
  const close = (): void => {
    if (open) emit(open.kind, open.builder, open.startOffset);
    open = undefined;
  };

  const lines = text.split("\n");
  const pageGaps = pageGapsOf(lines);
  let offset = 0;
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    const lineStart = offset;
    offset += line.length + 1;
    // A PDF page break inside a sentence (「…発生した場合は、」 / 「- 5 -」 / 「直ちに報告すること。」) does
    // not end its paragraph: the page number and the blank lines around it are skipped.
    const gap = pageGaps.get(i);
    if (gap !== undefined && open && !finished(open.lastLine) && (sentenceFragment(open.lastLine) || CONTINUATION.test(gap))) return;
    if (BLANK.test(line)) return close();
    // A PDF page number (「- 5 -」「－ 12 －」) is no content: not a list item, not a line of the next block.
    if (PAGE_NUMBER.test(line)) return close();
    const lead = /^[ \t\u3000]*/u.exec(line)![0].length;
    const content = line.slice(lead).replace(/[ \t\u3000]+$/u, "");
    const contentStart = lineStart + lead;

    const directive = parseDirectiveComment(content);
    if (directive) {
      close();
      const at = index.position(contentStart);
      directives.push({ ...directive, location: { line: lineNo, column: at.column, endLine: lineNo, endColumn: at.column + content.length, region: "body", table: null } });
      return;
    }

    const numbered = numberingPrefix(content);
    // Inside an open paragraph, a line only breaks it when it can start an item there.
    const breaks = open === undefined || startsItem(open.lastLine, content);
    // A heading-shaped line that is the first part of a wrapped clause (the next line continues it).
    const next = lines[i + 1]?.replace(/^[ \t\u3000]+/u, "") ?? "";
    const wrapped = !BLANK.test(next) && !startsItem(content, next) && (sentenceFragment(content) || CONTINUATION.test(next));
    if (numbered && headingShaped(content, numbered) && breaks && !wrapped) {
      close();
      const level = leveler.level(numbered.type);
      while (headings.length && headings[headings.length - 1]!.level >= level) headings.pop();
      const builder = new TextBuilder();
      builder.pushSlice(content, contentStart);
      emit("heading", builder, contentStart).level = level;
      headings.push({ level, title: content });
      return;
    }

    const item = itemMarker(content) !== undefined;
    if (open && !(item && breaks)) {
      open.builder.pushAt("\n", lineStart - 1);
      open.builder.pushSlice(content, contentStart);
      open.lastLine = content;
      return;
    }
    close();
    const builder = new TextBuilder();
    builder.pushSlice(content, contentStart);
    open = { kind: item ? "listItem" : "paragraph", builder, startOffset: contentStart, lastLine: content };
  });
  close();
  resolveNextLineTargets(directives, blocks, index, text);
  return { uri, format: "text", blocks, directives, notices: [] };
}

/**
 * The lines of each PDF page break (a page number line and the blank lines around it), each mapped
 * to the first content line after the break, which tells whether the sentence before it goes on.
 */
function pageGapsOf(lines: string[]): Map<number, string> {
  const gaps = new Map<number, string>();
  lines.forEach((line, i) => {
    if (!PAGE_NUMBER.test(line)) return;
    let from = i; while (from > 0 && BLANK.test(lines[from - 1]!)) from--;
    let to = i + 1; while (to < lines.length && BLANK.test(lines[to]!)) to++;
    if (from === 0 || to >= lines.length) return;
    const next = lines[to]!.replace(/^[ \t\u3000]+/u, "");
    for (let k = from; k < to; k++) gaps.set(k, next);
  });
  return gaps;
}
