// bytes → SpecDocument. The format is decided by content first and by the file name second:
// users rename files and Word saves other formats under familiar names, so a zip is read as Word
// whatever it is called, and an OLE, PDF, RTF or image file is refused with advice for what it is.
//
// Decisions (what a user expects; the CLI README should repeat them):
// - A zip is always given to the Word reader, even if named .md: a renamed .docx is far more likely
//   than a Markdown file that happens to start with "PK\x03\x04"; a zip that is not Word (xlsx, plain
//   zip) is then reported by the Word reader as "not-docx".
// - Text named .docx (or .doc) is "not-docx", with advice to rename or re-save; an empty .docx is
//   "not-docx" too: there is nothing Word could have written.
// - An empty (or whitespace-only) .md / .txt is a valid empty document: the rules then report every
//   required clause as missing, which is the truth about that file.
// - Text with no extension (stdin without --stdin-filename, a file named README) is read as Markdown
//   when it has Markdown headings or tables, otherwise as plain text (specs pasted from Word/PDF).
// - Text with any other extension (.html, .csv …) is "unsupported": reading it as prose would
//   report markup as missing clauses.
import path from "node:path";
import type { SpecDocument } from "../model/document.js";
import { InputError } from "./errors.js";
import { DEFAULT_MAX_DOCX_BYTES, DEFAULT_MAX_TEXT_BYTES, imageKind, sniff } from "./guard.js";
import { decodeText } from "./decode.js";

export interface ReadOptions {
  /** Largest .docx accepted, in bytes (default 50 MB). */
  maxDocxBytes: number;
  /** Largest Markdown / text file accepted, in bytes (default 4 MB). */
  maxTextBytes: number;
  /** Hard cap on all bytes inflated from one .docx (zip-bomb guard). */
  maxInflatedBytes: number;
  /** Most entries accepted in one .docx zip. */
  maxEntries: number;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = {
  maxDocxBytes: DEFAULT_MAX_DOCX_BYTES,
  maxTextBytes: DEFAULT_MAX_TEXT_BYTES,
  maxInflatedBytes: 512 * 1024 * 1024,
  maxEntries: 10_000,
};

const MARKDOWN_EXTENSIONS = new Set([".md", ".markdown", ".mdown", ".mkd", ".mkdn"]);
const TEXT_EXTENSIONS = new Set([".txt", ".text"]);
const WORD_EXTENSIONS = new Set([".docx", ".docm", ".dotx", ".doc"]);

export type TextFormat = "markdown" | "text";

export async function readSpec(bytes: Uint8Array, uri: string, opts: Partial<ReadOptions> = {}): Promise<SpecDocument> {
  const options: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...definedOnly(opts) };
  const ext = path.extname(uri).toLowerCase();
  const kind = sniff(bytes);
  switch (kind) {
    case "zip": {
      checkSize(bytes, options.maxDocxBytes, "Word");
      const { readDocx } = await import("./docx/index.js");
      return readDocx(bytes, uri, { maxInflatedBytes: options.maxInflatedBytes, maxEntries: options.maxEntries });
    }
    case "ole-encrypted":
      throw new InputError("encrypted-docx", "read.encrypted-docx");
    case "ole-legacy-doc":
      throw new InputError("legacy-doc", "read.legacy-doc");
    case "ole-other":
      throw new InputError("unsupported", "read.ole-other");
    case "pdf":
      throw new InputError("unsupported", "read.pdf");
    case "rtf":
      throw new InputError("unsupported", "read.rtf");
    case "image":
      throw new InputError("unsupported", "read.image", { kind: imageKind(bytes) ?? "?" });
    case "binary":
      throw new InputError("unsupported", "read.binary", { ext: ext || "-" });
    case "text":
      return readTextual(bytes, uri, ext, options);
  }
}

async function readTextual(bytes: Uint8Array, uri: string, ext: string, options: ReadOptions): Promise<SpecDocument> {
  if (WORD_EXTENSIONS.has(ext)) {
    throw new InputError("not-docx", bytes.length === 0 ? "read.empty-docx" : "read.text-named-docx", { ext });
  }
  const known = MARKDOWN_EXTENSIONS.has(ext) || TEXT_EXTENSIONS.has(ext);
  if (!known && ext !== "") throw new InputError("unsupported", "read.unsupported-extension", { ext });
  checkSize(bytes, options.maxTextBytes, "Markdown / text");
  const { text } = decodeText(bytes);
  const format = textFormat(ext, text);
  if (format === "markdown") {
    const { readMarkdown } = await import("./markdown.js");
    return readMarkdown(text, uri);
  }
  const { readText } = await import("./text.js");
  return readText(text, uri);
}

/** The reader for decoded text: by extension, or by content when there is none. */
export function textFormat(ext: string, text: string): TextFormat {
  if (MARKDOWN_EXTENSIONS.has(ext)) return "markdown";
  if (TEXT_EXTENSIONS.has(ext)) return "text";
  return /^#{1,6}[ \t]|^\|.*\|[ \t]*$/m.test(text) ? "markdown" : "text";
}

function checkSize(bytes: Uint8Array, cap: number, kind: string): void {
  if (bytes.length > cap) {
    throw new InputError("too-large", "read.too-large", { size: formatBytes(bytes.length), cap: formatBytes(cap), kind });
  }
}

/** 4194304 → "4 MB", 1536 → "1.5 KB": sizes people read, in binary units as file managers show. */
export function formatBytes(n: number): string {
  const units = ["bytes", "KB", "MB", "GB"];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} bytes` : `${Number(v.toFixed(1))} ${units[u]}`;
}

function definedOnly(opts: Partial<ReadOptions>): Partial<ReadOptions> {
  return Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as Partial<ReadOptions>;
}
