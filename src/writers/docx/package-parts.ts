// The package bookkeeping a comments part needs: the comments part itself, its relationship
// from the document, and its content type (the same for the parts beside it, comment-parts.ts). Each edit is a text insertion so the rest of the part
// stays as the producer wrote it.
import { scanTags } from "./xml-tags.js";

export const COMMENTS_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
export const COMMENTS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml";
export const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
export const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export function escapeXml(s: string): string {
  // Control characters are not allowed in XML 1.0 at all; tabs and newlines are handled by the caller.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Inserts `content` as the last children of the root element, expanding `<root/>` if needed. */
export function appendToRoot(xml: string, content: string): string {
  let rootOpen: { name: string; end: number; selfClosing: boolean } | undefined;
  let lastClose = -1;
  scanTags(xml, (tag) => {
    if (!rootOpen && tag.kind === "open") rootOpen = { name: tag.name, end: tag.end, selfClosing: tag.selfClosing };
    else if (tag.kind === "close" && rootOpen && tag.name === rootOpen.name) lastClose = tag.start;
  });
  if (!rootOpen) throw new Error("appendToRoot: no root element");
  if (rootOpen.selfClosing) {
    const slash = xml.lastIndexOf("/", rootOpen.end - 1);
    return xml.slice(0, slash) + ">" + content + `</${rootOpen.name}>` + xml.slice(rootOpen.end);
  }
  return xml.slice(0, lastClose) + content + xml.slice(lastClose);
}

export function newCommentsPart(content: string): string {
  return `${DECLARATION}<w:comments xmlns:mc="${MC_NS}" xmlns:w="${W_NS}" xmlns:w14="${W14_NS}" mc:Ignorable="w14">${content}</w:comments>`;
}

/** Highest w:id of comments and comment anchors in the given parts (-1 when none). */
export function maxCommentId(...xmls: string[]): number {
  let max = -1;
  for (const xml of xmls) {
    for (const m of xml.matchAll(/<w:(?:comment|commentRangeStart|commentRangeEnd|commentReference)\b[^>]*?\sw:id="(-?\d+)"/g)) {
      max = Math.max(max, Number(m[1]));
    }
  }
  return max;
}

/** Adds a relationship of `type` when the document's rels have none; returns the rels text. */
export function ensureRel(rels: string | undefined, type: string, target: string): string {
  const xml = rels ?? `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`;
  if (xml.includes(`Type="${type}"`)) return xml;
  const used = new Set([...xml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return appendToRoot(xml, `<Relationship Id="rId${n}" Type="${type}" Target="${escapeXml(target)}"/>`);
}

/** Adds the content-type override for `partName` unless one exists. */
export function ensureOverride(types: string, partName: string, contentType: string): string {
  const re = new RegExp(`PartName="${partName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`, "i");
  if (re.test(types)) return types;
  return appendToRoot(types, `<Override PartName="${escapeXml(partName)}" ContentType="${contentType}"/>`);
}
