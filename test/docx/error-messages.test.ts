import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/readers/docx/index.js";
import { describeXmlError } from "../../src/readers/docx/xml-errors.js";
import type { InputError } from "../../src/readers/errors.js";
import { errorOf } from "./error-of.js";
import { t, type Locale } from "../../src/i18n/index.js";
import { buildDocx, buildZip, p } from "./zip-builder.js";


const render = (e: InputError, locale: Locale): string => t(e.messageId, e.params, locale);
/** Latin words other than names we keep on purpose (part names, format names, units). */
const englishIn = (s: string): string[] =>
  (s.replace(/word\/[\w./]+|Word|\.docx|docx|XML|CRC|MB|w:\w+/g, "").match(/[A-Za-z]{3,}/g) ?? []);

const docXml = (inner: string): string =>
  `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${inner}</w:body></w:document>`;

const cases: Array<[string, () => InputError, string, string]> = [
  ["truncated archive", () => errorOf(() => readDocx(buildDocx({ body: p("本文") }).subarray(0, 40), "cut.docx")),
    "Word ファイル（.docx）が壊れています（中央ディレクトリが見つかりません。ファイルが途中で切れています）。Word で開いて保存し直してください。",
    "The Word file (.docx) is damaged (central directory not found; the file is cut short). Open it in Word and save it again."],
  ["CRC mismatch", () => errorOf(() => readDocx(buildZip([{ name: "word/document.xml", data: docXml(p("本文")), crc: 0x12345678 }]), "crc.docx")),
    "Word ファイル（.docx）が壊れています（word/document.xml: CRC 不一致）。Word で開いて保存し直してください。",
    "The Word file (.docx) is damaged (word/document.xml: CRC mismatch). Open it in Word and save it again."],
  ["too many entries", () => errorOf(() => readDocx(buildZip(Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.xml`, data: "<a/>" }))), "m.docx", { maxEntries: 10 })),
    "展開すると大きくなりすぎる .docx のため読み込みを中止しました（エントリ数 12 が上限 10 を超える）。",
    "Reading stopped: the .docx would expand too much (12 entries, more than the limit of 10)."],
  ["declared total", () => errorOf(() => readDocx(buildDocx({ body: p("本文"), extra: [{ name: "word/media/big.bin", data: new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7919) & 0xff), store: true }] }), "b.docx", { maxInflatedBytes: 2 * 1024 * 1024 })),
    "展開すると大きくなりすぎる .docx のため読み込みを中止しました（展開後のサイズの合計が上限 2 MB を超える）。",
    "Reading stopped: the .docx would expand too much (the declared inflated size exceeds the 2 MB limit)."],
  ["ratio", () => errorOf(() => readDocx(buildZip([{ name: "word/document.xml", data: docXml(" ".repeat(8 * 1024 * 1024)) }]), "r.docx")),
    "展開すると大きくなりすぎる .docx のため読み込みを中止しました（word/document.xml の圧縮率が異常に高い（",
    "Reading stopped: the .docx would expand too much (word/document.xml has an abnormally high compression ratio ("],
  ["unexpected close tag", () => errorOf(() => readDocx(buildZip([{ name: "word/document.xml", data: docXml("<w:p><w:r><w:t>本文</w:t></w:p>") }]), "x.docx")),
    ".docx 内の word/document.xml の XML が壊れています（終了タグが開始タグと対応していません）。",
    "The XML of part word/document.xml in the .docx is malformed (a closing tag does not match its opening tag)."],
  ["closing tag after the root", () => errorOf(() => readDocx(buildZip([{ name: "word/document.xml", data: docXml(p("本文")) + "</w:extra>" }]), "y.docx")),
    ".docx 内の word/document.xml の XML が壊れています（終了タグ w:extra に対応する開始タグがありません）。",
    "The XML of part word/document.xml in the .docx is malformed (closing tag w:extra has no matching opening tag)."],
  ["unclosed tag", () => errorOf(() => readDocx(buildZip([{ name: "word/document.xml", data: docXml(p("本文")).replace("</w:document>", "") }]), "u.docx")),
    ".docx 内の word/document.xml の XML が壊れています（タグ w:document が閉じられていません）。",
    "The XML of part word/document.xml in the .docx is malformed (tag w:document is never closed)."],
];

describe("Word reader error messages are in one language", () => {
  for (const [name, make, ja, en] of cases) {
    it(name, () => {
      const e = make();
      expect(render(e, "ja").startsWith(ja)).toBe(true);
      expect(render(e, "en").startsWith(en)).toBe(true);
      expect(englishIn(render(e, "ja"))).toEqual([]);
      expect(render(e, "en")).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    });
  }

  it("reports damaged deflate data without zlib's English text", () => {
    const good = Buffer.from(buildZip([{ name: "word/document.xml", data: docXml(p("本文".repeat(50))) }]));
    // Local header is 30 bytes + the name; overwrite the deflate block header with an invalid block type.
    good[30 + "word/document.xml".length] = 0xff;
    const e = errorOf(() => readDocx(new Uint8Array(good), "z.docx"));
    expect(e.code).toBe("corrupt-docx");
    expect(e.messageId).toBe("docx.corrupt-zip.inflate-data");
    expect(render(e, "ja")).toBe("Word ファイル（.docx）が壊れています（word/document.xml の圧縮データが壊れています）。Word で開いて保存し直してください。");
  });
});

describe("describeXmlError", () => {
  it("maps saxes messages to reasons with their names", () => {
    expect(describeXmlError("unexpected close tag.")).toEqual({ reason: "unexpected-close", params: {} });
    expect(describeXmlError("1:8: unmatched closing tag: c.")).toEqual({ reason: "unmatched-close", params: { tag: "c" } });
    expect(describeXmlError("unclosed tag: w:p")).toEqual({ reason: "unclosed-tag", params: { tag: "w:p" } });
    expect(describeXmlError("12:5: duplicate attribute: w:val.")).toEqual({ reason: "duplicate-attr", params: { attr: "w:val" } });
    expect(describeXmlError("disallowed character in entity name.")).toEqual({ reason: "bad-entity", params: {} });
  });

  it("keeps an unknown parser message only as the raw tail", () => {
    const r = describeXmlError("processing instruction without a target.");
    expect(r).toEqual({ reason: "other", params: { raw: "processing instruction without a target." } });
    expect(t("docx.bad-xml.other", { part: "word/document.xml", ...r.params }, "ja"))
      .toBe(".docx 内の word/document.xml の XML が壊れています（構文エラー: processing instruction without a target.）。");
  });
});

describe("catalogue", () => {
  it("has a message for every reason the zip reader raises", async () => {
    const { readFileSync } = await import("node:fs");
    const src = readFileSync(new URL("../../src/readers/docx/zip.ts", import.meta.url), "utf8");
    const reasons = [...src.matchAll(/\b(corrupt|bomb)\("([\w-]+)"/g)].map((m) => `docx.${m[1] === "corrupt" ? "corrupt-zip" : "zip-bomb"}.${m[2]}`);
    expect(reasons.length).toBeGreaterThan(10);
    for (const id of reasons) expect(t(id, {}, "ja"), id).not.toBe(id);
  });
});
