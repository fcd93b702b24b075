import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/errors.js";
import { readFileSync } from "node:fs";
import { getMatcher, matcherTables, restoreMatcher, sentenceWindows } from "../../src/engine/matcher.js";
import { loadConfig } from "../../src/config/index.js";
import { kindTerms } from "../../src/engine/kinds/index.js";
import { lintDocument } from "../../src/engine/index.js";
import { config, md } from "./helpers.js";

function configError(fn: () => unknown): ConfigError {
  try { fn(); } catch (e) { if (e instanceof ConfigError) return e; throw e; }
  throw new Error("no ConfigError");
}

describe("matcher", () => {
  it("rejects an invalid regex in a rule, naming the rule and its line", () => {
    const c = config([{ id: "bad-re", kind: "forbid", origin: { file: "/r/agency.yaml", line: 12, column: 5 }, params: { patterns: ["re:(a)\\1"] } }]);
    const e = configError(() => getMatcher(c, kindTerms));
    expect([e.messageId, e.params.rule, e.params.pattern, e.file, e.line, e.column]).toEqual(["engine.regex.invalid", "bad-re", "(a)\\1", "/r/agency.yaml", 12, 5]);
  });
  it("with patterns already checked, compiles a regex when a scan needs it, and a bad one throws the same error there", () => {
    const c = config([{ id: "bad-re", kind: "forbid", origin: { file: "/r/agency.yaml", line: 12, column: 5 }, params: { patterns: ["re:(a)\\1"] } }]);
    const m = getMatcher(c, kindTerms, { patternsChecked: true });
    const e = configError(() => m.scan("aa", () => {}));
    expect([e.messageId, e.params.rule, e.line]).toEqual(["engine.regex.invalid", "bad-re", 12]);
    const good = getMatcher(config([{ id: "ok", kind: "forbid", params: { patterns: ["re:権限.{0,5}制限"] } }]), kindTerms, { patternsChecked: true });
    const hits: number[] = [];
    good.scan("権限を制限する", (_c, s, e2) => hits.push(s, e2));
    expect(hits).toEqual([0, 5]);
  });
  it("points at the term definition when the bad regex is in a term list", () => {
    const c = config([{ id: "uses-term", kind: "forbid", params: { patterns: ["$weak"] } }], {
      terms: { weak: ["re:(?=x)y"] },
    });
    c.rulesets[0]!.termOrigins = { weak: { file: "/r/agency.yaml", line: 4, column: 3 } };
    const e = configError(() => getMatcher(c, kindTerms));
    expect([e.messageId, e.params.rule, e.line, e.column]).toEqual(["engine.regex.invalid", "uses-term, $weak", 4, 3]);
  });
  it("rejects an undefined $term and a cycle", () => {
    const e = configError(() => getMatcher(config([{ id: "r", kind: "forbid", params: { patterns: ["$nope"] } }]), kindTerms));
    expect([e.messageId, e.params.term]).toEqual(["engine.term.undefined", "$nope"]);
    const c = configError(() => getMatcher(config([{ id: "r", kind: "forbid", params: { patterns: ["$a"] } }], { terms: { a: ["$b"], b: ["$a"] } }), kindTerms));
    expect([c.messageId, c.params.chain]).toEqual(["engine.term.cycle", "$a → $b → $a"]);
  });
  it("compiles once per configuration", () => {
    const c = config([{ id: "r", kind: "forbid", params: { patterns: ["x"] } }]);
    expect(getMatcher(c, kindTerms)).toBe(getMatcher(c, kindTerms));
    expect(getMatcher(c, kindTerms)).not.toBe(getMatcher(config([{ id: "r", kind: "forbid", params: { patterns: ["x"] } }]), kindTerms));
  });
  it("reads [^。] as a sentence window that a parenthetical's 。 does not close", () => {
    expect(sentenceWindows("計画書[^。]{0,40}対策[^、。]x[^a]")).toBe("計画書(?:[^。]|。\\)){0,40}対策(?:[^、。]|。\\))x[^a]");
    const c = config([{ id: "w", kind: "forbid", message: "{match}", params: { patterns: ["re:計画書には[^。]{0,40}対策を記載"] } }]);
    const found = (text: string) => lintDocument(md(`${text}\n`), c).findings.length;
    expect(found("計画書には、作業予定（定期作業を含む。）及び対策を記載すること。")).toBe(1);
    expect(found("計画書には、作業予定を書くこと。別の対策を記載すること。")).toBe(0);
  });
  it("runs a regex on the lines that hold a literal of each required set, and finds there what a whole-line run finds", () => {
    const c = config([{ id: "loss", kind: "forbid", message: "{match}", params: { patterns: ["re:(情報|データ)[^。]{0,15}(紛失|盗難)"] } }]);
    const m = getMatcher(c, kindTerms);
    const text = "情報を紛失した。データの盗難。\nデータは安全。\n盗難なし。\n紛失した情報。\n個人情報の紛失";
    const hits: string[] = [];
    m.scan(text, (_c, s, e) => hits.push(text.slice(s, e)));
    const whole = [...text.matchAll(/(情報|データ)(?:[^。\n]|。\)){0,15}(紛失|盗難)/gu)].map((x) => x[0]);
    expect(hits.sort()).toEqual(whole.sort());
    expect(hits.sort()).toEqual(["データの盗難", "情報の紛失", "情報を紛失"]);
  });
  it("matches ASCII words whole, case-insensitively; Japanese anywhere", () => {
    const c = config([{ id: "ie", kind: "forbid", message: "{match}", params: { patterns: ["IE", "Flash"] } }]);
    expect(lintDocument(md("client 端末のブラウザはＩＥとし、flash playerを使う。\n"), c).findings.map((f) => f.message)).toEqual(["ＩＥ", "flash"]);
  });
});

describe("stored matcher", () => {
  it("restored from its tables (through JSON) finds exactly what the built one finds, and lints alike", async () => {
    const built = await loadConfig({ cwd: "/" });
    const restored = structuredClone(built);
    restoreMatcher(restored, JSON.parse(JSON.stringify(matcherTables(built, kindTerms))));
    const text = readFileSync(new URL("../../fixtures/corpus/c01-mhlw-helpdesk.md", import.meta.url), "utf8");
    const hits = (c: typeof built) => {
      const m = getMatcher(c, kindTerms);
      const out: number[] = [];
      m.scan(text.toLowerCase(), (concept, s, e) => out.push(concept, s, e));
      return out;
    };
    expect(hits(restored).length).toBeGreaterThan(100);
    expect(hits(restored)).toEqual(hits(built));
    const doc = md(text, "c01.md");
    expect(await lintDocument(doc, restored, { locale: "ja" })).toEqual(await lintDocument(doc, built, { locale: "ja" }));
  });
  it("keeps case-sensitive entries, masks and prefiltered regexes through the round trip", () => {
    const make = () => config([{ id: "r", kind: "forbid", params: { patterns: ["cs:XX日以内", "ログ", "re:権限.{0,5}制限", "re:(?i)tls1\\.[01]", "IE"] } }],
      { masks: ["プログラム", "re:ブロ[グク]"] });
    const built = make();
    const restored = make();
    restoreMatcher(restored, JSON.parse(JSON.stringify(matcherTables(built, kindTerms))));
    const text = "xx日以内とXX日以内。プログラムのログ、ブログ。権限を制限する。TLS1.0 と client と IE。";
    const hits = (c: ReturnType<typeof make>) => {
      const out: number[] = [];
      const m = getMatcher(c, kindTerms);
      m.scan(text.toLowerCase(), (concept, s, e) => out.push(concept, s, e), text);
      return out;
    };
    expect(hits(restored).length).toBeGreaterThanOrEqual(5 * 3);
    expect(hits(restored)).toEqual(hits(built));
  });
});

describe("conditions and findings", () => {
  const c = config([
    { id: "pi-only", kind: "forbid", message: "{match}", appliesWhen: { all: ["personal-info", { not: "printing" }] }, params: { patterns: ["USBメモリ"] } },
  ], { conditions: { "personal-info": { any: ["個人情報", "マイナンバー"], minHits: 2 }, printing: { all: ["印刷", "封筒"] } } });
  it("applies rules by named conditions with any/all/not and minHits", () => {
    expect(lintDocument(md("個人情報をUSBメモリで運ぶ。\n"), c).findings).toEqual([]);
    expect(lintDocument(md("個人情報とマイナンバーをUSBメモリで運ぶ。\n"), c).findings).toHaveLength(1);
    expect(lintDocument(md("個人情報とマイナンバーをUSBメモリで運び、封筒を印刷する。\n"), c).findings).toEqual([]);
  });
  it("keeps fingerprints stable under edits elsewhere, with excerpt and section path", () => {
    const f = config([{ id: "kashi", kind: "forbid", message: "{match}", params: { patterns: ["瑕疵担保"] } },
      { id: "patch", kind: "require", section: ["情報セキュリティ"], params: { match: { all: ["パッチ"], obligation: true } } }]);
    const a = lintDocument(md("# 仕様\n\n## 情報セキュリティ\n\n受注者は瑕疵担保責任を負う。\n"), f).findings;
    const b = lintDocument(md("# 仕様書（案）\n\n前文を追加した。\n\n## 情報セキュリティ\n\n受注者は瑕疵担保責任を負う。\n"), f).findings;
    expect(a.map((x) => x.fingerprint)).toEqual(b.map((x) => x.fingerprint));
    expect(a.map((x) => [x.ruleId, x.excerpt, x.sectionPath])).toEqual([
      ["patch", "情報セキュリティ", ["仕様", "情報セキュリティ"]],
      ["kashi", "受注者は瑕疵担保責任を負う。", ["仕様", "情報セキュリティ"]],
    ]);
    expect(new Set(a.map((x) => x.fingerprint)).size).toBe(2);
  });
  it("gives a finding located on a heading that heading's section; an absent clause with no such heading sits at the top", () => {
    const f = config([{ id: "kashi", kind: "forbid", message: "{match}", params: { patterns: ["瑕疵担保"] } },
      { id: "patch", kind: "require", section: ["情報セキュリティ"], params: { match: { all: ["パッチ"], obligation: true } } },
      { id: "backup", kind: "require", section: ["バックアップ"], params: { match: { all: ["バックアップ"], obligation: true } } }]);
    const r = lintDocument(md("# 仕様\n\n## 瑕疵担保責任\n\n本文。\n\n## 情報セキュリティ\n\n本文。\n"), f).findings;
    const at = (l?: { line: number; column: number; endLine: number; endColumn: number }) => l && [l.line, l.column, l.endLine, l.endColumn];
    expect(r.map((x) => [x.ruleId, at(x.location), x.sectionPath])).toEqual([
      ["backup", [1, 1, 1, 1], undefined],
      ["kashi", [3, 4, 3, 8], ["仕様", "瑕疵担保責任"]],
      ["patch", [7, 1, 7, 12], ["仕様", "情報セキュリティ"]],
    ]);
  });
});
