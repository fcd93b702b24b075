// One answer to "does this line read as a title, not as a sentence?", asked by the readers (a numbered
// line typed as a paragraph that is a heading; a title line inside a block, 「別紙1 情報セキュリティ要件」
// in a PDF or Word paragraph) and by the engine (the title of a table-of-contents entry).
// A title is short, one line, and has no sentence end: 。 anywhere means a sentence.
// What legitimately differs between the askers is a TitleShape, named below.

import { isJsSpace } from "./js-space.js";
import { isCjk } from "./normalize.js";

export interface TitleShape {
  /**
   * Longest title, in characters of the trimmed line. A numbered line promoted to a heading must be
   * short (40); a title line inside a block and a TOC entry's title may be longer (60), since annex
   * titles 「別紙1 ○○システムの運用保守業務に係る情報セキュリティ要件」 run long.
   */
  maxChars: number;
  /**
   * Characters besides 。 the line may not end with. A heading candidate ending in 「：」「、」 is the
   * lead-in of a list (「1. 次のとおりとする：」), not a heading.
   */
  notEndingWith: string;
}

/** A numbered line a reader promotes to a heading (heading-patterns.ts). */
export const HEADING_SHAPE: TitleShape = { maxChars: 40, notEndingWith: "．:：、," };
/** A title line inside a block, marked by the readers on the model (Block.titleLines). */
export const TITLE_LINE_SHAPE: TitleShape = { maxChars: 60, notEndingWith: "" };
/** The title of a table-of-contents entry, before its leaders and page number. */
export const TOC_TITLE_SHAPE: TitleShape = { maxChars: 60, notEndingWith: "" };

/** Whether `line` (trimmed) reads as a title of `shape`. */
/**
 * A sentence that ends a question (「…の入退室管理が行われているか」「…が改善されたかどうか」): the check points an audit or
 * a review lists, written without a full stop. It is no title, it ends its list item, and it puts no duty on anyone.
 */
export const QUESTION_END = /(いる|ある|ない|する|できる|される|れる|なる|た|かどう|か否)か$/u;

/**
 * 「．」 after Japanese text is a full stop as 「。」 is (the normaliser reads it so after a character isCjk accepts,
 * normalize.ts): a line of prose written with 「，」「．」 (「2 移行作業は委託者の庁舎内で行う．やむを得ず…」) is no numbered
 * title. After a digit or a single kana or kanji numeral it numbers (「1．件名」「ア．機能要件」「一．総則」), so two such
 * characters must come before it.
 */
function hasFullStop(s: string): boolean {
  if (s.includes("。")) return true;
  for (let i = s.indexOf("．"); i >= 0; i = s.indexOf("．", i + 1)) {
    if (i >= 2 && isCjk(s.charCodeAt(i - 1)) && isCjk(s.charCodeAt(i - 2))) return true;
  }
  return false;
}

export function titleShaped(line: string, shape: TitleShape): boolean {
  const s = line.trim();
  if (!s || s.length > shape.maxChars || s.includes("\n") || hasFullStop(s)) return false;
  return !shape.notEndingWith.includes(s.charAt(s.length - 1));
}

// Tests on code units, not regexes on one-character strings (withoutPageNumber reads every line's tail).
/** [0-9０-９] */
const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
/** [.．…・\s] */
const isLeader = (c: number): boolean => c === 0x2e || c === 0xff0e || c === 0x2026 || c === 0x30fb || isJsSpace(c);

/**
 * `line` without a page number closing it (「情報セキュリティ ……… 3」「情報セキュリティ 3」): leaders or a
 * space, digits, trailing spaces. Lenient, since it is only removed before a line is measured, never
 * taken as evidence of a TOC; scanned from the end, so a hostile line of dots costs linear time.
 */
export function withoutPageNumber(line: string): string {
  let i = line.length;
  while (i > 0 && isJsSpace(line.charCodeAt(i - 1))) i--;
  const digitsEnd = i;
  while (i > 0 && isDigit(line.charCodeAt(i - 1))) i--;
  if (i === digitsEnd) return line;
  const leadersEnd = i;
  while (i > 0 && isLeader(line.charCodeAt(i - 1))) i--;
  return i === leadersEnd ? line : line.slice(0, i);
}

/** [start, end) of a title line in a block's text: the line trimmed, its page number included. */
export interface TitleSpan { start: number; end: number }

/**
 * The lines of a block's text (split at "\n") that read as titles once a page number is removed.
 * Readers record them on non-heading blocks so that kinds never re-split block text.
 */
export function titleSpans(text: string, shape: TitleShape = TITLE_LINE_SHAPE): TitleSpan[] {
  const out: TitleSpan[] = [];
  let from = 0;
  for (;;) {
    const nl = text.indexOf("\n", from);
    const to = nl < 0 ? text.length : nl;
    // A line with 。 is a sentence (titleShaped), page number or not: most lines of prose, told
    // apart without copying them out of the block.
    const stop = text.indexOf("。", from);
    const line = stop >= 0 && stop < to ? "" : text.slice(from, to);
    // (「．」 after Japanese text is such a full stop too: titleShaped tells it from a numbering 「1．」.)
    if (line && titleShaped(withoutPageNumber(line), shape)) {
      const lead = line.length - line.trimStart().length;
      out.push({ start: from + lead, end: from + line.trimEnd().length });
    }
    if (nl < 0) return out;
    from = nl + 1;
  }
}
