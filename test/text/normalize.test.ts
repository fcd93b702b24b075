import { describe, expect, it } from "vitest";
import { compileVariants, normalize, normalizeTerm } from "../../src/text/normalize.js";
import { splitSentences } from "../../src/text/sentences.js";
import { analyseSentence, endingSets, scopeOf, sentenceTail } from "../../src/text/obligation.js";

const v = compileVariants({ ぜい弱: "脆弱", サーバー: "サーバ", 修正プログラム: "修正プログラム" });

describe("normalize", () => {
  it("applies NFKC to full-width and half-width forms and lower-cases ASCII", () => {
    expect(normalize("ＴＬＳ１．２").text).toBe("tls1.2");
    expect(normalize("ｾｷｭﾘﾃｨﾊﾟｯﾁ").text).toBe("セキュリティパッチ");
  });
  it("reads 「，」「．」 (and , .) after Japanese text as 「、」「。」, not after a number or a Latin word", () => {
    expect(normalize("受注者は，報告すること．").text).toBe("受注者は、報告すること。");
    expect(normalize("ログを保存し,報告すること.").text).toBe("ログを保存し、報告すること。");
    expect(normalize("1,000円とTLS1.2").text).toBe("1,000円とtls1.2");
    expect(normalize("1．件名").text).toBe("1.件名");
    const n = normalize("受注者は，報告");
    expect(n.toOriginal(4)).toBe(4);
  });
  it("maps normalised offsets back to the original", () => {
    const n = normalize("ｾﾞｲ弱性", v);
    expect(n.text).toBe("ゼイ弱性");
    expect(n.toOriginal(1)).toBe(2); // イ follows ｾﾞ (two code units)
    expect(n.toOriginalEnd(4)).toBe(5);
  });
  it("replaces variants longest first, mapping the replacement to the whole original span", () => {
    const n = normalize("ぜい弱性のあるサーバーを", v);
    expect(n.text).toBe("脆弱性のあるサーバを");
    expect(n.toOriginal(0)).toBe(0);
    expect(n.toOriginalEnd(2)).toBe(3);
    expect(n.toOriginal(2)).toBe(3);
    expect(n.toOriginal(6)).toBe(7);
    expect(n.toOriginalEnd(9)).toBe(11);
    expect(n.toOriginal(9)).toBe(11);
  });
  it("removes spaces and line breaks between CJK characters only", () => {
    const n = normalize("セキュリティ　パッチ を\n適用 Windows Server");
    expect(n.text).toBe("セキュリティパッチを適用 windows server");
    expect(n.toOriginal(9)).toBe(11);
    expect(normalize("速やか\nに報告").text).toBe("速やかに報告");
    expect(normalize("TLS\n1.2").text).toBe("tls 1.2");
  });

  it("removes a line break with a CJK character on one side (a wrap inside a sentence), not a space", () => {
    expect(normalize("診断を年\n1回実施").text).toBe("診断を年1回実施");
    expect(normalize("ISO/IEC\n認証").text).toBe("iso/iec認証");
    expect(normalize("年 1回").text).toBe("年 1回");
    expect(normalize("Windows\nServer").text).toBe("windows server");
  });
  it("normalises terms the same way", () => expect(normalizeTerm("ぜい弱性", v)).toBe("脆弱性"));
  it("copies the characters NFKC leaves alone and normalises the others, whatever came first", () => {
    // 「」・ are stable, （）１ and the half-width ｶ are not; each is decided once and remembered.
    for (let round = 0; round < 2; round++) {
      expect(normalize("「（１）」・ｶ").text).toBe("「(1)」・カ");
      expect(normalize("ｶ\u3099").text).toBe("ガ"); // a combining mark after a character is normalised with it
    }
  });
  it("maps a block no variant touches one to one, and a variant after plain text at its place", () => {
    const plain = normalize("本業務の受注者", v);
    expect([plain.text, plain.toOriginal(3), plain.toOriginalEnd(7)]).toEqual(["本業務の受注者", 3, 7]);
    const late = normalize("受注者はサーバーを", v);
    expect([late.text, late.toOriginal(4), late.toOriginalEnd(7), late.toOriginal(7)]).toEqual(["受注者はサーバを", 4, 8, 8]);
  });
  // Speed is the benchmark's (npm run bench), not a timed test: a loaded CI machine made the old time limit flaky.
  it("normalises a 1 MB block and maps its last sentence back", () => {
    const line = "受注者は、ぜい弱性のあるｻｰﾊﾞｰに最新の修正プログラムを適用すること。\n";
    const big = line.repeat(30000);
    const n = normalize(big, v);
    const one = normalize(line.trimEnd(), v).text;
    expect(n.text.length).toBe(one.length * 30000);
    expect(n.text.endsWith(one)).toBe(true);
    expect(n.toOriginal(n.text.length - one.length)).toBe(big.length - line.length);
  });
});

describe("splitSentences", () => {
  const split = (s: string) => splitSentences(s).map((x) => s.slice(x.start, x.end));
  it("splits on 。!? and Japanese full stops, not on decimal points", () => {
    expect(split("tls1.2以上とする。ログを保存すること!確認は? 以上.次")).toEqual(["tls1.2以上とする。", "ログを保存すること!", "確認は?", "以上.", "次"]);
  });
  it("does not split inside balanced quotes", () => {
    expect(split("「報告すること。」と定める。次。")).toEqual(["「報告すること。」と定める。", "次。"]);
  });
});

describe("scopeOf", () => {
  // scopeOf tries its end-anchored patterns only on tails that can end one of them (last character)
  // or hold a deferral's word: a tail ending each pattern's alternatives still reads as before.
  it("reads every ending of an exclusion, a reassignment or a deferral", () => {
    for (const tail of ["本業務は範囲外", "ログは範囲に含まない", "パッチの適用は求めません", "ログの取得は不要", "取得は不要とします",
      "診断は対象外である", "暗号化は行わない", "暗号化は行わない予定である", "改ざん検知は基盤事業者が提供する", "保守は発注者が実施します",
      "運用は当市において行います", "回線は別途調達する予定である", "機器は別途契約予定", "保守は運用事業者が行う"]) {
      expect(scopeOf(tail), tail).toEqual({ excluded: true, deferred: false });
    }
    for (const tail of ["詳細は協議の上定める", "詳細は別途協議", "手順は今後検討", "方式は検討中です", "時期は未定", "様式は別途指示する",
      "詳細は協議して決定することとする", "操作記録の取得については、必要に応じて発注者と協議する", "移行の方法については、双方協議するものとする"]) {
      expect(scopeOf(tail), tail).toEqual({ excluded: false, deferred: true });
    }
    // The party's verb qualifies what the contractor does (a relative clause): no reassignment.
    for (const tail of ["ログを保存すること", "報告するものとする", "範囲外の作業を行うこと", "更新は担当者と協議の上行うものとする", "受注者は、発注者が指定する入館手続を行うものとする",
      "受託者は、委託者が定める様式を用いて報告するものとする", "乙は甲が承認した手順書を用いて作業を実施する",
      "受注者は、作業日程については、発注者と協議すること", "端末の操作は、本市が付与した権限の範囲内で行うものとする",
      "作業は、発注者が貸与した端末で行うものとする"]) expect(scopeOf(tail), tail).toBeUndefined();
    // The orderer's own act with what it lends: still the orderer's.
    expect(scopeOf("作業用端末の設定は、発注者が行うものとする")).toEqual({ excluded: true, deferred: false });
    expect(scopeOf("本業務は、本市が指定する場所で実施するものとする")).toBeUndefined();
    // The contractor receives: the act is the orderer's.
    for (const tail of ["受託者には本市が指定する方法で提供する", "作業用端末は乙に貸与する", "資料は、受注者に対し電子データで提供するものとする"]) {
      expect(scopeOf(tail), tail).toEqual({ excluded: true, deferred: false });
    }
  });
});

describe("analyseSentence", () => {
  const ob = (s: string) => { const i = analyseSentence(s); return [i.obligation, i.prohibition, i.negated, i.narrative]; };
  it("recognises obligation forms", () => {
    for (const s of ["最新のパッチを適用すること。", "報告するものとする。", "報告しなければならない。", "提出を求める。",
      "対応できること", "守秘義務を負う。", "ログを保存すること（詳細は別紙）。"]) expect(ob(s), s).toEqual([true, false, false, false]);
  });
  it("treats prohibitions as obligations", () => {
    expect(ob("インターネット接続端末では行わないこと。")).toEqual([true, true, false, false]);
    expect(ob("第三者に開示してはならない。")).toEqual([true, true, false, false]);
    expect(ob("第三者に開示しないものとする。")).toEqual([true, true, false, false]);
  });
  it("recognises a negated duty", () => {
    expect(ob("パッチの適用は求めない。")).toEqual([false, false, true, false]);
    expect(ob("ログの取得は不要とする。")).toEqual([false, false, true, false]);
    expect(ob("本業務は対象外とする。")).toEqual([false, false, true, false]);
    expect(ob("パッチの適用は求めないものとする。")).toEqual([false, false, true, false]);
    expect(ob("ログの保存は要しない。")).toEqual([false, false, true, false]);
    expect(ob("ログの保存は要しないこととする。")).toEqual([false, false, true, false]);
    // 「〜を要しないこと」 alone asks something of a product: a requirement, not an exclusion
    expect(analyseSentence("更新後のライセンスは、クライアントへの再インストールを要しないこと。")).toMatchObject({ excluded: false });
    expect(analyseSentence("ログの保存は要しないこととする。")).toMatchObject({ excluded: true });
  });
  it("reads a check point (a question) and the work's purpose as naming a topic without a duty", () => {
    expect(analyseSentence("ウ 物理的対策:サーバ室の入退室管理が行われているか")).toMatchObject({ obligation: false, narrative: true });
    expect(analyseSentence("エ 前年度の指摘事項が改善されたかどうか")).toMatchObject({ obligation: false, narrative: true });
    expect(analyseSentence("本業務は、当機構のポリシーに基づき対策の実施状況を点検し、水準の向上を図ることを目的とする。"))
      .toMatchObject({ obligation: false, narrative: true });
    // asking the contractor to examine it stays a duty
    expect(analyseSentence("受注者は、手順が守られているかを確認すること。")).toMatchObject({ obligation: true, narrative: false });
  });

  it("reads a duty with its details deferred as the duty, a bare deferral as deferred (labelling.md §2)", () => {
    expect(analyseSentence("詳細は協議の上定める。")).toMatchObject({ obligation: false, deferred: true });
    expect(analyseSentence("消去は復元が困難な方法によるものとし、具体的な方法は協議の上定める。"))
      .toMatchObject({ obligation: true, deferred: false });
    expect(analyseSentence("報告は書面によることとし、様式は別途指示する。")).toMatchObject({ obligation: true, deferred: false });
    // a value or a form fixed with a bare 「とし」, then the details deferred: the value is the content
    expect(analyseSentence("アクセスログの保管期間は1年以上とし、具体的な期間は発注者と協議して定める。"))
      .toMatchObject({ obligation: true, deferred: false });
    expect(analyseSentence("成果物は電子媒体とし、ファイル形式は別途指示する。")).toMatchObject({ obligation: true, deferred: false });
    // ... but a first clause that is itself an exclusion or a deferral keeps the sentence so
    expect(analyseSentence("機器の移設は本契約の範囲外とし、必要が生じた場合は別途協議する。"))
      .toMatchObject({ obligation: false, excluded: true });
    expect(analyseSentence("詳細は別途協議とし、決定次第通知する。")).toMatchObject({ obligation: false });
    // details the orderer gives only after the contract: alone a deferral, after a duty that duty
    expect(analyseSentence("具体的な手順については、契約締結後に発注者が示す。")).toMatchObject({ obligation: false, deferred: true });
    // details a later contract will fix (the maintenance contract signed after this one)
    expect(analyseSentence("障害時の連絡体制等の詳細は、運用保守契約の締結時に定める。")).toMatchObject({ obligation: false, deferred: true });
    expect(analyseSentence("監視の具体的な方法については、次期契約の締結の際に示す。")).toMatchObject({ obligation: false, deferred: true });
    expect(analyseSentence("受託者の業務は当課の定める規程に従うものとし、その詳細は契約後に指示する。"))
      .toMatchObject({ obligation: true, deferred: false });
    expect(analyseSentence("発注者は、契約締結後に貸与資料を示す。")).toMatchObject({ obligation: false, deferred: false });
    expect(analyseSentence("具体的な対策は、作業計画書において受注者が提案し、協議の上定めるものとする。"))
      .toMatchObject({ obligation: true, deferred: false });
    expect(analyseSentence("具体的な対策については、受託者が業務計画書の中で提案し、担当者との協議を経て定めるものとする。"))
      .toMatchObject({ obligation: true, deferred: false });
    // the first clause is itself an exclusion: still not a duty
    expect(analyseSentence("診断は本業務の対象外とし、時期は別途協議する。")).toMatchObject({ obligation: false });
  });
  it("reads the tail of long runs of marks or brackets (scanned, not matched by a backtracking regex)", () => {
    expect(sentenceTail(`x${".".repeat(50_000)}`)).toBe("x");
    expect(sentenceTail(`${".".repeat(50_000)}x`)).toHaveLength(50_001);
    expect(sentenceTail(`${"(".repeat(50_000)}x)`)).toHaveLength(49_999);
    expect(sentenceTail(`${"（".repeat(20_000)}a`)).toHaveLength(20_001);
    expect(sentenceTail("ログを保存すること（詳細は別紙）。")).toBe("ログを保存すること");
  });
  it("recognises background narrative", () => {
    expect(ob("前回はパッチを適用していた。")).toEqual([false, false, false, true]);
    expect(ob("前回の契約では報告が遅れた。")).toEqual([false, false, false, true]);
  });
  it("uses ruleset obligations and negations; verbal negations never undo a prohibition", () => {
    const sets = endingSets(["を遵守する"], ["しない", "省略する"]);
    expect(analyseSentence("規程を遵守する。", sets).obligation).toBe(true);
    expect(analyseSentence("ログを取得しない。", sets).negated).toBe(true);
    expect(analyseSentence("ログを取得しないこと。", sets).obligation).toBe(true);
    expect(analyseSentence("監査は省略するものとする。", sets)).toMatchObject({ obligation: false, negated: true });
  });
});
