#!/usr/bin/env node
// Generates the hostile and broken inputs of the bad-input suite (test/bad-input/) into a temp
// directory, deterministically: the same bytes on every run, so a failure can be reproduced from
// the case id alone. Binaries are built here rather than committed because the interesting ones
// lie (forged sizes, CRCs, entry counts) and because a 1 GB bomb should not live in git.
//
//   node scripts/make-bad-inputs.mjs [outDir]      (default: $TMPDIR/chotatsu-bad-inputs)
//
// Also exports the zip / OLE builders so the fuzzer and tests can forge their own variants.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// ---------------------------------------------------------------------------------------------
// CRC-32 and a zip writer that can lie.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE), as ZIP stores it; `crc` continues a previous value. */
export function crc32(buf, crc = 0) {
  if (typeof zlib.crc32 === "function") return zlib.crc32(buf, crc) >>> 0; // native when Node has it
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// Fixed DOS date/time (1980-01-01 00:00) so output is byte-identical across runs.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Builds a zip from entries { name, data } with optional forgeries:
 *  method (0 stored, 8 deflate, anything else; default 8), raw (compressed bytes to store as is),
 *  trueSize (real inflated size when `raw` is given), uncompressedSize / compressedSize / crc
 *  (declared values; default the true ones), flags (general-purpose bits), localName.
 * opts.entryCount writes a different count in the end record; more than 65 535 entries get ZIP64.
 */
export function buildZip(entries, opts = {}) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const data = entry.data === undefined ? Buffer.alloc(0) : Buffer.from(entry.data);
    const raw = entry.raw ?? (method === 8 ? zlib.deflateRawSync(data, { level: 6 }) : data);
    const name = Buffer.from(entry.name, "utf8");
    const localName = Buffer.from(entry.localName ?? entry.name, "utf8");
    const crc = entry.crc ?? crc32(data);
    const csize = entry.compressedSize ?? raw.length;
    const usize = entry.uncompressedSize ?? entry.trueSize ?? data.length;
    const flags = entry.flags ?? 0x0800; // UTF-8 names
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(Math.min(csize, 0xffffffff), 18);
    local.writeUInt32LE(Math.min(usize, 0xffffffff), 22);
    local.writeUInt16LE(localName.length, 26);
    parts.push(local, localName, raw);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(DOS_TIME, 12);
    cd.writeUInt16LE(DOS_DATE, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(Math.min(csize, 0xffffffff), 20);
    cd.writeUInt32LE(Math.min(usize, 0xffffffff), 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(Math.min(offset, 0xffffffff), 42);
    central.push(cd, name);
    offset += 30 + localName.length + raw.length;
  }
  const cdBuf = Buffer.concat(central);
  const count = opts.entryCount ?? entries.length;
  const tail = [];
  const zip64 = count > 0xffff;
  if (zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(count), 24);
    rec.writeBigUInt64LE(BigInt(count), 32);
    rec.writeBigUInt64LE(BigInt(cdBuf.length), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cdBuf.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(rec, loc);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(zip64 ? 0xffff : count, 8);
  eocd.writeUInt16LE(zip64 ? 0xffff : count, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(Math.min(offset, 0xffffffff), 16);
  return Buffer.concat([...parts, cdBuf, ...tail, eocd]);
}

/** Entries of a well-formed zip (ours or LibreOffice's): [{ name, data }] with data inflated. */
export function readZip(buf) {
  const eocdAt = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocdAt < 0) throw new Error("no end of central directory");
  const count = buf.readUInt16LE(eocdAt + 10);
  let p = buf.readUInt32LE(eocdAt + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localAt = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    const start = localAt + 30 + buf.readUInt16LE(localAt + 26) + buf.readUInt16LE(localAt + 28);
    const raw = buf.subarray(start, start + csize);
    out.push({ name, data: method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * A deflate stream of `head`, then `chunk` repeated `times`, then `tail`, built without ever
 * holding the inflated data: after Z_FULL_FLUSH the compressor forgets its history, so every
 * repetition compresses to the same bytes and can be copied. Returns { raw, size, crc }.
 */
export function repeatedDeflate(head, chunk, times, tail) {
  const full = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const h = zlib.deflateRawSync(head, full);
  const c = zlib.deflateRawSync(chunk, full);
  const t = zlib.deflateRawSync(tail, { level: 9 });
  let crc = crc32(head);
  for (let i = 0; i < times; i++) crc = crc32(chunk, crc);
  crc = crc32(tail, crc);
  const raw = Buffer.concat([h, ...Array(times).fill(c), t]);
  return { raw, size: head.length + chunk.length * times + tail.length, crc };
}

// ---------------------------------------------------------------------------------------------
// A minimal Compound File Binary (OLE2) container: what legacy .doc and password-protected
// .docx files are. Streams are padded to 4 096 bytes so they live in normal sectors (no mini FAT).

export function buildCfb(streams) {
  const SECTOR = 512;
  const ENDOFCHAIN = 0xfffffffe, FREESECT = 0xffffffff, FATSECT = 0xfffffffd, NOSTREAM = 0xffffffff;
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const buf = Buffer.alloc(size);
    Buffer.from(s.data).copy(buf);
    return { name: s.name, data: buf, size: s.data.length < 4096 ? 4096 : s.data.length };
  });
  if (padded.length > 3) throw new Error("buildCfb: at most 3 streams (one directory sector)");
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);
  let next = 2;
  const starts = [];
  for (const s of padded) {
    const n = s.data.length / SECTOR;
    starts.push(next);
    for (let i = 0; i < n; i++) fat.writeUInt32LE(i === n - 1 ? ENDOFCHAIN : next + i + 1, (next + i) * 4);
    next += n;
  }
  const dir = Buffer.alloc(SECTOR);
  const entry = (i, name, type, child, right, start, size) => {
    const at = i * 128;
    const nameBuf = Buffer.from(name + "\0", "utf16le");
    nameBuf.copy(dir, at);
    dir.writeUInt16LE(nameBuf.length, at + 64);
    dir.writeUInt8(type, at + 66);
    dir.writeUInt8(1, at + 67); // black
    dir.writeUInt32LE(NOSTREAM, at + 68);
    dir.writeUInt32LE(right, at + 72);
    dir.writeUInt32LE(child, at + 76);
    dir.writeUInt32LE(start, at + 116);
    dir.writeUInt32LE(size, at + 120);
  };
  entry(0, "Root Entry", 5, padded.length ? 1 : NOSTREAM, NOSTREAM, ENDOFCHAIN, 0);
  padded.forEach((s, i) =>
    entry(i + 1, s.name, 2, NOSTREAM, i + 1 < padded.length ? i + 2 : NOSTREAM, starts[i], s.size));
  for (let i = padded.length + 1; i < 4; i++) {
    dir.writeUInt32LE(NOSTREAM, i * 128 + 68);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 72);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 76);
  }
  const header = Buffer.alloc(SECTOR, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3 (512-byte sectors)
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // no mini FAT
  header.writeUInt32LE(ENDOFCHAIN, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREESECT, 76 + i * 4);
  return Buffer.concat([header, fat, dir, ...padded.map((s) => s.data)]);
}

// ---------------------------------------------------------------------------------------------
// Word building blocks.

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  "</Types>";
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  "</Relationships>";

export const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body>`;
export const DOC_TAIL = "<w:sectPr/></w:body></w:document>";

const xmlEscape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
export const para = (text, pPr = "") =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r></w:p>`;

/** The parts of a minimal valid .docx whose body is `bodyXml`, plus `extra` entries. */
export function docxEntries(bodyXml, extra = []) {
  return [
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: ROOT_RELS },
    { name: "word/document.xml", data: DOC_HEAD + bodyXml + DOC_TAIL },
    ...extra,
  ];
}

/** The good specification used next to every bad input; both formats say the same thing. */
export const GOOD_PARAGRAPHS = [
  ["heading", "1 情報セキュリティ"],
  ["p", "受注者は、本業務で取り扱う情報を適切に管理すること。"],
  ["p", "受注者は、セキュリティ対策を適宜実施するよう努める。"],
];
export const GOOD_MD = GOOD_PARAGRAPHS.map(([k, t]) => (k === "heading" ? `# ${t}` : t)).join("\n\n") + "\n";
export function goodDocx() {
  const body = GOOD_PARAGRAPHS.map(([k, t]) =>
    k === "heading" ? para(t, '<w:outlineLvl w:val="0"/>') : para(t)).join("");
  return buildZip(docxEntries(body));
}

/** Deterministic PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** Varied Japanese text (random kana and kanji), so size tests are not refused as ratio bombs. */
export function variedText(chars, seed, sentenceEvery = 0) {
  const r = prng(seed);
  let s = "";
  for (let i = 0; i < chars; i++) {
    if (sentenceEvery && i % sentenceEvery === sentenceEvery - 1) { s += "。"; continue; }
    s += String.fromCharCode(r() < 0.5 ? 0x3041 + Math.floor(r() * 83) : 0x4e00 + Math.floor(r() * 2000));
  }
  return s;
}
function randomBytes(n, seed) {
  const r = prng(seed);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
}

// ---------------------------------------------------------------------------------------------
// The cases. Each returns the files it needs (relative to its own directory under outDir).

const MB = 1024 * 1024;

function bomb(declared) {
  // 1 GiB of paragraphs, ~1 MB compressed: an honest or a lying header over the same stream.
  const { raw, size, crc } = repeatedDeflate(Buffer.from(DOC_HEAD), Buffer.from("<w:p><w:r><w:t>あいうえお</w:t></w:r></w:p>".repeat(26214)), 1024, Buffer.from(DOC_TAIL));
  const doc = { name: "word/document.xml", raw, crc, trueSize: size, uncompressedSize: declared ?? size };
  return buildZip([docxEntries("")[0], docxEntries("")[1], doc]);
}

function nestedTables(depth) {
  let xml = para("最内側のセル");
  for (let i = 0; i < depth; i++) xml = `<w:tbl><w:tr><w:tc>${xml}<w:p/></w:tc></w:tr></w:tbl><w:p/>`;
  return xml;
}

function numberingXml() {
  let lvls = "";
  for (let i = 0; i < 9; i++) {
    const text = Array.from({ length: i + 1 }, (_, k) => `%${k + 1}`).join(".");
    lvls += `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="${text}."/></w:lvl>`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W_NS}><w:abstractNum w:abstractNumId="0">${lvls}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
}
function nestedListBody() {
  let body = "";
  for (let i = 0; i < 2000; i++) {
    const ilvl = i % 9;
    body += para(`項目 ${i}`, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr>`);
  }
  // Out-of-range levels and an undefined list must not crash the numbering code.
  body += para("範囲外のレベル", '<w:numPr><w:ilvl w:val="200"/><w:numId w:val="1"/></w:numPr>');
  body += para("存在しないリスト", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="99"/></w:numPr>');
  body += para("負のレベル", '<w:numPr><w:ilvl w:val="-5"/><w:numId w:val="1"/></w:numPr>');
  return body;
}

function aliasBomb() {
  let y = "x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (let i = 1; i <= 9; i++) y += `x${i}: &x${i} [${Array(10).fill(`*x${i - 1}`).join(", ")}]\n`;
  return y + "ignore: *x9\n";
}

const catastrophicRuleset = `id: catastrophic
title: 破局的な正規表現
rules:
  - id: catastrophic-regex
    kind: require
    severity: warning
    title: 破局的バックトラックを起こす正規表現
    message: 破局的な正規表現に一致する文がありません。
    messageEn: No sentence matches the catastrophic regex.
    source: test
    match: { all: ["re:(a+)+$"], within: block }
`;

/**
 * The suite's own small ruleset, found as .chotatsu-lint.yaml above every case, so results do not
 * move when the built-in rules change. The good file lacks the patch clause (one error finding)
 * and has the information-management clause (present, no finding).
 */
export const SUITE_RULES = `id: bad-input-suite
title: 不正入力テスト用の規則
rules:
  - id: patch-latest
    kind: require
    severity: error
    title: 最新のセキュリティパッチ適用の要求
    message: 最新のセキュリティパッチの適用を求める条項がありません。
    messageEn: No clause requires the latest security patches.
    source: test
    match: { all: [最新, パッチ], within: sentence }
  - id: info-management
    kind: require
    severity: warning
    title: 情報の管理
    message: 情報の管理を求める条項がありません。
    messageEn: No clause requires information to be managed.
    source: test
    match: { all: [情報, 管理], within: sentence }
`;
export const SUITE_CONFIG = "rulesets: [./suite-rules.yaml]\n";

/** Every case: { id, title, files: { relPath: Buffer | string | {symlink} | {fifo} }, target } */
export function caseDefinitions() {
  const good = goodDocx();
  const goodEntries = readZip(good);
  const docBody = GOOD_PARAGRAPHS.map(([, t]) => para(t)).join("");
  const badCrc = docxEntries(docBody).map((e) => (e.name === "word/document.xml" ? { ...e, crc: 0xdeadbeef } : e));
  const sjis = Buffer.concat([
    Buffer.from([0x8e, 0x64, 0x97, 0x6c, 0x8f, 0x91, 0x0a]), // 仕様書\n
    Buffer.from([0x85, 0x40, 0x85, 0x41, 0xfd, 0x0a]), // unassigned row 9 and a lone 0xFD
  ]);
  const lyingInner = bomb(5000);
  return [
    { id: "empty-md", title: "empty file (.md, 0 bytes)", files: { "empty.md": "" } },
    { id: "empty-txt", title: "empty file (.txt, 0 bytes)", files: { "empty.txt": "" } },
    { id: "zero-byte-docx", title: "zero-byte .docx", files: { "zero.docx": "" } },
    { id: "empty-zip-docx", title: "empty zip (no entries) named .docx", files: { "empty-zip.docx": buildZip([]) } },
    { id: "truncated-zip", title: "truncated zip", files: { "truncated.docx": good.subarray(0, Math.floor(good.length / 2)) } },
    { id: "bad-crc", title: "zip with a bad CRC on word/document.xml", files: { "bad-crc.docx": buildZip(badCrc) } },
    { id: "missing-document-xml", title: ".docx without word/document.xml",
      files: { "no-document.docx": buildZip(goodEntries.filter((e) => e.name !== "word/document.xml")) } },
    { id: "bad-cd-offset", title: "central directory offset beyond the file",
      files: { "bad-offset.docx": (() => { const b = Buffer.from(good); b.writeUInt32LE(0x7fffffff, b.length - 6); return b; })() } },
    { id: "unknown-method", title: "document.xml compressed with an unknown method (LZMA, 14)",
      files: { "lzma.docx": buildZip(docxEntries(docBody).map((e) => (e.name === "word/document.xml" ? { ...e, method: 14, raw: Buffer.from(e.data) } : e))) } },
    { id: "zip-encrypted-entries", title: "zip entries with the encryption flag set (ZipCrypto)",
      files: { "zipcrypto.docx": buildZip(docxEntries(docBody).map((e) => ({ ...e, flags: 0x0801 }))) } },
    { id: "legacy-doc", title: "legacy .doc (OLE with WordDocument)",
      files: { "legacy.doc": buildCfb([{ name: "WordDocument", data: Buffer.from([0xec, 0xa5, 0xc1, 0x00]) }, { name: "1Table", data: Buffer.alloc(16) }]) } },
    { id: "legacy-doc-as-docx", title: "legacy .doc renamed to .docx",
      files: { "renamed-legacy.docx": buildCfb([{ name: "WordDocument", data: Buffer.from([0xec, 0xa5, 0xc1, 0x00]) }]) } },
    { id: "encrypted-docx", title: "password-protected .docx (OLE with EncryptionInfo + EncryptedPackage)",
      files: { "encrypted.docx": buildCfb([
        { name: "EncryptionInfo", data: Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>')]) },
        { name: "EncryptedPackage", data: Buffer.concat([Buffer.from([0x00, 0x10, 0, 0, 0, 0, 0, 0]), randomBytes(4096, 7)]) },
      ]) } },
    { id: "declared-1gb", title: "document.xml declared 1 GB, really 1 GB, ~1 MB compressed", files: { "bomb-honest.docx": bomb() } },
    { id: "declared-only-1gb", title: "document.xml declared 1 GB, really small",
      files: { "declared-1gb.docx": buildZip(docxEntries(docBody).map((e) => (e.name === "word/document.xml" ? { ...e, uncompressedSize: 1024 * MB } : e))) } },
    { id: "lying-bomb", title: "lying bomb: declares 5 000 bytes, inflates to 1 GB", files: { "bomb-lying.docx": lyingInner } },
    { id: "many-entries", title: "zip with 100 000 entries (ZIP64 end record)",
      files: { "many-entries.docx": buildZip([...docxEntries(docBody), ...Array.from({ length: 100_000 }, (_, i) => ({ name: `customXml/i${i}.xml`, data: "", method: 0 }))]) } },
    { id: "many-entries-60k", title: "zip with 60 000 entries (classic end record)",
      files: { "entries-60k.docx": buildZip([...docxEntries(docBody), ...Array.from({ length: 60_000 }, (_, i) => ({ name: `customXml/i${i}.xml`, data: "", method: 0 }))]) } },
    { id: "nested-zip", title: "nested zip: a lying-bomb .docx embedded in a good .docx (must not be expanded)",
      files: { "nested.docx": buildZip(docxEntries(docBody, [{ name: "word/embeddings/inner.docx", data: lyingInner, method: 0 }])) } },
    { id: "billion-laughs", title: "document.xml with a DOCTYPE and billion-laughs entities",
      files: { "laughs.docx": buildZip(docxEntries("").map((e) => (e.name !== "word/document.xml" ? e : { ...e, data:
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">' +
        Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("") +
        `]>\n<w:document ${W_NS}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>` }))) } },
    { id: "malformed-xml", title: "document.xml not well-formed",
      files: { "malformed.docx": buildZip(docxEntries("").map((e) => (e.name !== "word/document.xml" ? e : { ...e, data: DOC_HEAD + "<w:p><w:r><w:t>壊れた</w:r></w:p><w:p" }))) } },
    { id: "duplicate-entries", title: "two word/document.xml entries",
      files: { "duplicate.docx": buildZip([...docxEntries(docBody), { name: "word/document.xml", data: DOC_HEAD + para("二つ目") + DOC_TAIL }]) } },
    { id: "huge-paragraph-md", title: "10 MB single paragraph without 。 (.md)", files: { "huge-paragraph.md": "あ".repeat(Math.ceil((10 * MB) / 3)) } },
    { id: "huge-paragraph-docx", title: "10 MB single paragraph of varied text without 。 (.docx)",
      files: { "huge-paragraph.docx": buildZip(docxEntries(para(variedText(Math.ceil((10 * MB) / 3), 3)))) } },
    { id: "huge-paragraph-docx-repetitive", title: "10 MB single paragraph, one character repeated (.docx, ratio 1000:1)",
      files: { "huge-paragraph-repetitive.docx": buildZip(docxEntries(para("あ".repeat(Math.ceil((10 * MB) / 3))))) } },
    { id: "many-paragraphs-md", title: "100 000 tiny paragraphs of varied text (.md)",
      files: { "many-paragraphs.md": variedText(300_000, 4, 3).replace(/。/g, "。\n\n") } },
    { id: "many-paragraphs-docx", title: "100 000 tiny paragraphs of varied text (.docx)",
      files: { "many-paragraphs.docx": buildZip(docxEntries(variedText(300_000, 5, 3).split("。").slice(0, 100_000).map((t) => para(t + "。")).join(""))) } },
    { id: "nested-tables-docx", title: "tables nested 200 levels deep (.docx)", files: { "nested-tables.docx": buildZip(docxEntries(nestedTables(200))) } },
    { id: "nested-lists-docx", title: "lists on all 9 levels, out-of-range ilvl and an undefined numId (.docx)",
      files: { "nested-lists.docx": buildZip([...docxEntries(nestedListBody()), { name: "word/numbering.xml", data: numberingXml() }]) } },
    { id: "nested-lists-md", title: "Markdown list nested 10 000 levels", files: { "nested-lists.md": "- ".repeat(10_000) + "項目\n" } },
    { id: "nested-quotes-md", title: "Markdown blockquote nested 10 000 levels", files: { "nested-quotes.md": ">".repeat(10_000) + " 引用\n" } },
    { id: "binary-md", title: "random binary data named .md", files: { "binary.md": randomBytes(64 * 1024, 1) } },
    { id: "png-md", title: "a PNG named .md", files: { "image.md": Buffer.concat([Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), randomBytes(2048, 2)]) } },
    { id: "invalid-utf8", title: "invalid UTF-8 (also not Shift_JIS / EUC-JP)", files: { "invalid-utf8.md": Buffer.concat([Buffer.from("# 見出し\n\n本文"), Buffer.from([0xff, 0xfe, 0xff, 0xc0, 0x80]), Buffer.from("です。\n")]) } },
    { id: "utf16le-bom", title: "UTF-16LE with BOM (decodes)", files: { "utf16le.md": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD_MD, "utf16le")]) } },
    { id: "utf16be-bom", title: "UTF-16BE with BOM (decodes)", files: { "utf16be.md": Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(GOOD_MD, "utf16le").swap16()]) } },
    { id: "sjis-undefined", title: "Shift_JIS with undefined bytes", files: { "sjis-undefined.md": sjis } },
    { id: "pdf-as-docx", title: "a PDF named .docx", files: { "report.docx": "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n" } },
    { id: "rtf", title: "an RTF file (.rtf)", files: { "spec.rtf": "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 MS Mincho;}} \\f0 \\u20181?\\u27096?\\par}\n" } },
    { id: "rtf-as-docx", title: "an RTF named .docx", files: { "rtf.docx": "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 MS Mincho;}} \\f0 \\u20181?\\u27096?\\par}\n" } },
    { id: "symlink-loop", title: "a symlink loop inside a linted directory",
      files: { "loop/good.md": GOOD_MD, "loop/self": { symlink: "." }, "loop/sub/up": { symlink: ".." } } },
    { id: "dangling-symlink", title: "a file listed in a folder that is gone when read (dangling symlink)",
      files: { "gone/vanished.md": { symlink: "./deleted-before-read.md" } } },
    { id: "fifo", title: "a FIFO named .md (a read would block forever)", files: { "fifo/pipe.md": { fifo: true } } },
    { id: "directory-named-md", title: "a directory named x.md", files: { "dir.md/.keep": "" } },
    { id: "alias-bomb-config", title: "config with YAML alias bombs (10^10 nodes)", files: { "alias-bomb.yaml": aliasBomb() } },
    { id: "catastrophic-regex", title: "ruleset with the catastrophic regex re:(a+)+$",
      files: { "catastrophic/rules.yaml": catastrophicRuleset,
        "catastrophic/config.yaml": "rulesets: [./rules.yaml]\n",
        "catastrophic/aaaa.md": "a".repeat(50_000) + "b\n\n" + "a".repeat(30) + "\n" } },
    { id: "good", title: "the good file (Markdown and Word)", files: { "good.md": GOOD_MD, "good.docx": good } },
    { id: "suite-config", title: "the suite's config and ruleset", files: { ".chotatsu-lint.yaml": SUITE_CONFIG, "suite-rules.yaml": SUITE_RULES } },
  ];
}

/**
 * Writes every case under outDir (wiped first) and returns the case list with absolute paths.
 * outDir is required: a shared default folder would be wiped by one run while another reads it.
 */
export function makeBadInputs(outDir) {
  if (typeof outDir !== "string" || outDir === "") throw new Error("makeBadInputs: give the output folder (e.g. a fresh fs.mkdtempSync folder)");
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const cases = caseDefinitions();
  for (const c of cases) {
    c.paths = {};
    for (const [rel, content] of Object.entries(c.files)) {
      const abs = path.join(outDir, rel);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      if (content && typeof content === "object" && "symlink" in content) fs.symlinkSync(content.symlink, abs);
      else if (content && typeof content === "object" && "fifo" in content) {
        try { execFileSync("mkfifo", [abs]); } catch { c.skipped = "mkfifo not available"; }
      } else fs.writeFileSync(abs, content);
      c.paths[rel] = abs;
    }
    delete c.files; // keep the returned manifest small
  }
  fs.writeFileSync(path.join(outDir, "manifest.json"), JSON.stringify(cases.map(({ id, title, paths }) => ({ id, title, paths })), null, 2));
  return cases;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const started = Date.now();
  // Without a folder, a fresh one per run (two runs on one machine never share it); kept for inspection.
  const out = process.argv[2] ? path.resolve(process.argv[2]) : fs.mkdtempSync(path.join(os.tmpdir(), "chotatsu-bad-inputs-"));
  const cases = makeBadInputs(out);
  console.log(`${cases.length} cases written to ${out} in ${Date.now() - started} ms`);
}
