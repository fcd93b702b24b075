// Splits Markdown into pieces that parse to the same blocks as the whole. remark's time grows
// quadratically with the length of one list (2 000 nested items: 20 s) and it spends ~20 µs per
// byte even on plain prose, so a document is cut at top-level block boundaries; pieces of plain
// prose are read directly (readPlainParagraphs) and the rest is given to remark in batches of about
// 8 KB, which keeps each list short enough to stay out of the quadratic range.
//
// A piece may start at a line in column 0 that begins a new top-level block whatever came before:
//   - after a blank line (nothing but a fence or a multi-line HTML block spans a blank line to a
//     column-0 line), or
//   - at a bullet item ("- x", "* x", "+ x"): a bullet interrupts any paragraph, so cutting a tight
//     list there only turns one list into two, which the reader does not distinguish.
// Never inside a fenced code block or a multi-line HTML block (comment, <pre>, <script> …).
// Link reference definitions apply document-wide, so a document that has any is parsed whole.
// A GFM pipe table in column 0 that starts a block (after a blank line, an ATX heading or at the
// start) and ends at a blank line is a piece of its own, read line by line (markdown-table.ts).

import { tableEnd } from "./markdown-table.js";

/** Target size of one remark parse, in UTF-16 units. */
export const CHUNK_TARGET = 8 * 1024;

export interface Chunk {
  start: number;
  text: string;
  /** Only paragraphs of plain text: no Markdown syntax can be in it (see isPlainProse). */
  plain: boolean;
  /** One GFM pipe table and nothing else (see tableEnd). */
  table?: boolean;
}

/** `tables`: cut tables out as pieces of their own (false: they stay in remark's chunks). */
export function markdownChunks(text: string, target = CHUNK_TARGET, tables = true): Chunk[] {
  if (/^ {0,3}\[[^\]\n]+\]:/m.test(text)) return [{ start: 0, text, plain: false }];
  const chunks: Chunk[] = [];
  for (const [start, end, table] of pieces(text, tables)) {
    const piece = text.slice(start, end);
    if (table) {
      chunks.push({ start, text: piece, plain: false, table: true });
      continue;
    }
    const plain = isPlainProse(piece);
    const last = chunks[chunks.length - 1];
    if (last && !last.table && last.plain === plain && (plain || last.text.length < target)) last.text += piece;
    else chunks.push({ start, text: piece, plain });
  }
  return chunks.length ? chunks : [{ start: 0, text, plain: true }];
}

/** [start, end, is a table] of each piece between possible cut points. */
function pieces(text: string, tables: boolean): Array<[number, number, boolean]> {
  const out: Array<[number, number, boolean]> = [];
  let pieceStart = 0;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let previousBlank = false;
  /** The previous line ends any block before it (blank, an ATX heading) or there is none. */
  let blockBoundary = true;
  let offset = 0;
  while (offset < text.length) {
    const newline = text.indexOf("\n", offset);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(offset, lineEnd);
    const table = tables && !fence && !htmlEnd && blockBoundary && line[0] === "|" ? tableEnd(text, offset) : undefined;
    if (table !== undefined) {
      if (offset > pieceStart) out.push([pieceStart, offset, false]);
      out.push([offset, table, true]);
      pieceStart = offset = table;
      previousBlank = blockBoundary = false;
      continue;
    }
    if (!fence && !htmlEnd && offset > pieceStart && startsTopLevel(line, previousBlank)) {
      out.push([pieceStart, offset, false]);
      pieceStart = offset;
    }
    const open = !fence && !htmlEnd;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
    } else {
      const opening = /^[ \t]*(`{3,}|~{3,})/.exec(line);
      if (opening) fence = { char: opening[1]![0]!, length: opening[1]!.length };
      else htmlEnd = htmlBlockEnd(line);
    }
    // Blank as CommonMark means it: spaces and tabs only (a line of U+3000 is text).
    previousBlank = /^[ \t]*$/.test(line);
    blockBoundary = open && !fence && !htmlEnd && (previousBlank || /^#{1,6}(?:[ \t]|$)/.test(line));
    offset = lineEnd + 1;
  }
  if (pieceStart < text.length) out.push([pieceStart, text.length, false]);
  return out;
}

function startsTopLevel(line: string, previousBlank: boolean): boolean {
  if (line === "" || /^[ \t]/.test(line)) return false;
  return previousBlank || /^[-*+][ \t]+\S/.test(line);
}

/**
 * True when remark could only read `piece` as paragraphs, ATX headings and bullet items of literal
 * text: no character that starts inline syntax (emphasis, code, links, HTML, escapes, references,
 * tables) and no trailing whitespace (a hard break) anywhere; every line blank, a paragraph line
 * that cannot open a block (list, thematic break, setext underline, quote, indented code), a
 * heading (`# ` and a paragraph line's text, no closing `#`s) or a bullet (`- ` and a paragraph
 * line's text) followed by no paragraph line (which would continue its item lazily). Such text is
 * most of a Japanese spec outside its tables, and worth a fast path (MarkdownWalker.plainParagraphs).
 */
export function isPlainProse(piece: string): boolean {
  if (/[*_`[\]<>|\\&~]/.test(piece)) return false;
  let afterBullet = false;
  for (const line of piece.split("\n")) {
    if (/^[ \t]*$/.test(line)) { afterBullet = false; continue; }
    if (/[ \t]$/.test(line)) return false;
    const kind = plainLineKind(line);
    if (kind === undefined || (afterBullet && kind === "text")) return false;
    afterBullet = kind === "bullet";
  }
  return true;
}

/** A paragraph line's text: it starts no block (nor indentation, which would be code or a continuation). */
const PARAGRAPH_TEXT = /^[^ \t#\-+=0-9]/;

/**
 * What a non-blank line of a plain piece (no inline syntax, no trailing whitespace) is: a simple
 * ATX heading ("## 要件", no `#` in its text), a simple bullet ("- 項目") or a paragraph line;
 * undefined when it could be anything else.
 */
export function plainLineKind(line: string): "heading" | "bullet" | "text" | undefined {
  if (PARAGRAPH_TEXT.test(line)) return "text";
  // A heading's text is inline only, so it may start with a digit or a dash ("## 1 要件").
  const heading = /^#{1,6} (?=[^ \t])/.exec(line);
  if (heading) return line.includes("#", heading[0].length) ? undefined : "heading";
  if (line.startsWith("- ")) return PARAGRAPH_TEXT.test(line.slice(2)) ? "bullet" : undefined;
  return undefined;
}

/** For an HTML block that may contain blank lines: the pattern of its last line, unless it ends here. */
function htmlBlockEnd(line: string): RegExp | undefined {
  const kinds: Array<[RegExp, RegExp]> = [
    [/<!--/, /-->/],
    [/^[ \t]{0,3}<(script|pre|style|textarea)(\s|>|$)/i, /<\/(script|pre|style|textarea)>/i],
    [/^[ \t]{0,3}<\?/, /\?>/],
    [/^[ \t]{0,3}<!\[CDATA\[/, /\]\]>/],
    [/^[ \t]{0,3}<![A-Za-z]/, />/],
  ];
  for (const [start, end] of kinds) {
    const m = start.exec(line);
    if (!m) continue;
    const rest = line.slice(m.index + m[0].length);
    return end.test(rest) ? undefined : end;
  }
  return undefined;
}
