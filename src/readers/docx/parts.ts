// Locates the parts of a .docx through its relationships instead of assuming file names, since
// other producers (and Word for some documents) use different names, e.g. word/document2.xml.
import { InputError } from "../errors.js";
import type { ZipArchive } from "./zip.js";
import { parseXml } from "./xml.js";

export interface Relationship { type: string; target: string }

export interface DocxParts {
  document: string;
  styles?: string;
  numbering?: string;
  footnotes?: string;
  endnotes?: string;
  comments?: string;
  /** rId → part name, for header/footer references in the document. */
  rels: Map<string, Relationship>;
}

function readRels(zip: ZipArchive, relsPart: string, baseDir: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const bytes = zip.read(relsPart);
  if (!bytes) return rels;
  parseXml(bytes, relsPart, {
    open(name, a) {
      if (name !== "Relationship" || a.TargetMode === "External" || !a.Id || !a.Target) return;
      rels.set(a.Id, { type: a.Type ?? "", target: resolvePath(baseDir, a.Target) });
    },
    close() {},
    text() {},
  });
  return rels;
}

function resolvePath(baseDir: string, target: string): string {
  const out: string[] = [];
  const joined = target.startsWith("/") ? target.slice(1) : (baseDir ? baseDir + "/" : "") + target;
  for (const seg of joined.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

const typeIs = (rel: Relationship, last: string): boolean => rel.type.endsWith("/" + last);

export function locateParts(zip: ZipArchive): DocxParts {
  const root = readRels(zip, "_rels/.rels", "");
  let document = [...root.values()].find((r) => typeIs(r, "officeDocument"))?.target;
  if (!document || !zip.has(document)) document = "word/document.xml";
  if (!zip.has(document)) throw new InputError("not-docx", "docx.no-document", {});
  const dir = document.includes("/") ? document.slice(0, document.lastIndexOf("/")) : "";
  const file = document.slice(dir ? dir.length + 1 : 0);
  const rels = readRels(zip, `${dir ? dir + "/" : ""}_rels/${file}.rels`, dir);
  const find = (last: string, fallback: string): string | undefined => {
    const t = [...rels.values()].find((r) => typeIs(r, last))?.target;
    if (t && zip.has(t)) return t;
    return zip.has(fallback) ? fallback : undefined;
  };
  return {
    document,
    styles: find("styles", "word/styles.xml"),
    numbering: find("numbering", "word/numbering.xml"),
    footnotes: find("footnotes", "word/footnotes.xml"),
    endnotes: find("endnotes", "word/endnotes.xml"),
    comments: find("comments", "word/comments.xml"),
    rels,
  };
}
