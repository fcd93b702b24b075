// Masks (words hiding shorter term hits inside them) and case-sensitive `cs:` entries.
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkDocument, lintDocument } from "../../src/engine/index.js";
import { resolveRulesetAsConfig, ConfigError } from "../../src/config/index.js";
import { config, md } from "./helpers.js";
import { tempDir } from "../temp.js";

const at = (f: { location?: { line: number; column: number; endLine: number; endColumn: number } }) =>
  [f.location?.line, f.location?.column, f.location?.endLine, f.location?.endColumn];

describe("masks", () => {
  const c = (masks?: string[], patterns = ["ログ"]) =>
    config([{ id: "log", kind: "forbid", message: "{match}", params: { patterns } }], masks ? { masks } : {});

  it("hides a term hit lying inside a mask word, keeps the others with exact locations", () => {
    const text = "プログラムとログインとカタログ。アクセスログ。\n";
    expect(lintDocument(md(text), c()).findings).toHaveLength(4);
    const f = lintDocument(md(text), c(["プログラム", "ログイン", "カタログ"])).findings;
    expect(f.map((x) => [x.message, ...at(x)])).toEqual([["ログ", 1, 21, 1, 23]]);
  });

  it("keeps a term equal to the mask word or longer than it", () => {
    const cfg = c(["ログイン", "プログラム"], ["ログイン", "ログイン履歴", "修正プログラム", "ログ"]);
    const { ctx } = checkDocument(md("ログインの記録。ログイン履歴を残す。修正プログラムを適用。ログ。\n"), cfg);
    const spans = (e: string) => ctx.hits(e).map((h) => [h.block, h.start, h.end]);
    expect(spans("ログイン")).toEqual([[0, 0, 4], [0, 8, 12]]);
    expect(spans("ログイン履歴")).toEqual([[0, 8, 14]]);
    expect(spans("修正プログラム")).toEqual([[0, 18, 25]]);
    expect(spans("ログ")).toEqual([[0, 29, 31]]);
  });

  it("hides shorter hits of every concept, regexes included, and masks may be term lists", () => {
    const cfg = config([{ id: "r", kind: "forbid", message: "{match}", params: { patterns: ["re:ロ[グク]", "グラ"] } }],
      { masks: ["$words"], terms: { words: ["プログラム", "re:ブロ[グク]"] } });
    expect(lintDocument(md("ブログとプログラムとログ。\n"), cfg).findings.map((x) => [x.message, ...at(x)])).toEqual([["ログ", 1, 11, 1, 13]]);
  });

  it("applies after normalisation: half-width and PDF-spaced mask words still hide", () => {
    const f = lintDocument(md("ﾌﾟﾛｸﾞﾗﾑ と プロ グ ラム 、ﾛｸﾞ。\n"), c(["プログラム"])).findings;
    expect(f.map((x) => x.message)).toEqual(["ﾛｸﾞ"]);
  });

  it("is loaded from a ruleset's top-level masks and merged along extends", async () => {
    const dir = tempDir("chotatsu-masks-");
    writeFileSync(join(dir, "base.yaml"), "id: base\ntitle: b\nmasks: [プログラム]\nrules:\n" +
      "  - { id: log, kind: forbid, severity: error, title: t, message: '{match}', messageEn: m, source: s, patterns: [ログ] }\n");
    writeFileSync(join(dir, "child.yaml"), "id: child\ntitle: c\nextends: ./base.yaml\nmasks: [ログイン]\n");
    const cfg = await resolveRulesetAsConfig(join(dir, "child.yaml"));
    expect(cfg.masks).toEqual(["プログラム", "ログイン"]);
    expect(lintDocument(md("プログラム、ログイン、ログ。\n"), cfg).findings.map((x) => at(x))).toEqual([[1, 12, 1, 14]]);
  });
});

describe("case-sensitive entries (cs:)", () => {
  const c = config([{ id: "ph", kind: "forbid", message: "{match}", params: { patterns: ["cs:re:\\bX{2,} ?(日|時間)", "cs:TBD", "tba"] } }]);

  it("matches only the written letter case, full-width capitals included", () => {
    const f = lintDocument(md("XX日以内、xx日以内、Xx日、ＸＸ時間以内。納期はTBD、tbd、TBA。\n"), c).findings;
    expect(f.map((x) => [x.message, ...at(x)])).toEqual([
      ["XX日", 1, 1, 1, 4],
      ["ＸＸ時間", 1, 17, 1, 21],
      ["TBD", 1, 27, 1, 30],
      ["TBA", 1, 35, 1, 38],
    ]);
  });

  it("keeps the letter case in place after a character outside the basic plane (two code units)", () => {
    const f = lintDocument(md("納期（📌）はＸＸ日以内、xx日以内。\n"), c).findings;
    expect(f.map((x) => [x.message, ...at(x)])).toEqual([["ＸＸ日", 1, 8, 1, 11]]);
  });

  it("a case-sensitive literal keeps whole-word matching and sits beside its case-insensitive twin", () => {
    const cfg = config([
      { id: "upper", kind: "forbid", message: "{match}", params: { patterns: ["cs:IE"] } },
      { id: "any", kind: "forbid", message: "{match}", params: { patterns: ["ie"] } },
    ]);
    const f = lintDocument(md("IE、ie、client。\n"), cfg).findings;
    expect(f.map((x) => [x.ruleId, x.message])).toEqual([["any", "IE"], ["upper", "IE"], ["any", "ie"]]);
  });

  it("rejects cs: before a $name in a ruleset, with its line", async () => {
    const dir = tempDir("chotatsu-cs-");
    writeFileSync(join(dir, "r.yaml"), "id: r\ntitle: r\nterms:\n  a: [x]\nrules:\n" +
      "  - id: x\n    kind: forbid\n    severity: error\n    title: t\n    message: m\n    messageEn: m\n    source: s\n    patterns: ['cs:$a']\n");
    const e = await resolveRulesetAsConfig(join(dir, "r.yaml")).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).errors.map((x) => [x.messageId, x.line])).toEqual([["config.schema.pattern", 13]]);
  });
});
