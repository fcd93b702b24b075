// Small ResolvedConfig builders for engine tests (the config loader has its own tests).
import { readMarkdown } from "../../src/readers/markdown.js";
import type { ResolvedConfig, ResolvedRule } from "../../src/model/ruleset.js";
import type { SpecDocument } from "../../src/model/document.js";

export type RuleInput = Partial<ResolvedRule> & { id: string; kind: string; params?: Record<string, unknown> };

export function rule(r: RuleInput): ResolvedRule {
  return {
    severity: "error", title: r.id, message: `${r.id}: {missing}`, messageEn: `${r.id} (en): {missing}`, source: "test",
    rulesetId: "test", origin: { file: "/tmp/test-ruleset.yaml", line: 1, column: 1 }, params: {}, ...r,
  };
}

export function config(rules: RuleInput[], extra: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return {
    rulesets: [{ id: "test", title: "test", file: "/tmp/test-ruleset.yaml", variants: {}, terms: {}, negations: [], obligations: [],
      conditions: {}, overrides: {}, rules: [], termOrigins: {} }],
    rules: rules.map(rule), disabled: [], variants: { ぜい弱: "脆弱", サーバー: "サーバ" }, terms: {}, negations: [], obligations: [],
    conditions: {}, asOf: "2026-11-27", locale: "ja", ignore: [], ...extra,
  };
}

export function md(text: string, uri = "spec.md"): SpecDocument {
  return readMarkdown(text, uri);
}
