import { describe, expect, it } from "vitest";
import { RE2JS } from "re2js";
import { nativePattern, WORK_PER_START } from "../../src/engine/native-regex.js";
import { sentenceWindows } from "../../src/engine/matcher.js";
import { loadConfig } from "../../src/config/index.js";

/** Every non-empty match as the matcher's RE2JS loop finds it: [start, end] pairs. */
function re2Matches(source: string, caseless: boolean, text: string): number[] {
  const m = RE2JS.compile(source, caseless ? RE2JS.CASE_INSENSITIVE : 0).matcher(text);
  const out: number[] = [];
  let from = 0;
  while (from <= text.length && m.find(from)) {
    const s = m.start(); const e = m.end();
    if (e > s) out.push(s, e);
    from = e > s ? e : s + 1;
  }
  return out;
}

function nativeMatches(source: string, caseless: boolean, text: string): number[] {
  const rx = nativePattern(source, caseless)!.regex;
  rx.lastIndex = 0;
  const out: number[] = [];
  for (let m = rx.exec(text); m; m = rx.exec(text)) out.push(m.index, m.index + m[0].length);
  return out;
}

const TEXTS = [
  "受注者は、情報セキュリティ対策を記載した作業計画書を提出すること。",
  "障害発生時は24時間以内に報告し、3 営業日以内に復旧すること（詳細は別紙1のとおり。）。",
  "tls1.0 及び ssl v3 は使用しない。os のサポート期限。chaos sha-1 sha1 sha-10 別紙2-1、別紙 3", "TLS 1.2\n情報セキュリティ\n(1) 情報セキュリティ対策",
  "a\u2028b 権限\u2028を制限 全角　空白 \t タブ", "令和8年3月31日まで", "【 】【　】", "0".repeat(200) + "x年",
  // Astral characters count as one in both engines (u flag, RE2's runes); a lone surrogate too.
  "計画書に" + "𠮷".repeat(79) + "情報セキュリティ", "計画書に" + "𠮷".repeat(81) + "情報セキュリティ", "権限\ud842を制限",
];

describe("native regexes", () => {
  it("find what RE2JS finds on the constructs they translate", () => {
    const patterns: [string, boolean][] = [
      ["[0-9一二三四五六七八九十]+ ?(時間|日|営業日)(以内|以内に)", true], ["(?i)\\bOS\\b", false], ["\\bTLS\\b", true],
      ["権限.{0,15}(制限|限定)", true], ["全角\\s空白", true], ["[^\\s、。]{1,6}を", true], ["(?m)^[^。、\\n]{0,24}(情報セキュリティ)[^。、\\n]{0,14}$", true],
      ["(?m)(^|。)[(]?[0-9]{1,2}[).]? ?(情報セキュリティ(対策|管理))", true], ["【[ 　]*】", true], ["a{,2}|x{2}", true], ["SSL ?v?[23](\\.0)?", true],
      [sentenceWindows("(計画書|作業計画)[^。]{0,80}(情報セキュリティ)"), true], ["\\bSHA-?1\\b", true], ["別紙 ?[0-9]+(-[0-9]+)?", true], ["(令和|平成|20)[0-9元]+年[0-9]+月([0-9]+日)?(まで|以降も)", false],
    ];
    for (const [p, caseless] of patterns) {
      expect(nativePattern(p, caseless), p).toBeDefined();
      for (const t of TEXTS) expect(nativeMatches(p, caseless, t), `${p} on ${t}`).toEqual(re2Matches(p, caseless, t));
    }
  });
  it("agree with RE2JS on every pattern of the bundled rulesets", async () => {
    const config = await loadConfig({ cwd: process.cwd() });
    const patterns = new Set<string>();
    const walk = (x: unknown): void => {
      if (typeof x === "string") { if (/^(cs:)?re:/.test(x)) patterns.add(x); } else if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === "object") Object.values(x).forEach(walk);
    };
    walk(config.terms); walk(config.rules.map((r) => r.params)); walk(config.conditions);
    let native = 0;
    for (const entry of patterns) {
      const cs = entry.startsWith("cs:");
      const source = sentenceWindows(entry.slice(cs ? 6 : 3).normalize("NFKC"));
      if (!nativePattern(source, !cs)) continue;
      native++;
      for (const t of TEXTS) expect(nativeMatches(source, !cs, t), `${source} on ${t}`).toEqual(re2Matches(source, !cs, t));
    }
    expect(native).toBeGreaterThan(patterns.size * 0.8);
  });
  it("leave RE2JS what they do not translate or RE2 rejects", () => {
    for (const p of ["[\\p{Han}]+製", "(?=x)y", "(a)\\1", "a**", "a{2}{3}", "{2}", "[[:alpha:]]", "(?s).", "x*", "(a|)", "\\Qa\\E", "(?P<n>a)", "a{1001}"]) {
      expect(nativePattern(p, true), p).toBeUndefined();
    }
  });
  it("bound the work of a match attempt: a pattern of bounded repeats on any subject, an unbounded repeat on short ones only", () => {
    expect(nativePattern("(情報|データ)(?:[^。]|。\\)){0,15}(紛失|盗難)", true)!.maxSubject).toBe(Infinity);
    const digits = nativePattern("[0-9]+ ?(時間|日)以内", true)!.maxSubject;
    expect(digits).toBeGreaterThan(50);
    expect(digits).toBeLessThan(WORK_PER_START);
  });
});
