// Which w:p elements of the main document get a body paragraph ordinal. The reader (story.ts) and
// the comment writer (src/writers/docx/) both walk document.xml with this one tracker, so the
// paragraph a finding names and the paragraph a comment is anchored on can never disagree.

/** Subtrees whose text Word does not show: deletions, ruby text, field codes, revision history. */
export const SKIPPED = new Set([
  "w:del", "w:moveFrom", "w:rt", "w:instrText", "w:delText", "w:delInstrText", "w:pPrChange", "w:rPrChange",
  "w:tblPrChange", "w:tcPrChange", "w:trPrChange", "w:sectPrChange", "w:numberingChange", "w:sdtPr", "w:sdtEndPr",
]);

/**
 * Follows open/close events of document.xml. `open` returns the ordinal when the element is a
 * counted body paragraph: every w:p outside skipped subtrees, outside the unread branch of an
 * mc:AlternateContent (a text box exists as DrawingML and again as VML fallback) and outside text boxes.
 */
export class BodyOrdinals {
  count = 0;
  private skip = 0;
  private alt: boolean[] = [];
  private textboxDepth = 0;

  open(name: string): number | undefined {
    if (this.skip) { this.skip++; return undefined; }
    if (SKIPPED.has(name)) { this.skip = 1; return undefined; }
    if (name === "mc:AlternateContent") this.alt.push(false);
    else if ((name === "mc:Choice" || name === "mc:Fallback") && this.alt.length) {
      if (this.alt[this.alt.length - 1]) this.skip = 1;
      else this.alt[this.alt.length - 1] = true;
    } else if (name === "w:txbxContent") this.textboxDepth++;
    else if (name === "w:p" && this.textboxDepth === 0) return ++this.count;
    return undefined;
  }

  close(name: string): void {
    if (this.skip) { this.skip--; return; }
    if (name === "mc:AlternateContent") this.alt.pop();
    else if (name === "w:txbxContent" && this.textboxDepth > 0) this.textboxDepth--;
  }
}
