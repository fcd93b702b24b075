// Reading an annotated file back with the reader's own parts: where each comment is anchored
// (body paragraph ordinals, as the reader counts them) and what each comment says.
import { ZipArchive } from "../../src/readers/docx/zip.js";
import { locateParts } from "../../src/readers/docx/parts.js";
import { parseXml } from "../../src/readers/docx/xml.js";
import { parseStyles } from "../../src/readers/docx/styles.js";
import { parseNumbering } from "../../src/readers/docx/numbering.js";
import { StoryReader, type CommentAnchor, type DocState } from "../../src/readers/docx/story.js";

export interface ReadComment { id: string; text: string; anchor: CommentAnchor | undefined; author?: string }

export function commentsOf(bytes: Uint8Array): ReadComment[] {
  const zip = new ZipArchive(bytes);
  const parts = locateParts(zip);
  const doc: DocState = {
    styles: parseStyles(undefined), numbering: parseNumbering(undefined),
    tableCount: 0, bodyCount: 0, unseen: new Map(), unseenAt: new Map(), commentAnchors: new Map(), noteRefs: new Map(),
    headerRefs: [], footerRefs: [],
  };
  parseXml(zip.read(parts.document)!, parts.document, new StoryReader("body", doc));
  if (!parts.comments) return [];
  const reader = new StoryReader("comment", doc);
  const authors = new Map<string, string>();
  parseXml(zip.read(parts.comments)!, parts.comments, {
    open: (name, a) => { reader.open(name, a); if (name === "w:comment" && a["w:id"]) authors.set(a["w:id"], a["w:author"] ?? ""); },
    close: (name) => reader.close(name),
    text: (s) => reader.text(s),
  });
  const byId = new Map<string, string[]>();
  for (const p of reader.paragraphs) byId.set(p.commentId!, [...(byId.get(p.commentId!) ?? []), p.text]);
  return [...byId].map(([id, texts]) => ({ id, text: texts.join("\n"), anchor: doc.commentAnchors.get(id), author: authors.get(id) }));
}

/** Each entry's stored bytes: local header, compressed data and central record fields that matter. */
export function rawEntries(bytes: Uint8Array): Map<string, Buffer> {
  const zip = new ZipArchive(bytes);
  const out = new Map<string, Buffer>();
  const buf = Buffer.from(bytes);
  for (const e of zip.entries.values()) {
    const lh = e.localHeaderOffset;
    const start = lh + 30 + buf.readUInt16LE(lh + 26) + buf.readUInt16LE(lh + 28);
    out.set(e.name, buf.subarray(lh, start + e.compressedSize));
  }
  return out;
}

type Main = (argv: string[], io: import("../../src/cli/io.js").Io, cwd: string) => Promise<number>;

/** The built CLI's main, in process: `annotate` lints in the worker pool, whose workers run dist/cli/worker.js. */
export async function builtMain(): Promise<Main> {
  const { ensureBuilt } = await import("../bad-input/harness.js");
  ensureBuilt();
  const built = "../../dist/cli/main.js";
  return (await import(built) as { main: Main }).main;
}
