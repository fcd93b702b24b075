// A minimal zip reader for .docx: the central directory is read directly and every guard runs
// before anything is inflated, because a crafted archive can make a generic unzip library
// allocate gigabytes. Inflation itself is capped too, since declared sizes can lie.
import * as zlib from "node:zlib";
import { InputError } from "../errors.js";
import { crc32 } from "./crc32.js";

export interface ZipLimits {
  /** Most entries an archive may list. */
  maxEntries: number;
  /** Hard cap on the bytes inflated from one archive (all parts read together). */
  maxInflatedBytes: number;
  /** Largest declared uncompressed/compressed ratio accepted for an entry worth checking. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  // A 200-page spec inflates to under 10 MB; 256 MiB keeps one part below V8's string limit.
  maxInflatedBytes: 256 * 1024 * 1024,
  maxRatio: 200,
};

/** Entries smaller than this are not ratio-checked: tiny highly repetitive XML parts are normal. */
const RATIO_FLOOR = 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

// Each reason has its own message id (src/i18n/readers-docx.ts) so no English detail leaks into Japanese output.
function corrupt(reason: string, params: Record<string, string | number> = {}): InputError {
  return new InputError("corrupt-docx", `docx.corrupt-zip.${reason}`, params);
}

function bomb(reason: string, params: Record<string, string | number> = {}): InputError {
  return new InputError("zip-bomb", `docx.zip-bomb.${reason}`, params);
}

const toMb = (bytes: number): number => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/** zlib names its failures in English; its error codes say which of the two usual cases it was. */
function inflateFailure(name: string, err: unknown): InputError {
  const code = (err as { code?: string }).code;
  if (code === "Z_DATA_ERROR") return corrupt("inflate-data", { name });
  if (code === "Z_BUF_ERROR") return corrupt("inflate-end", { name });
  return corrupt("inflate-other", { name, raw: (err as Error).message });
}

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  private inflatedSoFar = 0;

  constructor(private readonly bytes: Uint8Array, private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEocd(view);
    if (eocd < 0) throw corrupt("no-eocd");
    if (eocd >= 20 && view.getUint32(eocd - 20, true) === SIG_ZIP64_LOCATOR) {
      // Word never writes Zip64 for documents below 4 GB, far above our size caps.
      throw new InputError("corrupt-docx", "docx.zip64", {});
    }
    const total = view.getUint16(eocd + 10, true);
    const cdSize = view.getUint32(eocd + 12, true);
    const cdOffset = view.getUint32(eocd + 16, true);
    if (total === 0xffff || cdOffset === 0xffffffff) throw new InputError("corrupt-docx", "docx.zip64", {});
    if (total > limits.maxEntries) throw bomb("entries", { count: total, max: limits.maxEntries });
    if (cdOffset + cdSize > eocd) throw corrupt("cd-outside");

    let p = cdOffset;
    let declaredTotal = 0;
    for (let i = 0; i < total; i++) {
      if (p + 46 > eocd || view.getUint32(p, true) !== SIG_CENTRAL) throw corrupt("cd-entry");
      const flags = view.getUint16(p + 8, true);
      const method = view.getUint16(p + 10, true);
      const crc = view.getUint32(p + 16, true);
      const compressedSize = view.getUint32(p + 20, true);
      const uncompressedSize = view.getUint32(p + 24, true);
      const nameLen = view.getUint16(p + 28, true);
      const extraLen = view.getUint16(p + 30, true);
      const commentLen = view.getUint16(p + 32, true);
      const localHeaderOffset = view.getUint32(p + 42, true);
      if (p + 46 + nameLen > eocd) throw corrupt("name-outside");
      const name = decodeName(bytes.subarray(p + 46, p + 46 + nameLen), flags);
      if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
        throw new InputError("corrupt-docx", "docx.zip64", {});
      }
      if (uncompressedSize >= RATIO_FLOOR && uncompressedSize / Math.max(compressedSize, 1) > limits.maxRatio) {
        throw bomb("ratio", { name, ratio: Math.round(uncompressedSize / Math.max(compressedSize, 1)) });
      }
      declaredTotal += uncompressedSize;
      if (declaredTotal > limits.maxInflatedBytes) throw bomb("declared", { maxMb: toMb(limits.maxInflatedBytes) });
      this.entries.set(name, { name, method, flags, crc, compressedSize, uncompressedSize, localHeaderOffset });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Inflates one entry under the archive-wide output cap and verifies its CRC-32. */
  read(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.flags & 1) throw new InputError("encrypted-docx", "docx.encrypted-entry", { name });
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const lh = e.localHeaderOffset;
    if (lh + 30 > this.bytes.length || view.getUint32(lh, true) !== SIG_LOCAL) throw corrupt("local-header", { name });
    const start = lh + 30 + view.getUint16(lh + 26, true) + view.getUint16(lh + 28, true);
    const end = start + e.compressedSize;
    if (end > this.bytes.length) throw corrupt("truncated-entry", { name });
    const raw = this.bytes.subarray(start, end);
    const budget = this.limits.maxInflatedBytes - this.inflatedSoFar;
    let out: Uint8Array;
    if (e.method === 0) {
      if (raw.length > budget) throw bomb("output", { name, maxMb: toMb(this.limits.maxInflatedBytes) });
      if (raw.length > e.uncompressedSize) throw bomb("lying", { name });
      out = raw;
    } else if (e.method === 8) {
      try {
        // Never produce more than the entry claims: a lying entry stops at its own declared size.
        // One output chunk of the declared size avoids concatenating many small chunks.
        const cap = Math.max(1, Math.min(budget, e.uncompressedSize));
        out = zlib.inflateRawSync(raw, { maxOutputLength: cap, chunkSize: Math.max(64, Math.min(cap + 1, 32 * 1024 * 1024)) });
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
          // Hitting the entry's own declared size means the directory lied; otherwise the archive-wide cap was reached.
          throw e.uncompressedSize < budget ? bomb("lying", { name }) : bomb("output", { name, maxMb: toMb(this.limits.maxInflatedBytes) });
        }
        throw inflateFailure(name, err);
      }
    } else {
      throw corrupt("method", { name, method: e.method });
    }
    // Declared sizes are only a claim; a mismatch means a damaged or crafted archive.
    if (out.length !== e.uncompressedSize) throw corrupt("size", { name });
    if (crc32(out) !== e.crc) throw corrupt("crc", { name });
    this.inflatedSoFar += out.length;
    return out;
  }
}

function findEocd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === SIG_EOCD) return i;
  }
  return -1;
}

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

function decodeName(b: Uint8Array, flags: number): string {
  // Part names in OOXML are ASCII; bit 11 marks UTF-8 for anything else.
  return flags & 0x800 ? utf8.decode(b) : latin1.decode(b);
}
