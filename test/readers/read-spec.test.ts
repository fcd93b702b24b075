import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_READ_OPTIONS, formatBytes, readSpec, textFormat, type ReadOptions } from "../../src/readers/index.js";
import { InputError } from "../../src/readers/errors.js";
import { t } from "../../src/i18n/index.js";
import { fixture } from "./helpers.js";

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));
const utf16 = (s: string): number[] => [...Buffer.from(s, "utf16le")];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const pad = (n: number): number[] => new Array<number>(n).fill(0);
const EMPTY_ZIP = bytes("PK\x05\x06", pad(18));

async function refusal(input: Uint8Array, uri: string, opts: Partial<ReadOptions> = {}) {
  try {
    await readSpec(input, uri, opts);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { code: e.code, id: e.messageId, ja: t(e.messageId, e.params, "ja"), en: t(e.messageId, e.params, "en") };
  }
  throw new Error(`${uri} was read`);
}

describe("readSpec refuses what it cannot read, saying what it is and what to do", () => {
  it("password-protected .docx", async () => {
    const r = await refusal(bytes(OLE, pad(500), utf16("EncryptedPackage")), "仕様書.docx");
    expect(r).toMatchObject({ code: "encrypted-docx", id: "read.encrypted-docx" });
    expect(r.ja).toContain("パスワードを削除し、保存し直して");
    expect(r.en).toContain("remove the password");
  });

  it("legacy .doc, also when renamed .docx", async () => {
    for (const uri of ["old.doc", "renamed.docx"]) {
      const r = await refusal(bytes(OLE, pad(500), utf16("WordDocument")), uri);
      expect(r).toMatchObject({ code: "legacy-doc", id: "read.legacy-doc" });
      expect(r.ja).toContain("「Word 文書 (*.docx)」を選んで保存し直して");
    }
  });

  it.each([
    ["other OLE (.xls)", bytes(OLE, pad(500), utf16("Workbook")), "a.xls", "read.ole-other", "Excel"],
    ["PDF named .docx", bytes("%PDF-1.4\n"), "report.docx", "read.pdf", "PDF"],
    ["RTF", bytes("{\\rtf1 }"), "spec.rtf", "read.rtf", "RTF"],
    ["PNG named .md", bytes([0x89], "PNG\r\n\x1a\n", pad(8)), "image.md", "read.image", "PNG"],
    ["binary", bytes("\x00\x01\x02"), "data.md", "read.binary", ".md"],
    ["text with another extension", enc("<html></html>"), "page.html", "read.unsupported-extension", ".html"],
  ])("%s → unsupported", async (_name, input, uri, id, mentions) => {
    const r = await refusal(input, uri);
    expect(r).toMatchObject({ code: "unsupported", id });
    expect(r.ja).toContain(mentions);
    expect(r.en).toContain(mentions);
  });

  it("empty .docx → not-docx", async () => {
    const r = await refusal(new Uint8Array(), "empty.docx");
    expect(r).toEqual({
      code: "not-docx", id: "read.empty-docx",
      ja: "空のファイル（0 バイト）で、Word 文書（.docx）ではありません。Word で保存し直してください。",
      en: "The file is empty (0 bytes), not a Word document (.docx). Save it again in Word.",
    });
  });

  it("text named .docx → not-docx, advising to rename", async () => {
    const r = await refusal(enc("# 仕様書\n"), "spec.docx");
    expect(r).toMatchObject({ code: "not-docx", id: "read.text-named-docx" });
    expect(r.ja).toContain("拡張子は .docx ですが、中身はテキストファイルです");
  });

  it("a zip without word/document.xml goes to the Word reader (not-docx)", async () => {
    expect((await refusal(EMPTY_ZIP, "archive.docx")).code).toBe("not-docx");
    expect((await refusal(EMPTY_ZIP, "renamed.md")).code).toBe("not-docx");
  });

  it("over the text cap → too-large naming size, cap and option", async () => {
    const r = await refusal(enc("あ".repeat(700)), "big.md", { maxTextBytes: 2048 });
    expect(r).toEqual({
      code: "too-large", id: "read.too-large",
      ja: "ファイルが大きすぎます（2.1 KB、Markdown / text の上限 2 KB）。分割するか、--max-file-size で上限を引き上げてください。",
      en: "The file is too large (2.1 KB; the limit for Markdown / text is 2 KB). Split it, or raise the limit with --max-file-size.",
    });
  });

  it("over the Word cap → too-large before inflating anything", async () => {
    const r = await refusal(EMPTY_ZIP, "a.docx", { maxDocxBytes: 10 });
    expect(r).toMatchObject({ code: "too-large" });
    expect(r.en).toContain("(22 bytes; the limit for Word is 10 bytes)");
  });

  it("the default text cap is 4 MB", async () => {
    expect(DEFAULT_READ_OPTIONS.maxTextBytes).toBe(4 * 1024 * 1024);
    expect(DEFAULT_READ_OPTIONS.maxDocxBytes).toBe(50 * 1024 * 1024);
    const r = await refusal(new Uint8Array(4 * 1024 * 1024 + 1).fill(0x61), "big.txt");
    expect(r.ja).toContain("（4 MB、Markdown / text の上限 4 MB）");
  });

  it("undecodable text", async () => {
    const r = await refusal(bytes("caf", [0xe9], "\n"), "latin1.md");
    expect(r).toMatchObject({ code: "undecodable", id: "read.undecodable" });
  });

  it("undefined options fall back to the defaults", async () => {
    const doc = await readSpec(enc("本文\n"), "a.md", { maxTextBytes: undefined });
    expect(doc.blocks).toHaveLength(1);
  });
});

describe("readSpec reads", () => {
  it.each([
    ["spec.sjis.md", "markdown"],
    ["spec.eucjp.md", "markdown"],
    ["spec.utf16le.md", "markdown"],
    ["spec.sjis.txt", "text"],
  ])("%s as %s", async (name, format) => {
    const doc = await readSpec(fixture(name), `fixtures/markdown/${name}`);
    expect(doc.format).toBe(format);
    expect(doc.uri).toBe(`fixtures/markdown/${name}`);
    expect(doc.blocks.some((b) => b.text.includes("最新のセキュリティパッチを適用すること。"))).toBe(true);
  });

  it("an empty .md or .txt as a valid empty document", async () => {
    expect(await readSpec(new Uint8Array(), "empty.md")).toMatchObject({ format: "markdown", blocks: [], directives: [] });
    expect(await readSpec(enc("\n\n"), "empty.txt")).toMatchObject({ format: "text", blocks: [] });
  });

  it("text without an extension (stdin) as Markdown when it looks like Markdown, else as text", async () => {
    expect((await readSpec(enc("# 見出し\n本文\n"), "-")).format).toBe("markdown");
    expect((await readSpec(enc("第1章 総則\n本文\n"), "<stdin>")).format).toBe("text");
    expect(textFormat("", "| a | b |\n|---|---|\n")).toBe("markdown");
    expect(textFormat(".markdown", "plain")).toBe("markdown");
    expect(textFormat(".txt", "# not a heading here")).toBe("text");
  });

  it("a .docx through the Word reader", async () => {
    const path = fileURLToPath(new URL("../../fixtures/docx/inline.docx", import.meta.url));
    const doc = await readSpec(new Uint8Array(readFileSync(path)), "inline.docx");
    expect(doc.format).toBe("docx");
    expect(doc.blocks.length).toBeGreaterThan(0);
  });
});

describe("formatBytes", () => {
  it.each([[0, "0 bytes"], [1023, "1023 bytes"], [1536, "1.5 KB"], [4 * 1024 * 1024, "4 MB"], [50 * 1024 * 1024, "50 MB"]])(
    "%d → %s", (n, s) => expect(formatBytes(n)).toBe(s),
  );
});
