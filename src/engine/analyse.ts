// Analyse a document once per configuration: normalise every block, split and judge sentences,
// and scan the whole normalised text once with the configuration's matcher.
import type { SpecDocument } from "../model/document.js";
import { normalize } from "../text/normalize.js";
import { splitSentences } from "../text/sentences.js";
import { PARTY_ACT, analyseSentence, sentenceTail } from "../text/obligation.js";
import { LEAD, itemMarker, leadSentenceOf } from "../text/item-lines.js";
import { numberingPrefix } from "../text/heading-patterns.js";
import type { AnalysedBlock, Sentence } from "./analysed.js";
import { HitBuffer, HitTable } from "./hit-table.js";
import { casedText, type CompiledMatcher } from "./matcher.js";

export interface AnalysedDocument {
  doc: SpecDocument;
  blocks: AnalysedBlock[];
  /** For each block index: index of the first block after the section it heads (headings), else its own index + 1. */
  sectionEnd: Int32Array;
}

export function analyseBlocks(doc: SpecDocument, matcher: CompiledMatcher): AnalysedDocument {
  const blocks: AnalysedBlock[] = [];
  let section = -1;
  doc.blocks.forEach((block, index) => {
    // Word comment bodies are reviewers' notes (and suppression directives), never clauses.
    const norm = normalize(block.region === "comment" ? "" : block.text, matcher.variants);
    const text = norm.text;
    if (block.kind === "heading") section = index;
    const sentences: Sentence[] = block.kind === "heading"
      ? (text ? [{ block: index, start: 0, end: text.length, text, obligation: false, prohibition: false, negated: false, narrative: false, excluded: false, deferred: false }] : [])
      : splitSentences(text).map(({ start, end }) => {
        const s = text.slice(start, end);
        const info = analyseSentence(s, matcher.endings);
        // Spelled out rather than spread: tens of thousands of sentences per spec, one shape.
        return { block: index, start, end, text: s, obligation: info.obligation, prohibition: info.prohibition, negated: info.negated,
          narrative: info.narrative, excluded: info.excluded, deferred: info.deferred };
      });
    blocks.push({ index, block, text, norm, sentences, section });
  });
  markExcludedRows(blocks);
  markOrdererWork(blocks);
  markReference(blocks);
  inheritLeadDuty(blocks);
  const sectionEnd = new Int32Array(blocks.length);
  const open: { index: number; level: number }[] = [];
  blocks.forEach((ab, i) => {
    sectionEnd[i] = i + 1;
    if (ab.block.kind !== "heading") return;
    const level = ab.block.level ?? 1;
    while (open.length && open[open.length - 1]!.level >= level) sectionEnd[open.pop()!.index] = i;
    open.push({ index: i, level });
  });
  for (const o of open) sectionEnd[o.index] = blocks.length;
  return { doc, blocks, sectionEnd };
}

/** Where a lead sentence starts speaking of its items: 「本業務は、本仕様書によるほか、|次の関係法令等に準拠して行う。」 */
const LEAD_WORDS = /次の|以下の|下記の|次に掲げる|以下に掲げる|次のとおり|以下のとおり/u;

/** A lead whose topic, right before its lead words, is what the items go into (「業務実施計画書には、次の事項を…」). */
const LEAD_CONTAINER = new RegExp(`^[^、。]{1,20}(には|については|では|は)[、,]?(?:${LEAD_WORDS.source})`, "u");

/** A lead that defines the deliverables (「本業務の成果品は次のとおりとする。」): its items name documents. */
const DELIVERABLES_LEAD = /(成果品|成果物|納入物|納品物|提出物|納入成果物|提出書類)(等)?(は|を)[^。]{0,10}(次|以下|下記)(のとおり|の通り)/u;

/**
 * The contractor's tasks announced in the plain form (「受託者は、次の業務を行う。」「受注者は、以下の作業を実施する。」): the
 * scope of the contract, so the items that follow are its duties as under 「…を行うこと。」. A plain 「行う」 is not an
 * obligation elsewhere (「本システムは、次の処理を行う。」 describes a system).
 */
const TASK_LEAD = /^(受注者|受託者|請負者|乙|受注事業者|受託事業者)は[、,]?[^。]{0,24}(次|以下|下記)(の|に掲げる)[^。]{0,12}(業務|作業|事項)を(行う|実施する|行います|実施します)[。．]?$/u;

/** A list item, a table cell, or a paragraph opening with an item marker typed by hand (「(1) …」「① …」). */
export function ledBlock(ab: AnalysedBlock): boolean {
  return ab.block.kind === "listItem" || ab.block.kind === "tableCell" || itemMarker(ab.block.text.trimStart()) !== undefined;
}

/**
 * Items under a lead sentence that puts a duty on them carry that duty (labelling.md §6): in
 * 「受注者は、次の事項を遵守すること。」 followed by 「・ログを1年間保存」, the item is an obligation
 * although it has no ending of its own, and the lead's words complete it (`lead`: 「次の法令等を遵守
 * すること。」 + 「・〇〇市情報セキュリティポリシー」 binds the contractor to the policy).
 */
function inheritLeadDuty(blocks: AnalysedBlock[]): void {
  let lead: AnalysedBlock | undefined;
  /** Level of the heading whose section holds the lead (Infinity before any heading: every heading ends the preamble). */
  let leadLevel = Infinity;
  /**
   * An item that is itself a lead (「エ マスタパソコンには、次の設定を含めること。」) for the items of another style
   * after it (「(ア)…」「(イ)BitLockerによる記憶媒体の暗号化」), until an item of its own style (「オ …」) follows.
   */
  let nested: { lead: AnalysedBlock; style: string } | undefined;
  const levelOf = (section: number) => (section >= 0 ? blocks[section]!.block.level ?? 1 : Infinity);
  const leads = (ab: AnalysedBlock): boolean => {
    const last = leadSentence(ab);
    // The lead words must be in the sentence that puts the duty: in 「関連する調達案件は次のとおりである。受注者は、これらの
    // 事業者と協力すること。」 the items list procurements, the duty is on cooperating.
    return !!last && LEAD.test(last.text) && (last.obligation || /[:：]$/u.test(ab.text.trim()) || TASK_LEAD.test(last.text.trim())) && !last.negated;
  };
  /**
   * Inside a sub-section of a lead's list, a paragraph of the sub-section's own (「なお、…は本業務の範囲外とする。」) ends
   * the lead's reach there, or leads the items after it itself, until the next sub-heading: the lead still speaks of
   * the sub-sections after it. null: the sub-section's items have no lead; undefined: the lead's own.
   */
  let local: AnalysedBlock | null | undefined;
  for (const ab of blocks) {
    if (ab.block.kind === "heading") {
      // A lead whose items are grouped under sub-headings (「次の対策を講じ、その実施状況を報告すること。」, then
      // 「ア 基本事項」「(ア)…」) still speaks of them; a heading of its own level or above ends it.
      if (lead && (leadLevel === Infinity || (ab.block.level ?? 1) <= leadLevel)) lead = undefined;
      nested = undefined; local = undefined;
      continue;
    }
    if (!ledBlock(ab)) {
      if (lead && ab.section !== lead.section) local = leads(ab) ? ab : null;
      else {
        lead = leads(ab) ? ab : undefined;
        leadLevel = lead ? levelOf(lead.section) : Infinity;
        local = undefined;
      }
      nested = undefined;
      continue;
    }
    // The item's numbering style, read only when a nested lead is open or the item leads (most items
    // of a long table are neither).
    const styleOf = () => numberingPrefix(ab.block.text.trimStart())?.type ?? ab.block.kind;
    if (nested && nested.style === styleOf()) nested = undefined;
    const current = nested?.lead ?? (local === undefined ? lead : local ?? undefined);
    if (current) applyLead(current, ab);
    if (leads(ab)) nested = { lead: ab, style: styleOf() };
  }
}

/** The items' sentences carry the lead's duty, and the lead's words complete them. */
function applyLead(lead: AnalysedBlock, ab: AnalysedBlock): void {
  const said = leadSentence(lead)!;
  if (DELIVERABLES_LEAD.test(said.text)) return;
  // Only the words that speak of the items complete them (「次の法令等を遵守すること」), not the
  // sentence's own context before them (「本仕様書によるほか」); but the document or thing the items go into, named
  // right before them (「業務実施計画書には、次の事項を記載すること。」), is what they are items of.
  const from = said.start + (LEAD_CONTAINER.test(said.text) ? 0 : Math.max(0, LEAD_WORDS.exec(said.text)?.index ?? 0));
  for (const s of ab.sentences) {
    if (s.narrative || s.negated || s.excluded || s.deferred) continue;
    s.lead = { block: lead.index, start: from, end: said.end };
    s.obligation = true;
  }
}

/**
 * The sentence of a block that may lead the items after it: its last, or the one before when the last only
 * says where the details are (「次の設定を含めること。詳細は設定手順書による。」).
 */
function leadSentence(ab: AnalysedBlock): Sentence | undefined {
  return leadSentenceOf(ab.sentences, (s) => s.text);
}

/** A label saying that what follows is for reference (「(参考)現行システムの概要」「【参考】」「参考:」). */
const REFERENCE = /^[\s]*(\(参考\)|【参考】|\[参考\]|〔参考〕|<参考>|参考[:：]|参考資料|参考[0-9０-９]*\s)/u;
/** A chapter that tells the background (「2.調達の背景」「1 背景及び目的」「現状と課題」): narrative, like 参考. */
const BACKGROUND_HEADING = /(^|[\s.．、)）])((調達|業務|本件)の)?(背景|経緯|沿革|現状と課題|現状及び課題)(及び目的|と目的|・目的)?$/u;

/**
 * Material labelled 参考 describes the current system or background; it puts no duty on anyone
 * (labelling.md: background narrative is absent). A block that opens with the label, or the whole
 * section under a heading that does or that titles the background, counts as narrative.
 */
function markReference(blocks: AnalysedBlock[]): void {
  /** Level of the 参考 heading whose section we are in (Infinity: none). */
  let level = Infinity;
  for (const ab of blocks) {
    if (ab.block.kind === "heading") {
      const l = ab.block.level ?? 1;
      if (l <= level) level = REFERENCE.test(ab.text) || BACKGROUND_HEADING.test(ab.text.trim()) ? l : Infinity; // a heading at its level or above ends it
      continue;
    }
    if (level !== Infinity || REFERENCE.test(ab.text)) {
      for (const s of ab.sentences) { s.narrative = true; s.obligation = false; }
    }
  }
}

/** The contractor's own names: an alias defined as one of these is not the orderer. */
const CONTRACTOR_NAMES = /^(受注者|受託者|乙|請負者|事業者|賃貸人|委託先|落札者|契約者|受注事業者|受託事業者|契約相手方|相手方|提案者|入札者)$/u;
/** A public body being named right before its alias (「国立研究開発法人国立循環器病研究センター（以下「センター」という。）」). */
const PUBLIC_BODY = /(省|庁|局|部|課|室|機構|センター|研究所|大学|病院|法人|市|県|都|府|町|村|区|連合|協会|財団|委員会|事務所|組合)$/u;
/** 「…（以下「センター」という。）」, normalised (NFKC brackets). */
const ALIAS = /以下[「『"]([^」』"]{1,10})[」』"]という/gu;

/**
 * The orderer's own work is not the contractor's duty (labelling.md §1: given to someone else). The
 * built-in names (発注者, 当省, 本市 …) are read by analyseSentence; a spec also names its orderer by
 * an alias it defines (「国立研究開発法人…研究センター（以下「センター」という。）」), so 「調査に必要な
 * アクセスログ等は、センターが提供する。」 hands the logs over, it puts no logging duty on the contractor.
 */
function markOrdererWork(blocks: AnalysedBlock[]): void {
  const aliases = new Set<string>();
  for (const ab of blocks) {
    if (!ab.text.includes("以下")) continue;
    for (const m of ab.text.matchAll(ALIAS)) {
      const alias = m[1]!.trim();
      const before = ab.text.slice(Math.max(0, m.index! - 40), m.index!).replace(/[(（]\s*$/u, "");
      if (alias && !CONTRACTOR_NAMES.test(alias) && PUBLIC_BODY.test(before)) aliases.add(alias);
    }
  }
  if (!aliases.size) return;
  const names = [...aliases];
  // The alias stands within a few dozen characters of the sentence's end (particle, at most 24 characters, a verb):
  // only that end is searched, and only when it holds an alias at all.
  const reach = Math.max(...names.map((a) => a.length)) + 48;
  for (const ab of blocks) {
    if (ab.block.kind === "heading" || !names.some((a) => ab.text.includes(a))) continue;
    for (const s of ab.sentences) {
      if (s.excluded || s.negated || s.narrative) continue;
      const from = Math.max(0, s.text.length - reach - 8);
      if (!names.some((a) => s.text.includes(a, from)) || !ordererActs(sentenceTail(s.text), names)) continue;
      s.excluded = true; s.negated = true; s.obligation = false; s.prohibition = false;
    }
  }
}

/** What follows the party's name when it does the work itself (PARTY_ACT, from the name on). */
const PARTY_ACT_AFTER = new RegExp(`^${PARTY_ACT}`, "u");
/** Not inside a longer word: 「データセンターが提供する」 is not the orderer 「センター」. */
const WORD_BEFORE = /[ァ-ヶーA-Za-z]/u;

/** Whether one of the orderer's names does the work at the end of the sentence (a static pattern, not one per document). */
function ordererActs(tail: string, names: string[]): boolean {
  for (const a of names) {
    for (let i = tail.indexOf(a); i >= 0; i = tail.indexOf(a, i + 1)) {
      if (i > 0 && WORD_BEFORE.test(tail[i - 1]!)) continue;
      if (PARTY_ACT_AFTER.test(tail.slice(i + a.length))) return true;
    }
  }
  return false;
}

/** A cell that takes its row out of the procurement (「対象外」「範囲外」「×」), or marks it in such a column. */
const OUT_OF_SCOPE_CELL = /^(対象外|範囲外|適用外|本調達の範囲外|本業務の範囲外|含まない|不要|対象としない|実施しない|行わない|×|✕|✗)([(（].*)?$/u;
const OUT_OF_SCOPE_COLUMN = /^(対象外|範囲外|適用外|調達範囲外|本調達の範囲外|含まない)$/u;
const TICK = /^(○|〇|◯|●|✓|✔|レ|v|V)$/u;

/**
 * Scope tables (labelling.md §1): a row whose cell says 対象外 / 範囲外 (or ticks a 範囲外 column) does
 * not put its topic on the contractor, so the row's other cells count as excluded sentences.
 */
function markExcludedRows(blocks: AnalysedBlock[]): void {
  const tables = new Map<number, Map<number, AnalysedBlock[]>>();
  for (const ab of blocks) {
    const t = ab.block.location.table;
    if (ab.block.kind !== "tableCell" || !t) continue;
    let rows = tables.get(t.index);
    if (!rows) tables.set(t.index, rows = new Map());
    const row = rows.get(t.row) ?? [];
    row.push(ab);
    rows.set(t.row, row);
  }
  for (const rows of tables.values()) {
    const header = rows.get(1) ?? [];
    const outColumns = new Set(header.filter((c) => OUT_OF_SCOPE_COLUMN.test(c.text.trim())).map((c) => c.block.location.table!.column));
    for (const [r, cells] of rows) {
      if (r === 1 && outColumns.size) continue;
      const marker = cells.find((c) => OUT_OF_SCOPE_CELL.test(c.text.trim())
        || (outColumns.has(c.block.location.table!.column) && TICK.test(c.text.trim())));
      if (!marker) continue;
      for (const c of cells) for (const s of c.sentences) if (c !== marker) { s.excluded = true; s.obligation = false; }
    }
  }
}

/** Reused by every scan: a document's raw hits live only until its table is built. */
const scratchHits = new HitBuffer();

/**
 * Scan all blocks in one pass (blocks joined by a line break, which no normalised term contains),
 * returning hits per concept sorted by (block, start); hits nested inside another hit of the
 * same concept are dropped (「セキュリティパッチ」 and 「パッチ」 are one occurrence of $patch).
 */
export function scanDocument(blocks: readonly AnalysedBlock[], matcher: CompiledMatcher): HitTable {
  const starts = new Int32Array(blocks.length + 1);
  const parts: string[] = [];
  let offset = 0;
  blocks.forEach((b, i) => { starts[i] = offset; parts.push(b.text); offset += b.text.length + 1; });
  starts[blocks.length] = offset;
  const joined = parts.join("\n");
  // Case-sensitive entries compare against the original letter case; built only when needed.
  const cased = matcher.caseSensitive
    ? blocks.map((b) => (b.block.region === "comment" ? b.text : casedText(b.norm, b.block.text))).join("\n")
    : undefined;
  matcher.scanInto(joined, scratchHits, cased);
  return new HitTable(scratchHits, starts, matcher.conceptCount);
}
