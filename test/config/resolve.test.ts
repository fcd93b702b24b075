// extends / overrides / options merging, config discovery, defaults.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findConfigFile, loadConfig, resolveRulesetAsConfig, loadRulesetFile, initConfigText, packageRoot, builtinRulesetPath, builtinRulesetNames } from "../../src/config/index.js";
import { parseYamlText } from "../../src/config/yaml-source.js";
import { deepMerge } from "../../src/config/merge.js";
import { todayLocal } from "../../src/config/dates.js";
import { rule, tempTree, testKinds } from "./helpers.js";

const kinds = testKinds;
const fixtures = join(fileURLToPath(new URL(".", import.meta.url)), "fixtures");

describe("ruleset extends and overrides", () => {
  it("resolves base first, merges vocabulary, applies overrides with reasons and options", async () => {
    const c = await resolveRulesetAsConfig(join(fixtures, "agency.yaml"), { kinds });
    expect(c.rulesets.map((r) => r.id)).toEqual(["base", "agency"]);
    expect(c.rules.map((r) => [r.id, r.severity, r.rulesetId])).toEqual([
      ["patch-latest", "error", "base"],
      ["log-retention", "warning", "base"],
      ["agency-extra", "info", "agency"],
    ]);
    expect(c.disabled.map((r) => [r.id, r.overrideReason])).toEqual([["vendor-specific", "保守契約のみのため"]]);
    // later rulesets replace a term list as a whole, add negations
    expect(c.terms.install).toEqual(["導入", "インストール"]);
    expect(c.terms.patch).toEqual(["セキュリティパッチ", "修正プログラム", "re:更新(プログラム|モジュール)"]);
    expect(c.negations).toEqual(["しない", "不要"]);
    expect(c.variants).toEqual({ ぜい弱: "脆弱" });
    // options deep-merge: min replaced, match and label kept
    expect(c.rules[1]!.params).toEqual({
      checks: { "log-retention": { match: { all: ["$log"], any: ["$retain"] }, min: "2年", label: { ja: "ログの保存期間", en: "log retention" } } },
    });
    expect(c.asOf).toBe("2026-04-01");
    expect(c.locale).toBe("ja");
  });

  it("keeps each rule's examples with the params they were written for; an override's examples with the overridden params", async () => {
    const dir = tempTree({
      "base.yaml": ["id: base", "title: B", "rules:", rule("ret", "threshold", [
        "    checks: { log: { match: { all: [ログ] }, min: 1年 } }",
        "    examples: { good: [ログを1年保存], bad: [ログを1か月保存] }",
      ], "warning")].join("\n") + "\n",
      "agency.yaml": ["id: agency", "title: A", "extends: ./base.yaml", "overrides:",
        "  ret:", "    severity: error", "    options: { checks: { log: { min: 3年 } } }",
        "    examples: { good: [ログを3年保存], bad: [ログを1年保存] }"].join("\n") + "\n",
    });
    const c = await resolveRulesetAsConfig(join(dir, "agency.yaml"), { kinds });
    const ret = c.rules[0]!;
    const min = (p: Record<string, unknown>) => (p.checks as { log: { min: string } }).log.min;
    expect([ret.severity, min(ret.params)]).toEqual(["error", "3年"]);
    expect(ret.exampleSets!.map((s) => [s.rulesetId, s.severity, min(s.params), s.examples.good])).toEqual([
      ["base", "warning", "1年", ["ログを1年保存"]],
      ["agency", "error", "3年", ["ログを3年保存"]],
    ]);
  });

  it("keeps the origin of every rule and of term and pattern values", async () => {
    const def = await loadRulesetFile(join(fixtures, "base.yaml"), kinds);
    const file = join(fixtures, "base.yaml");
    expect(def.rules[0]!.origin).toEqual({ file, line: 16, column: 5 });
    expect(def.rules[0]!.params).toEqual({ match: { all: ["$patch", "$apply"], within: "sentence", obligation: true } });
    expect(def.rules[0]!.appliesWhen).toBe("system");
    expect(def.termOrigins.patch).toEqual({ file, line: 6, column: 3 });
    expect(def.valueOrigins!["re:更新(プログラム|モジュール)"]).toEqual({ file, line: 6, column: 31 });
    expect(def.rules[2]!.valueOrigins!["製品X"]).toEqual({ file, line: 44, column: 16 });
  });
});

describe("config", () => {
  const tree = () =>
    tempTree({
      "project/.chotatsu-lint.yaml": [
        "rulesets: [./rules/agency.yaml]",
        "rules:",
        "  patch-latest: warn",
        "  agency-extra: { severity: error }",
        "  log-retention: { options: { checks: { log-retention: { min: 3年, match: { any: [$retain, 記録] } } } } }",
        "  vendor-specific: error",
        "asOf: 2026-11-27",
        "ignore: [\"drafts/**\"]",
        "locale: en",
      ].join("\n"),
      "project/rules/agency.yaml": "id: agency\ntitle: A\nextends: ../../base.yaml\nrules: []\n",
      "base.yaml": [
        "id: base", "title: B", "terms:", "  retain: [保存]", "  log: [ログ]", "rules:",
        rule("patch-latest", "forbid", ["    patterns: [x]"]),
        rule("log-retention", "threshold", ["    checks:", "      log-retention: { match: { all: [$log], any: [$retain] }, min: 1年 }"]),
        rule("agency-extra", "forbid", ["    patterns: [y]"], "info"),
        rule("vendor-specific", "forbid", ["    patterns: [z]"]),
      ].join("\n"),
      "project/docs/deep/spec.md": "# x\n",
    });

  it("is found upward from the working directory and applied last", async () => {
    const dir = tree();
    const c = await loadConfig({ cwd: join(dir, "project/docs/deep"), kinds });
    expect(c.configFile).toBe(join(dir, "project/.chotatsu-lint.yaml"));
    expect(Object.fromEntries(c.rules.map((r) => [r.id, r.severity]))).toEqual({
      "patch-latest": "warning", "log-retention": "error", "agency-extra": "error", "vendor-specific": "error",
    });
    // arrays replace, objects merge
    expect(c.rules[1]!.params).toEqual({ checks: { "log-retention": { match: { all: ["$log"], any: ["$retain", "記録"] }, min: "3年" } } });
    expect(c.rules[1]!.valueOrigins!["記録"]).toEqual({ file: join(dir, "project/.chotatsu-lint.yaml"), line: 5, column: 91 });
    expect(c.asOf).toBe("2026-11-27");
    expect(c.locale).toBe("en");
    expect(c.ignore).toEqual(["drafts/**"]);
  });

  it("command-line asOf and locale win over the config", async () => {
    const dir = tree();
    const c = await loadConfig({ cwd: join(dir, "project"), kinds, asOf: "2027-01-31", locale: "ja" });
    expect([c.asOf, c.locale]).toEqual(["2027-01-31", "ja"]);
  });

  it("--config is used as given; extra rulesets come after the config's own", async () => {
    const dir = tree();
    const extra = join(dir, "extra.yaml");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(extra, "id: extra\ntitle: E\nrules:\n" + rule("extra-rule", "forbid", ["    patterns: [w]"]) + "\n");
    const c = await loadConfig({ cwd: dir, configPath: "project/.chotatsu-lint.yaml", rulesets: ["extra.yaml"], kinds });
    expect(c.rulesets.map((r) => r.id)).toEqual(["base", "agency", "extra"]);
    expect(c.rules.at(-1)!.id).toBe("extra-rule");
  });

  it("a ruleset reached twice (config extends and another ruleset's extends) is loaded once", async () => {
    const dir = tree();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "project/.chotatsu-lint.yaml"), "extends: [../base.yaml]\nrulesets: [./rules/agency.yaml]\n");
    const c = await loadConfig({ cwd: join(dir, "project"), kinds });
    expect(c.rulesets.map((r) => r.id)).toEqual(["base", "agency"]);
  });

  it("asOf defaults to today in local time", async () => {
    const dir = tempTree({ ".chotatsu-lint.yaml": "rulesets: [./r.yaml]\n", "r.yaml": "id: r\ntitle: R\nrules: []\n" });
    const c = await loadConfig({ cwd: dir, kinds });
    expect(c.asOf).toBe(todayLocal());
    expect(todayLocal(new Date(2026, 0, 5, 0, 30))).toBe("2026-01-05");
  });

  it("discovery stops at the filesystem root and prefers .yaml over .yml", () => {
    const dir = tempTree({ "a/.chotatsu-lint.yml": "", "a/.chotatsu-lint.yaml": "", "b/c/x.md": "" });
    expect(findConfigFile(join(dir, "a"))).toBe(join(dir, "a/.chotatsu-lint.yaml"));
    const empty = tempTree({});
    mkdirSync(join(empty, "x/y"), { recursive: true });
    // tmpdir has no config above it on this machine; the search must end without one
    expect(findConfigFile(join(empty, "x/y"))).toBeUndefined();
  });
});

describe("built-in default", () => {
  it("with no config at all the built-in mhlw-tebiki ruleset is used", async () => {
    const dir = tempTree({ "spec.md": "# 仕様書\n" });
    const c = await loadConfig({ cwd: dir });
    expect(c.configFile).toBeUndefined();
    expect(c.rulesets.map((r) => r.id)).toEqual(["mhlw-tebiki"]);
    expect(c.rulesets[0]!.file).toBe(builtinRulesetPath("mhlw-tebiki"));
    expect(c.rules.length).toBeGreaterThan(0);
  });

  it("a config that names no ruleset (empty, or only rules:) applies to the built-in default", async () => {
    const empty = await loadConfig({ cwd: tempTree({ ".chotatsu-lint.yaml": "# nothing yet\n" }) });
    expect(empty.rulesets.map((r) => r.id)).toEqual(["mhlw-tebiki"]);
    const dir = tempTree({ ".chotatsu-lint.yaml": "rules:\n  patch-latest: { severity: off, reason: 別契約で対応 }\n" });
    const c = await loadConfig({ cwd: dir });
    expect(c.rules.some((r) => r.id === "patch-latest")).toBe(false);
    expect(c.disabled.find((r) => r.id === "patch-latest")?.overrideReason).toBe("別契約で対応");
  });

  it("lists built-in rulesets, not data files such as eol-products.yaml", () => {
    expect(builtinRulesetNames()).toContain("mhlw-tebiki");
    expect(builtinRulesetNames()).not.toContain("eol-products");
  });

  it("packageRoot finds the repository from src/", () => {
    expect(packageRoot()).toBe(join(fixtures, "../../.."));
  });
});

describe("baseline: key", () => {
  it("resolves relative to the config file, wherever the run starts", async () => {
    const dir = tempTree({ ".chotatsu-lint.yaml": "baseline: ci/.baseline.json\n", "specs/x.md": "" });
    const c = await loadConfig({ cwd: join(dir, "specs"), kinds });
    expect(c.baseline).toBe(join(dir, "ci", ".baseline.json"));
    expect((await loadConfig({ cwd: tempTree({ ".chotatsu-lint.yaml": "locale: ja\n" }), kinds })).baseline).toBeUndefined();
  });

  it("must be a non-empty string", async () => {
    for (const v of ["[a.json]", "\"\""]) {
      const dir = tempTree({ ".chotatsu-lint.yaml": `baseline: ${v}\n` });
      await expect(loadConfig({ cwd: dir, kinds })).rejects.toThrow();
    }
  });
});

describe("init template", () => {
  it.each(["ja", "en"] as const)("is valid config YAML that loads (%s)", async (locale) => {
    const text = initConfigText(locale, "2026-11-27");
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/node_modules\/chotatsu-lint\/schemas\/config\.schema\.json\n/);
    expect(text).toContain(locale === "ja" ? "# 使う規則セット" : "# Rulesets to use");
    expect(parseYamlText(text, "x.yaml").data).toEqual({ extends: ["mhlw-tebiki"], locale });
    const dir = tempTree({ ".chotatsu-lint.yaml": text });
    const c = await loadConfig({ cwd: dir });
    expect(c.locale).toBe(locale);
    // The commented-out baseline line is a valid setting once uncommented.
    const on = text.replace("# baseline: .chotatsu-baseline.json", "baseline: .chotatsu-baseline.json");
    expect(on).not.toBe(text);
    expect((await loadConfig({ cwd: tempTree({ ".chotatsu-lint.yaml": on }) })).baseline).toMatch(/\.chotatsu-baseline\.json$/);
  });
});

describe("deepMerge", () => {
  it("merges objects, replaces arrays and scalars, leaves the base untouched", () => {
    const base = { a: { b: 1, c: [1, 2] }, d: "x" };
    expect(deepMerge(base, { a: { c: [3] }, d: "y", e: true })).toEqual({ a: { b: 1, c: [3] }, d: "y", e: true });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: "x" });
  });
});
