// Every config/ruleset error: message text (ja and en), file, line and column.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { symlinkSync, writeFileSync } from "node:fs";
import { loadConfig, resolveRulesetAsConfig, loadRulesetFile, ConfigError, formatConfigError } from "../../src/config/index.js";
import { MAX_CONFIG_BYTES } from "../../src/config/yaml-source.js";
import { t } from "../../src/i18n/index.js";
import { rule, tempTree, testKinds } from "./helpers.js";

const kinds = testKinds;

async function configErrors(files: Record<string, string>, opts: { asOf?: string } = {}): Promise<{ dir: string; errors: ConfigError[] }> {
  const dir = tempTree(files);
  try {
    await loadConfig({ cwd: dir, kinds, ...opts });
  } catch (e) {
    if (e instanceof ConfigError) return { dir, errors: e.errors };
    throw e;
  }
  throw new Error("expected a ConfigError");
}

const text = (e: ConfigError, locale: "ja" | "en" = "ja") => t(e.messageId, e.params, locale);

const base = (rules: string[], head: string[] = []) =>
  ["id: base", "title: 基本", ...head, "terms:", "  patch: [パッチ]", "rules:", ...rules].join("\n") + "\n";

describe("config file errors", () => {
  it("unknown key, with the closest valid key suggested", async () => {
    const { dir, errors } = await configErrors({
      ".chotatsu-lint.yaml": "rulesets: [./base.yaml]\nruls:\n  x: off\n",
      "base.yaml": base([rule("x", "forbid", ["    patterns: [a]"])]),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.schema.unknownKey", file: join(dir, ".chotatsu-lint.yaml"), line: 2, column: 1 });
    expect(text(errors[0]!)).toBe("不明なキー「ruls」です。「rules」の誤りではありませんか。");
    expect(text(errors[0]!, "en")).toBe('Unknown key "ruls". Did you mean "rules"?');
  });

  it("examples in config rules: (only a ruleset's overrides may bring examples)", async () => {
    const { errors } = await configErrors({
      ".chotatsu-lint.yaml": "rulesets: [./base.yaml]\nrules:\n  x: { severity: warn, examples: { good: [a] } }\n",
      "base.yaml": base([rule("x", "forbid", ["    patterns: [a]"])]),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.schema.unknownKey", line: 3, column: 24 });
  });

  it("wrong type", async () => {
    const { errors } = await configErrors({ ".chotatsu-lint.yaml": "rulesets: [./b.yaml]\nignore: drafts/**\n" });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.schema.type", line: 2, column: 9 });
    expect(text(errors[0]!)).toBe("「ignore」の型が違います（array が必要です）。");
  });

  it("unknown severity in config rules", async () => {
    const { errors } = await configErrors({
      ".chotatsu-lint.yaml": "rulesets: [./base.yaml]\nrules:\n  x: critical\n",
      "base.yaml": base([rule("x", "forbid", ["    patterns: [a]"])]),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.schema.unknownSeverity", line: 3, column: 6 });
    expect(text(errors[0]!)).toBe("不明な重大度「critical」です。使える値: off, info, warn, warning, error");
  });

  it("unknown rule id in config rules, after extends are resolved", async () => {
    const { dir, errors } = await configErrors({
      ".chotatsu-lint.yaml": "rulesets: [./agency.yaml]\nrules:\n  patch-lates: off\n",
      "agency.yaml": "id: agency\ntitle: 独法\nextends: ./base.yaml\nrules: []\n",
      "base.yaml": base([rule("patch-latest", "forbid", ["    patterns: [a]"])]),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.rule.unknownId", file: join(dir, ".chotatsu-lint.yaml"), line: 3, column: 3 });
    expect(text(errors[0]!)).toBe("規則 ID「patch-lates」は有効な規則セットにありません。「patch-latest」の誤りではありませんか。");
  });

  it("bad asOf date in the config, and on the command line", async () => {
    const { errors } = await configErrors({ ".chotatsu-lint.yaml": "asOf: 2026-02-30\n" });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.asOf.invalid", line: 1, column: 7 });
    expect(text(errors[0]!)).toBe("asOf「2026-02-30」は正しい日付ではありません（YYYY-MM-DD 形式の実在する日付）。");
    const cli = await configErrors({ "base.yaml": base([rule("x", "forbid", ["    patterns: [a]"])]), ".chotatsu-lint.yaml": "rulesets: [./base.yaml]\n" }, { asOf: "2026/1/1" });
    expect(cli.errors[0]).toMatchObject({ messageId: "config.asOf.invalid", file: undefined, params: { value: "2026/1/1" } });
  });

  it("missing ruleset file and unknown built-in name", async () => {
    const { dir, errors } = await configErrors({ ".chotatsu-lint.yaml": "extends: [no-such-builtin]\nrulesets:\n  - ./missing.yaml\n" });
    expect(errors.map((e) => [e.messageId, e.line, e.column])).toEqual([
      ["config.extends.unknownBuiltin", 1, 11],
      ["config.extends.notFound", 3, 5],
    ]);
    expect(text(errors[1]!)).toBe(`extends/rulesets のファイル「./missing.yaml」が見つかりません（${join(dir, "missing.yaml")}）。`);
  });

  it("--config naming a symlink loop says so, not 'not found'", async () => {
    const dir = tempTree({});
    symlinkSync("loop.yaml", join(dir, "loop.yaml"));
    const err = await loadConfig({ cwd: dir, configPath: "loop.yaml", kinds }).catch((e: unknown) => e as ConfigError);
    expect(err).toMatchObject({ messageId: "config.file.unreadable", file: join(dir, "loop.yaml") });
    expect(text(err as ConfigError)).toMatch(/^ファイルを読めません: ELOOP/);
  });

  it("--config naming a file that does not exist", async () => {
    const dir = tempTree({});
    await expect(loadConfig({ cwd: dir, configPath: "nope.yaml", kinds })).rejects.toMatchObject({
      messageId: "config.file.notFound", file: join(dir, "nope.yaml"),
    });
  });
});

describe("ruleset errors", () => {
  const rulesetErrors = async (files: Record<string, string>, entry = "r.yaml") => {
    const dir = tempTree(files);
    try {
      await resolveRulesetAsConfig(join(dir, entry), { kinds });
    } catch (e) {
      if (e instanceof ConfigError) return { dir, errors: e.errors };
      throw e;
    }
    throw new Error("expected a ConfigError");
  };

  it("unknown key inside a rule, suggesting the kind's parameter", async () => {
    const { dir, errors } = await rulesetErrors({ "r.yaml": base([rule("a", "forbid", ["    patterns: [x]", "    unles: { any: [y] }"])]) });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.schema.unknownKey", file: join(dir, "r.yaml"), line: 14, column: 5 });
    expect(text(errors[0]!)).toBe("不明なキー「unles」です。「unless」の誤りではありませんか。");
  });

  it("unknown rule kind", async () => {
    const { errors } = await rulesetErrors({ "r.yaml": base([rule("a", "requir")]) });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.schema.unknownKind", line: 7, column: 11 });
    expect(text(errors[0]!)).toBe("不明な規則の種類（kind）「requir」です。「require」の誤りではありませんか。 使える種類: forbid, require, threshold");
  });

  it("unknown severity in a rule", async () => {
    const { errors } = await rulesetErrors({ "r.yaml": base([rule("a", "forbid", ["    patterns: [x]"], "fatal")]) });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.schema.unknownSeverity", line: 8, column: 15 });
    expect(text(errors[0]!, "en")).toBe('Unknown severity "fatal". Allowed: error, warning, info');
  });

  it("missing required key and wrong type inside kind parameters", async () => {
    const { errors } = await rulesetErrors({
      "r.yaml": base([rule("a", "forbid", ["    patterns: x"]), rule("b", "forbid", ["    unless: { any: [y] }"])]),
    });
    expect(errors.map((e) => [e.messageId, e.line, e.column, text(e)])).toEqual([
      ["config.schema.type", 13, 15, "「rules[0].patterns」の型が違います（array が必要です）。"],
      ["config.schema.required", 14, 5, "必須のキー「patterns」がありません。"],
    ]);
  });

  it("undefined $term, wherever a term list is expected", async () => {
    const { errors } = await rulesetErrors({
      "r.yaml": base(
        [rule("a", "require", ["    match: { all: [$patch, $pach], within: sentence }"])],
        ["conditions:", "  cloud: { any: [$cloud] }"],
      ),
    });
    expect(errors.map((e) => [e.messageId, e.line, e.column, text(e)])).toEqual([
      ["config.term.undefined", 4, 18, "用語リスト「$cloud」が定義されていません。"],
      ["config.term.undefined", 15, 28, "用語リスト「$pach」が定義されていません。「patch」の誤りではありませんか。"],
    ]);
  });

  it("undefined appliesWhen condition", async () => {
    const { errors } = await rulesetErrors({ "r.yaml": base([rule("a", "forbid", ["    patterns: [x]", "    appliesWhen: { not: sytem }"])]) });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.condition.undefined", line: 14, column: 25, params: { name: "sytem" } });
  });

  it("a term list that includes itself", async () => {
    const { errors } = await rulesetErrors({ "r.yaml": "id: r\ntitle: R\nterms:\n  a: [x, $b]\n  b: [$a]\nrules: []\n" });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.term.cycle", line: 4, column: 3 });
    expect(text(errors[0]!)).toBe("用語リストが循環して参照されています: $a → $b → $a");
  });

  it("duplicate rule id across active rulesets names both places", async () => {
    const { dir, errors } = await rulesetErrors({
      "base.yaml": base([rule("dup", "forbid", ["    patterns: [x]"])]),
      "r.yaml": ["id: r", "title: R", "extends: ./base.yaml", "rules:", rule("dup", "forbid", ["    patterns: [y]"])].join("\n"),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.rule.duplicateId", file: join(dir, "r.yaml"), line: 5, column: 5 });
    expect(text(errors[0]!)).toBe(`規則 ID「dup」が重複しています（最初の定義: ${join(dir, "base.yaml")}:6:5）。`);
  });

  it("unknown rule id in ruleset overrides", async () => {
    const { errors } = await rulesetErrors({
      "base.yaml": base([rule("vendor-specific", "forbid", ["    patterns: [x]"])]),
      "r.yaml": "id: r\ntitle: R\nextends: ./base.yaml\noverrides:\n  vendor-specifc: { severity: off, reason: 不要 }\nrules: []\n",
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.rule.unknownId", line: 5, column: 3, params: { suggestion: "vendor-specific" } });
  });

  it("extends cycle", async () => {
    const { dir, errors } = await rulesetErrors({
      "r.yaml": "id: r\ntitle: R\nextends: ./s.yaml\nrules: []\n",
      "s.yaml": "id: s\ntitle: S\nextends: ./r.yaml\nrules: []\n",
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.extends.cycle", file: join(dir, "s.yaml"), line: 3, column: 10 });
    expect(text(errors[0]!)).toBe("extends が循環しています: r.yaml → s.yaml → r.yaml");
  });

  it("bad asOf in a ruleset", async () => {
    const { errors } = await rulesetErrors({ "r.yaml": "id: r\ntitle: R\nasOf: 2026-13-01\nrules: []\n" });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.asOf.invalid", line: 3, column: 7 });
  });

  it("options that break the kind's schema after merging name the config line", async () => {
    const dir = tempTree({
      "base.yaml": base([rule("log-retention", "threshold", ["    checks:", "      log: { min: 1年 }"])]),
      ".chotatsu-lint.yaml": "rulesets: [./base.yaml]\nrules:\n  log-retention:\n    options: { checks: { log: { mn: 3年 } } }\n",
    });
    const err = await loadConfig({ cwd: dir, kinds }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const errors = (err as ConfigError).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.schema.unknownKey", file: join(dir, ".chotatsu-lint.yaml"), line: 4, column: 33 });
    expect(text(errors[0]!)).toBe("不明なキー「mn」です。「min」の誤りではありませんか。");
  });

  it("collects several errors from several files and formats each with file:line:column", async () => {
    const dir = tempTree({
      "a.yaml": base([rule("a", "forbid", ["    patterns: [x]", "    extra: 1"])]),
      "b.yaml": "id: b\ntitle: B\nrule: []\n",
      ".chotatsu-lint.yaml": "rulesets: [./a.yaml, ./b.yaml]\n",
    });
    const err = (await loadConfig({ cwd: dir, kinds }).catch((e: unknown) => e)) as ConfigError;
    expect(err.messageId).toBe("config.multiple");
    expect(formatConfigError(err, "en")).toEqual([
      `${join(dir, "a.yaml")}:14:5: Unknown key "extra". Allowed keys: ${Object.keys({ id: 1, kind: 1, severity: 1, title: 1, titleEn: 1, message: 1, messageEn: 1, source: 1, suggestion: 1, why: 1, section: 1, appliesWhen: 1, examples: 1, patterns: 1, unless: 1 }).join(", ")}`,
      `${join(dir, "b.yaml")}:3:1: Unknown key "rule". Did you mean "rules"?`,
    ]);
  });
});

describe("YAML-level errors", () => {
  it("duplicate keys", async () => {
    const dir = tempTree({ "r.yaml": "id: r\ntitle: R\nterms:\n  a: [x]\n  a: [y]\nrules: []\n" });
    const err = (await loadRulesetFile(join(dir, "r.yaml"), kinds).catch((e: unknown) => e)) as ConfigError;
    expect(err).toMatchObject({ messageId: "config.yaml.duplicateKey", params: { key: "a" }, line: 5, column: 3 });
    expect(text(err)).toBe("キー「a」が重複しています。");
  });

  it("syntax error", async () => {
    const dir = tempTree({ "r.yaml": "id: r\ntitle: [R\nrules: []\n" });
    const err = (await loadRulesetFile(join(dir, "r.yaml"), kinds).catch((e: unknown) => e)) as ConfigError;
    expect(err.errors[0]).toMatchObject({ messageId: "config.yaml.syntax", file: join(dir, "r.yaml") });
    expect(err.errors[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it("refuses an alias bomb quickly", async () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) lines.push(`${"abcdefghijkl"[i]}: &${"abcdefghijkl"[i]} [${Array(10).fill(`*${"abcdefghijkl"[i - 1]}`).join(", ")}]`);
    const dir = tempTree({ "r.yaml": `id: r\ntitle: R\nterms:\n${lines.map((l) => "  " + l).join("\n")}\nrules: []\n` });
    const started = performance.now();
    const err = (await loadRulesetFile(join(dir, "r.yaml"), kinds).catch((e: unknown) => e)) as ConfigError;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(err).toMatchObject({ messageId: "config.yaml.aliasBomb", line: 5, column: 10 });
    expect(text(err)).toBe("YAML のエイリアス展開が多すぎます（上限 100）。エイリアス（*名前）を使わずに書いてください。");
  });

  it("refuses a file over the size cap before parsing it", async () => {
    const dir = tempTree({});
    const file = join(dir, ".chotatsu-lint.yaml");
    writeFileSync(file, "# " + "x".repeat(MAX_CONFIG_BYTES));
    await expect(loadConfig({ cwd: dir, kinds })).rejects.toMatchObject({ messageId: "config.file.tooLarge", file, line: 1, column: 1 });
  });
});

describe("alternatives (oneOf) report the branch the author meant", () => {
  it("object form of a config rule with a bad severity", async () => {
    const { errors } = await configErrors({
      ".chotatsu-lint.yaml": "rulesets: [./base.yaml]\nrules:\n  x: { severity: fatal }\n",
      "base.yaml": base([rule("x", "forbid", ["    patterns: [a]"])]),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.schema.unknownSeverity", line: 3, column: 18, params: { value: "fatal" } });
  });

  it("wrong type for every form", async () => {
    const { errors } = await configErrors({ ".chotatsu-lint.yaml": "extends: 3\n" });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.schema.type", line: 1, column: 10, params: { expected: "string | array" } });
  });

  it("a condition expression with an unknown key", async () => {
    const dir = tempTree({ "r.yaml": base([rule("a", "forbid", ["    patterns: [x]", "    appliesWhen: { any: [a], extra: 1 }"])], ["conditions:", "  a: { any: [x] }"]) });
    const err = (await resolveRulesetAsConfig(join(dir, "r.yaml"), { kinds }).catch((e: unknown) => e)) as ConfigError;
    expect(err.errors).toHaveLength(1);
    expect(err.errors[0]).toMatchObject({ messageId: "config.schema.unknownKey", params: { key: "extra" }, line: 16, column: 30 });
  });
});

describe("terms named in config options", () => {
  it("an undefined $term inside options is reported at the config line", async () => {
    const { dir, errors } = await configErrors({
      ".chotatsu-lint.yaml": "rulesets: [./base.yaml]\nrules:\n  a:\n    options: { unless: { any: [$patch, $pach] } }\n",
      "base.yaml": base([rule("a", "forbid", ["    patterns: [x]"])]),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ messageId: "config.term.undefined", file: join(dir, ".chotatsu-lint.yaml"), line: 4, column: 40, params: { name: "pach", suggestion: "patch" } });
  });
});
