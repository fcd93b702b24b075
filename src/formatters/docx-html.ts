// Renders a Word draft as HTML with mammoth, marking the paragraphs that have findings.
// mammoth's tree does not follow our reader's paragraph ordinals exactly (it hoists text-box
// paragraphs into the body flow, drops some, keeps hidden text), so its paragraphs are aligned with
// ours by text, in order; an unmatched mammoth paragraph is simply not marked.

const OPEN = "\uE000cl";
const CLOSE = "\uE001";
/** How far ahead in our paragraphs a mammoth paragraph may find its match. */
const LOOKAHEAD = 8;

export interface OurParagraph { ordinal: number; text: string }

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

function marker(ordinal: number): MammothElement {
  return {
    type: "run", children: [{ type: "text", value: `${OPEN}${ordinal}${CLOSE}` }],
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

export function markParagraphs(root: MammothElement, ours: OurParagraph[], flagged: Set<number>): MammothElement {
  const mine = ours.filter((p) => norm(p.text) !== "").map((p) => ({ ordinal: p.ordinal, text: norm(p.text) }));
  let j = 0;
  for (const para of paragraphsInOrder(root)) {
    const text = norm(textOf(para));
    if (!text) continue;
    for (let k = j; k < Math.min(mine.length, j + LOOKAHEAD); k++) {
      if (!similar(text, mine[k]!.text)) continue;
      if (flagged.has(mine[k]!.ordinal)) para.children = [marker(mine[k]!.ordinal), ...(para.children ?? [])];
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

export async function renderDocxHtml(bytes: Uint8Array, ours: OurParagraph[], flagged: Set<number>, anchorPrefix: string): Promise<string> {
  const mod = await import("mammoth");
  const mammoth = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      ignoreEmptyParagraphs: false,
      idPrefix: `${anchorPrefix}m-`,
      transformDocument: (doc: MammothElement) => markParagraphs(doc, ours, flagged),
    },
  );
  const re = new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g");
  return neutraliseLinks(result.value).replace(re, (_m, n: string) =>
    `<span class="cl-flag" id="${anchorPrefix}p${n}">¶${n}</span>`);
}
