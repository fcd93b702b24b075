// Bytes → text for Markdown and plain-text specs. Japanese drafts still arrive as Shift_JIS (CP932)
// or EUC-JP; reading them as UTF-8 would give U+FFFD mojibake and silently hide every clause, so
// each candidate is decoded with `fatal: true` and an undecodable file is refused, never guessed.
import { InputError } from "./errors.js";

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "shift_jis" | "euc-jp";

export interface DecodedText {
  /** Decoded text with the BOM removed and CRLF / CR turned into LF. */
  text: string;
  encoding: TextEncoding;
}

/** The legacy Japanese encodings tried after UTF-8, in the order they are reported. */
export const LEGACY_ENCODINGS = ["shift_jis", "euc-jp"] as const;

export function decodeText(bytes: Uint8Array): DecodedText {
  const { text, encoding } = decodeRaw(bytes);
  return { text: normaliseNewlines(text), encoding };
}

/**
 * CRLF and lone CR become LF. Line numbers and the columns of every character stay what an editor
 * shows, because only line terminators change; so positions computed on the result are file positions.
 */
export function normaliseNewlines(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

function decodeRaw(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: strict("utf-8", bytes.subarray(3), "UTF-8"), encoding: "utf-8-bom" };
  }
  // Word's "Unicode text" and Notepad's "Unicode" save UTF-16 with a BOM; decoding it is what users expect.
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: strict("utf-16le", bytes.subarray(2), "UTF-16LE"), encoding: "utf-16le" };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: strict("utf-16be", bytes.subarray(2), "UTF-16BE"), encoding: "utf-16be" };
  }
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8" };

  let best: { text: string; encoding: TextEncoding; score: number } | undefined;
  for (const encoding of LEGACY_ENCODINGS) {
    const text = tryDecode(encoding, bytes);
    if (text === undefined) continue;
    const score = plausibility(text);
    if (!best || score > best.score) best = { text, encoding, score };
  }
  if (best && best.score >= MIN_PLAUSIBILITY) return { text: best.text, encoding: best.encoding };
  throw new InputError("undecodable", "read.undecodable", { tried: "UTF-8, Shift_JIS (CP932), EUC-JP" });
}

/** Below this, a "successful" legacy decode is mostly rare symbols and half-width katakana: mojibake. */
const MIN_PLAUSIBILITY = 0.5;

/**
 * Fraction of characters that are usual in a Japanese document. EUC-JP bytes often also decode as
 * Shift_JIS, but then come out as half-width katakana and odd kanji; the right decoding scores high.
 */
export function plausibility(text: string): number {
  let good = 0;
  let total = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    total++;
    if (c === 0xfffd) return 0;
    if ((c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d) good++;
    else if (c >= 0x3000 && c <= 0x30ff) good++; // CJK punctuation, hiragana, katakana
    else if (c >= 0x4e00 && c <= 0x9fff) good++;
    else if (c >= 0xff01 && c <= 0xff5e) good++; // full-width ASCII
    else if (c >= 0x2460 && c <= 0x24ff) good++; // ①…
    else if (c >= 0x2150 && c <= 0x218f) good++; // Ⅰ ⅰ
    else if (c >= 0x2500 && c <= 0x257f) good++; // box drawing
    else if (c >= 0x0391 && c <= 0x03c9) good += 0.5; // Greek in JIS X 0208 row 6
    else if (c >= 0x0410 && c <= 0x044f) good += 0.5; // Cyrillic row 7
    else if (c >= 0x2010 && c <= 0x22ff) good += 0.75; // dashes, arrows, maths symbols
    else if (c >= 0xff61 && c <= 0xff9f) good += 0.5; // half-width katakana: legacy, but what EUC-JP misread as Shift_JIS turns into
  }
  return total === 0 ? 1 : good / total;
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decode what a BOM announced; `name` is how the message shows the encoding. */
function strict(label: string, bytes: Uint8Array, name: string): string {
  const text = tryDecode(label, bytes);
  if (text === undefined) throw new InputError("undecodable", "read.undecodable-bom", { encoding: name });
  return text;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}
