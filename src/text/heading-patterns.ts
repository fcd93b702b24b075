// Headings in drafts typed as plain paragraphs: 「第1章 総則」「1. 目的」「(1) 範囲」「ア 対象」.
// The level of each numbering style is learnt from the order styles first appear (as reStructuredText
// does with underline styles), because Japanese specs vary in which style nests in which.
import { HEADING_SHAPE, QUESTION_END, titleShaped } from "./title-line.js";

/** Full-width ASCII and the ideographic space → ASCII; circled digits are kept (NFKC would flatten them). */
export function asciiWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

const KANSUJI = "0-9一二三四五六七八九十百〇";
const KATA = "ア-ン";

/** Pattern type → regexp on the ASCII-width text. Order matters: more specific first. */
const PATTERNS: [string, RegExp][] = [
  ["chapter", new RegExp(`^第[${KANSUJI}]+章`)],
  ["section", new RegExp(`^第[${KANSUJI}]+節`)],
  ["article", new RegExp(`^第[${KANSUJI}]+条`)],
  ["dai", new RegExp(`^第[${KANSUJI}]+(?=[ \\t.、]|$)`)],
  ["appendix", new RegExp(`^(?:別紙|別添|別記|付録|附属書)[${KANSUJI}A-Z]*(?=[ \\t.、]|$)`)],
  // Chapters numbered in Roman numerals (「Ⅲ　受注資格」「Ⅶ セキュリティ資産の管理」).
  ["roman", /^[\u2160-\u216b](?=[.、．]|\s|$)/u],
  ["dec", /^\d+(?:\.\d+)+\.?(?=[ \t]|[^\d.])/],
  // Section numbers joined by hyphens (「1-1.基本事項」「3-3 データセンター」) nest like 1.1.
  ["dec", /^\d+(?:-\d+)+\.?(?=[ \t]|[^\d.\-])/],
  // A branch number inserted after a section (「6の2 業務の検査」, as 「第6条の2」 in laws) is a section of that level.
  ["dec", /^\d+の\d+(?=[ \t]|[^\d])/],
  ["dec", /^\d+(?:\.(?!\d)|\s|、)/],
  ["pdec", /^\(\d+\)/],
  ["hpdec", /^\d+\)/],
  ["pkata", new RegExp(`^\\([${KATA}]\\)`)],
  ["kata", new RegExp(`^[${KATA}](?:[.、]|\\s)`)],
  ["circled", /^[\u2460-\u2473\u3251-\u325f]/],
  ["palpha", /^\([a-z]\)/],
  ["alpha", /^[a-z](?:\.|\))\s*/],
];

/** Types that always start at the top of the heading hierarchy. */
const TOP = new Set(["chapter", "appendix", "dai"]);

export interface NumberedPrefix { type: string; length: number }

/** Letter-spaced text (「パ ソ コ ン 等 業 務」, a PDF title): its first katakana is no ア/イ/ウ number. */
const SPACED = /^\S[ \t]+\S[ \t]+\S[ \t]+\S(?:[ \t]|$)/u;

/**
 * Whether a text starting with code unit `c` may open with a number of PATTERNS: each opens with
 * 第, 別 / 付 / 附, a digit, "(", a katakana, a circled number, a Roman numeral or a small letter, full-width or not.
 * Most blocks (table cells above all) open with none, and skip widening their whole text.
 */
function mayOpenNumber(c: number): boolean {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  return (c >= 0x30 && c <= 0x39) || c === 0x28 || (c >= 0x61 && c <= 0x7a) || c === 0x7b2c /* 第 */
    || c === 0x5225 /* 別 */ || c === 0x4ed8 /* 付 */ || c === 0x9644 /* 附 */ || (c >= 0x30a2 && c <= 0x30f3) /* ア-ン */
    || (c >= 0x2460 && c <= 0x2473) || (c >= 0x3251 && c <= 0x325f) || (c >= 0x2160 && c <= 0x216b);
}

export function numberingPrefix(text: string): NumberedPrefix | undefined {
  const t = text.trimStart();
  if (!t || !mayOpenNumber(t.charCodeAt(0))) return undefined;
  const s = asciiWidth(t);
  for (const [type, re] of PATTERNS) {
    const m = re.exec(s);
    if (!m || (type === "kata" && SPACED.test(s))) continue;
    // 1.2.3 nests by its depth: its own type per depth (a branch number 「6の2」 is at its base number's depth).
    const depth = type === "dec" ? (m[0].replace(/の\d+/u, "").match(/\d+/g) ?? []).length : 1;
    return { type: depth > 1 ? `dec${depth}` : type, length: m[0].length };
  }
  return undefined;
}

/** A heading is title-shaped (title-line.ts: short, no sentence end, no lead-in colon) and says something after its number. */
export function headingShaped(text: string, prefix: NumberedPrefix): boolean {
  if (!titleShaped(text, HEADING_SHAPE)) return false;
  const rest = asciiWidth(text.trim()).slice(prefix.length).trim();
  return rest.length > 0 && !LABEL_VALUE.test(rest) && !CATCH_ALL.test(rest) && !QUESTION_END.test(rest);
}

/**
 * The last entry of a list that gathers the rest (「(9)その他、担当者の指示する事項」「ク その他、必要な作業」):
 * an entry, not the title of a section (which reads 「11 その他」).
 */
const CATCH_ALL = /^その他[、,][^、,]/u;

/**
 * An entry of a list of particulars, a label and its value after a space (「(2)履行場所 当院及び委託者が認めた場所」
 * 「(1)契約期間 契約締結日から令和6年3月31日まで」「ア 入札公告  平成28年2月中旬」), not a title: the value holds a
 * number, a range or an enumeration.
 */
const LABEL_VALUE = /^[^ \t]{2,12}[ \t]+[^ \t].*([0-9]|から|まで|及び|並びに|又は|、)/u;

/** Assigns levels to pattern types as they appear; reset under every styled heading. */
export class PatternLevels {
  private stack: string[] = [];
  private base = 0;

  styledHeading(level: number): void {
    this.base = level;
    this.stack = [];
  }

  level(type: string): number {
    if (TOP.has(type)) {
      this.stack = [type];
      return this.base + 1;
    }
    const i = this.stack.indexOf(type);
    if (i >= 0) {
      this.stack.length = i + 1;
      return this.base + i + 1;
    }
    this.stack.push(type);
    return this.base + this.stack.length;
  }
}
