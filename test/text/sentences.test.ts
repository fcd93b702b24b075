import { describe, expect, it } from "vitest";
import { MAX_INSIDE, splitSentences } from "../../src/text/sentences.js";

const split = (s: string) => splitSentences(s).map((x) => s.slice(x.start, x.end));

describe("splitSentences: brackets", () => {
  it("keeps 。 inside balanced parentheses in its sentence", () => {
    expect(split("情報を持ち出さないこと(持出しには電子メールの送信を含む。)。次に報告すること。"))
      .toEqual(["情報を持ち出さないこと(持出しには電子メールの送信を含む。)。", "次に報告すること。"]);
    expect(split("株式会社a(以下「乙」という。)は、次の事項を遵守すること。以上。"))
      .toEqual(["株式会社a(以下「乙」という。)は、次の事項を遵守すること。", "以上。"]);
  });

  it("keeps a parenthetical that ends the sentence with it", () => {
    expect(split("ログを保存すること。(保存期間は1年とする。)次。"))
      .toEqual(["ログを保存すること。", "(保存期間は1年とする。)", "次。"]);
  });

  it("handles nested and mixed brackets: 「…(…。)…。」", () => {
    expect(split("「報告(速報を含む。)を行うこと。」と定める。次。")).toEqual(["「報告(速報を含む。)を行うこと。」と定める。", "次。"]);
    expect(split("【注意。】を読むこと。次。")).toEqual(["【注意。】を読むこと。", "次。"]);
  });

  it("falls back to ordinary splitting at an unclosed bracket or a stray closer", () => {
    expect(split("(注。ログを保存すること。パッチを適用すること。")).toEqual(["(注。", "ログを保存すること。", "パッチを適用すること。"]);
    expect(split("1) 保存すること。2) 適用すること。")).toEqual(["1) 保存すること。", "2) 適用すること。"]);
    expect(split("報告すること。」次に保存すること。")).toEqual(["報告すること。」", "次に保存すること。"]);
  });

  it("does not read a bracket closing beyond MAX_INSIDE characters as one parenthetical", () => {
    const long = "あ。".repeat(MAX_INSIDE);
    const parts = split(`(${long})`);
    expect(parts.length).toBeGreaterThan(MAX_INSIDE / 2);
    expect(parts[0]).toBe("(あ。");
    const near = `前(${"あ".repeat(MAX_INSIDE - 2)}。)終わり。`;
    expect(split(near)).toEqual([near]);
  });
});
