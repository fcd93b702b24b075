// Renders a Word draft as HTML with mammoth, in two steps. The worker that read the file renders it
// (renderDraft: bytes and our blocks are at hand there, so nothing is read or parsed again) with every
// paragraph marked by our ordinal; the HTML report then turns the marks of flagged paragraphs into flags
// and drops the others (finishDraft). mammoth's tree does not follow our reader's paragraph ordinals
// exactly (it hoists text-box paragraphs into the body flow, drops some, keeps hidden text), so its
// paragraphs are aligned with ours by text, in order; an unmatched mammoth paragraph is simply not marked.
import type { Block } from "../model/document.js";
import type { DraftRendering } from "../model/finding.js";

// Private-use delimiters around the ordinal survive mammoth's escaping untouched; a draft that
// itself contains them is stripped of them first, so it cannot forge a marker.
const OPEN = "\uE000cl";
const CLOSE = "\uE001";
/** Stands for the report's per-file anchor prefix in ids, which is known only once files are sorted. */
const ID_PREFIX = "\uE000id\uE001";
/** How far ahead in our paragraphs a mammoth paragraph may find its match. */
const LOOKAHEAD = 8;

/** `label`: Word's automatic numbering (「第2章」「（1）」), which mammoth does not render. */
export interface OurParagraph { ordinal: number; text: string; label?: string }

interface MammothElement { type: string; children?: MammothElement[]; value?: string; [k: string]: unknown }

function norm(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "");
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) { const g = s.slice(i, i + 2); m.set(g, (m.get(g) ?? 0) + 1); }
  return m;
}

/** Same paragraph, allowing for what one side shows and the other does not (hidden text, fields). */
export function similar(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4) return false;
  const A = bigrams(a), B = bigrams(b);
  let shared = 0;
  for (const [g, n] of A) shared += Math.min(n, B.get(g) ?? 0);
  return (2 * shared) / (a.length - 1 + b.length - 1) >= 0.6;
}

function textOf(el: MammothElement): string {
  if (el.type === "text") return el.value ?? "";
  return (el.children ?? []).map(textOf).join("");
}

function run(value: string): MammothElement {
  return {
    type: "run", children: [{ type: "text", value }],
    styleId: null, styleName: null, isBold: false, isUnderline: false, isItalic: false,
    isStrikethrough: false, isAllCaps: false, isSmallCaps: false, verticalAlignment: "baseline",
    font: null, fontSize: null, highlight: null,
  };
}

function paragraphsInOrder(root: MammothElement): MammothElement[] {
  const out: MammothElement[] = [];
  const visit = (el: MammothElement) => {
    if (el.type === "paragraph") out.push(el);
    for (const c of el.children ?? []) visit(c);
  };
  visit(root);
  return out;
}

/**
 * mammoth turns a numbered paragraph into an <ol>/<ul> item (browser numbering), unless its style maps
 * to a heading. Findings and section paths name 「第2章」「（1）」, so everything else gets our label
 * in front; list items are left alone rather than numbered twice.
 */
function rendersAsList(para: MammothElement): boolean {
  return !!para["numbering"] && !/^heading \d/i.test(String(para["styleName"] ?? ""));
}

function stripDelimiters(el: MammothElement): void {
  if (el.type === "text" && el.value) el.value = el.value.replace(/[\uE000\uE001]/g, "");
  for (const c of el.children ?? []) stripDelimiters(c);
}

/** Marks every paragraph aligned with one of ours by its ordinal (and gives it our numbering label). */
export function markParagraphs(root: MammothElement, ours: OurParagraph[]): MammothElement {
  stripDelimiters(root);
  const mine = ours.filter((p) => norm(p.text) !== "").map((p) => ({ ordinal: p.ordinal, text: norm(p.text), label: p.label }));
  let j = 0;
  for (const para of paragraphsInOrder(root)) {
    const text = norm(textOf(para));
    if (!text) continue;
    for (let k = j; k < Math.min(mine.length, j + LOOKAHEAD); k++) {
      if (!similar(text, mine[k]!.text)) continue;
      const p = mine[k]!;
      if (p.label && !rendersAsList(para)) para.children = [run(`${p.label} `), ...(para.children ?? [])];
      para.children = [run(`${OPEN}${p.ordinal}${CLOSE}`), ...(para.children ?? [])];
      j = k + 1;
      break;
    }
  }
  return root;
}

/** Links other than web, mail and in-page ones are dropped: the draft is untrusted input. */
function neutraliseLinks(html: string): string {
  return html.replace(/\shref="([^"]*)"/g, (whole, url: string) =>
    /^(https?:|mailto:|#)/i.test(url) ? whole : "");
}

/** The default flag: an anchor target named after our paragraph ordinal. Callers add back-links. */
export function defaultFlag(anchorPrefix: string): (ordinal: number) => string {
  return (n) => `<span class="cl-flag" id="${anchorPrefix}p${n}">¶${n}</span>`;
}

/** Body paragraphs in order, each text box right after the paragraph that holds it (where mammoth puts it). */
export function draftParagraphs(blocks: readonly Block[]): OurParagraph[] {
  const paras = blocks.filter((b) => b.region === "body" || b.region === "textbox")
    .map((b) => ({ ordinal: b.location.paragraph ?? b.location.line, text: b.text, label: b.label,
      at: b.region === "textbox" ? (b.location.host ?? Infinity) + 0.5 : b.location.paragraph ?? b.location.line }));
  return paras.sort((a, b) => a.at - b.at).map(({ ordinal, text, label }) => (label ? { ordinal, text, label } : { ordinal, text }));
}

/** The draft of a Word file read as `blocks`, every aligned paragraph marked; a file mammoth cannot render gives its reason. */
export async function renderDraft(bytes: Uint8Array, blocks: readonly Block[]): Promise<DraftRendering> {
  try {
    const mod = await import("mammoth");
    const mammoth = (mod as unknown as { default?: typeof mod }).default ?? mod;
    const ours = draftParagraphs(blocks);
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        ignoreEmptyParagraphs: false,
        idPrefix: `${ID_PREFIX}m-`,
        transformDocument: (doc: MammothElement) => markParagraphs(doc, ours),
      },
    );
    return { html: neutraliseLinks(result.value) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/**
 * A rendered draft as the report shows it: ids under the file's `anchorPrefix`, each flagged
 * paragraph opened by `renderFlag` (trusted HTML; its caller escapes), the other marks removed.
 */
export function finishDraft(html: string, flagged: ReadonlySet<number>, anchorPrefix: string,
  renderFlag: (ordinal: number) => string = defaultFlag(anchorPrefix)): string {
  const re = new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g");
  return html.split(ID_PREFIX).join(anchorPrefix)
    .replace(re, (_m, n: string) => (flagged.has(Number(n)) ? renderFlag(Number(n)) : ""));
}
