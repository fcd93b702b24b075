// Writes findings back into a Word file as comments, the way Word itself stores them: the comment
// (with w:date and an annotationRef run) in comments.xml, its range and reference in the document,
// and its entries in the parts modern Word keeps beside comments.xml (comment-parts.ts). Comments an
// earlier run wrote are removed first (strip-comments.ts), so annotating an annotated copy replaces
// them and gives the same bytes. Only the parts involved, the document's relationships and
// [Content_Types].xml change; every other entry is copied byte for byte (zip-rewrite.ts).
import { ZipArchive } from "../../readers/docx/zip.js";
import { locateParts } from "../../readers/docx/parts.js";
import { decodePart } from "../../readers/docx/xml.js";
import { paragraphSpans, type ParagraphSpan } from "./paragraph-spans.js";
import { rewriteZip } from "./zip-rewrite.js";
import {
  appendToRoot, COMMENTS_CONTENT_TYPE, COMMENTS_REL_TYPE, ensureOverride, ensureRel, escapeXml, maxCommentId, newCommentsPart,
} from "./package-parts.js";
import {
  appendExtra, declareW14, EXTRA_PARTS, extraEntries, newExtraPart, stableId, takenIds, type CommentIds, type ExtraPart,
} from "./comment-parts.js";
import { stripAnchors, stripCommentsPart, stripExtraEntries, type Stripped } from "./strip-comments.js";
import { commentDate } from "./comment-date.js";

/** A piece of a comment line; `bold` marks the words a finding is about. */
export interface CommentRun { text: string; bold?: boolean }

export interface CommentNote {
  /** Body paragraph ordinal (Location.line of a body finding), or the title: the first body paragraph with text. */
  ordinal: number | "title";
  /** One comment paragraph per line. */
  lines: CommentRun[][];
}

export interface AnnotateOptions {
  author: string;
  initials: string;
  /** w:date of every comment (W3CDTF); default: the draft's own date (comment-date.ts). */
  date?: string;
}

const utf8 = new TextEncoder();

/** Word's placeholder for a paragraph text id it has not computed. */
const TEXT_ID = "77777777";

function runXml(r: CommentRun): string {
  return `<w:r>${r.bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${escapeXml(r.text)}</w:t></w:r>`;
}

/** The comment; its first paragraph opens with the annotationRef run Word puts there. */
function commentXml(id: number, lines: CommentRun[][], paraIds: string[], o: AnnotateOptions & { date: string }): string {
  const paras = lines.map((line, i) => `<w:p w14:paraId="${paraIds[i]}" w14:textId="${TEXT_ID}">`
    + (i === 0 ? "<w:r><w:annotationRef/></w:r>" : "") + line.map(runXml).join("") + "</w:p>");
  return `<w:comment w:id="${id}" w:author="${escapeXml(o.author)}" w:date="${o.date}" w:initials="${escapeXml(o.initials)}">${paras.join("")}</w:comment>`;
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

/** The first body paragraph with visible text (the title), else the first paragraph. */
function titleOrdinal(xml: string, spans: ParagraphSpan[]): number {
  const found = spans.find((s) => !s.selfClosing && /<w:t(?:\s[^>]*)?>[^<]*\S/.test(xml.slice(s.contentStart, s.closeStart)));
  return found?.ordinal ?? 1;
}

/** Writes everything we produce as UTF-8, so a UTF-16 part's declaration must say so too. */
function asUtf8(xml: string): Uint8Array {
  return utf8.encode(xml.replace(/^(<\?xml[^>]*?encoding=["'])[^"']*(["'])/, "$1UTF-8$2"));
}

/** The package as text, with what changed; `put` records a part only when its text differs. */
class PackageEdit {
  readonly zip: ZipArchive;
  readonly parts: ReturnType<typeof locateParts>;
  readonly dir: string;
  private readonly replace = new Map<string, Uint8Array>();

  constructor(readonly bytes: Uint8Array) {
    this.zip = new ZipArchive(bytes);
    this.parts = locateParts(this.zip);
    const d = this.parts.document;
    this.dir = d.includes("/") ? d.slice(0, d.lastIndexOf("/")) : "";
  }

  read(name: string | undefined): string | undefined {
    const b = name ? this.zip.read(name) : undefined;
    return b && name ? decodePart(b, name) : undefined;
  }

  put(name: string, before: string | undefined, after: string): void {
    if (after !== before) this.replace.set(name, asUtf8(after));
  }

  /** A part the document's relationships name by type, else `file` beside the document. */
  partFor(typeEnd: string, file: string): { name: string; exists: boolean } {
    const rel = [...this.parts.rels.values()].find((r) => r.type.endsWith("/" + typeEnd));
    if (rel && this.zip.has(rel.target)) return { name: rel.target, exists: true };
    const name = `${this.dir ? this.dir + "/" : ""}${file}`;
    return { name, exists: this.zip.has(name) };
  }

  relTarget(name: string): string {
    return this.dir && name.startsWith(this.dir + "/") ? name.slice(this.dir.length + 1) : "/" + name;
  }

  write(): Uint8Array {
    return this.replace.size ? rewriteZip(this.bytes, this.replace, this.parts.document) : this.bytes;
  }
}

/** Removes our earlier comments from the text of the document, comments and extra parts. */
function stripOwn(author: string, texts: Map<string, string | undefined>): void {
  const doc = texts.get("document")!;
  const comments = texts.get("comments");
  if (comments === undefined) return;
  const r = stripCommentsPart(comments, author);
  if (!r.stripped.ids.size) return;
  texts.set("comments", r.xml);
  texts.set("document", stripAnchors(doc, r.stripped.ids));
  const s: Stripped = r.stripped;
  // commentsIds before commentsExtensible: the durable ids to remove are found there.
  for (const key of ["commentsExtended", "commentsIds", "commentsExtensible"] as const) {
    const xml = texts.get(key);
    if (xml !== undefined) texts.set(key, stripExtraEntries(xml, s));
  }
}

/** Our earlier comments removed: what the linter reads, so it never judges its own comments. */
export function stripOwnComments(bytes: Uint8Array, author: string): Uint8Array {
  return annotateDocx(bytes, [], { author, initials: "" });
}

export function annotateDocx(bytes: Uint8Array, notes: CommentNote[], opts: AnnotateOptions): Uint8Array {
  const pkg = new PackageEdit(bytes);
  const commentsPart = pkg.partFor("comments", "comments.xml");
  const extraParts = new Map(EXTRA_PARTS.map((p) => [p.key, pkg.partFor(p.key, p.file)] as const));
  const original = new Map<string, string | undefined>([
    ["document", pkg.read(pkg.parts.document)],
    ["comments", commentsPart.exists ? pkg.read(commentsPart.name) : undefined],
    ...EXTRA_PARTS.map((p) => [p.key, extraParts.get(p.key)!.exists ? pkg.read(extraParts.get(p.key)!.name) : undefined] as const),
  ]);
  const texts = new Map(original);
  stripOwn(opts.author, texts);

  let doc = texts.get("document")!;
  const spans = paragraphSpans(doc);
  if (spans.length && notes.length) {
    const o = { ...opts, date: opts.date ?? commentDate(bytes, pkg.zip, pkg.parts.document) };
    const oldComments = texts.get("comments");
    const taken = takenIds(doc, oldComments ?? "", ...EXTRA_PARTS.map((p) => texts.get(p.key) ?? ""));
    let nextId = maxCommentId(doc, oldComments ?? "") + 1;
    const title = titleOrdinal(doc, spans);
    const byOrdinal = new Map<number, number[]>();
    const comments: string[] = [];
    const ids: CommentIds[] = [];
    for (const note of notes) {
      const ordinal = typeof note.ordinal === "number" && note.ordinal >= 1 && note.ordinal <= spans.length ? note.ordinal : title;
      const id = nextId++;
      const seed = `${id}\n${ordinal}\n${note.lines.map((l) => l.map((r) => r.text).join("")).join("\n")}`;
      const paraIds = note.lines.map((_, i) => stableId(`${seed}\np${i}`, taken));
      ids.push({ paraId: paraIds[paraIds.length - 1]!, durableId: stableId(`${seed}\nd`, taken) });
      comments.push(commentXml(id, note.lines, paraIds, o));
      byOrdinal.set(ordinal, [...(byOrdinal.get(ordinal) ?? []), id]);
    }
    const edits = [...byOrdinal].flatMap(([ordinal, list]) => anchorEdits(doc, spans[ordinal - 1]!, list));
    edits.sort((a, b) => b.at - a.at);
    for (const e of edits) doc = doc.slice(0, e.at) + e.text + doc.slice(e.to);
    texts.set("document", doc);
    texts.set("comments", oldComments !== undefined ? appendToRoot(declareW14(oldComments), comments.join("")) : newCommentsPart(comments.join("")));
    for (const p of EXTRA_PARTS) texts.set(p.key, extraPart(p, texts.get(p.key), ids, o));
    addPackageEntries(pkg, commentsPart.name, extraParts);
  }

  pkg.put(pkg.parts.document, original.get("document"), texts.get("document")!);
  if (texts.get("comments") !== undefined) pkg.put(commentsPart.name, original.get("comments"), texts.get("comments")!);
  for (const p of EXTRA_PARTS) {
    const text = texts.get(p.key);
    if (text !== undefined) pkg.put(extraParts.get(p.key)!.name, original.get(p.key), text);
  }
  return pkg.write();
}

function extraPart(p: ExtraPart, xml: string | undefined, ids: CommentIds[], o: AnnotateOptions & { date: string }): string {
  const hasPerson = p.key === "people" && !!xml?.includes(`w15:author="${escapeXml(o.author)}"`);
  const content = extraEntries(p.key, ids, o.date, o.author, hasPerson);
  return xml !== undefined ? appendExtra(p, xml, content) : newExtraPart(p, content);
}

/** Relationships from the document and content types for the comments part and the parts beside it. */
function addPackageEntries(pkg: PackageEdit, commentsName: string, extra: Map<ExtraPart["key"], { name: string }>): void {
  const d = pkg.parts.document;
  const file = d.slice(pkg.dir ? pkg.dir.length + 1 : 0);
  const relsName = `${pkg.dir ? pkg.dir + "/" : ""}_rels/${file}.rels`;
  const rels = pkg.read(relsName);
  const types = pkg.read("[Content_Types].xml");
  if (types === undefined) throw new Error("annotate: no [Content_Types].xml");
  let newRels = ensureRel(rels, COMMENTS_REL_TYPE, pkg.relTarget(commentsName));
  let newTypes = ensureOverride(types, "/" + commentsName, COMMENTS_CONTENT_TYPE);
  for (const p of EXTRA_PARTS) {
    const name = extra.get(p.key)!.name;
    newRels = ensureRel(newRels, p.relType, pkg.relTarget(name));
    newTypes = ensureOverride(newTypes, "/" + name, p.contentType);
  }
  pkg.put(relsName, rels, newRels);
  pkg.put("[Content_Types].xml", types, newTypes);
}
