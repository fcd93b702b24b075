// Wraps a line of the terminal report to the terminal's width. Japanese has no spaces to break at,
// so a line breaks between any two characters, but a Latin word (a rule id, a product name) is
// kept whole when it fits on a line of its own.
import { displayWidth } from "../text/width.js";

/** Narrower than this, wrapping would make a column of single characters: it is not done. */
const MIN_WIDTH = 30;

/** `text` as lines of at most `width` columns, each after the first starting with `indent`. */
export function wrapLine(text: string, width: number | undefined, indent: string, firstIndent = indent): string[] {
  if (!width || width < MIN_WIDTH || displayWidth(firstIndent + text) <= width) return [firstIndent + text];
  const lines: string[] = [];
  let line = firstIndent;
  let lineWidth = displayWidth(firstIndent);
  const tokens = text.match(/[\x21-\x7e]+|\s+|[^\s\x21-\x7e]/gu) ?? [];
  for (const token of tokens) {
    const w = displayWidth(token);
    if (lineWidth + w > width && lineWidth > displayWidth(indent)) {
      lines.push(line.trimEnd());
      line = indent; lineWidth = displayWidth(indent);
      if (/^\s+$/.test(token)) continue;
    }
    if (lineWidth + w > width) {
      // A Latin word longer than a line: split it by characters.
      for (const ch of token) {
        if (lineWidth + 1 > width) { lines.push(line); line = indent; lineWidth = displayWidth(indent); }
        line += ch; lineWidth += 1;
      }
      continue;
    }
    line += token; lineWidth += w;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
