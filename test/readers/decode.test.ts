import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeText, plausibility } from "../../src/readers/decode.js";
import { InputError } from "../../src/readers/errors.js";
import { t } from "../../src/i18n/index.js";
import { FIXTURES, fixture } from "./helpers.js";

const source = readFileSync(path.join(FIXTURES, "spec.md"), "utf8");

describe("decodeText on the fixtures", () => {
  it.each([
    ["spec.md", "utf-8"],
    ["spec.utf8-bom.md", "utf-8-bom"],
    ["spec.crlf.md", "utf-8"],
    ["spec.sjis.md", "shift_jis"],
    ["spec.eucjp.md", "euc-jp"],
    ["spec.utf16le.md", "utf-16le"],
  ])("%s decodes exactly to the UTF-8 source (%s)", (name, encoding) => {
    const decoded = decodeText(fixture(name));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(source);
  });

  it("keeps CP932 and NEC special characters", () => {
    const { text } = decodeText(fixture("spec.sjis.md"));
    for (const ch of ["①", "②", "③", "～", "㈱", "№", "Ⅰ", "≒"]) expect(text).toContain(ch);
    expect(text).not.toContain("\ufffd");
  });

  it("decodes a Shift_JIS plain-text file exactly", () => {
    expect(decodeText(fixture("spec.sjis.txt")).text).toBe(readFileSync(path.join(FIXTURES, "spec.txt"), "utf8"));
  });
});

describe("decodeText choices", () => {
  it("prefers EUC-JP when EUC-JP bytes also decode as Shift_JIS half-width katakana", () => {
    // 「あいうえお。」 in EUC-JP: every byte is in A1–DF, so it is also valid Shift_JIS.
    const euc = Uint8Array.from([0xa4, 0xa2, 0xa4, 0xa4, 0xa4, 0xa6, 0xa4, 0xa8, 0xa4, 0xaa, 0xa1, 0xa3]);
    expect(new TextDecoder("shift_jis", { fatal: true }).decode(euc)).toMatch(/^[\uff61-\uff9f]+$/);
    expect(decodeText(euc)).toEqual({ text: "あいうえお。", encoding: "euc-jp" });
  });

  it("scores Japanese prose above half-width mojibake", () => {
    expect(plausibility("受注者は最新のパッチを適用すること。")).toBe(1);
    expect(plausibility("､｢､､､ｦ､ｨ､ｪ｡｣")).toBe(0.5);
  });

  it("normalises CRLF and lone CR to LF without touching other characters", () => {
    const { text } = decodeText(new TextEncoder().encode("一\r\n二\r三\n"));
    expect(text).toBe("一\n二\n三\n");
  });

  it("decodes UTF-16BE with a BOM", () => {
    const be = Uint8Array.from([0xfe, 0xff, 0x30, 0x42, 0x00, 0x0a]);
    expect(decodeText(be)).toEqual({ text: "あ\n", encoding: "utf-16be" });
  });

  it("refuses bytes that are no Japanese encoding, naming what was tried", () => {
    const latin1 = Uint8Array.from([...Buffer.from("caf", "latin1"), 0xe9, 0x0a]);
    const error = catchError(() => decodeText(latin1));
    expect(error.code).toBe("undecodable");
    expect(error.messageId).toBe("read.undecodable");
    expect(t(error.messageId, error.params, "ja")).toBe(
      "文字コードを判別できません（試した文字コード: UTF-8, Shift_JIS (CP932), EUC-JP）。文字化けしたまま検査しないよう中止しました。UTF-8 で保存し直してください。",
    );
    expect(t(error.messageId, error.params, "en")).toContain("tried: UTF-8, Shift_JIS (CP932), EUC-JP");
  });

  it("refuses a UTF-8 BOM followed by invalid UTF-8 instead of producing U+FFFD", () => {
    const error = catchError(() => decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x82, 0xa0])));
    expect(error.code).toBe("undecodable");
    expect(t(error.messageId, error.params, "en")).toBe(
      "The byte order mark says UTF-8, but the file is not valid UTF-8. Save the file as UTF-8.",
    );
  });
});

function catchError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}
