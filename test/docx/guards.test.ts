import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/readers/docx/index.js";
import { errorOf } from "./error-of.js";
import { buildDocx, buildZip, p } from "./zip-builder.js";


const docXml = (inner: string): string =>
  `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${inner}</w:body></w:document>`;

describe("zip guards", () => {
  it("refuses a lying bomb: the directory claims 5,000 bytes, the data inflates to 64 MiB", () => {
    const huge = docXml(p("x") + " ".repeat(64 * 1024 * 1024));
    const zip = buildZip([{ name: "word/document.xml", data: huge, declaredSize: 5000 }]);
    const t0 = performance.now();
    const e = errorOf(() => readDocx(zip, "bomb.docx"));
    expect(e.code).toBe("zip-bomb");
    expect(e.messageId).toBe("docx.zip-bomb.lying");
    expect(e.params.name).toBe("word/document.xml");
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it("refuses an honest bomb by its declared ratio before inflating", () => {
    const zip = buildZip([{ name: "word/document.xml", data: docXml(" ".repeat(8 * 1024 * 1024)) }]);
    const e = errorOf(() => readDocx(zip, "ratio.docx"));
    expect(e.code).toBe("zip-bomb");
    expect(e.messageId).toBe("docx.zip-bomb.ratio");
  });

  it("refuses when the declared total exceeds the inflate cap", () => {
    const zip = buildDocx({ body: p("本文"), extra: [{ name: "word/media/big.bin", data: new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7919) & 0xff), store: true }] });
    const e = errorOf(() => readDocx(zip, "big.docx", { maxInflatedBytes: 2 * 1024 * 1024 }));
    expect(e.code).toBe("zip-bomb");
    expect(e.messageId).toBe("docx.zip-bomb.declared");
    expect(e.params.maxMb).toBe(2);
  });

  it("refuses an archive listing too many entries", () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.xml`, data: "<a/>" }));
    const e = errorOf(() => readDocx(buildZip(entries), "many.docx", { maxEntries: 10 }));
    expect(e.code).toBe("zip-bomb");
    expect(e.messageId).toBe("docx.zip-bomb.entries");
    expect(e.params).toMatchObject({ count: 12, max: 10 });
  });

  it("reports a truncated archive as corrupt", () => {
    const zip = buildDocx({ body: p("本文") });
    const e = errorOf(() => readDocx(zip.subarray(0, Math.floor(zip.length / 2)), "cut.docx"));
    expect(e.code).toBe("corrupt-docx");
  });

  it("reports a CRC mismatch as corrupt", () => {
    const zip = buildZip([{ name: "word/document.xml", data: docXml(p("本文")), crc: 0x12345678 }]);
    const e = errorOf(() => readDocx(zip, "crc.docx"));
    expect(e.code).toBe("corrupt-docx");
    expect(e.messageId).toBe("docx.corrupt-zip.crc");
    expect(e.params.name).toBe("word/document.xml");
  });

  it("reports a zip without word/document.xml as not a Word document", () => {
    const zip = buildZip([{ name: "content.xml", data: "<office:document/>" }, { name: "mimetype", data: "application/zip", store: true }]);
    const e = errorOf(() => readDocx(zip, "odt.docx"));
    expect(e.code).toBe("not-docx");
    expect(e.messageId).toBe("docx.no-document");
  });

  it("refuses Zip64 archives with their own message", () => {
    const zip = buildDocx({ body: p("本文") });
    const patched = Buffer.from(zip);
    const eocd = patched.length - 22;
    patched.writeUInt16LE(0xffff, eocd + 8);
    patched.writeUInt16LE(0xffff, eocd + 10);
    const e = errorOf(() => readDocx(new Uint8Array(patched), "z64.docx"));
    expect(e.code).toBe("corrupt-docx");
    expect(e.messageId).toBe("docx.zip64");
  });

  it("reports an encrypted entry as a password-protected document", () => {
    const zip = Buffer.from(buildZip([{ name: "word/document.xml", data: docXml(p("本文")) }]));
    zip.writeUInt16LE(0x801, 6); // local header flags
    const cd = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(0x801, cd + 8);
    expect(errorOf(() => readDocx(new Uint8Array(zip), "enc.docx")).code).toBe("encrypted-docx");
  });

  it("reads nested zips as plain entries without expanding them", () => {
    const inner = buildZip([{ name: "word/document.xml", data: docXml(p("内側")) }]);
    const doc = readDocx(buildDocx({ body: p("外側"), extra: [{ name: "word/embeddings/inner.zip", data: inner }] }), "n.docx");
    expect(doc.blocks.map((b) => b.text)).toEqual(["外側"]);
  });
});

describe("XML guards", () => {
  it("refuses any DOCTYPE, so a billion-laughs entity is never expanded", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>` +
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
    const e = errorOf(() => readDocx(buildZip([{ name: "word/document.xml", data: laughs }]), "lol.docx"));
    expect(e.code).toBe("corrupt-docx");
    expect(e.messageId).toBe("docx.doctype");
    expect(e.params.part).toBe("word/document.xml");
  });

  it("names the part whose XML is malformed", () => {
    const zip = buildDocx({ body: p("本文"), styles: "<w:style><w:name w:val='x'></w:style>" });
    const e = errorOf(() => readDocx(zip, "bad.docx"));
    expect(e.code).toBe("corrupt-docx");
    expect(e.messageId).toBe("docx.bad-xml.unexpected-close");
    expect(e.params).toEqual({ part: "word/styles.xml" });
  });

  it("refuses a part that is not valid UTF-8", () => {
    const bytes = new Uint8Array([...Buffer.from(docXml("<w:p><w:r><w:t>")), 0xff, 0xfe, 0x41, ...Buffer.from("</w:t></w:r></w:p>")]);
    const e = errorOf(() => readDocx(buildZip([{ name: "word/document.xml", data: bytes }]), "enc.docx"));
    expect(e.code).toBe("corrupt-docx");
  });
});
