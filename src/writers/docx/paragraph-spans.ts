// Where each counted body paragraph of document.xml sits in the text, by the reader's own ordinal
// rules (src/readers/docx/body-ordinal.ts).
import { BodyOrdinals } from "../../readers/docx/body-ordinal.js";
import { scanTags } from "./xml-tags.js";

export interface ParagraphSpan {
  ordinal: number;
  /** Offset of `<w:p`. */
  openStart: number;
  /** Offset just past the opening tag. */
  openEnd: number;
  selfClosing: boolean;
  /** Where the content starts: after w:pPr when the paragraph has one, else `openEnd`. */
  contentStart: number;
  /** Offset of `</w:p>` (equal to openEnd for a self-closing paragraph). */
  closeStart: number;
}

export function paragraphSpans(xml: string): ParagraphSpan[] {
  const spans: ParagraphSpan[] = [];
  const ordinals = new BodyOrdinals();
  // Open elements; a counted paragraph carries its span so its pPr and close tag can be found.
  const stack: (ParagraphSpan | null)[] = [];
  scanTags(xml, (tag) => {
    if (tag.kind === "open") {
      const ordinal = ordinals.open(tag.name);
      let span: ParagraphSpan | null = null;
      if (ordinal !== undefined) {
        span = { ordinal, openStart: tag.start, openEnd: tag.end, selfClosing: tag.selfClosing, contentStart: tag.end, closeStart: tag.end };
        spans.push(span);
      }
      if (tag.selfClosing) {
        ordinals.close(tag.name);
        if (tag.name === "w:pPr") afterProperties(stack[stack.length - 1], tag.end);
      } else stack.push(span);
      return;
    }
    ordinals.close(tag.name);
    const span = stack.pop();
    if (span) span.closeStart = tag.start;
    else if (tag.name === "w:pPr") afterProperties(stack[stack.length - 1], tag.end);
  });
  return spans;
}

/** w:pPr is a paragraph's first child; anything inserted must come after it. */
function afterProperties(parent: ParagraphSpan | null | undefined, end: number): void {
  if (parent && parent.contentStart === parent.openEnd) parent.contentStart = end;
}
