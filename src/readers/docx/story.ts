// Reads one WordprocessingML story part (document, header, footer, footnotes, endnotes, comments)
// in a single streaming pass and yields its paragraphs with raw properties. Decisions that need
// the whole document (headings, section paths, ordinals outside the body) are made later.
import type { Region, TablePos } from "../../model/document.js";
import { onOff, type Attrs, type XmlHandler } from "./xml.js";
import type { Styles } from "./styles.js";
import type { Numbering } from "./numbering.js";
import { BodyOrdinals, SKIPPED } from "./body-ordinal.js";

export interface RawParagraph {
  region: Region;
  /** Body: paragraph ordinal (1-based, every w:p outside text boxes). Elsewhere: 0 until assigned. */
  ordinal: number;
  text: string;
  styleId?: string;
  outlineLvl?: number;
  /** Word's automatic number as displayed. */
  label?: string;
  table: TablePos | null;
  /** For text boxes, notes and comments: the body paragraph they are anchored in. */
  hostOrdinal?: number;
  noteId?: string;
  /** Footnotes and endnotes: the number Word shows (set once the body's references are known). */
  noteNumber?: number;
  commentId?: string;
}

export interface CommentAnchor { from?: number; to?: number; ref?: number }

/** State shared by every story of one document. */
export interface DocState {
  styles: Styles;
  numbering: Numbering;
  tableCount: number;
  bodyCount: number;
  unseen: Map<string, number>;
  /** Body paragraph ordinal where each kind of unseen content first occurs. */
  unseenAt: Map<string, number>;
  commentAnchors: Map<string, CommentAnchor>;
  /** footnote/endnote id → body paragraph ordinal of its reference mark. */
  noteRefs: Map<string, number>;
  headerRefs: string[];
  footerRefs: string[];
}

interface TableState { index: number; row: number; nextCol: number; cellCol: number; span: number }

interface ParaBuilder {
  raw: RawParagraph;
  parts: string[];
  numId?: string;
  ilvl?: number;
  markDeleted: boolean;
}

interface Ctx {
  region: Region; tables: TableState[]; para?: ParaBuilder; hostOrdinal?: number;
  /** The host paragraph's run, restored when a text box inside it ends. */
  savedRun?: { vanish?: boolean; rStyle?: string };
}

const NOTE_SEPARATORS = new Set(["separator", "continuationSeparator", "continuationNotice"]);

export class StoryReader implements XmlHandler {
  readonly paragraphs: RawParagraph[] = [];
  readonly textboxes: RawParagraph[] = [];
  private ctxs: Ctx[];
  private skip = 0;
  private inPPr = false;
  private run: { vanish?: boolean; rStyle?: string } | undefined;
  private inT = false;
  /** Open fields; false while in the instruction part (before fldChar separate). */
  private fields: boolean[] = [];
  private fieldsInInstr = 0;
  private alt: boolean[] = [];
  private objectDepth = 0;
  private noteId: string | undefined;
  private commentId: string | undefined;
  /** Body ordinals come from the tracker the comment writer uses too (body-ordinal.ts). */
  private readonly ordinals: BodyOrdinals | undefined;

  constructor(region: Region, private readonly doc: DocState) {
    this.ctxs = [{ region, tables: [] }];
    this.ordinals = region === "body" ? new BodyOrdinals() : undefined;
  }

  private get ctx(): Ctx {
    return this.ctxs[this.ctxs.length - 1]!;
  }

  open(name: string, a: Attrs): void {
    const ordinal = this.ordinals?.open(name);
    if (this.skip) { this.skip++; return; }
    if (SKIPPED.has(name)) {
      // An empty w:del inside the paragraph mark's rPr means the mark itself was deleted.
      if (name === "w:del" && this.inPPr && this.ctx.para) this.ctx.para.markDeleted = true;
      this.skip = 1;
      return;
    }
    const ctx = this.ctx;
    const para = ctx.para;
    switch (name) {
      case "mc:AlternateContent": this.alt.push(false); return;
      case "mc:Choice":
      case "mc:Fallback":
        // Read exactly one branch: a text box exists as DrawingML and again as VML fallback.
        if (this.alt.length && this.alt[this.alt.length - 1]) this.skip = 1;
        else if (this.alt.length) this.alt[this.alt.length - 1] = true;
        return;
      case "w:p": this.openParagraph(ordinal); return;
      case "w:pPr": if (para && !this.run) this.inPPr = true; return;
      case "w:pStyle": if (para && this.inPPr) para.raw.styleId = a["w:val"]; return;
      case "w:numId": if (para && this.inPPr) para.numId = a["w:val"]; return;
      case "w:ilvl": if (para && this.inPPr) para.ilvl = Number(a["w:val"] ?? 0); return;
      case "w:outlineLvl": if (para && this.inPPr) para.raw.outlineLvl = Number(a["w:val"]); return;
      case "w:r": this.run = {}; return;
      case "w:rStyle": if (this.run) this.run.rStyle = a["w:val"]; return;
      case "w:vanish": if (this.run && !this.inPPr) this.run.vanish = onOff(a); return;
      case "w:t": if (this.run) this.inT = true; return;
      case "w:tab": case "w:ptab": if (this.run && !this.inPPr) this.emit("\t"); return;
      case "w:br": case "w:cr": if (this.run && !this.inPPr) this.emit("\n"); return;
      case "w:noBreakHyphen": if (this.run) this.emit("-"); return;
      case "w:fldChar": this.fieldChar(a["w:fldCharType"]); return;
      case "w:tbl": ctx.tables.push({ index: ++this.doc.tableCount, row: 0, nextCol: 1, cellCol: 1, span: 1 }); return;
      case "w:tr": { const t = ctx.tables[ctx.tables.length - 1]; if (t) { t.row++; t.nextCol = 1; } return; }
      case "w:gridBefore": { const t = ctx.tables[ctx.tables.length - 1]; if (t) t.nextCol += Number(a["w:val"] ?? 0); return; }
      case "w:tc": { const t = ctx.tables[ctx.tables.length - 1]; if (t) { t.cellCol = t.nextCol; t.span = 1; } return; }
      case "w:gridSpan": { const t = ctx.tables[ctx.tables.length - 1]; if (t) t.span = Math.max(1, Number(a["w:val"] ?? 1)); return; }
      case "w:txbxContent":
        this.ctxs.push({
          region: "textbox", tables: [], savedRun: this.run,
          hostOrdinal: ctx.region === "body" ? ctx.para?.raw.ordinal : ctx.hostOrdinal,
        });
        this.run = undefined;
        return;
      case "w:commentRangeStart": if (ctx.region === "body") this.anchor(a["w:id"]).from = para ? para.raw.ordinal : this.doc.bodyCount + 1; return;
      case "w:commentRangeEnd": if (ctx.region === "body") this.anchor(a["w:id"]).to = para ? para.raw.ordinal : this.doc.bodyCount; return;
      case "w:commentReference": if (ctx.region === "body" && para) this.anchor(a["w:id"]).ref = para.raw.ordinal; return;
      case "w:footnoteReference": if (ctx.region === "body" && para) this.doc.noteRefs.set("f" + a["w:id"], para.raw.ordinal); return;
      case "w:endnoteReference": if (ctx.region === "body" && para) this.doc.noteRefs.set("e" + a["w:id"], para.raw.ordinal); return;
      case "w:headerReference": if (a["r:id"]) this.doc.headerRefs.push(a["r:id"]); return;
      case "w:footerReference": if (a["r:id"]) this.doc.footerRefs.push(a["r:id"]); return;
      case "w:altChunk": this.count("altChunk"); return;
      case "w:object": this.objectDepth++; this.count("object"); return;
      case "o:OLEObject": if (!this.objectDepth) this.count("object"); return;
      case "c:chart": this.count("chart"); return;
      case "dgm:relIds": this.count("diagram"); return;
      case "w:footnote": case "w:endnote":
        if (NOTE_SEPARATORS.has(a["w:type"] ?? "")) { this.skip = 1; return; }
        this.noteId = (name === "w:footnote" ? "f" : "e") + (a["w:id"] ?? "");
        return;
      case "w:comment": this.commentId = a["w:id"]; return;
    }
  }

  close(name: string): void {
    this.ordinals?.close(name);
    if (this.skip) { this.skip--; return; }
    const ctx = this.ctx;
    switch (name) {
      case "mc:AlternateContent": this.alt.pop(); return;
      case "w:p": this.closeParagraph(); return;
      case "w:pPr": this.inPPr = false; return;
      case "w:r": this.run = undefined; return;
      case "w:t": this.inT = false; return;
      case "w:tc": { const t = ctx.tables[ctx.tables.length - 1]; if (t) t.nextCol += t.span; return; }
      case "w:tbl": ctx.tables.pop(); return;
      case "w:txbxContent":
        if (this.ctxs.length > 1) { this.run = this.ctxs.pop()!.savedRun; this.inT = false; }
        return;
      case "w:object": this.objectDepth--; return;
      case "w:footnote": case "w:endnote": this.noteId = undefined; return;
      case "w:comment": this.commentId = undefined; return;
    }
  }

  text(text: string): void {
    if (!this.inT || this.skip || !this.run) return;
    this.emit(text);
  }

  private emit(s: string): void {
    const para = this.ctx.para;
    if (!para || this.fieldsInInstr > 0 || !this.run) return;
    const hidden = this.run.vanish ?? this.doc.styles.vanish(this.run.rStyle) ?? this.doc.styles.vanish(para.raw.styleId) ?? false;
    if (!hidden) para.parts.push(s);
  }

  private fieldChar(type: string | undefined): void {
    if (type === "begin") { this.fields.push(false); this.fieldsInInstr++; }
    else if (type === "separate") {
      const i = this.fields.length - 1;
      if (i >= 0 && !this.fields[i]) { this.fields[i] = true; this.fieldsInInstr--; }
    } else if (type === "end") {
      const wasResult = this.fields.pop();
      if (wasResult === false) this.fieldsInInstr--;
    }
  }

  private anchor(id: string | undefined): { from?: number; to?: number; ref?: number } {
    const key = id ?? "";
    let a = this.doc.commentAnchors.get(key);
    if (!a) { a = {}; this.doc.commentAnchors.set(key, a); }
    return a;
  }

  private count(what: string): void {
    this.doc.unseen.set(what, (this.doc.unseen.get(what) ?? 0) + 1);
    const ctx = this.ctx;
    if (!this.doc.unseenAt.has(what) && ctx.region === "body") {
      // Between paragraphs (altChunk), point at the paragraph that follows.
      this.doc.unseenAt.set(what, ctx.para ? ctx.para.raw.ordinal : this.doc.bodyCount + 1);
    }
  }

  private openParagraph(bodyOrdinal: number | undefined): void {
    const ctx = this.ctx;
    const t = ctx.tables[ctx.tables.length - 1];
    const raw: RawParagraph = {
      region: ctx.region,
      ordinal: ctx.region === "body" ? (this.doc.bodyCount = bodyOrdinal ?? this.doc.bodyCount + 1) : 0,
      text: "",
      table: t ? { index: t.index, row: t.row, column: t.cellCol } : null,
    };
    if (ctx.hostOrdinal !== undefined) raw.hostOrdinal = ctx.hostOrdinal;
    if (this.noteId !== undefined) { raw.noteId = this.noteId; raw.hostOrdinal = this.doc.noteRefs.get(this.noteId); }
    if (this.commentId !== undefined) raw.commentId = this.commentId;
    ctx.para = { raw, parts: [], markDeleted: false };
    this.inPPr = false;
  }

  private closeParagraph(): void {
    const ctx = this.ctx;
    const para = ctx.para;
    if (!para) return;
    ctx.para = undefined;
    const raw = para.raw;
    raw.text = para.parts.join("");
    const { styles, numbering } = this.doc;
    const fromStyle = styles.numbering(raw.styleId);
    const numId = para.numId ?? fromStyle.numId;
    if (numId && numId !== "0" && !(para.markDeleted && raw.text === "")) {
      const linked = para.numId === undefined && raw.styleId ? numbering.styleLevel(numId, raw.styleId) : undefined;
      const ilvl = para.ilvl ?? linked ?? fromStyle.ilvl ?? 0;
      const label = numbering.next(numId, ilvl);
      if (label) raw.label = label;
    }
    (ctx.region === "textbox" ? this.textboxes : this.paragraphs).push(raw);
  }
}
