#!/usr/bin/env node
// Writes the encoded variants of the Markdown / text fixtures from their UTF-8 sources:
//   spec.md  → spec.utf8-bom.md, spec.crlf.md, spec.sjis.md, spec.eucjp.md, spec.utf16le.md
//   spec.txt → spec.sjis.txt
//   positions.md → positions.crlf-bom.md
// Node's TextEncoder only writes UTF-8, so Shift_JIS (CP932) and EUC-JP encoders are built from
// the platform's own TextDecoder tables: every byte sequence is decoded once and inverted. The
// outputs are therefore exactly what the reader's decoders read back. Run: node scripts/markdown-fixtures.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "markdown");

/** char → bytes, the first (lowest) byte sequence that decodes to it winning, as Windows prefers. */
function buildTable(label, sequences) {
  const decoder = new TextDecoder(label);
  const table = new Map();
  for (const bytes of sequences) {
    const ch = decoder.decode(Uint8Array.from(bytes));
    if ([...ch].length !== 1 || ch === "\ufffd" || table.has(ch)) continue;
    table.set(ch, bytes);
  }
  return table;
}

function* range(from, to) {
  for (let b = from; b <= to; b++) yield b;
}

function* sjisSequences() {
  for (const b of range(0x00, 0x7f)) yield [b];
  for (const b of range(0xa1, 0xdf)) yield [b];
  for (const lead of [...range(0x81, 0x9f), ...range(0xe0, 0xfc)]) {
    for (const trail of [...range(0x40, 0x7e), ...range(0x80, 0xfc)]) yield [lead, trail];
  }
}

function* eucSequences() {
  for (const b of range(0x00, 0x7f)) yield [b];
  for (const b of range(0xa1, 0xdf)) yield [0x8e, b];
  for (const lead of range(0xa1, 0xfe)) for (const trail of range(0xa1, 0xfe)) yield [lead, trail];
}

function encodeWith(table, name, text) {
  const out = [];
  for (const ch of text) {
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`${name} cannot encode ${JSON.stringify(ch)} (U+${ch.codePointAt(0).toString(16)})`);
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}

function utf16le(text) {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

const utf8 = (text) => new TextEncoder().encode(text);
const bom = (bytes) => Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
const crlf = (text) => text.replace(/\n/g, "\r\n");

const sjis = buildTable("shift_jis", sjisSequences());
const euc = buildTable("euc-jp", eucSequences());

const read = (name) => readFileSync(path.join(dir, name), "utf8");
const spec = read("spec.md");
const specText = read("spec.txt");
const positions = read("positions.md");

const outputs = {
  "spec.utf8-bom.md": bom(utf8(spec)),
  "spec.crlf.md": utf8(crlf(spec)),
  "spec.sjis.md": encodeWith(sjis, "Shift_JIS", crlf(spec)),
  "spec.eucjp.md": encodeWith(euc, "EUC-JP", spec),
  "spec.utf16le.md": utf16le(crlf(spec)),
  "spec.sjis.txt": encodeWith(sjis, "Shift_JIS", crlf(specText)),
  "positions.crlf-bom.md": bom(utf8(crlf(positions))),
};
for (const [name, bytes] of Object.entries(outputs)) {
  writeFileSync(path.join(dir, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
}
