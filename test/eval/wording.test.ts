// Wording invariance on the dev corpus: a spec rewritten without changing its meaning (another party word,
// 「ものとする」 for 「こと」, kana for kanji, full-width digits) must be judged as the original is. A ratchet:
// the sixth session found 14 judgements of about 11,000 that moved (a party word's length inside a
// character gap, 「ものとする」 read as 「…とする」 or as the orderer's act, kana spellings no term knew) and
// brought them to 0. Helpers' whole paraphrases of 36 dev specs (fixtures/paraphrases) moved 40 of 1296
// judgements at first, 32 of them away from the label; then 16, 10 of them away from it. Each fresh batch of six
// moved fewer on arrival as the classes were fixed: 10, 12, 7, 4, 1, then 6 of 216. Twelve more (the seventh
// session, r73–r95) moved 17 of 432 on arrival, 8 of them one class (「第三者に漏えいしてはならない」「同じとする」
// 「これを…目的以外に」 for confidentiality); after the classes they showed, 19 of 1728 over 48 documents. Eight
// more (r96–r111) moved 8 of 288 on arrival; after their classes, 21 of 2016 over 56 documents.
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM scripts without type declarations
import * as wording from "../../scripts/eval-wording.mjs";
// @ts-expect-error: plain ESM scripts without type declarations
import { REWRITES } from "../../scripts/eval/wording.mjs";

/** Most judgements a rewrite may change before the check fails (the helper's whole paraphrases: a few more). */
const MAX_DIFFERENCES = 2;
const MAX_PARAPHRASE_DIFFERENCES = 21;

const rewrite = (name: string, text: string): string | undefined =>
  (REWRITES as Record<string, (t: string) => string | undefined>)[Object.keys(REWRITES).find((k) => k.startsWith(name))!](text);

describe("meaning-preserving rewrites", () => {
  it("swaps the contractor's word for one the document does not use, and leaves a document without one alone", () => {
    const doc = "受注者は報告すること。受注者は保存すること。再委託先は受注者と同じ義務を負う。";
    expect(rewrite("contractor word", doc)).toBe("受託者は報告すること。受託者は保存すること。再委託先は受託者と同じ義務を負う。");
    expect(rewrite("contractor word", "清掃を行う。")).toBeUndefined();
  });
  it("turns a duty's こと into ものとする only after a plain verb form, and back", () => {
    expect(rewrite("duty ending こと", "報告すること。\n- 保存しないこと\n次のことを守る。")).toBe("報告するものとする。\n- 保存しないものとする\n次のことを守る。");
    expect(rewrite("duty ending ものとする", "報告するものとする。")).toBe("報告すること。");
  });
  it("writes conjunctions in kana or kanji, and digits beside Japanese full-width", () => {
    expect(rewrite("kana notation", "受注者及び発注者は、速やかに協議する。")).toBe("受注者および発注者は、すみやかに協議する。");
    expect(rewrite("full-width digits", "24時間以内 (ISO 27001)")).toBe("２４時間以内 (ISO 27001)");
  });
});

describe("wording invariance on dev", () => {
  it(`changes at most ${MAX_DIFFERENCES} judgements under each meaning-preserving rewrite`, async () => {
    const diffs = await (wording as { wordingDifferences(): Promise<Record<string, { judgements: number; differences: unknown[] }>> }).wordingDifferences();
    const paraphrased = (wording as { PARAPHRASED: string }).PARAPHRASED;
    expect(Object.keys(diffs).sort()).toEqual([...Object.keys(REWRITES), paraphrased].sort());
    for (const [variant, { judgements, differences }] of Object.entries(diffs)) {
      expect(judgements, variant).toBeGreaterThan(100);
      const max = variant === paraphrased ? MAX_PARAPHRASE_DIFFERENCES : MAX_DIFFERENCES;
      expect(differences.length, `${variant}: ${JSON.stringify(differences)}`).toBeLessThanOrEqual(max);
    }
  }, 180_000);
});
