// Table-of-contents lines: a title (title-line.ts, TOC_TITLE_SHAPE), dot leaders or spaces, a page
// number — 「7. 情報セキュリティの確保 ……… 3」 — and the flattened runs PDF text makes of them.
import { TOC_TITLE_SHAPE, titleShaped } from "./title-line.js";

/** Leaders (dots, ellipses, dashes, two spaces or more) then a 1–3 digit page number, at the line end. */
const LEADERS_PAGE = /(\.{3,}|…+|‥+|・{3,}|･{3,}|-{4,}|─{3,}|\s{2,})\s*[0-9]{1,3}\s*$/u;
/**
 * The shortest title of two characters or more that leaves leaders and a page number; bounded by the
 * shape's length, so that a long line is given up early instead of tried at every length.
 */
const TOC_LINE = new RegExp(`^(.{2,${TOC_TITLE_SHAPE.maxChars}}?)${LEADERS_PAGE.source}`, "u");

/**
 * Page number after a TOC title: leaders, or a space, then 1–3 digits before a space or the end. Each
 * leader run is tried from its first character only (the lookbehinds): a later start has the same
 * tail and fails alike, and trying every start made a long run of dots cost quadratic time.
 */
const TOC_ENTRY = /((?<!\.)\.{2,}|(?<!…)…+|(?<!‥)‥+|(?<!・)・{3,}|(?<!･)･{3,}|(?<!-)-{4,}|(?<!─)─{3,}|(?<!\s)\s)\s*[0-9]{1,3}(?=\s|$)/gu;

/** One line of a table of contents: a title, leaders and a page number. */
export function tocLine(line: string): boolean {
  const m = TOC_LINE.exec(line.trim());
  return m !== null && titleShaped(m[1]!, TOC_TITLE_SHAPE);
}

/**
 * A table of contents: a line with leaders and a page number, a block opening with 目次, or a
 * flattened run of entries (PDF text: 「1 調達案件の概要 4 (1) 調達件名 4 …」) without any 。.
 */
export function tocText(text: string): boolean {
  const t = text.trim();
  if (!t || t.includes("。")) return false;
  if (/^目\s*次/u.test(t)) return true;
  const lines = t.split("\n").filter((l) => l.trim());
  if (lines.length > 1 && lines.filter(tocLine).length * 2 > lines.length) return true;
  if (lines.length === 1 && tocLine(t)) return true;
  return t.length > 40 && (t.match(TOC_ENTRY)?.length ?? 0) >= 4;
}

/** The title of a TOC line without its number and leaders. */
export function tocTitle(text: string): string {
  return text.replace(LEADERS_PAGE, "")
    .replace(/^[\s(（]*(第?[0-9一二三四五六七八九十]+[章節条]?|[0-9]+(\.[0-9]+)*)[)）.．]?\s*/u, "").trim();
}
