// Annex titles in a document: the key a reference and an annex are compared by (別紙 一 → 別紙1), whether
// a block titles an annex (a heading, or a title line 「別紙1 情報セキュリティ要件」 of a PDF or Word
// paragraph), and whether the annex is supplied in the input at all (an entry of a list of documents
// names it without supplying it). Asked by the reference kind (a delegation to an annex not supplied)
// and the require kind (a clause whose matters an unsupplied annex holds is partial, labelling.md).
import { itemMarker } from "../text/item-lines.js";
import { parseKanjiNumber } from "../text/numbers.js";
import { tocText } from "../text/toc.js";
import type { AnalysedBlock } from "./analysed.js";

/** 別紙 一 → 別紙1: the key a reference and its annex heading are compared by. */
export function referenceKey(text: string): string {
  return text.replace(/[\s「」『』]+/g, "").replace(/[〇一二三四五六七八九十]+/g, (k) => String(parseKanjiNumber(k) ?? k));
}

const ANNEX_LABEL = /^(別紙|別添|別冊|別記|付属文書)/u;

/** A named annex (「個人情報取扱特記事項」) rather than a numbered one (別紙1): its title may follow a label. */
function namedAnnex(key: string): boolean {
  return !/^(別紙|別添|別冊|付属文書)/u.test(key);
}

/** `key` occurs in `text` and is not followed by another digit (別紙1 ≠ 別紙10). */
function names(text: string, key: string): boolean {
  let from = 0;
  for (;;) {
    const i = text.indexOf(key, from);
    if (i < 0) return false;
    const next = text.charAt(i + key.length);
    if (!/[0-9]/.test(next) || !/[0-9]$/.test(key)) return true;
    from = i + 1;
  }
}

/** Leading numbering, brackets and labels an annex title may start with: 「（別紙1）」「【別紙１】」「1. 別紙1」. */
const LEADING = /^[\s([（【〔<＜]*/u;
/** What may follow the name in a title: its subject after a space or a bracket, or nothing. */
const TITLE_AFTER = /^(?:$|[\s)）】〕>＞「『:：]|[^\s。]*$)/u;
/**
 * A title line (Block.titleLines: short, no 。) that titles the annex: it opens with the name —
 * 「別紙1 情報セキュリティ要件」「（別紙１）」「別紙1「要件定義書」」, but not 「別紙1のとおり」.
 * Plain text and Word drafts write such titles as ordinary lines, with no heading style.
 */
function titles(line: string, key: string): boolean {
  const rest = line.normalize("NFKC").trim().replace(LEADING, "");
  const restKey = referenceKey(rest);
  if (!restKey.startsWith(key) || /[0-9]/.test(restKey.charAt(key.length)) && /[0-9]$/.test(key)) return false;
  // The text after the name, spaces kept: find where the name ends in the spaced line.
  let seen = 0;
  let i = 0;
  for (; i < rest.length && seen < key.length; i++) if (!/\s/.test(rest[i]!)) seen++;
  const after = rest.slice(i).replace(/^[〇一二三四五六七八九十]+/u, "");
  return TITLE_AFTER.test(after) && !/^(?:の|に|を|は|が|で|と|による|により|参照)/u.test(after);
}

/** The block's title lines as written. */
function titleLines(ab: AnalysedBlock): string[] {
  return (ab.block.titleLines ?? []).map(({ start, end }) => ab.block.text.slice(start, end));
}

/**
 * Every key a block could provide occurs in one of these (the heading's key, or its title lines' keys
 * one per line, so that numerals of two lines never run together): checked first, it spares the
 * per-line work on the blocks that cannot name the annex, which is nearly all of them.
 */
const blockKeys = new WeakMap<AnalysedBlock, [string, string]>();
function mayProvide(ab: AnalysedBlock, key: string): boolean {
  let keys = blockKeys.get(ab);
  if (!keys) blockKeys.set(ab, keys = [referenceKey(ab.text), titleLines(ab).map((l) => referenceKey(l.normalize("NFKC"))).join("\n")]);
  return keys[0].includes(key) || keys[1].includes(key);
}

/**
 * A title that says its body is elsewhere (「別紙1 機能要件一覧（省略）」「別記 個人情報取扱特記事項（契約書に添付）」
 * 「（別途配付）」「（本仕様書には添付しない。契約書に添付する。）」): the annex is named, not supplied.
 */
const ELSEWHERE = /[(（]\s*(?:省略|略|添付省略|掲載省略|契約書に添付|契約時に(?:交付|配付|添付)|別途(?:配付|配布|交付|提示|送付|添付)|別冊|[^)）]{0,20}(?:と併せて|とともに)(?:配付|配布|交付)|[^)）]{0,16}(?:添付しない|添付せず|添付していない|掲載しない|掲載していない)[^)）]{0,20})\s*[)）]\s*$/u;

/** Whether the block titles the annex `key` (a heading naming it, or a title line opening with its name). */
export function providesAnnex(ab: AnalysedBlock, key: string): boolean {
  if (!mayProvide(ab, key)) return false;
  if (ab.block.kind === "heading") return names(referenceKey(ab.text), key) && !ELSEWHERE.test(ab.block.text);
  // A table of contents lists the annexes it names; listing one does not supply it.
  if (tocText(ab.block.text)) return false;
  return titleLines(ab).some((line) => !ELSEWHERE.test(line) && titlesAnnex(line, key));
}

/** A title line of the annex `key`: its name, or (「別記　個人情報の取扱いに関する特記事項」) a label and a named annex's name. */
function titlesAnnex(line: string, key: string): boolean {
  return titles(line, key) || (namedAnnex(key) && labelledTitle(referenceKey(line.normalize("NFKC")), key));
}

/** A particle or a delegation right after a name: the line refers to the document, it is not its title. */
const REFERS_AFTER = /^(?:の|に|を|は|が|で|と|へ|や|による|により|参照)/u;

/**
 * Whether a line (as a reference key) names the annex as its title, possibly after a label: it holds
 * the name, no comma before it, and goes on with no particle. The first line of a sentence broken by the width of a PDF or
 * text page (「(1)受託者は、…別記「個人情報取扱特記事項」を遵守」 / 「すること。」) refers to the annex.
 */
function labelledTitle(lineKey: string, key: string): boolean {
  for (let i = lineKey.indexOf(key); i >= 0; i = lineKey.indexOf(key, i + 1)) {
    // A comma before the name: the line is a clause cut at the name by the page width
    // (「…非機能要件は、別紙1「要件定義書」」 / 「に示すとおりとする。」), not a label and its title.
    if (!REFERS_AFTER.test(lineKey.slice(i + key.length)) && !/[、，,]/u.test(lineKey.slice(0, i))) return true;
  }
  return false;
}

/** A chapter that lists the documents that go with the spec: 附属文書, 添付資料, 閲覧資料, 関連文書 …. */
const DOCUMENT_LIST = /(附属|付属|添付|別添|関連|参考|閲覧|提出)(の)?(文書|資料|書類)|(資料|文書|書類|別紙|別添|様式)(の)?一覧/u;

/** A lead that lists documents to follow (「次の法令、規程及び関連文書に基づいて行うこと。」). */
const DOCUMENT_LEAD = /(次の|以下の|下記の)[^。]{0,20}(法令|規程|規則|文書|資料|書類|要領|基準|特記事項)/u;

/** The heading whose section holds a block (for a heading: the heading above it), or undefined. */
function enclosingHeading(blocks: readonly AnalysedBlock[], ab: AnalysedBlock): AnalysedBlock | undefined {
  if (ab.block.kind !== "heading") return ab.section >= 0 ? blocks[ab.section] : undefined;
  const level = ab.block.level ?? 1;
  for (let i = ab.index - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.block.kind === "heading" && (b.block.level ?? 1) < level) return b;
  }
  return undefined;
}

/**
 * Whether a block only names the annex as an entry of a list of documents: anything under a chapter
 * listing them (「10 附属文書」 > 「- 別添 情報セキュリティの確保に関する特記事項（入札説明書と併せて配付）」, or
 * 「11 附属文書」 > 「(1) 要件定義書」 whose body reads 「別紙1のとおり」), or an item under a lead listing documents
 * (「次の法令、規程及び関連文書に基づいて行うこと。」 > 「③ 千葉市個人情報取扱特記事項」). Such an entry is not the annex.
 */
function listsDocument(blocks: readonly AnalysedBlock[], ab: AnalysedBlock): boolean {
  const heading = enclosingHeading(blocks, ab);
  if (heading && DOCUMENT_LIST.test(heading.text)) return true;
  // An entry may be read as a short numbered heading (「③　千葉市個人情報取扱特記事項」 in text or PDF).
  // An annex's own heading (「別紙1 情報セキュリティ要件」, whose label reads as a marker too) is not one.
  if (ab.block.kind !== "listItem" && !(ab.block.kind === "heading" && itemMarker(ab.block.text.trimStart()) !== undefined
    && !ANNEX_LABEL.test(ab.block.text.trimStart()))) return false;
  // Back over the list's other items to the line that introduces it (an item line may itself be the lead).
  for (let i = ab.index - 1; i >= 0 && i > (heading?.index ?? -1); i--) {
    const b = blocks[i]!;
    // Entries of a table of contents (「2 要件 …… 2」, then 「別紙1 情報セキュリティ要件」 without leaders).
    if (DOCUMENT_LEAD.test(b.text) || DOCUMENT_LIST.test(b.text) || tocText(b.block.text)) return true;
    if (b.block.kind !== "listItem" && itemMarker(b.block.text.trimStart()) === undefined) return false;
  }
  return false;
}

/** The first line of a note (「※ …」「（注）…」), which a PDF page may break over several lines. */
const NOTE = /^(?:[※＊*]|[(（]?注[)）])/u;
/**
 * What may follow the last annex titles of a document without being a body: more titles (別紙3, (別添), (表1), 様式),
 * notes on how they are handed out (「※ 別紙3及び別紙4は、誓約書を提出した者に限り交付する。」), 以上, page numbers.
 */
const NO_BODY = /^(?:[※＊*]|[(（]?注[)）]|以上$|[-－–―]\s*[0-9]+\s*[-－–―]$|[0-9]+$|[(（]?(?:別紙|別添|別冊|別記|付属文書|表\s*[0-9]+|様式))/u;

/**
 * The annex title closes the document with nothing after it but other titles and a note on how they are handed
 * out: a list of the attachments (「別紙一覧」, letter-spaced or unheaded, whose entries the reader may take for
 * headings), not a supplied annex. A title followed by a body of its own (「第1条 乙は…」) supplies it.
 */
function closingList(blocks: readonly AnalysedBlock[], ab: AnalysedBlock, key: string): boolean {
  const text = ab.block.text;
  let from = text.length;
  if (ab.block.kind !== "heading") {
    const line = (ab.block.titleLines ?? []).find(({ start, end }) => titlesAnnex(text.slice(start, end), key));
    if (line) from = line.end;
  }
  // Units after the title: the rest of its block line by line, then each later block; a note (「※…」) runs over the lines
  // a PDF page broke it into. The first body line ends the search (usually at once: an annex's own text follows).
  let noted = false;
  const noBody = (t: string): boolean => {
    const lines = t.split("\n").map((l) => l.normalize("NFKC").trim()).filter(Boolean);
    const note = lines.findIndex((l) => NOTE.test(l));
    const units = note < 0 ? lines : [...lines.slice(0, note), lines.slice(note).join("")];
    if (!units.every((l) => NO_BODY.test(l))) return false;
    noted ||= units.some((l) => HANDED_OUT.test(l));
    return true;
  };
  if (!noBody(text.slice(from))) return false;
  for (let i = ab.index + 1; i < blocks.length; i++) if (!noBody(blocks[i]!.block.text)) return false;
  // Only with a note saying how the listed documents are handed out: a title closing the text alone (「別紙2 非機能要件
  // 一覧(別添)」) may be the last page of a document whose attachments follow it.
  return noted;
}

/** A note on how listed documents reach the bidder: handed out, lent, shown for reading, not attached. */
const HANDED_OUT = /^[※＊*(（注].*(交付|配布|配付|閲覧|貸与|添付しない|別途)/u;

/** Answers given so far per analysed document: the reference and require kinds ask about the same annexes, rule after rule. */
const suppliedMemo = new WeakMap<readonly AnalysedBlock[], Map<string, boolean>>();

/**
 * Characters every block that may title `key` holds in its normalised text: those the key took from
 * the text as they are (not digits or anything else a numeral's conversion writes).
 */
function probesOf(key: string): string[] {
  return [...new Set([...key].filter((ch) => !/[0-9A-Za-z+.\-]/.test(ch)))];
}

/**
 * Text holding every character a block's keys can take from it: its normalised text, and for a block
 * with title lines (keyed as written, after NFKC) also its text as written and that text's NFKC.
 */
const probeTexts = new WeakMap<AnalysedBlock, string>();
function probeText(ab: AnalysedBlock): string {
  if (!ab.block.titleLines?.length) return ab.text;
  let text = probeTexts.get(ab);
  if (text === undefined) probeTexts.set(ab, text = `${ab.text}\n${ab.block.text}\n${ab.block.text.normalize("NFKC")}`);
  return text;
}

/** Whether some block of the input titles the annex `key` and is not just an entry of a list of documents. */
export function annexSupplied(blocks: readonly AnalysedBlock[], key: string): boolean {
  let memo = suppliedMemo.get(blocks);
  if (!memo) suppliedMemo.set(blocks, memo = new Map());
  let found = memo.get(key);
  if (found === undefined) {
    const probes = probesOf(key);
    const mayHold = (b: AnalysedBlock) => { const text = probeText(b); return probes.every((ch) => text.includes(ch)); };
    found = blocks.some((b) => mayHold(b) && providesAnnex(b, key) && !listsDocument(blocks, b) && !closingList(blocks, b, key));
    memo.set(key, found);
  }
  return found;
}

/** A word every name NUMBERED or NAMED finds holds: a text with none names no annex (one test, no scan). */
const ANNEX_WORDS = /別紙|別添|別冊|別記|付属文書|要件定義書|特記事項|特約条項|特記仕様書/u;
const NUMBERED = /(?:別紙|別添|別冊|別記|付属文書)\s*[0-9０-９〇一二三四五六七八九十]+/gu;
// An unnumbered annex is named by its kind: 「別添「個人情報等の保護に関する特約条項」」 as 「別記「個人情報取扱特記事項」」.
const NAMED = /要件定義書|[^\s、。，．「」『』（）()【】]{0,30}(?:特記事項|特約条項|特記仕様書)/gu;
/** 「この特記事項」「本要件定義書」 name the document itself, not another one. */
const SELF = /^(?:この|本|当該|同|上記|前記|次の)/u;

/** Whether a text may name an annex (annexKeys finds nothing in a text for which this is false). */
export function mayNameAnnex(text: string): boolean {
  return ANNEX_WORDS.test(text.normalize("NFKC"));
}

/** The annexes a text names (別紙1, 要件定義書, …特記事項), as reference keys; the document's own name excluded. */
export function annexKeys(text: string): string[] {
  const s = text.normalize("NFKC");
  if (!ANNEX_WORDS.test(s)) return [];
  // NAMED tries a 30-character window at every position: only worth it where its words occur.
  const named = s.includes("要件定義書") || s.includes("特記事項") || s.includes("特約条項") || s.includes("特記仕様書") ? s.matchAll(NAMED) : [];
  return [...s.matchAll(NUMBERED), ...named].map((m) => referenceKey(m[0])).filter((k) => !SELF.test(k));
}
