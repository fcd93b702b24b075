// Renders a Word draft as HTML with mammoth, marking the paragraphs that have findings.
// Paragraphs are counted in the same reading order as our reader's paragraph ordinal (body, table
// cells included, empty paragraphs kept), so `location.paragraph` finds its paragraph here.

const OPEN = "\uE000cl";
const CLOSE = "\uE001";

interface MammothElement { type: string; children?: MammothElement[]; [k: string]: unknown }

function markParagraphs(root: MammothElement, flagged: Set<number>): MammothElement {
  let ordinal = 0;
  const visit = (el: MammothElement): void => {
    if (el.type === "paragraph") {
      ordinal++;
      if (flagged.has(ordinal)) {
        const marker: MammothElement = {
          type: "run", children: [{ type: "text", value: `${OPEN}${ordinal}${CLOSE}` }],
          styleId: null, styleName: null, isBold: false, isUnderline: false, isItalic: false,
          isStrikethrough: false, isAllCaps: false, isSmallCaps: false, verticalAlignment: "baseline",
          font: null, fontSize: null, highlight: null,
        };
        el.children = [marker, ...(el.children ?? [])];
      }
    }
    for (const c of el.children ?? []) visit(c);
  };
  visit(root);
  return root;
}

/** Links other than web, mail and in-page ones are dropped: the draft is untrusted input. */
function neutraliseLinks(html: string): string {
  return html.replace(/\shref="([^"]*)"/g, (whole, url: string) =>
    /^(https?:|mailto:|#)/i.test(url) ? whole : "");
}

export async function renderDocxHtml(bytes: Uint8Array, flagged: Set<number>, anchorPrefix: string): Promise<string> {
  const mod = await import("mammoth");
  const mammoth = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      ignoreEmptyParagraphs: false,
      idPrefix: `${anchorPrefix}m-`,
      transformDocument: (doc: MammothElement) => markParagraphs(doc, flagged),
    },
  );
  const marker = new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g");
  return neutraliseLinks(result.value).replace(marker, (_m, n: string) =>
    `<span class="cl-flag" id="${anchorPrefix}p${n}">¶${n}</span>`);
}
