// Where a line of pasted text starts a new item. Text pasted from PDF or Word has no blank lines:
// a title and the numbered clauses under it arrive as one run of lines, and a sentence wrapped
// mid-way can put a digit at the start of a line (「…を\n1年間保存すること。」). A line starts an
// item when it opens with an item marker AND the line before it is finished (a sentence end, a
// colon, a short title) or the marker stands apart as a label (followed by a space).
import { asciiWidth, numberingPrefix, type NumberedPrefix } from "./heading-patterns.js";
import { QUESTION_END } from "./title-line.js";

// A symbol bullet, but not a run of them: 「○○省」 is a placeholder name, not a list item.
export const BULLET = /^(?:[・●○◆◇■□▪※](?![・●○◆◇■□▪])|[-‐－*][ \t\u3000])/u;

/** Markers the heading detector does not know: 第N項, 第N号 (第N条 and 第N章 it does). */
const CLAUSE = /^第[0-9一二三四五六七八九十百〇]+[項号]/u;

export interface ItemMarker {
  /** Length of the marker in the line's text (after leading indentation). */
  length: number;
  /** A marker that can also be a wrapped sentence's first word (「1 日」「ア 」): needs a finished line before it. */
  weak: boolean;
}

/** The item marker a line (indentation already removed) opens with, if any. */
export function itemMarker(line: string): ItemMarker | undefined {
  if (BULLET.test(line)) return { length: 1, weak: false };
  const clause = CLAUSE.exec(line);
  if (clause) return { length: clause[0].length, weak: false };
  const numbered = numberingPrefix(line);
  if (!numbered) return undefined;
  // 「1 」「ア 」「a.」 are also how a PDF-spaced or wrapped sentence can start; bracketed and
  // circled numbers, 第N条 and 1.2 are not.
  const weak = /^(dec|kata|alpha|hpdec)$/.test(numbered.type);
  return { length: numbered.length, weak };
}

const MAX_TITLE_CHARS = 40;

/** A paragraph that introduces the items after it (「受注者は、次の事項を遵守すること。」「…以下のとおり：」). */
export const LEAD = /(次の|以下の|下記の|次に掲げる|以下に掲げる|次のとおり|以下のとおり)|[:：]$/u;

/** A proviso after the lead (「監査は、次の観点から行う。ただし、重点は監査実施計画書で定める。」): the items still follow the lead. */
const PROVISO = /^ただし[、,]/u;
/**
 * A sentence after a lead that only says where the details are (「次の設定を含めること。詳細は設定手順書による。」), or
 * where a list of what the items concern is (「受託者は、次の業務を行う。対象となる機器の一覧は別紙1のとおりとする。」):
 * the items still follow the lead before it.
 */
const DETAILS_REFERENCE = /^(詳細|具体的な(内容|方法|手順)|設定値|その詳細|[^、。]{0,24}(一覧|内訳|明細))(について)?は[、,]?[^。]{0,30}(による|のとおり|に定める|を参照|で定める)(こと|ものとする|とする)?[。．]?$/u;

/**
 * The sentence of a paragraph that names the items after it: its last, or the one before when the last only
 * says where the details are. Shared by the text reader (sentences as strings) and the analysis (as Sentence).
 */
export function leadSentenceOf<T>(sentences: readonly T[], text: (s: T) => string): T | undefined {
  const n = sentences.length;
  const last = sentences[n - 1];
  return n > 1 && (DETAILS_REFERENCE.test(text(last!).trim()) || PROVISO.test(text(last!).trim())) ? sentences[n - 2] : last;
}

/**
 * The sentence of a text that names the items after it (leadSentenceOf over its sentences as strings): the text
 * reader asks it of a line, the Markdown reader of the block before a numbered title.
 */
export function leadSentenceOfText(text: string): string {
  return leadSentenceOf(text.replace(/[。．][ \t\u3000]*$/u, "").split(/[。．]/u), (s) => s)!;
}

/** The previous line cannot continue onto the next: it ends a sentence, a bracket, or introduces. */
export function finished(prev: string): boolean {
  return /[。．.:：）)」』】]$/u.test(asciiWidth(prev).trimEnd()) || /[。．][ \t\u3000]*$/u.test(prev);
}

/**
 * A line that reads as the first part of a sentence cut by wrapping: it has a comma, or ends in a
 * particle (a title ends in a noun). 「第1条 乙は、本契約の…情報を」 is not a heading.
 */
export function sentenceFragment(line: string): boolean {
  const s = line.trim();
  return /[、，,]/u.test(s) || (/[をにがはでとのへやも]$/u.test(s) && !/^[^ \t\u3000]*[ \t\u3000]+[^ \t\u3000]+$/u.test(s));
}

/** A short line that reads as a title: no sentence punctuation, not a sentence cut mid-way. */
function titleLike(prev: string): boolean {
  const s = prev.trim();
  if (s.length === 0 || s.length > MAX_TITLE_CHARS) return false;
  if (/。/u.test(s)) return false;
  return !sentenceFragment(s);
}

/**
 * Whether `line` (indentation removed) starts a new item after `prev` (the previous non-blank line
 * of the same paragraph, indentation removed).
 */
export function startsItem(prev: string, line: string): boolean {
  const marker = itemMarker(line);
  if (!marker) return false;
  // A check point (「…機能しているか」) ends its item without a full stop.
  if (finished(prev) || QUESTION_END.test(prev.trimEnd()) || titleLike(prev)) return true;
  if (marker.weak) return false;
  // A strong marker written as a label (「（1）目的」「① 」) starts an item; one used as a word in
  // a wrapped sentence (「…次の\n（1）の規定により」) does not.
  const after = asciiWidth(line).slice(marker.length);
  return /^[ \t]/.test(after) || !/^(?:[のにをはがとでへも]|から|まで|及び|又は|並びに|若しくは)/u.test(after);
}

/** A piece of a paragraph's text: [start, end) offsets, trailing whitespace excluded. */
export interface Piece { start: number; end: number }

/** A paragraph's items (split where a line starts one, see startsItem); a single piece covering the whole text when nothing splits it. */
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

/** A line's numbering: its style, its marks around the number (「7.」 vs 「9 」) and the number, where it has one. */
export interface Numbering { type: string; marks: string; ordinal: number | undefined }

export function numberingOf(content: string, prefix: NumberedPrefix): Numbering {
  const label = asciiWidth(content).slice(0, prefix.length).trim();
  const digits = /\d+/.exec(label);
  const circled = /[\u2460-\u2473]/u.exec(label);
  const ordinal = digits ? Number(digits[0]) : circled ? circled[0].charCodeAt(0) - 0x245f : undefined;
  return { type: prefix.type, marks: label.replace(/[\d\u2460-\u2473ア-ンa-z]/gu, ""), ordinal };
}

/** Whether `next` is the entry after `prev` in one list: same style and marks, and the next number where both have one. */
export function follows(prev: Numbering, next: Numbering): boolean {
  if (prev.type !== next.type || prev.marks !== next.marks) return false;
  return prev.ordinal === undefined || next.ordinal === undefined || next.ordinal === prev.ordinal + 1;
}

/**
 * Whether the first piece of a paragraph is the first entry of the list its second piece goes on with
 * (「(ア) 各サーバの稼働監視」 / 「(イ) ログの確認」), not a title over items of another style (「(1) 管理体制」 / 「ア …」).
 */
export function opensList(first: string, second: string): boolean {
  const a = first.trimStart(); const b = second.trimStart();
  const pa = numberingPrefix(a); const pb = numberingPrefix(b);
  return !!pa && !!pb && follows(numberingOf(a, pa), numberingOf(b, pb));
}
