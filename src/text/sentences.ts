// Split a block's normalised text into sentences: on 。！？ (NFKC: 。!?), on a full stop "．"
// (NFKC ".") that ends Japanese text (not 1.2 or TLS1.2), never inside 「」『』 or （） that close:
// 「（持出しには電子メールの送信を含む。）」 and 「…とする。」と定める are one sentence with theirs.
// A bracket is skipped only when its closer is found within MAX_INSIDE characters and before the
// block ends, so an unclosed （ or a stray 「 never swallows the rest of a block.

export interface Span { start: number; end: number }

/** Opener → closer (0: not an opener). NFKC turns （） into ()；【】〔〕 survive it. A switch, not a Map: it is asked of every character. */
function closerOf(c: number): number {
  switch (c) {
    case 0x300c: return 0x300d; // 「」
    case 0x300e: return 0x300f; // 『』
    case 0x28: return 0x29; // ()
    case 0x3010: return 0x3011; // 【】
    case 0x3014: return 0x3015; // 〔〕
    default: return 0;
  }
}
/** Closing marks that stay with the sentence they close. */
function trailing(c: number): boolean {
  return c === 0x300d || c === 0x300f || c === 0x29 || c === 0x5d || c === 0x3011 || c === 0x3015 || c === 0x20 || c === 0x22 || c === 0x27;
}
/** The longest bracketed text read as one piece; a longer span is not a parenthetical. */
export const MAX_INSIDE = 300;

function isDigit(c: number): boolean { return c >= 0x30 && c <= 0x39; }
function isAsciiWord(c: number): boolean { return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a); }

/**
 * Index of the closer matching the opener at `open`, brackets nested inside included, or -1 when
 * it does not close within MAX_INSIDE characters. 「1)」 inside is not a bracket: its ( is missing,
 * so only openers push.
 */
function closing(text: string, open: number): number {
  const stack: number[] = [closerOf(text.charCodeAt(open))];
  const limit = Math.min(text.length, open + 1 + MAX_INSIDE);
  for (let i = open + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    const closer = closerOf(c);
    if (closer !== 0) { stack.push(closer); continue; }
    if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const n = text.length;
  const push = (end: number) => {
    let s = start;
    while (s < end && text.charCodeAt(s) === 0x20) s++;
    let e = end;
    while (e > s && text.charCodeAt(e - 1) === 0x20) e--;
    if (s < e) spans.push({ start: s, end: e });
    start = end;
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (closerOf(c) !== 0) {
      const close = closing(text, i);
      if (close < 0) continue;
      // A parenthetical that is a sentence of its own (「。(…とする。)」) ends there.
      const alone = c === 0x28 && text.slice(start, i).trim() === "" && /[。!?｡.]$/u.test(text.slice(i + 1, close));
      i = close;
      if (alone) push(close + 1);
      continue;
    }
    let stop = c === 0x3002 || c === 0x21 || c === 0x3f || c === 0xff61;
    if (c === 0x2e) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      stop = !isAsciiWord(prev) && !isDigit(next) && prev !== 0x2e && next !== 0x2e;
    }
    if (!stop) continue;
    let end = i + 1;
    while (end < n && (trailing(text.charCodeAt(end)) || text.charCodeAt(end) === c)) end++;
    push(end);
    i = end - 1;
  }
  if (start < n) push(n);
  return spans;
}
