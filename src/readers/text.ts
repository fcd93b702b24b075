// Plain text → SpecDocument. Specs pasted from Word or PDF have no markup: a line that reads as a
// numbered heading (第1章, 1., (1), ア …) is a heading, a line starting with an item marker starts a
// new list item (item-lines.ts: not when it only continues a wrapped sentence, 「…を\n1 年間」),
// and other lines join the paragraph above (PDF text wraps mid-sentence, 「…解除され\nた後」)
// until a blank line. Every line keeps its exact position.
import type { Block, BlockKind, SpecDocument } from "../model/document.js";
// The Word reader's detector for hand-numbered headings, so both readers agree on what a heading is.
import { PatternLevels, asciiWidth, headingShaped, numberingPrefix } from "../text/heading-patterns.js";
import { LineIndex, TextBuilder, positionMapper } from "./positioned.js";
import { parseDirectiveComment, resolveNextLineTargets } from "./directives.js";
import { LEAD, finished, follows, itemMarker, leadSentenceOfText, numberingOf, sentenceFragment, startsItem, type Numbering } from "../text/item-lines.js";
import type { Directive } from "../model/document.js";
import { titleLinesOf } from "./title-lines.js";
import { tocLine } from "../text/toc.js";
import { HEADING_SHAPE, titleShaped } from "../text/title-line.js";
import { BLANK, PAGE_NUMBER, pageGapsOf, wrapWidth } from "./page-furniture.js";

/** A line starting with hiragana continues a word or a sentence, bar the few words a sentence opens with. */
const CONTINUATION = /^(?!この|その|これ|それ|なお|また|ただし|あらかじめ|さらに)[ぁ-ゖ]/u;

/** A number or a Latin word cut by the line's end (「ISO/IEC 2701」 / 「7の認証」): the next line goes on with it. */
const CUT_WORD = /^[0-9a-zA-Z０-９ａ-ｚＡ-Ｚ]{2}$/u;
/** A line opening with a comma, a full stop or a closing bracket goes on with the sentence above it. */
const CLOSING = /^[、。，．,)）」』】]/u;
/** An article's caption in brackets on its own line (「(事故報告)」 over 「第9 乙は、…」), as laws and 特記事項 write them. */
const CAPTION = /^[(（][^()（）。、]{1,16}[)）]$/u;
/** A line ending in a particle: cut mid-sentence, whatever its start looks like. */
const ENDS_IN_PARTICLE = /[をにがはでとのへやも]$/u;
/**
 * A subject or an object with the clause going on after it (「受託事業者は機構情報を」「ログ等を設置場所から持ち」): on a line
 * that fills the page width, a sentence the wrap cut mid-word, not a title.
 */
const MID_CLAUSE = /[^\s\u3000(（][はをが][^\s\u3000、。]/u;

/** A paragraph being read: `text` is its lines joined (the lead a list follows may end a line or more above the last). */
interface Open { kind: BlockKind; builder: TextBuilder; startOffset: number; lastLine: string; text: string }


/** `text` must already be decoded and LF-normalised (decodeText does both). */
export function readText(text: string, uri: string): SpecDocument {
  const index = new LineIndex(text);
  const blocks: Block[] = [];
  const directives: Directive[] = [];
  const headings: Array<{ level: number; title: string }> = [];
  const leveler = new PatternLevels();
  let open: Open | undefined;
  /** Numbering style of the heading emitted last, while nothing has followed it (bodilessRun). */
  let bareHeadingType: string | undefined;

  const emit = (kind: BlockKind, builder: TextBuilder, startOffset: number): Block => {
    builder.trimEnd();
    const { text: blockText, offsets } = builder.build();
    const start = index.position(startOffset);
    const end = index.position(offsets.at(offsets.length - 1)! + 1);
    const block: Block = {
      kind,
      text: blockText,
      sectionPath: headings.map((h) => h.title),
      region: "body",
      location: { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, region: "body", table: null },
      ...titleLinesOf(kind, blockText),
      ...positionMapper(offsets, index, startOffset),
    };
    blocks.push(block);
    bareHeadingType = undefined;
    return block;
  };
  /** The last line of the block closed last (undefined after a heading): a lead for the lines after it. */
  let closedLine: string | undefined;
  let closedText: string | undefined;
  const close = (): void => {
    if (open) { emit(open.kind, open.builder, open.startOffset); closedLine = open.lastLine; closedText = open.text; }
    open = undefined;
  };

  const lines = text.split("\n");
  const pageGaps = pageGapsOf(lines);
  const fullWidth = wrapWidth(lines);
  /**
   * A full line cut mid-sentence goes on at a middle dot that joins two nouns (「…作業従事者の所属」 /
   * 「・専門性(資格等)・実績…を提出すること。」): that dot is no bullet. A table of contents line is finished.
   */
  const goesOnAtDot = (prev: string, line: string): boolean => fullWidth > 0 && /^[・･][^ \t\u3000]/u.test(line)
    && [...prev].length >= fullWidth - 2 && !finished(prev) && !tocLine(prev);
  /** Numbering of the list item last opened (undefined once a paragraph or a heading follows it). */
  let itemType: Numbering | undefined;
  /**
   * A short numbered line that would read as a heading is an entry of a list when the next line is
   * numbered too and it follows a lead (「次の書類を提出すること。」 / 「① 年間作業計画書…」) or a sibling
   * entry: 「② 作業手順書」「③ 従事者名簿」 are the documents a lead asks for, not chapters.
   */
  const listEntry = (n: Numbering, i: number): boolean => {
    const k = nextContent(i);
    if (k >= lines.length || !numberingPrefix(lines[k]!.replace(/^[ \t\u3000]+/u, ""))) return false;
    if (bodilessRun(n, k)) return true;
    // The next entry of the open list; or, in another style, the first entry of a list that item leads
    // (「エ マスタパソコンには、次の設定を含めること。」 / 「(ア)BIOSの管理者パスワードの設定」).
    if (itemType && follows(itemType, n)) return true;
    const last = open ? open.lastLine : closedLine;
    const lastText = open ? open.text : closedText;
    // The first entry after a lead is followed by its sibling; a title over sub-items (「(1)管理体制」 / 「ア …」) is not.
    const after = lines[k]!.replace(/^[ \t\u3000]+/u, "");
    return (n.ordinal === undefined || n.ordinal === 1) && follows(n, numberingOf(after, numberingPrefix(after)!))
      && last !== undefined && finished(last) && LEAD.test(leadSentenceOfText(lastText ?? last));
  };
  /** The next line with content after line i: blank lines, page numbers and page gaps skipped. */
  const nextContent = (i: number): number => {
    let k = i + 1;
    while (k < lines.length && (BLANK.test(lines[k]!) || PAGE_NUMBER.test(lines[k]!) || pageGaps.has(k))) k++;
    return k;
  };
  /**
   * Numbered lines of one list right under a numbered heading of another style, each followed at once by the
   * next entry and none with a body of its own (「(2) ネットワーク運用管理」 / 「(ア) ルータ…等の稼働監視」
   * 「(イ) VLAN…の設定変更」 / 「(3) 利用者管理」): the tasks the section lists, not sub-headings with nothing under
   * them. `k` is the line after the first entry. An entry with a body (「(ア) 概要」 / 「本業務は…」) is a heading.
   */
  const bodilessRun = (first: Numbering, k: number): boolean => {
    if (open || bareHeadingType === undefined || bareHeadingType === first.type) return false;
    let entries = 1;
    for (let prev = first; k < lines.length; k = nextContent(k)) {
      const line = lines[k]!.replace(/^[ \t\u3000]+/u, "");
      const prefix = numberingPrefix(line);
      if (!prefix) return false;
      const n = numberingOf(line, prefix);
      if (!follows(prev, n)) break;
      prev = n; entries++;
    }
    return entries >= 2;
  };
  /** Starts a heading at `level` from `builder` (its title: `title`). */
  const heading = (builder: TextBuilder, startOffset: number, type: string, title: string): void => {
    close();
    const level = leveler.level(type);
    while (headings.length && headings[headings.length - 1]!.level >= level) headings.pop();
    emit("heading", builder, startOffset).level = level;
    headings.push({ level, title });
    itemType = undefined; closedLine = undefined; closedText = undefined; bareHeadingType = type;
  };
  /** An annex label printed alone on its line (「別記」), waiting for its title on the next line. */
  let annexLabel: { builder: TextBuilder; startOffset: number; label: string } | undefined;
  let offset = 0;
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    const lineStart = offset;
    offset += line.length + 1;
    // A PDF page break inside a sentence (「…発生した場合は、」 / 「- 5 -」 / 「直ちに報告すること。」) does
    // not end its paragraph: the page number and the blank lines around it are skipped.
    const gap = pageGaps.get(i);
    if (gap !== undefined && open && !finished(open.lastLine) && (sentenceFragment(open.lastLine) || CONTINUATION.test(gap))) return;
    if (BLANK.test(line)) return close();
    // A PDF page number (「- 5 -」「－ 12 －」) is no content: not a list item, not a line of the next block.
    if (PAGE_NUMBER.test(line) || gap !== undefined) return close();
    const lead = /^[ \t\u3000]*/u.exec(line)![0].length;
    const content = line.slice(lead).replace(/[ \t\u3000]+$/u, "");
    const contentStart = lineStart + lead;
    if (annexLabel) {
      const { builder, startOffset, label } = annexLabel;
      annexLabel = undefined;
      builder.pushAt("\n", lineStart - 1);
      builder.pushSlice(content, contentStart);
      return heading(builder, startOffset, "appendix", `${label} ${content}`);
    }

    const directive = parseDirectiveComment(content);
    if (directive) {
      close();
      const at = index.position(contentStart);
      directives.push({ ...directive, location: { line: lineNo, column: at.column, endLine: lineNo, endColumn: at.column + content.length, region: "body", table: null } });
      return;
    }

    /** This line's content, to stand as a block of its own or to open one. */
    const lineBuilder = () => { const builder = new TextBuilder(); builder.pushSlice(content, contentStart); return builder; };
    const numbered = numberingPrefix(content);
    // The line after this one; across a page break, the first one after the page number.
    const next = (pageGaps.get(i + 1) ?? lines[i + 1])?.replace(/^[ \t\u3000]+/u, "") ?? "";
    // An article's caption belongs to the article below it, not to the end of the one above (where it joined the
    // previous article's 「…周知するものとする。」 to the next one's subject): it stands as its own block.
    if (CAPTION.test(content) && (numberingPrefix(next) !== undefined || itemMarker(next) !== undefined)) {
      close();
      emit("paragraph", lineBuilder(), contentStart);
      closedLine = content; closedText = content; itemType = undefined;
      return;
    }
    // Annexes a table of contents lists after its entries, without leaders (「…… 7」 / 「別紙1 現行システムの概要」),
    // are entries of it: read as annex headings, they would hold the whole body that follows.
    if (open && numbered?.type === "appendix" && tocLine(open.lastLine)) {
      open.builder.pushAt("\n", lineStart - 1);
      open.builder.pushSlice(content, contentStart);
      return;
    }
    // Inside an open paragraph, a line only breaks it when it can start an item there.
    // A line well short of the page width ended its paragraph there (「詳報作成支援システムの改修、運用及び保守」 /
    // 「2.目的」): wrapping cuts only full lines, so the numbered line after it starts anew.
    const breaks = open === undefined || (startsItem(open.lastLine, content) && !goesOnAtDot(open.lastLine, content))
      || (itemMarker(content) !== undefined && fullWidth > 0 && [...open.lastLine].length < fullWidth * 0.6);
    // A heading-shaped line that is the first part of a wrapped clause (the next line continues it).
    const wrapped = !BLANK.test(next) && (!startsItem(content, next) || goesOnAtDot(content, next))
      && (sentenceFragment(content) || CONTINUATION.test(next) || CUT_WORD.test(content.slice(-1) + next[0]) || CLOSING.test(next) || unclosed(content)
        // A long entry of a table of contents wraps before its leaders (「別紙1 …に係る」 / 「仕様書 ・・・ 14」).
        || tocLine(next)
        // A line that fills the page width and ends in a particle was cut mid-sentence, even with a numbered article's
        // label and no comma before the cut (「第10 甲は乙がこの契約による…取り扱っている個人情報の」 / 「状況について、…」).
        || (fullWidth > 0 && [...content].length >= fullWidth - 2 && ENDS_IN_PARTICLE.test(content))
        // ...or with a subject or an object and more of the clause after it, cut mid-word (「(4)受託事業者は機構情報を記録
        // した媒体を施」 / 「錠可能な保管庫に保管し…」).
        || (fullWidth > 0 && [...content].length >= fullWidth - 1 && MID_CLAUSE.test(content)));
    // A line of a table of contents (「1.調達件名 …… 1」) names a chapter; it is not the chapter's heading.
    if (numbered && headingShaped(content, numbered) && breaks && !wrapped && !tocLine(content) && !listEntry(numberingOf(content, numbered), i)) {
      return heading(lineBuilder(), contentStart, numbered.type, content);
    }
    // An annex label alone on its line over the annex's title on the next (「別記」 / 「個人情報取扱特記事項」), as a PDF prints
    // them: the two lines are one heading at the top of the hierarchy. Read as a list item, the annex's label and title
    // joined the last chapter of the body (「11 その他」), and every article of the annex sat under it.
    const following = lines[i + 1] ?? "";
    if (numbered?.type === "appendix" && asciiWidth(content).trim().length === numbered.length && !open
      && !BLANK.test(following) && !PAGE_NUMBER.test(following) && !pageGaps.has(i + 1)
      && titleShaped(following.trim(), HEADING_SHAPE) && numberingPrefix(following.trim()) === undefined
      && !parseDirectiveComment(following.trim())) {
      annexLabel = { builder: lineBuilder(), startOffset: contentStart, label: content };
      return;
    }

    const item = itemMarker(content) !== undefined;
    if (open && !(item && breaks)) {
      // A Latin word or a number the page width cut (「通信の暗号化(T」/「LS1.2以上)」) joins without a break; a
      // break where the text had a space (a line ending 「Windows 」, or a short line) stays one.
      const cut = fullWidth > 0 && lead === 0 && /[A-Za-z0-9]$/u.test(lines[i - 1] ?? "") && /^[A-Za-z0-9]/u.test(content)
        && [...open.lastLine].length >= fullWidth - 2;
      if (!cut) open.builder.pushAt("\n", lineStart - 1);
      open.builder.pushSlice(content, contentStart);
      open.lastLine = content;
      open.text += content;
      return;
    }
    close();
    open = { kind: item ? "listItem" : "paragraph", builder: lineBuilder(), startOffset: contentStart, lastLine: content, text: content };
    itemType = item && numbered ? numberingOf(content, numbered) : undefined;
  });
  close();
  resolveNextLineTargets(directives, blocks, index, text);
  return { uri, format: "text", blocks, directives, notices: [] };
}

/** A bracket the line opens and does not close (「…の状況(第三者認証の取得状」): the clause goes on below. */
function unclosed(line: string): boolean {
  let depth = 0;
  for (const c of line) {
    if (c === "(" || c === "（" || c === "「") depth++;
    else if ((c === ")" || c === "）" || c === "」") && depth > 0) depth--;
  }
  return depth > 0;
}
