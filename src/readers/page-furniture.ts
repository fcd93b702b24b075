// Page furniture of text pasted from a PDF: page numbers, the running header or footer repeated at every
// page break, and the width the text wraps at. The text reader (text.ts) skips the first two and joins a
// sentence across them, and reads a line well short of the width as the end of its paragraph.

/** A line of spaces only (ASCII, tab, ideographic). */
export const BLANK = /^[ \t\u3000]*$/u;

/** 「- 5 -」, front matter's roman numbers 「- ii -」, and 「5 / 12」. */
export const PAGE_NUMBER = /^[ \t\u3000]*([-－‐−—][ \t\u3000]*([0-9０-９]{1,4}|[ivxⅰ-ⅹⅠ-Ⅹ]{1,5})[ \t\u3000]*[-－‐−—]|[0-9０-９]{1,4}[ \t\u3000]*[/／][ \t\u3000]*[0-9０-９]{1,4})[ \t\u3000]*$/iu;

/**
 * The lines of each PDF page break (a page number line, the running header or footer repeated at
 * every break, and the blank lines around them), each mapped to the first content line after the
 * break, which tells whether the sentence before it goes on.
 */
export function pageGapsOf(lines: string[]): Map<number, string> {
  const gaps = new Map<number, string>();
  const numbers: number[] = [];
  lines.forEach((line, i) => { if (PAGE_NUMBER.test(line)) numbers.push(i); });
  if (!numbers.length) return gaps;
  const running = runningLines(lines, numbers);
  const quiet = (k: number) => BLANK.test(lines[k]!) || PAGE_NUMBER.test(lines[k]!) || running.has(lines[k]!.trim());
  for (const i of numbers) {
    let from = i; while (from > 0 && quiet(from - 1)) from--;
    let to = i + 1; while (to < lines.length && quiet(to)) to++;
    if (from === 0 || to >= lines.length) continue;
    const next = lines[to]!.replace(/^[ \t\u3000]+/u, "");
    for (let k = from; k < to; k++) gaps.set(k, next);
  }
  return gaps;
}

/** How far from a page number a running header or footer may sit (blank lines included). */
const RUNNING_REACH = 3;

/**
 * Running headers and footers: a short line (「○○業務委託仕様書」) that stands within a few lines of
 * at least three page numbers. The body never repeats a line that often right at the page breaks.
 */
function runningLines(lines: string[], numbers: number[]): Set<string> {
  const count = new Map<string, number>();
  for (const i of numbers) {
    const near = new Set<string>();
    for (let k = Math.max(0, i - RUNNING_REACH); k <= Math.min(lines.length - 1, i + RUNNING_REACH); k++) {
      const t = lines[k]!.trim();
      if (k !== i && t && t.length <= 40 && !PAGE_NUMBER.test(t)) near.add(t);
    }
    for (const t of near) count.set(t, (count.get(t) ?? 0) + 1);
  }
  return new Set([...count].filter(([, n]) => n >= 3).map(([t]) => t));
}

/**
 * The width PDF text wraps its lines at: the length most long lines share (0 when the lines are not
 * wrapped at one width: Markdown-like text, or too few lines to tell).
 */
export function wrapWidth(lines: string[]): number {
  const counts = new Map<number, number>();
  let long = 0;
  for (const l of lines) {
    const n = [...l.trim()].length;
    if (n < 20) continue;
    long++;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best = 0; let bestCount = 0;
  for (const [n, c] of counts) {
    // Lines within two characters of each other share a width (full-width and half-width characters mix).
    const near = c + (counts.get(n - 1) ?? 0) + (counts.get(n + 1) ?? 0) + (counts.get(n - 2) ?? 0) + (counts.get(n + 2) ?? 0);
    if (near > bestCount) { best = n; bestCount = near; }
  }
  return long >= 20 && bestCount >= long * 0.3 ? best : 0;
}
