// Split a block's normalised text into sentences: on 。！？ (NFKC: 。!?), on a full stop "．"
// (NFKC ".") that ends Japanese text (not 1.2 or TLS1.2), never inside 「」『』 when they balance.

export interface Span { start: number; end: number }

const OPEN = new Set([0x300c, 0x300e]);   // 「 『
const CLOSE = new Set([0x300d, 0x300f]);  // 」 』
/** Closing marks that stay with the sentence they close. */
const TRAILING = new Set([0x300d, 0x300f, 0x29, 0x5d, 0x3011, 0x3015, 0x20, 0x22, 0x27]);

function isDigit(c: number): boolean { return c >= 0x30 && c <= 0x39; }
function isAsciiWord(c: number): boolean { return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a); }

function balanced(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) { depth--; if (depth < 0) return false; }
  }
  return depth === 0;
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const useDepth = balanced(text);
  let depth = 0;
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
    if (useDepth && OPEN.has(c)) { depth++; continue; }
    if (useDepth && CLOSE.has(c)) { depth--; continue; }
    if (depth > 0) continue;
    let stop = c === 0x3002 || c === 0x21 || c === 0x3f || c === 0xff61;
    if (c === 0x2e) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      stop = !isAsciiWord(prev) && !isDigit(next) && prev !== 0x2e && next !== 0x2e;
    }
    if (!stop) continue;
    let end = i + 1;
    while (end < n && (TRAILING.has(text.charCodeAt(end)) || text.charCodeAt(end) === c)) {
      // A closing mark belongs to this sentence only if it has no opener after `start`.
      const e = text.charCodeAt(end);
      if (CLOSE.has(e) && useDepth) break;
      end++;
    }
    push(end);
    i = end - 1;
  }
  if (start < n) push(n);
  return spans;
}
