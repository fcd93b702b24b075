// Word paragraphs whose manual line breaks (w:br) separate numbered items, as in text pasted from
// e-mail or PDF (「（1）…。<br>（2）…。」), are split the way Markdown and text paragraphs are
// (item-lines.ts), so each clause is its own unit. A break inside a sentence does not split.
import { startsItem } from "../item-lines.js";

/** A piece of a paragraph's text: [start, end) offsets, trailing whitespace excluded. */
export interface Piece { start: number; end: number }

/** The paragraph's pieces; a single piece covering the whole text when nothing splits it. */
export function itemPieces(text: string): Piece[] {
  const starts = [0];
  let prev = "";
  for (let at = 0; ;) {
    const nl = text.indexOf("\n", at);
    const line = text.slice(at, nl < 0 ? text.length : nl);
    const lead = /^[ \t\u3000]*/u.exec(line)![0].length;
    const content = line.slice(lead);
    if (content.trim() !== "") {
      if (at > 0 && prev !== "" && startsItem(prev, content)) starts.push(at + lead);
      prev = content;
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  if (starts.length === 1) return [{ start: 0, end: text.length }];
  const pieces: Piece[] = [];
  starts.forEach((start, i) => {
    let end = starts[i + 1] ?? text.length;
    while (end > start && /[\s\u3000]/u.test(text[end - 1]!)) end--;
    if (end > start) pieces.push({ start, end });
  });
  return pieces;
}
