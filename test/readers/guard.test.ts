import { describe, expect, it } from "vitest";
import { imageKind, sniff } from "../../src/readers/guard.js";

const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));
const utf16 = (s: string): number[] => [...Buffer.from(s, "utf16le")];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const pad = (n: number): number[] => new Array<number>(n).fill(0);

describe("sniff", () => {
  it.each([
    ["zip local header", bytes("PK\x03\x04", pad(26)), "zip"],
    ["empty zip (end record only)", bytes("PK\x05\x06", pad(18)), "zip"],
    ["encrypted .docx (EncryptedPackage)", bytes(OLE, pad(512), utf16("EncryptedPackage"), pad(64)), "ole-encrypted"],
    ["encrypted .docx (EncryptionInfo)", bytes(OLE, pad(512), utf16("EncryptionInfo"), pad(64)), "ole-encrypted"],
    ["legacy .doc", bytes(OLE, pad(512), utf16("WordDocument"), pad(64)), "ole-legacy-doc"],
    ["legacy .xls", bytes(OLE, pad(512), utf16("Workbook"), pad(64)), "ole-other"],
    ["PDF", bytes("%PDF-1.7\n%âãÏÓ\n"), "pdf"],
    ["RTF", bytes("{\\rtf1\\ansi\\ansicpg932 }"), "rtf"],
    ["PNG", bytes([0x89], "PNG\r\n\x1a\n", pad(16)), "image"],
    ["JPEG", bytes([0xff, 0xd8, 0xff, 0xe0], pad(16)), "image"],
    ["GIF", bytes("GIF89a", pad(16)), "image"],
    ["TIFF", bytes("II*\x00", pad(16)), "image"],
    ["WebP", bytes("RIFF\x00\x00\x00\x00WEBPVP8 "), "image"],
    ["NUL byte", bytes("abc\x00def"), "binary"],
    ["many control characters", bytes("\x01\x02\x03\x04abc\x05\x06\x07\x08"), "binary"],
    ["UTF-8 Markdown", bytes([...Buffer.from("# 見出し\n本文\n")]), "text"],
    ["UTF-16LE with BOM (has NULs)", bytes([0xff, 0xfe], utf16("# a\n")), "text"],
    ["empty", bytes(), "text"],
  ])("%s", (_name, input, expected) => {
    expect(sniff(input)).toBe(expected);
  });

  it("recognises BMP only when its size field matches the file", () => {
    const bmp = bytes("BM", [30, 0, 0, 0], pad(24));
    expect(sniff(bmp)).toBe("image");
    expect(imageKind(bmp)).toBe("BMP");
    expect(sniff(bytes("BMで始まる文書\n"))).toBe("text");
  });

  it("names the image kind for messages", () => {
    expect(imageKind(bytes([0x89], "PNG\r\n\x1a\n"))).toBe("PNG");
    expect(imageKind(bytes("GIF87a"))).toBe("GIF");
    expect(imageKind(bytes("plain"))).toBeUndefined();
  });
});
