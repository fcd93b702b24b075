// Run every rule's own examples: good ones must leave the rule silent (require: status present),
// bad ones must make it fire (require: partial/absent), or match a pinned status/count.
// Examples are written for the rule as their own ruleset defines it: a rule's examples run with the
// defining ruleset's params even when an extending ruleset overrides them, and an override's own
// examples run with the params as overridden.
import { readMarkdown } from "../readers/markdown.js";
import { t, type Locale } from "../i18n/index.js";
import type { ExampleSpec, ResolvedConfig, ResolvedRule, RuleExampleSet } from "../model/ruleset.js";
import { checkDocument } from "./index.js";
import { compareFindings } from "../model/order.js";
import type { Finding } from "../model/finding.js";
import type { SpecDocument } from "../model/document.js";

export interface ExampleResult {
  ruleId: string;
  kind: "good" | "bad";
  /** 1-based position in the rule's good/bad list. */
  index: number;
  /** For examples given in a ruleset's `overrides:`, that ruleset's id (they test the overridden rule). */
  overriddenBy?: string;
  text: string;
  ok: boolean;
  /** Why it failed (or "as expected"), localised. */
  detail: string;
}

export interface ExampleOptions { locale?: Locale; rules?: readonly string[] }

type Example = Exclude<ExampleSpec, string>;

export function specOf(e: ExampleSpec): Example {
  return typeof e === "string" ? { text: e } : e;
}

function exampleSetsOf(rule: ResolvedRule): RuleExampleSet[] {
  if (rule.exampleSets) return rule.exampleSets;
  return rule.examples ? [{ rulesetId: rule.rulesetId, params: rule.params, severity: rule.severity, examples: rule.examples }] : [];
}

/** The configuration with `rule` as the example set was written for (the same object when nothing differs). */
function configFor(config: ResolvedConfig, rule: ResolvedRule, set: RuleExampleSet): ResolvedConfig {
  if (set.params === rule.params && set.severity === rule.severity) return config;
  return { ...config, rules: [{ ...rule, params: set.params, severity: set.severity }] };
}

export function runExamples(config: ResolvedConfig, opts: ExampleOptions = {}): ExampleResult[] {
  const locale = opts.locale ?? config.locale ?? "ja";
  const wanted = opts.rules ? new Set(opts.rules) : undefined;
  const out: ExampleResult[] = [];
  for (const rule of config.rules) {
    if (wanted && !wanted.has(rule.id)) continue;
    for (const set of exampleSetsOf(rule)) {
      const setConfig = configFor(config, rule, set);
      const overriddenBy = set.rulesetId !== rule.rulesetId ? set.rulesetId : undefined;
      for (const kind of ["good", "bad"] as const) {
        (set.examples[kind] ?? []).forEach((raw, i) => {
          const ex = specOf(raw);
          const uri = `example:${rule.id}/${overriddenBy ? overriddenBy + "/" : ""}${kind}/${i + 1}.md`;
          const { ok, detail } = judge(setConfig, rule.id, kind, ex, uri, locale);
          out.push({ ruleId: rule.id, kind, index: i + 1, ...(overriddenBy ? { overriddenBy } : {}), text: ex.text, ok, detail });
        });
      }
    }
  }
  return out;
}

function judge(config: ResolvedConfig, ruleId: string, kind: "good" | "bad", ex: Example, uri: string, locale: Locale): { ok: boolean; detail: string } {
  return judgeDocument(config, ruleId, kind, ex, readMarkdown(ex.text, uri), locale);
}

/**
 * Whether `doc`, the example's text in some format (Markdown above; the same text as a Word file in
 * test/rulesets/examples-docx.test.ts), meets the example's expectation. `at` pins a Markdown line and
 * column: a Word file is checked on status and count only (`checkAt: false`).
 */
export function judgeDocument(config: ResolvedConfig, ruleId: string, kind: "good" | "bad", spec: ExampleSpec, doc: SpecDocument,
  locale: Locale, { checkAt = true }: { checkAt?: boolean } = {}): { ok: boolean; detail: string } {
  const ex = specOf(spec);
  const { findings, coverage } = checkDocument(doc, config, { only: new Set([ruleId]), ignoreApplies: true, locale });
  const status = coverage[ruleId]?.status;
  const mine = findings.filter((f) => f.ruleId === ruleId);
  let ok: boolean;
  let detail: string;
  if (ex.status !== undefined && status !== undefined) {
    ok = status === ex.status;
    detail = ok ? t("example.ok", {}, locale) : t("example.status", { actual: status, expected: ex.status }, locale);
  } else if (ex.count !== undefined) {
    ok = mine.length === ex.count;
    detail = ok ? t("example.ok", {}, locale) : t("example.count", { actual: mine.length, expected: ex.count }, locale);
  } else if (kind === "good") {
    ok = status !== undefined ? status === "present" && mine.length === 0 : mine.length === 0;
    detail = ok ? t("example.ok", {}, locale) : t("example.good.fired", { detail: mine[0]?.message ?? (status ?? "") }, locale);
  } else {
    ok = status !== undefined ? status !== "present" : mine.length > 0;
    detail = ok ? t("example.ok", {}, locale) : t("example.bad.silent", {}, locale);
  }
  if (ok && checkAt && ex.at !== undefined) {
    const where = firstPlace(mine, ex.at.includes("-"));
    ok = where === ex.at;
    if (!ok) detail = t("example.at", { actual: where ?? "-", expected: ex.at }, locale);
  }
  return { ok, detail };
}

/** `line:column` (with `-endLine:endColumn` when `withEnd`) of the first finding in document order. */
function firstPlace(findings: readonly Finding[], withEnd: boolean): string | undefined {
  const first = [...findings].sort(compareFindings)[0];
  const l = first?.location;
  if (!l) return undefined;
  return `${l.line}:${l.column}` + (withEnd ? `-${l.endLine}:${l.endColumn}` : "");
}
