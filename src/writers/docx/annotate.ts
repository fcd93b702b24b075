// Writes findings back into a Word file as comments. Only the main document part, the comments
// part, the document's relationships and [Content_Types].xml change; every other entry is copied
// byte for byte (zip-rewrite.ts).
import { ZipArchive } from "../../readers/docx/zip.js";
import { locateParts } from "../../readers/docx/parts.js";
import { decodePart } from "../../readers/docx/xml.js";
import { paragraphSpans, type ParagraphSpan } from "./paragraph-spans.js";
import { rewriteZip } from "./zip-rewrite.js";
import {
  appendToRoot, ensureCommentsContentType, ensureCommentsRel, escapeXml, maxCommentId, newCommentsPart,
} from "./package-parts.js";

export interface CommentNote {
  /** Body paragraph ordinal (Location.line of a body finding); anything else lands on paragraph 1. */
  ordinal: number;
  /** One comment paragraph per line. */
  lines: string[];
}

export interface AnnotateOptions { author: string; initials: string }

const utf8 = new TextEncoder();

function commentXml(id: number, note: CommentNote, o: AnnotateOptions): string {
  const paras = note.lines.map((line) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`);
  return `<w:comment w:id="${id}" w:author="${escapeXml(o.author)}" w:initials="${escapeXml(o.initials)}">${paras.join("")}</w:comment>`;
}

/** Inserts the range marks and reference runs of `ids` into paragraph `span`, from the back so offsets hold. */
function anchorEdits(xml: string, span: ParagraphSpan, ids: number[]): { at: number; to: number; text: string }[] {
  const starts = ids.map((id) => `<w:commentRangeStart w:id="${id}"/>`).join("");
  const ends = ids.map((id) => `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`).join("");
  if (span.selfClosing) {
    const open = xml.slice(span.openStart, span.openEnd).replace(/\s*\/>$/, ">");
    return [{ at: span.openStart, to: span.openEnd, text: open + starts + ends + "</w:p>" }];
  }
  return [{ at: span.closeStart, to: span.closeStart, text: ends }, { at: span.contentStart, to: span.contentStart, text: starts }];
}

/** Writes everything we produce as UTF-8, so a UTF-16 part's declaration must say so too. */
function asUtf8(xml: string): Uint8Array {
  return utf8.encode(xml.replace(/^(<\?xml[^>]*?encoding=["'])[^"']*(["'])/, "$1UTF-8$2"));
}

export function annotateDocx(bytes: Uint8Array, notes: CommentNote[], o: AnnotateOptions): Uint8Array {
  const zip = new ZipArchive(bytes);
  const parts = locateParts(zip);
  const docXml = decodePart(zip.read(parts.document)!, parts.document);
  const spans = paragraphSpans(docXml);
  if (!spans.length || !notes.length) return bytes;
  const commentsPart = parts.comments;
  const oldComments = commentsPart ? decodePart(zip.read(commentsPart)!, commentsPart) : undefined;

  let nextId = maxCommentId(docXml, oldComments ?? "") + 1;
  const byOrdinal = new Map<number, number[]>();
  const comments: string[] = [];
  for (const note of notes) {
    const ordinal = note.ordinal >= 1 && note.ordinal <= spans.length ? note.ordinal : 1;
    const id = nextId++;
    comments.push(commentXml(id, note, o));
    byOrdinal.set(ordinal, [...(byOrdinal.get(ordinal) ?? []), id]);
  }
  const edits = [...byOrdinal].flatMap(([ordinal, ids]) => anchorEdits(docXml, spans[ordinal - 1]!, ids));
  edits.sort((a, b) => b.at - a.at);
  let doc = docXml;
  for (const e of edits) doc = doc.slice(0, e.at) + e.text + doc.slice(e.to);

  const dir = parts.document.includes("/") ? parts.document.slice(0, parts.document.lastIndexOf("/")) : "";
  const file = parts.document.slice(dir ? dir.length + 1 : 0);
  const commentsName = commentsPart ?? `${dir ? dir + "/" : ""}comments.xml`;
  const relsName = `${dir ? dir + "/" : ""}_rels/${file}.rels`;
  const relsBytes = zip.read(relsName);
  const relTarget = dir && commentsName.startsWith(dir + "/") ? commentsName.slice(dir.length + 1) : "/" + commentsName;
  const typesBytes = zip.read("[Content_Types].xml");
  if (!typesBytes) throw new Error("annotate: no [Content_Types].xml");

  const replace = new Map<string, Uint8Array>();
  replace.set(parts.document, asUtf8(doc));
  replace.set(commentsName, asUtf8(oldComments !== undefined ? appendToRoot(oldComments, comments.join("")) : newCommentsPart(comments.join(""))));
  const rels = relsBytes ? decodePart(relsBytes, relsName) : undefined;
  const newRels = ensureCommentsRel(rels, relTarget);
  if (newRels !== rels) replace.set(relsName, asUtf8(newRels));
  const types = decodePart(typesBytes, "[Content_Types].xml");
  const newTypes = ensureCommentsContentType(types, "/" + commentsName);
  if (newTypes !== types) replace.set("[Content_Types].xml", asUtf8(newTypes));
  return rewriteZip(bytes, replace, parts.document);
}
