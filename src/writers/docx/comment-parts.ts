// The parts modern Word (2016 and later, Microsoft 365) writes beside comments.xml, so a comment
// we add behaves like one Word added (threading, resolved state, author card, UTC date):
//   commentsExtended.xml   w15:commentEx per comment (its last paragraph's w14:paraId, done="0")
//   commentsIds.xml        w16cid:commentId: paraId → durableId
//   commentsExtensible.xml w16cex:commentExtensible: durableId → dateUtc
//   people.xml             w15:person for the author
// Each is created when missing, otherwise our entries are appended; relationships and content
// types are added the same way as for comments.xml.
import { createHash } from "node:crypto";
import { appendToRoot, DECLARATION, escapeXml, MC_NS, W14_NS, W_NS } from "./package-parts.js";

export interface ExtraPart {
  /** Relationship type ending, as parts.ts matches it. */
  key: "commentsExtended" | "commentsIds" | "commentsExtensible" | "people";
  file: string;
  relType: string;
  contentType: string;
  root: string;
  prefix: string;
  ns: string;
}

/** In the order Word lists them. */
export const EXTRA_PARTS: readonly ExtraPart[] = [
  { key: "commentsExtended", file: "commentsExtended.xml", relType: "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml",
    root: "w15:commentsEx", prefix: "w15", ns: "http://schemas.microsoft.com/office/word/2012/wordml" },
  { key: "commentsIds", file: "commentsIds.xml", relType: "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml",
    root: "w16cid:commentsIds", prefix: "w16cid", ns: "http://schemas.microsoft.com/office/word/2016/wordml/cid" },
  { key: "commentsExtensible", file: "commentsExtensible.xml", relType: "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtensible+xml",
    root: "w16cex:commentsExtensible", prefix: "w16cex", ns: "http://schemas.microsoft.com/office/word/2018/wordml/cex" },
  { key: "people", file: "people.xml", relType: "http://schemas.microsoft.com/office/2011/relationships/people",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml",
    root: "w15:people", prefix: "w15", ns: "http://schemas.microsoft.com/office/word/2012/wordml" },
];

/** A new part: the root with its namespace, Word's markup-compatibility header, and `content`. */
export function newExtraPart(p: ExtraPart, content: string): string {
  return `${DECLARATION}<${p.root} xmlns:mc="${MC_NS}" xmlns:w="${W_NS}" xmlns:${p.prefix}="${p.ns}" mc:Ignorable="${p.prefix}">${content}</${p.root}>`;
}

/**
 * A paragraph or durable id: 8 hex digits below 0x80000000 (Word's rule), derived from `seed` so a
 * second run writes the same ids, and different from every id in `taken`.
 */
export function stableId(seed: string, taken: Set<string>): string {
  let n = createHash("sha1").update(seed).digest().readUInt32BE(0) & 0x7ffffffe;
  let id = "";
  do { id = (n || 1).toString(16).toUpperCase().padStart(8, "0"); n = (n + 1) & 0x7ffffffe; } while (taken.has(id));
  taken.add(id);
  return id;
}

/** Every w14:paraId / durableId already in the given parts, so new ones never collide. */
export function takenIds(...xmls: string[]): Set<string> {
  const out = new Set<string>();
  for (const xml of xmls) for (const m of xml.matchAll(/:(?:paraId|durableId)="([0-9A-Fa-f]{8})"/g)) out.add(m[1]!.toUpperCase());
  return out;
}

export interface CommentIds { paraId: string; durableId: string }

/** Our entries of each part, for comments whose last paragraphs have `ids`. */
export function extraEntries(key: ExtraPart["key"], ids: CommentIds[], date: string, author: string, hasPerson: boolean): string {
  switch (key) {
    case "commentsExtended": return ids.map((c) => `<w15:commentEx w15:paraId="${c.paraId}" w15:done="0"/>`).join("");
    case "commentsIds": return ids.map((c) => `<w16cid:commentId w16cid:paraId="${c.paraId}" w16cid:durableId="${c.durableId}"/>`).join("");
    case "commentsExtensible": return ids.map((c) => `<w16cex:commentExtensible w16cex:durableId="${c.durableId}" w16cex:dateUtc="${date}"/>`).join("");
    case "people": return hasPerson ? ""
      : `<w15:person w15:author="${escapeXml(author)}"><w15:presenceInfo w15:providerId="None" w15:userId="${escapeXml(author)}"/></w15:person>`;
  }
}

/** Adds our entries to an existing part (declaring its namespace on the root if the producer did not). */
export function appendExtra(p: ExtraPart, xml: string, content: string): string {
  if (!content) return xml;
  const rootStart = xml.indexOf(`<${p.root}`);
  if (rootStart >= 0 && !xml.slice(rootStart, xml.indexOf(">", rootStart)).includes(`xmlns:${p.prefix}=`)) {
    const at = rootStart + p.root.length + 1;
    xml = xml.slice(0, at) + ` xmlns:${p.prefix}="${p.ns}"` + xml.slice(at);
  }
  return appendToRoot(xml, content);
}

/** Declares w14 on the comments root (for w14:paraId) when it is not declared there yet. */
export function declareW14(commentsXml: string): string {
  const m = /<w:comments\b[^>]*>/.exec(commentsXml);
  if (!m || m[0].includes("xmlns:w14=")) return commentsXml;
  const at = m.index + "<w:comments".length;
  return commentsXml.slice(0, at) + ` xmlns:w14="${W14_NS}"` + commentsXml.slice(at);
}
