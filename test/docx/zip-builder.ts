// Builds zip archives in tests, with control over what the directory claims (for lying bombs).
import * as zlib from "node:zlib";
import { crc32 } from "../../src/readers/docx/crc32.js";

export interface EntrySpec {
  name: string;
  data: Uint8Array | string;
  store?: boolean;
  /** Override what the central directory and local header claim. */
  declaredSize?: number;
  crc?: number;
}

export function buildZip(entries: EntrySpec[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : Buffer.from(e.data);
    const body = e.store ? data : zlib.deflateRawSync(data);
    const name = Buffer.from(e.name, "utf8");
    const crc = e.crc ?? crc32(data);
    const size = e.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.store ? 0 : 8, 8); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8); central.writeUInt16LE(e.store ? 0 : 8, 10); central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20); central.writeUInt32LE(size, 24); central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8); eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12); eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"';

export interface DocxSpec {
  body: string;
  styles?: string;
  numbering?: string;
  comments?: string;
  footnotes?: string;
  extra?: EntrySpec[];
}

/** A minimal .docx as Word lays it out (rels, content types), from WordprocessingML fragments. */
export function buildDocx(spec: DocxSpec): Uint8Array {
  const rels: string[] = [];
  const entries: EntrySpec[] = [
    { name: "[Content_Types].xml", data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: "_rels/.rels", data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
    { name: "word/document.xml", data: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${spec.body}</w:body></w:document>` },
  ];
  const part = (kind: string, root: string, xml: string | undefined): void => {
    if (xml === undefined) return;
    rels.push(`<Relationship Id="r${kind}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}" Target="${kind}.xml"/>`);
    entries.push({ name: `word/${kind}.xml`, data: `<?xml version="1.0" encoding="UTF-8"?><w:${root} ${W}>${xml}</w:${root}>` });
  };
  part("styles", "styles", spec.styles);
  part("numbering", "numbering", spec.numbering);
  part("comments", "comments", spec.comments);
  part("footnotes", "footnotes", spec.footnotes);
  entries.push({ name: "word/_rels/document.xml.rels", data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + rels.join("") + "</Relationships>" });
  entries.push(...(spec.extra ?? []));
  return buildZip(entries);
}

/** A paragraph with plain runs. */
export const p = (text: string, pPr = ""): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
