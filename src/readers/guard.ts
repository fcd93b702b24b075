// What a file really is, from its first bytes. Users rename files, save a .doc as .docx, or hand
// over a password-protected draft; a zip library would say only "can't find end of central
// directory" for all of these (tech-notes), so the kind is decided here and each gets its own advice.

export type Sniffed =
  | "zip" | "ole-encrypted" | "ole-legacy-doc" | "ole-other"
  | "pdf" | "rtf" | "image" | "binary" | "text";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** How many leading bytes the text/binary decision looks at. */
const TEXT_PROBE = 8192;

export function sniff(bytes: Uint8Array): Sniffed {
  if (has(bytes, [0x50, 0x4b, 0x03, 0x04]) || has(bytes, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  if (has(bytes, OLE_MAGIC)) return sniffOle(bytes);
  if (has(bytes, ascii("%PDF-"))) return "pdf";
  if (has(bytes, ascii("{\\rtf"))) return "rtf";
  if (imageKind(bytes)) return "image";
  return looksBinary(bytes) ? "binary" : "text";
}

/** "PNG", "JPEG", … for an image, for messages; undefined otherwise. */
export function imageKind(bytes: Uint8Array): string | undefined {
  if (has(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "PNG";
  if (has(bytes, [0xff, 0xd8, 0xff])) return "JPEG";
  if (has(bytes, ascii("GIF87a")) || has(bytes, ascii("GIF89a"))) return "GIF";
  if (has(bytes, [0x49, 0x49, 0x2a, 0x00]) || has(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "TIFF";
  if (has(bytes, ascii("BM")) && bytes.length >= 14 && readU32le(bytes, 2) === bytes.length) return "BMP";
  if (has(bytes, ascii("RIFF")) && bytes.length >= 12 && has(bytes.subarray(8), ascii("WEBP"))) return "WebP";
  return undefined;
}

/**
 * An OLE compound file is a legacy Office file or an encrypted OOXML package (Word wraps a
 * password-protected .docx in OLE with streams "EncryptionInfo" and "EncryptedPackage").
 * Stream names live in directory sectors as UTF-16LE; scanning the whole file for them avoids
 * parsing the FAT, and a false hit would need those exact names inside document text.
 */
function sniffOle(bytes: Uint8Array): Sniffed {
  if (contains(bytes, utf16le("EncryptedPackage")) || contains(bytes, utf16le("EncryptionInfo"))) {
    return "ole-encrypted";
  }
  if (contains(bytes, utf16le("WordDocument"))) return "ole-legacy-doc";
  return "ole-other";
}

/**
 * NUL bytes never occur in UTF-8 / Shift_JIS / EUC-JP text, and UTF-16 is recognised by its BOM
 * before this is asked. Many other C0 controls (not tab, LF, CR, FF, ESC) mean binary too.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if (has(bytes, [0xff, 0xfe]) || has(bytes, [0xfe, 0xff])) return false;
  const n = Math.min(bytes.length, TEXT_PROBE);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return n > 0 && controls / n > 0.1;
}

// Caps on file size before any parsing (applied in index.ts); remark's time and memory grow faster
// than its input.
export const MB = 1024 * 1024;
export const DEFAULT_MAX_DOCX_BYTES = 50 * MB;
/** A 200-page spec is about 0.4 MB of Markdown; 4 MB parses in seconds, 8 MB took 36 s and 3 GB. */
export const DEFAULT_MAX_TEXT_BYTES = 4 * MB;

function has(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

function contains(bytes: Uint8Array, needle: number[]): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(Buffer.from(needle)) >= 0;
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

function utf16le(s: string): number[] {
  return [...s].flatMap((c) => [c.charCodeAt(0), 0]);
}

function readU32le(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}
