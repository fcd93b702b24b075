// Rewrites a zip with some entries replaced or added. Every other entry keeps its local header,
// compressed data and central directory record byte for byte; only offsets are updated.
// The archive has already passed the reader's guards (src/readers/docx/zip.ts), so it is a
// plain, non-Zip64 archive with a valid central directory.
import * as zlib from "node:zlib";
import { crc32 } from "../../readers/docx/crc32.js";

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const SIG_DESCRIPTOR = 0x08074b50;
const FLAG_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;

interface CentralRecord { name: string; record: Uint8Array; localOffset: number; flags: number; compressedSize: number }

function readCentral(bytes: Uint8Array): { records: CentralRecord[]; eocd: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === SIG_EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error("zip-rewrite: no end of central directory");
  const total = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const records: CentralRecord[] = [];
  for (let i = 0; i < total; i++) {
    if (view.getUint32(p, true) !== SIG_CENTRAL) throw new Error("zip-rewrite: bad central directory");
    const flags = view.getUint16(p + 8, true);
    const nameLen = view.getUint16(p + 28, true);
    const len = 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = new TextDecoder(flags & FLAG_UTF8 ? "utf-8" : "latin1").decode(nameBytes);
    // A copy: Buffer#slice would be a view, and the record is patched in place later.
    records.push({ name, record: new Uint8Array(bytes.subarray(p, p + len)), localOffset: view.getUint32(p + 42, true), flags, compressedSize: view.getUint32(p + 20, true) });
    p += len;
  }
  return { records, eocd };
}

/** The local header, data and data descriptor of one entry, exactly as stored. */
function localSpan(bytes: Uint8Array, r: CentralRecord): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lh = r.localOffset;
  if (view.getUint32(lh, true) !== SIG_LOCAL) throw new Error(`zip-rewrite: bad local header for ${r.name}`);
  let end = lh + 30 + view.getUint16(lh + 26, true) + view.getUint16(lh + 28, true) + r.compressedSize;
  if (r.flags & FLAG_DESCRIPTOR) end += end + 4 <= bytes.length && view.getUint32(end, true) === SIG_DESCRIPTOR ? 16 : 12;
  return bytes.subarray(lh, end);
}

interface Fresh { local: Uint8Array; central: Uint8Array }

/** A deflated entry; `template` (the central record it replaces) lends its version, time and attributes. */
function freshEntry(name: string, data: Uint8Array, template: Uint8Array | undefined): Fresh {
  const deflated = zlib.deflateRawSync(data);
  const nameBytes = new TextEncoder().encode(name);
  const utf8 = /[^\x20-\x7e]/.test(name) ? FLAG_UTF8 : 0;
  const t = template ? new DataView(template.buffer, template.byteOffset, template.byteLength) : undefined;
  const local = new Uint8Array(30 + nameBytes.length + deflated.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, SIG_LOCAL, true);
  lv.setUint16(4, t ? t.getUint16(6, true) : 20, true);
  lv.setUint16(6, utf8, true);
  lv.setUint16(8, 8, true);
  lv.setUint16(10, t ? t.getUint16(12, true) : 0, true);
  lv.setUint16(12, t ? t.getUint16(14, true) : 0x21, true);
  lv.setUint32(14, crc32(data), true);
  lv.setUint32(18, deflated.length, true);
  lv.setUint32(22, data.length, true);
  lv.setUint16(26, nameBytes.length, true);
  lv.setUint16(28, 0, true);
  local.set(nameBytes, 30);
  local.set(deflated, 30 + nameBytes.length);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, SIG_CENTRAL, true);
  cv.setUint16(4, t ? t.getUint16(4, true) : 20, true);
  for (let k = 6; k < 18; k += 2) cv.setUint16(k, lv.getUint16(k - 2, true), true);
  cv.setUint32(16, crc32(data), true);
  cv.setUint32(20, deflated.length, true);
  cv.setUint32(24, data.length, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(38, t ? t.getUint32(38, true) : 0, true);
  central.set(nameBytes, 46);
  return { local, central };
}

/**
 * `replace`: entry name → new uncompressed content. Names not in the archive are appended at the
 * end, with the timestamps of the entry named `timeFrom`.
 */
export function rewriteZip(bytes: Uint8Array, replace: Map<string, Uint8Array>, timeFrom?: string): Uint8Array {
  const { records, eocd } = readCentral(bytes);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const add = (local: Uint8Array, rec: Uint8Array): void => {
    const copy = new Uint8Array(rec);
    new DataView(copy.buffer).setUint32(42, offset, true);
    chunks.push(local);
    central.push(copy);
    offset += local.length;
  };
  for (const r of records) {
    const data = replace.get(r.name);
    if (data) {
      const f = freshEntry(r.name, data, r.record);
      add(f.local, f.central);
    } else add(localSpan(bytes, r), r.record);
  }
  const template = records.find((r) => r.name === timeFrom)?.record;
  for (const [name, data] of replace) {
    if (records.some((r) => r.name === name)) continue;
    const f = freshEntry(name, data, template);
    add(f.local, f.central);
  }
  const cdStart = offset;
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const oldEnd = bytes.subarray(eocd);
  const end = new Uint8Array(oldEnd);
  const ev = new DataView(end.buffer);
  ev.setUint16(8, central.length, true);
  ev.setUint16(10, central.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, cdStart, true);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}
