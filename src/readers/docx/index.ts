// The Word (.docx) reader: bytes → SpecDocument.
//
// Paragraph ordinals (Location.line / .paragraph):
//   - body: every w:p of word/document.xml outside text boxes, in document order, 1-based, table-cell
//     paragraphs and empty paragraphs included (the count a Word comment write-back uses);
//   - other regions continue after the last body ordinal, in this order: text boxes (in the order
//     they end in the document), headers, footers (in order of first reference), footnotes,
//     endnotes, comments (in part order). So every paragraph of the file has one unique ordinal.
// column = 1-based UTF-16 offset in the block text (w:tab = "\t", w:br/w:cr = "\n", all on the
// same line); endColumn = text length + 1.
import type { Block, ReaderNotice, Region, SpecDocument } from "../../model/document.js";
import { ZipArchive, DEFAULT_ZIP_LIMITS, type ZipLimits } from "./zip.js";
import { locateParts } from "./parts.js";
import { parseStyles } from "./styles.js";
import { parseNumbering } from "./numbering.js";
import { parseXml } from "./xml.js";
import { StoryReader, type DocState, type RawParagraph } from "./story.js";
import { bodyBlocks, regionBlocks } from "./blocks.js";
import { commentDirectives } from "./comments.js";

export interface ReadDocxOptions {
  /** Hard cap on bytes inflated from the archive, all parts together (default 256 MiB). */
  maxInflatedBytes?: number;
  /** Most zip entries accepted (default 10 000). */
  maxEntries?: number;
}

const UNSEEN_NAMES: Record<string, string> = {
  altChunk: "altChunk",
  object: "embedded object (OLE)",
  chart: "chart",
  diagram: "SmartArt diagram",
};

/** ReaderNotice.what → message id (src/i18n/readers-docx.ts) naming it in Japanese/English. */
export const UNSEEN_MESSAGE_IDS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(UNSEEN_NAMES).map(([key, what]) => [what, `docx.unseen.${key}`]),
);

function readStory(zip: ZipArchive, part: string | undefined, region: Region, doc: DocState): StoryReader {
  const reader = new StoryReader(region, doc);
  const bytes = part ? zip.read(part) : undefined;
  if (bytes && part) parseXml(bytes, part, reader);
  return reader;
}

export function readDocx(bytes: Uint8Array, uri: string, opts: ReadDocxOptions = {}): SpecDocument {
  const limits: ZipLimits = {
    ...DEFAULT_ZIP_LIMITS,
    ...(opts.maxEntries !== undefined ? { maxEntries: opts.maxEntries } : {}),
    ...(opts.maxInflatedBytes !== undefined ? { maxInflatedBytes: opts.maxInflatedBytes } : {}),
  };
  const zip = new ZipArchive(bytes, limits);
  const parts = locateParts(zip);
  const styles = parseStyles(parts.styles ? zip.read(parts.styles) : undefined, parts.styles);
  const numbering = parseNumbering(parts.numbering ? zip.read(parts.numbering) : undefined, parts.numbering);
  numbering.styleNumId = (styleId) => styles.byId.get(styleId)?.numId;
  const doc: DocState = {
    styles, numbering,
    tableCount: 0, bodyCount: 0, unseen: new Map(), unseenAt: new Map(), commentAnchors: new Map(), noteRefs: new Map(),
    headerRefs: [], footerRefs: [],
  };

  const body = readStory(zip, parts.document, "body", doc);
  const textboxes: RawParagraph[] = [...body.textboxes];
  const others: RawParagraph[][] = [];
  for (const [refs, region] of [[doc.headerRefs, "header"], [doc.footerRefs, "footer"]] as const) {
    for (const rId of new Set(refs)) {
      const target = parts.rels.get(rId)?.target;
      if (!target || !zip.has(target)) continue;
      const r = readStory(zip, target, region, doc);
      others.push(r.paragraphs);
      textboxes.push(...r.textboxes);
    }
  }
  const notesAndComments: RawParagraph[][] = [];
  for (const [part, region] of [[parts.footnotes, "footnote"], [parts.endnotes, "endnote"], [parts.comments, "comment"]] as const) {
    if (!part) continue;
    const r = readStory(zip, part, region, doc);
    notesAndComments.push(r.paragraphs);
    textboxes.push(...r.textboxes);
  }
  const comments = notesAndComments.flat().filter((p) => p.region === "comment");
  for (const p of comments) {
    const a = p.commentId !== undefined ? doc.commentAnchors.get(p.commentId) : undefined;
    const host = a?.from ?? a?.ref;
    if (host !== undefined) p.hostOrdinal = host;
  }

  // Word numbers footnotes and endnotes in the order the body refers to them.
  const noteNumbers = new Map<string, number>();
  const counts = { f: 0, e: 0 };
  for (const id of doc.noteRefs.keys()) noteNumbers.set(id, ++counts[id[0] as "f" | "e"]);
  for (const p of notesAndComments.flat()) {
    const n = p.noteId !== undefined ? noteNumbers.get(p.noteId) : undefined;
    if (n !== undefined) p.noteNumber = n;
  }

  let next = doc.bodyCount;
  const rest = [textboxes, ...others, ...notesAndComments].flat();
  for (const p of rest) p.ordinal = ++next;

  const { blocks: main, pathAfter } = bodyBlocks(body.paragraphs, doc.styles);
  const blocks: Block[] = [...main, ...regionBlocks(rest, pathAfter)];

  const title = body.paragraphs.find((p) => !p.table && p.text.trim() !== "");
  const bodyTexts = new Map(body.paragraphs.map((p) => [p.ordinal, p.text]));
  const directives = commentDirectives(comments, doc.commentAnchors, title?.ordinal, bodyTexts);

  const notices: ReaderNotice[] = [];
  for (const [key, count] of doc.unseen) {
    const notice: ReaderNotice = { code: "unseen-content", what: UNSEEN_NAMES[key] ?? key, count };
    const at = doc.unseenAt.get(key);
    const host = at !== undefined ? body.paragraphs[Math.min(at, body.paragraphs.length) - 1] : undefined;
    if (host) {
      notice.location = {
        line: host.ordinal, column: 1, endLine: host.ordinal, endColumn: host.text.length + 1,
        paragraph: host.ordinal, region: "body", table: host.table,
      };
    }
    notices.push(notice);
  }
  return { uri, format: "docx", blocks, directives, notices };
}

export { InputError } from "../errors.js";
