// Runs a ruleset's own good/bad examples through the engine, one rule at a time.
import { resolve } from "node:path";
import { resolveRulesetAsConfig } from "../../src/config/index.js";
import { checkDocument } from "../../src/engine/index.js";
import { readMarkdown } from "../../src/readers/markdown.js";
import type { ExampleSpec, ResolvedConfig, ResolvedRule } from "../../src/model/ruleset.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const ASOF = "2026-11-27";

export interface ExampleOutcome {
  rule: string; kind: "good" | "bad"; index: number; text: string;
  ok: boolean; status?: string; count: number; detail: string;
}

export async function loadRuleset(file: string): Promise<ResolvedConfig> {
  return resolveRulesetAsConfig(resolve(ROOT, file), { asOf: ASOF });
}

/** Judge one text with one rule as if it applied. */
export function judge(config: ResolvedConfig, rule: ResolvedRule, text: string) {
  const doc = readMarkdown(text, "example.md");
  const { findings, coverage } = checkDocument(doc, config, { only: new Set([rule.id]), ignoreApplies: true });
  return { findings, coverage: coverage[rule.id] };
}

function spec(e: ExampleSpec) {
  return typeof e === "string" ? { text: e } : e;
}

export function runRuleExamples(config: ResolvedConfig, rule: ResolvedRule): ExampleOutcome[] {
  const out: ExampleOutcome[] = [];
  for (const kind of ["good", "bad"] as const) {
    (rule.examples?.[kind] ?? []).forEach((raw, index) => {
      const ex = spec(raw);
      const { findings, coverage } = judge(config, rule, ex.text);
      const status = coverage?.status;
      let ok: boolean;
      if (coverage) {
        ok = kind === "good" ? status === "present" : status !== "present" && (!ex.status || ex.status === status);
      } else {
        ok = kind === "good" ? findings.length === 0 : ex.count !== undefined ? findings.length === ex.count : findings.length > 0;
      }
      const detail = coverage ? `status=${status} missing=${coverage.missing.join(",")}` : findings.map((f) => f.message).join(" | ");
      out.push({ rule: rule.id, kind, index, text: ex.text, ok, status, count: findings.length, detail });
    });
  }
  return out;
}
